import Checks
import SourceText

/// A code action in domain terms: a fix for one finding, or all certain fixes at once.
package struct FixAction: Sendable {
    package enum Kind: Sendable, Equatable {
        /// One finding's fix (LSP `quickfix`).
        case quickFix
        /// Every certain fix until none is left, as one edit (LSP `source.fixAll`).
        case fixAll
        /// Silence this finding for this draft, in `vraagbaak.json` (a command, no edit).
        case silence(Silence, excerpt: String)
    }

    package let title: String
    package let kind: Kind
    /// The finding a quick fix repairs.
    package let finding: Finding?
    package let isPreferred: Bool?
    package let edits: [TextReplacement]

    package var isQuickFix: Bool {
        if case .fixAll = kind { return false }
        return true
    }
}

extension AnalysisSnapshot {
    /// The fixes of the findings that touch `range`, and the fix-all action, each when
    /// asked for. Runs every check: call it off the queue.
    ///
    /// - `fixAllEdits`: false leaves the fix-all action without its edit, for the
    ///   client to ask for it (`fixAllEdits()`) when the member picks it: it checks the
    ///   text twice and more, too slow to do for every cursor move on a long draft.
    /// - `findingLimit`: at most this many findings get actions, the most severe ones
    ///   (the first among equals), as the diagnostics keep them: a menu of ten
    ///   thousand fixes for a selection of the whole long draft helps nobody.
    package func codeActions(in range: TextRange, quickFixes: Bool, fixAll: Bool, fixAllEdits: Bool = true,
                             findingLimit: Int = .max) -> [FixAction] {
        let findings = findings()
        var actions: [FixAction] = []
        if quickFixes {
            let bytes = document.bytes
            let touched = findings.filter { Self.overlaps($0.range, range) }
            for finding in Finding.mostSevere(touched, limit: findingLimit) {
                for (index, fix) in finding.fixes.enumerated() {
                    actions.append(FixAction(title: fix.title, kind: .quickFix, finding: finding, isPreferred: index == 0,
                                             edits: fix.edits))
                }
                // On every finding: silence it for this draft (in vraagbaak.json, never in the text).
                actions.append(FixAction(title: "Deze melding negeren in dit ontwerp",
                                         kind: .silence(Silence(finding, in: bytes),
                                                        excerpt: Silence.excerpt(of: finding.range, in: bytes)),
                                         finding: finding, isPreferred: nil, edits: []))
            }
        }
        if fixAll, findings.contains(where: { $0.fixes.contains(where: \.isCertain) }) {
            // The certain fixes only, until none is left (`Checker.fixAll`), as one edit.
            if !fixAllEdits {
                actions.append(Self.fixAllAction(edits: []))
            } else if let replacement = minimalReplacement(from: document.text, to: self.fixAll()) {
                actions.append(Self.fixAllAction(edits: [replacement]))
            }
        }
        return actions
    }

    /// The edit of the fix-all action: every certain fix until none is left
    /// (`Checker.fixAll`), as one replacement; none when nothing changes.
    package func fixAllEdits() -> [TextReplacement] {
        minimalReplacement(from: document.text, to: fixAll()).map { [$0] } ?? []
    }

    private static func fixAllAction(edits: [TextReplacement]) -> FixAction {
        FixAction(title: "Alle zekere correcties toepassen", kind: .fixAll, finding: nil, isPreferred: nil, edits: edits)
    }

    /// Ranges overlap, or touch when one of them is empty (a cursor).
    static func overlaps(_ a: TextRange, _ b: TextRange) -> Bool {
        if a.isEmpty || b.isEmpty { return a.start <= b.end && b.start <= a.end }
        return a.start < b.end && b.start < a.end
    }
}

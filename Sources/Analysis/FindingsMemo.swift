import Checks
import Corpus
import QuestionModel
import Synchronization

/// The findings of one document's last check, kept so that the requests of one
/// version (pushed or pulled diagnostics, code actions for the whole text and at the
/// cursor) share one check: on a 1 MB draft a check takes tens of milliseconds.
///
/// The server keeps one per open document. Findings are served only for the very
/// check that made them: the same text (the same storage, so usually no byte is
/// compared), path and parse, the same corpus in memory (`Corpus.isSame`, which the
/// kept corpus makes sound: its memory cannot be reused while it is held here), the
/// same configuration (rules, limits, silences), whether the corpus is in use yet,
/// and the same day. Anything else checks again, and keeps that.
///
/// Requests of one version may check at once (pushed diagnostics and a code action):
/// each then checks for itself, and the answer is the same.
package final class FindingsMemo: Sendable {
    struct Key {
        let text: String
        let path: String?
        let kind: DocumentKind
        let corpus: Corpus
        let configuration: Configuration
        let usesCorpus: Bool
        let today: DutchDate

        func matches(_ other: Key) -> Bool {
            // The cheap comparisons first; the text last (usually the same storage).
            kind == other.kind && usesCorpus == other.usesCorpus && today == other.today && path == other.path
                && corpus.isSame(as: other.corpus) && configuration == other.configuration && text == other.text
        }
    }

    private let kept = Mutex<(key: Key, findings: [Finding])?>(nil)

    package init() {}

    /// The findings kept for `key`, if they were made for it.
    func findings(for key: Key) -> [Finding]? {
        kept.withLock { kept in
            guard let kept, kept.key.matches(key) else { return nil }
            return kept.findings
        }
    }

    func keep(_ findings: [Finding], for key: Key) {
        kept.withLock { $0 = (key, findings) }
    }
}

extension AnalysisSnapshot {
    /// What the findings of this snapshot depend on.
    var findingsKey: FindingsMemo.Key {
        FindingsMemo.Key(text: document.text, path: document.path, kind: question.kind, corpus: corpus,
                         configuration: configuration, usesCorpus: usesCorpus, today: today)
    }
}

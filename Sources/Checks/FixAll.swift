import Corpus
import QuestionModel
import SourceText

/// `source.fixAll`: every certain fix (`Fix.isCertain`), applied until none is left.
///
/// One round applies the first certain fix of each finding whose edits do not overlap
/// those already taken; the text is then checked again, since one fix can call for
/// another (removing an empty item asks for a renumbering). It stops when a round
/// finds nothing certain to fix, so the result is a fixed point: fixing it again
/// changes nothing, and it has no finding left that a certain fix could remove.
/// Guesses (placeholder titles, dates, `mijn` → `de`) are never applied here.
extension Checker {
    /// More rounds than any text needs (each fix removes its own finding); a bound, so
    /// two rules that undo each other could never loop forever.
    static let fixAllRounds = 8

    public func fixAll(text: String, as kind: DocumentKind? = nil, corpus: Corpus, today: DutchDate) -> String {
        var current = text
        var seen: Set<String> = [text]
        for _ in 0..<Self.fixAllRounds {
            let findings = check(text: current, as: kind, corpus: corpus, today: today)
            let edits = Self.certainEdits(findings)
            guard !edits.isEmpty else { break }
            let next = Fix(title: "", edits: edits, isCertain: true).applied(to: current)
            guard seen.insert(next).inserted else { break }
            current = next
        }
        return current
    }

    /// The first certain fix of each finding, skipping fixes that touch edits already
    /// taken; in document order.
    static func certainEdits(_ findings: [Finding]) -> [TextReplacement] {
        var taken = TakenRanges()
        var edits: [TextReplacement] = []
        for finding in findings {
            guard let fix = finding.fixes.first(where: \.isCertain),
                  !fix.edits.contains(where: { taken.touchesAny($0.range) }) else { continue }
            for edit in fix.edits { taken.insert(edit.range) }
            edits += fix.edits
        }
        return edits.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
    }

    /// Overlapping ranges, or an insertion at the edge of another edit: applied in
    /// one go their order would be ambiguous.
    static func touches(_ a: TextRange, _ b: TextRange) -> Bool {
        if a.isEmpty || b.isEmpty { return a.start <= b.end && b.start <= a.end }
        return a.start < b.end && b.start < a.end
    }
}

/// The ranges of the edits taken so far, sorted by start, so that asking whether a
/// range touches any of them looks only at those that start within the longest
/// range's length of it: thousands of fixes on a long draft cost N log N, not N².
struct TakenRanges {
    private var ranges: [TextRange] = []
    private var longest = 0

    /// Whether `range` touches (`Checker.touches`) a range taken.
    func touchesAny(_ range: TextRange) -> Bool {
        // A range that touches starts at or before `range.end`, and ends at or after
        // `range.start`, so it starts at or after `range.start - longest`.
        var index = firstIndex(startingAfter: range.end) - 1
        while index >= 0, ranges[index].start >= range.start - longest {
            if Checker.touches(ranges[index], range) { return true }
            index -= 1
        }
        return false
    }

    mutating func insert(_ range: TextRange) {
        ranges.insert(range, at: firstIndex(startingAfter: range.start))
        longest = max(longest, range.end - range.start)
    }

    /// The index of the first range that starts after `offset` (bisection).
    private func firstIndex(startingAfter offset: Int) -> Int {
        var low = 0, high = ranges.count
        while low < high {
            let mid = (low + high) / 2
            if ranges[mid].start <= offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// The smallest single replacement that turns `old` into `new`: their common prefix
/// and suffix are kept. What an editor applies for `source.fixAll`.
public func minimalReplacement(from old: String, to new: String) -> TextReplacement? {
    let a = Array(old.utf8), b = Array(new.utf8)
    guard a != b else { return nil }
    var prefix = 0
    while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
    // Never split a character (or a CRLF pair): back up to a boundary.
    while prefix > 0, prefix < a.count, a[prefix] & 0xC0 == 0x80 || (a[prefix] == 0x0A && a[prefix - 1] == 0x0D) { prefix -= 1 }
    var suffix = 0
    while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
    while suffix > 0, a.count - suffix < a.count, a[a.count - suffix] & 0xC0 == 0x80
            || (a[a.count - suffix] == 0x0A && a.count - suffix > 0 && a[a.count - suffix - 1] == 0x0D) { suffix -= 1 }
    let range = TextRange(start: prefix, end: a.count - suffix)
    return TextReplacement(range: range, newText: String(decoding: b[prefix..<(b.count - suffix)], as: UTF8.self))
}

import Corpus
import SourceText

/// One problem a rule found in a text: where, how serious, what to do about it, and
/// how to fix it when a fix is known. Ranges are UTF-8 byte offsets into the text
/// that was checked.
public struct Finding: Sendable, Equatable {
    public let code: RuleCode
    public var severity: Severity
    public let range: TextRange
    /// Dutch, and says what to do.
    public let message: String
    /// Alternative fixes; each one alone makes the finding go away.
    public internal(set) var fixes: [Fix]
    /// Corpus records the finding is about (the question that matches, the dates a
    /// number has).
    public let related: [RelatedRecord]

    public init(code: RuleCode, severity: Severity? = nil, range: TextRange, message: String,
                fixes: [Fix] = [], related: [RelatedRecord] = []) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.range = range
        self.message = message
        self.fixes = fixes
        self.related = related
    }
}

/// A quick fix: a title for the menu and the edits that make it.
public struct Fix: Sendable, Equatable {
    public let title: String
    /// Non-overlapping edits, all in terms of the original text.
    public var edits: [TextReplacement]
    /// The fix says what the text means already (renumber, reletter, the canonical
    /// form, the title's dash): `source.fixAll` applies it. A fix that guesses (a
    /// placeholder to fill in, a date the member may not have meant, a cited question
    /// someone else asked) is offered on its own only, for the member to judge.
    public let isCertain: Bool

    public init(title: String, edits: [TextReplacement], isCertain: Bool = false) {
        self.title = title
        self.edits = edits
        self.isCertain = isCertain
    }
}

/// Replace the bytes of `range` (an empty range inserts) with `newText`.
public struct TextReplacement: Sendable, Hashable {
    public let range: TextRange
    public let newText: String

    public init(range: TextRange, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// A corpus record a finding points at, with a short note on why.
public struct RelatedRecord: Sendable, Equatable {
    /// The record's index in `Corpus.records`.
    public let recordIndex: Int
    public let record: Record
    public let message: String

    public init(recordIndex: Int, record: Record, message: String) {
        self.recordIndex = recordIndex
        self.record = record
        self.message = message
    }
}

extension Fix {
    /// The text after the edits, applied from the end so earlier offsets stay valid.
    /// Offsets are clamped to the text; overlapping edits are not expected.
    public func applied(to text: String) -> String {
        var bytes = Array(text.utf8)
        let ascending = edits.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        if edits.allSatisfy({ 0 <= $0.range.start && $0.range.start <= $0.range.end && $0.range.end <= bytes.count }),
           zip(ascending, ascending.dropFirst()).allSatisfy({ a, b in
               a.range.end <= b.range.start && (a.range.start, a.range.end) < (b.range.start, b.range.end)
           }) {
            // Apart and in order: one pass, however many edits (thousands on a long
            // draft would otherwise each move the rest of the text). The same result
            // as applying them from the end.
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.newText.utf8.count })
            var position = 0
            for edit in ascending {
                result += bytes[position..<edit.range.start]
                result += edit.newText.utf8
                position = edit.range.end
            }
            result += bytes[position...]
            return String(decoding: result, as: UTF8.self)
        }
        for edit in edits.sorted(by: { ($0.range.start, $0.range.end) > ($1.range.start, $1.range.end) }) {
            let start = max(0, min(edit.range.start, bytes.count))
            let end = max(start, min(edit.range.end, bytes.count))
            bytes.replaceSubrange(start..<end, with: Array(edit.newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Fix {
    /// The fix with every `\n` it inserts written as `lineEnding` (`\r\n` in a CRLF file).
    func withLineEnding(_ lineEnding: String) -> Fix {
        Fix(title: title, edits: edits.map { edit in
            guard edit.newText.contains("\n") else { return edit }
            let lines = edit.newText.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n", omittingEmptySubsequences: false)
            return TextReplacement(range: edit.range, newText: lines.joined(separator: lineEnding))
        }, isCertain: isCertain)
    }
}

extension Finding {
    /// At most `limit` of `findings`: the most severe ones (the first among equals),
    /// in their own order. What the editor gets when there are too many to show.
    public static func mostSevere(_ findings: [Finding], limit: Int) -> [Finding] {
        guard findings.count > limit else { return findings }
        return findings.indices
            .sorted { (-findings[$0].severity.rank, $0) < (-findings[$1].severity.rank, $1) }
            .prefix(max(0, limit))
            .sorted()
            .map { findings[$0] }
    }
}

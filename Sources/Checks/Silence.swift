import QuestionModel
import SourceText

/// One finding silenced for one draft: the rule's code and a fingerprint of the text
/// it flags. Kept in `vraagbaak.json` (never in the draft, so never in what the member
/// submits); see docs/rules.md, "Silencing one finding".
public struct Silence: Sendable, Hashable {
    public let code: RuleCode
    public let fingerprint: String

    public init(code: RuleCode, fingerprint: String) {
        self.code = code
        self.fingerprint = fingerprint
    }

    /// The silence that matches `finding` in the text `bytes` it was found in.
    public init(_ finding: Finding, in bytes: [UInt8]) {
        self.init(code: finding.code, fingerprint: Silence.fingerprint(of: finding.range, in: bytes))
    }

    /// Eight hex digits (FNV-1a, 32 bits) of the flagged text with whitespace runs as
    /// one space and invisible characters dropped: stable while the text around it is
    /// edited, re-wrapped or moved, and gone when the flagged text itself changes
    /// (then the finding may be another one, and shows again).
    public static func fingerprint(of range: TextRange, in bytes: [UInt8]) -> String {
        let flagged = Bytes.collapsedString(bytes, range)
        var hash: UInt32 = 2_166_136_261
        for byte in flagged.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// The flagged text, shortened: written beside the fingerprint so a reader of
    /// `vraagbaak.json` sees what was silenced.
    public static func excerpt(of range: TextRange, in bytes: [UInt8]) -> String {
        // The start of a long range is enough (a word-limit finding flags up to 1 MB,
        // and code actions make an excerpt per finding): collapsing is local, so its
        // first 60 characters are the whole range's when it has two more after them
        // (the last may be cut short at the window's end).
        if range.length > excerptWindow {
            let start = Bytes.collapsedString(bytes, TextRange(start: range.start, end: range.start + excerptWindow))
            if start.count > excerptLength + 1 { return String(start.prefix(excerptLength)) + "…" }
        }
        let flagged = Bytes.collapsedString(bytes, range)
        return flagged.count > excerptLength ? String(flagged.prefix(excerptLength)) + "…" : flagged
    }

    static let excerptLength = 60
    static let excerptWindow = 1024
}

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
        let flagged = Bytes.collapsedString(bytes, range)
        return flagged.count > 60 ? String(flagged.prefix(60)) + "…" : flagged
    }
}

import SourceText

/// Something the parser noticed while reading. The parser never fails: it returns a
/// model plus these. They are facts about the text, not user-facing messages;
/// `Checks` decides what to say about them.
public struct ParseIssue: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A header value that should be a date (`datum:`) is not one.
        case invalidHeaderDate
        /// A header value that should be a number (`nr:`, `nr.`) is not one.
        case invalidHeaderNumber
        /// A header key given twice; the first one counts.
        case duplicateHeaderKey(HeaderKey)
        /// A date written in the text that does not exist (`31 februari 2023`).
        case impossibleDate
        /// NUL or another control character: binary junk or a broken conversion.
        /// Reported once per document, at the first one.
        case controlCharacter
        /// A header export whose `ANTWOORD` is not followed by `op (de) vraag ...`.
        case missingAnswerReference
    }

    public let kind: Kind
    public let range: TextRange

    public init(_ kind: Kind, range: TextRange) {
        self.kind = kind
        self.range = range
    }
}

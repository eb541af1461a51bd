import SourceText

/// A written question as read from a draft or a corpus record: metadata, title,
/// introduction, numbered questions, and for records the answer and annex. Every
/// element carries its `TextRange` (UTF-8 byte offsets into the parsed text).
///
/// **The parser never fails**: any text gives a `Question` plus `issues`; it never
/// throws or traps, and runs in time linear in the text.
public struct Question: Sendable, Equatable {
    public var kind: DocumentKind
    public var metadata = Metadata()
    public var title: Title?
    /// The prose before the first numbered question (all prose when there is none).
    public var introduction: TextBlock?
    /// `1.` `2.` ... in the order written.
    public var numberedQuestions: [QuestionItem] = []
    /// Prose after the last numbered question that asks nothing (`Ik dank de minister`).
    public var closing: TextBlock?
    /// The question part: from after the title to before the signature or answer.
    public var questionRange: TextRange?
    /// The export repeats the minister's name and office before `ANTWOORD`.
    public var signature: TextBlock?
    public var answer: Answer?
    public var annex: Annex?
    /// Citations in the whole text except the header and the answer's reference line.
    public var citations: [Citation] = []
    /// Every date written anywhere, header included.
    public var dates: [DateMention] = []
    public var issues: [ParseIssue] = []

    public init(kind: DocumentKind) {
        self.kind = kind
    }

    /// Parses `text`, detecting its layout unless `kind` is given.
    public static func parse(_ text: String, as kind: DocumentKind? = nil) -> Question {
        parse(utf8: Array(text.utf8), as: kind)
    }

    /// Parses UTF-8 bytes (for example `LineIndex.utf8`, to avoid another copy).
    /// Bytes that are not valid UTF-8 are read as they are; ranges stay byte offsets.
    public static func parse(utf8 bytes: [UInt8], as kind: DocumentKind? = nil) -> Question {
        QuestionParser(bytes: bytes).parse(as: kind)
    }

    /// A corpus record parsed for the index, which keeps no dates but the header's and
    /// the citations' and no issues: as `parse(utf8:)` without the scans only the
    /// checks read, so `dates` is empty, issues about dates or control characters are
    /// missing and the answer has no numbered parts (a sixth of the parse of a record).
    package static func parseForIndex(utf8 bytes: [UInt8]) -> Question {
        QuestionParser(bytes: bytes, scansForChecks: false).parse(as: nil)
    }
}

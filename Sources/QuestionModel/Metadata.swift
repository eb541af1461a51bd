import SourceText

/// The keys a header line can have, in drafts (`aan: ...`) and in the export
/// (`aan NAME`, `title: ...`).
public enum HeaderKey: String, Sendable, Equatable, CaseIterable {
    case title          // export `title:`
    case theme          // `thema:`
    case pdfLink        // export `pdf link:`
    case themeLink      // export `thema link:`
    case documentKind   // export `SCHRIFTELIJKE VRAAG`
    case number         // export `nr. 123`, draft `nr:`
    case author         // export `van NAME`, draft `van:`
    case date           // `datum:`
    case addressee      // export `aan NAME`, draft `aan:`
    case addresseeOffice // export: the upper-case lines after `aan NAME`
}

/// One header line: which key, where the key is written, where its value is.
public struct HeaderLine: Sendable, Equatable {
    public let key: HeaderKey
    /// The key as written (`datum:`, `aan`); empty for the office lines.
    public let keyRange: TextRange
    /// The value, trimmed. For the office, all its lines.
    public let valueRange: TextRange
    /// The whole line (lines for the office), terminator excluded.
    public let lineRange: TextRange
    public let value: String
}

/// What the header says about the question. Every field is optional: plain-export
/// records have none, drafts have what the author typed.
public struct Metadata: Sendable, Equatable {
    /// Every header line in order, including ones whose value did not parse.
    public var lines: [HeaderLine] = []
    /// The whole header block, if there is one.
    public var range: TextRange?

    /// The export's `title:` line (the title in the body is `Question.title`).
    public var titleLine: Located<String>?
    public var theme: Located<String>?
    public var pdfLink: Located<String>?
    public var themeLink: Located<String>?
    /// Nil when absent or not a number (then `lines` still holds it).
    public var number: Located<Int>?
    /// Nil when absent or not an existing date (then `lines` still holds it).
    public var date: Located<DutchDate>?
    public var author: PersonName?
    /// The minister's name. In the kamer-2017 corpus `aan` names only the office,
    /// which then lands in `ministerOffice` and this stays nil.
    public var minister: PersonName?
    /// `VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, ...`, lines joined by a space.
    public var ministerOffice: Located<String>?

    public init() {}

    public func line(_ key: HeaderKey) -> HeaderLine? { lines.first { $0.key == key } }
}

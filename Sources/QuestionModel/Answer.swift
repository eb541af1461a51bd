import SourceText

/// The minister's answer in a corpus record.
public struct Answer: Sendable, Equatable {
    /// Everything from the `ANTWOORD` line (header export) or the first answer line
    /// (plain export) up to the annex or the end.
    public let range: TextRange
    /// The `ANTWOORD` line, when the layout has one.
    public let markerRange: TextRange?
    /// `op vraag nr. 123 van 26 januari 2024` / `op de vraag van 4 januari 2017`.
    public let reference: AnswerReference?
    /// `van MAAIKE DE VREESE` under the reference.
    public let addressee: PersonName?
    /// The answer's own text: starts at `De cijfers geven ...` in `002_*`.
    public let body: TextBlock?
    /// Text before the first numbered part (`De cijfers geven ...`), if any.
    public let opening: TextBlock?
    /// `1.` `2.` ... answering the numbered questions.
    public let parts: [AnswerPart]
}

/// The line under `ANTWOORD` that says which question is answered.
public struct AnswerReference: Sendable, Equatable {
    public let range: TextRange
    public let number: Located<Int>?
    public let date: Located<DutchDate>?
}

/// A numbered part of an answer.
public struct AnswerPart: Sendable, Equatable {
    public let number: Int
    public let markerRange: TextRange
    /// From the marker to the next part or the end of the answer, trimmed.
    public let range: TextRange
    public let text: String
    public let textRange: TextRange
}

/// The annex after `BIJLAGE`.
public struct Annex: Sendable, Equatable {
    /// From the `BIJLAGE` line to the end of the text, trimmed.
    public let range: TextRange
    public let markerRange: TextRange
    /// What follows the marker (often only a caption: the tables are not in the export).
    public let content: TextBlock?
}

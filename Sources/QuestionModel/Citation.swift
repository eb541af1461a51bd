import SourceText

/// What a citation points at.
public enum CitationKind: String, Sendable, Equatable, CaseIterable {
    /// `schriftelijke vraag nr. 118 van 10 januari 2023`, `SV nr. 118`, `nr. 118 van 10/01/2023`
    case writtenQuestion
    /// `vraag om uitleg nr. 1234 van 3 maart 2023`
    case requestForExplanation
    /// `actuele vraag van 8 februari 2023`
    case topicalQuestion
    /// `in de vergadering van de Commissie ... van 1 december 2020`, `in de commissie op 15 november 2022`
    case committeeMeeting
    /// `plenaire vergadering van 8 februari 2023`
    case plenaryMeeting
}

/// A reference to an earlier question or meeting, found in running text.
public struct Citation: Sendable, Equatable {
    public let kind: CitationKind
    /// The whole citation, from `mijn`/`in de` (when written) to the last digit of the
    /// number or date.
    public let range: TextRange
    /// The source text of `range`, as written.
    public let text: String
    public let number: Int?
    public let numberRange: TextRange?
    /// Nil when no date is written or when the written day does not exist; then
    /// `dateRange` still points at it and `dateMention.isValid` is false.
    public let date: DutchDate?
    public let dateRange: TextRange?
    public let dateMention: DateMention?
    /// The citation says `mijn`: the author cites an own question.
    public let isOwnQuestion: Bool
    /// For meetings: the committee's name as written, whitespace collapsed.
    public let committeeName: String?
    public let committeeNameRange: TextRange?
    /// The preferred rendering: `mijn schriftelijke vraag nr. 118 van 10 januari 2023`.
    /// Meetings keep their wording, with the date in canonical form.
    public let canonicalText: String
    /// The text already reads as `canonicalText` (line breaks count as spaces, and a
    /// capital first letter at the start of a sentence is fine).
    public let isCanonical: Bool
}

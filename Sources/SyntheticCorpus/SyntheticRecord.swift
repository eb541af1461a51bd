/// The metadata of one generated file: what the text says, known without parsing it.
/// Benchmarks and tests use it as ground truth.
public struct SyntheticRecord: Hashable, Sendable {
    /// Position in `GeneratedCorpus.records`; records are in date order.
    public let index: Int
    /// Shared by the copies of one question sent to several ministers.
    public let questionIndex: Int
    /// Index of the first copy of this question; equal to `index` for single questions.
    public let firstCopyIndex: Int
    /// How many ministers received the same question (1 for most).
    public let copyCount: Int
    public let ministerIndex: Int
    /// Per minister per parliamentary year, from 1, increasing with the date.
    public let number: Int
    public let date: CalendarDate
    public let parliamentaryYear: ParliamentaryYear
    public let authorIndex: Int
    public let themeIndex: Int
    /// `Onderwerp - Specificatie` (single spaces; the text uses `  -  ` in the body).
    public let titleSubject: String
    public let titleSpecification: String
    public let format: RecordFormat
    public let citation: SyntheticCitation?
    /// Relative path with `/` separators: `2023-2024/rutten/0123.txt`.
    public let path: String

    public var title: String { "\(titleSubject) - \(titleSpecification)" }
    public var isMultiMinisterCopy: Bool { copyCount > 1 }
}

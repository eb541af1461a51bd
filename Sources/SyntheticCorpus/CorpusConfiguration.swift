/// What to generate. Two configurations that are equal give byte-identical corpora.
public struct CorpusConfiguration: Hashable, Sendable {
    public var seed: UInt64
    public var count: Int
    /// Parliamentary years covered, ending with 2023-2024; nil: enough for about
    /// 8,000 records a year, at least three.
    public var parliamentaryYears: Int?
    /// Share of records in the plain export, in percent.
    public var plainExportPercent: Int
    /// Share of questions whose introduction cites an earlier question, in percent.
    public var citationPercent: Int
    /// Questions sent to several ministers, per thousand questions.
    public var multiMinisterPerMille: Int

    public init(seed: UInt64 = 1, count: Int = 1000, parliamentaryYears: Int? = nil,
                plainExportPercent: Int = 10, citationPercent: Int = 30, multiMinisterPerMille: Int = 15) {
        self.seed = seed
        self.count = count
        self.parliamentaryYears = parliamentaryYears
        self.plainExportPercent = plainExportPercent
        self.citationPercent = citationPercent
        self.multiMinisterPerMille = multiMinisterPerMille
    }

    /// The last parliamentary year of every corpus.
    public static let lastStartYear = 2023

    var yearCount: Int {
        max(1, parliamentaryYears ?? max(3, (count + 7999) / 8000))
    }
}

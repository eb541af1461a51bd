import Corpus
import QuestionModel
import SourceText

/// Everything a rule may look at, computed once per check.
struct CheckContext {
    let question: Question
    let bytes: [UInt8]
    let corpus: Corpus
    let today: DutchDate
    let configuration: CheckConfiguration
    /// Corpus records that are this document itself (never a repetition of it).
    let excludedRecords: Set<Int>
    /// The file the text was read from: a record read from it is this document too.
    let documentPath: String?
    /// The answer and annex: no rule reports anything inside them.
    let uncheckedRanges: [TextRange]
    /// What the repetition check kept from this document's last check, if anything.
    let repetitionMemo: RepetitionMemo?
    /// Citations in the header-less question part (never in the answer): filtered
    /// once, not by each of the six citation rules (a 1 MB draft cites 20,000 times).
    let checkedCitations: [Citation]
    /// How each of `checkedCitations` resolves, in the same order: resolved once for
    /// the three citation rules (see `CitationResolver`).
    let citationResolutions: [CitationResolution]

    init(question: Question, bytes: [UInt8], corpus: Corpus, today: DutchDate,
         configuration: CheckConfiguration, excludedRecords: Set<Int>, documentPath: String? = nil,
         repetitionMemo: RepetitionMemo? = nil) {
        self.repetitionMemo = repetitionMemo
        self.question = question
        self.bytes = bytes
        self.corpus = corpus
        self.today = today
        self.configuration = configuration
        self.excludedRecords = excludedRecords
        self.documentPath = documentPath
        let unchecked = [question.answer?.range, question.annex?.range].compactMap { $0 }
        self.uncheckedRanges = unchecked
        let checkedCitations = unchecked.isEmpty ? question.citations
            : question.citations.filter { Self.isChecked($0.range, outside: unchecked) }
        self.checkedCitations = checkedCitations
        var resolver = CitationResolver(question: question, corpus: corpus, today: today)
        self.citationResolutions = checkedCitations.map { resolver.resolve($0) }
    }

    var isDraft: Bool { question.kind == .draft }
    var profile: Profile { configuration.profile }

    /// Never negative and never near `Int.max`: a limit built in code (not decoded,
    /// so not range-checked) could be either, and rules add to their limits.
    func limit(for code: RuleCode) -> Int? { configuration.limit(for: code).map { min(max(0, $0), Self.largestLimit) } }

    static let largestLimit = 1_000_000_000

    /// `repetition`'s copy limit, a percent: kept within 0...100 for the same reason.
    var repetitionCopyLimit: Int { min(max(0, configuration.repetitionCopyLimit), 100) }

    func string(_ range: TextRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// True outside the answer and the annex.
    func isChecked(_ range: TextRange) -> Bool { Self.isChecked(range, outside: uncheckedRanges) }

    private static func isChecked(_ range: TextRange, outside unchecked: [TextRange]) -> Bool {
        !unchecked.contains { $0.start < range.end && range.start < $0.end || $0.contains(range) }
    }

    /// The checked citations with how each resolves: the one resolution hover and
    /// definition use too.
    var resolvedCitations: Zip2Sequence<[Citation], [CitationResolution]> { zip(checkedCitations, citationResolutions) }

    /// The written questions the text cites by number and date.
    var citedReferences: Set<QuestionReference> {
        Set(checkedCitations.compactMap { citation in
            guard citation.kind == .writtenQuestion, let number = citation.number, let date = citation.date else { return nil }
            return QuestionReference(number: number, date: date)
        })
    }
}

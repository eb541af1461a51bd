import Corpus
import QuestionModel

/// What a citation in a text points at in the corpus. The one decision that hover,
/// definition, inlay hints, document links, the citation rules and their quick fixes
/// share, so the editor never names one date in a hover and another in a fix.
///
/// Only written questions resolve: the corpus holds written questions, and requests
/// for explanation and topical questions are numbered apart.
public enum CitationResolution: Sendable, Equatable {
    /// The cited question is in the corpus (several records when ministers share it).
    case resolved([Record])
    /// The number is in the corpus, but not on this date. `candidates`: records with
    /// the number (narrowed to the text's minister when some match), in corpus order;
    /// `closest`: the one nearest date, nil on a tie.
    case dateMismatch(QuestionReference, candidates: [Record], closest: DutchDate?)
    /// No record has this number, and the date lies after today.
    case future(QuestionReference)
    /// No record has this number.
    case unknown(QuestionReference)
    /// A number without a date: the records it could mean (narrowed as above).
    case numberOnly(Int, candidates: [Record])
    /// The written date does not exist (`31 februari 2023`).
    case impossibleDate(DateMention)
    /// Not a written question with a number: nothing to look up.
    case notResolvable

    /// Resolves `citation`, found in `question`, against `corpus` on `today`.
    public static func resolve(_ citation: Citation, in question: Question, corpus: Corpus,
                               today: DutchDate) -> CitationResolution {
        guard citation.kind == .writtenQuestion, let number = citation.number else { return .notResolvable }
        guard let date = citation.date else {
            if let mention = citation.dateMention {
                return mention.isValid ? .notResolvable : .impossibleDate(mention)
            }
            return .numberOnly(number, candidates: candidates(number: number, in: question, corpus: corpus))
        }
        let reference = QuestionReference(number: number, date: date)
        let found = corpus.records(number: number, date: date)
        if !found.isEmpty { return .resolved(found) }
        let sameNumber = candidates(number: number, in: question, corpus: corpus)
        if sameNumber.isEmpty { return date > today ? .future(reference) : .unknown(reference) }
        return .dateMismatch(reference, candidates: sameNumber,
                             closest: closest(Set(sameNumber.compactMap(\.date)), to: date))
    }

    /// The records of a resolved citation; empty otherwise.
    public var records: [Record] {
        if case .resolved(let records) = self { return records }
        return []
    }

    /// Records with `number` and a date; narrowed to the text's minister when the text
    /// names one and some records match it.
    static func candidates(number: Int, in question: Question, corpus: Corpus) -> [Record] {
        let records = corpus.records(number: number).filter { $0.date != nil }
        guard !records.isEmpty, let minister = question.metadata.minister?.displayName else { return records }
        let key = TextScanning.nameKey(minister)
        let same = records.filter { $0.minister.map(TextScanning.nameKey) == key }
        return same.isEmpty ? records : same
    }

    /// The one date, or the one closest to `date`; nil on a tie.
    static func closest(_ dates: Set<DutchDate>, to date: DutchDate) -> DutchDate? {
        let sorted = dates.sorted { abs($0.daysSinceEpoch - date.daysSinceEpoch) < abs($1.daysSinceEpoch - date.daysSinceEpoch) }
        guard let first = sorted.first else { return nil }
        if sorted.count > 1,
           abs(sorted[1].daysSinceEpoch - date.daysSinceEpoch) == abs(first.daysSinceEpoch - date.daysSinceEpoch) {
            return nil
        }
        return first
    }
}

extension Question {
    /// The citation under a cursor at `utf8Offset` (touching its end counts).
    public func citation(at utf8Offset: Int) -> Citation? {
        citations.first { $0.range.touches(utf8Offset) }
    }

    /// The question this document itself is, when its header names number and date
    /// (a corpus record opened in the editor).
    public var ownReference: QuestionReference? {
        guard let number = metadata.number?.value, let date = metadata.date?.value else { return nil }
        return QuestionReference(number: number, date: date)
    }
}

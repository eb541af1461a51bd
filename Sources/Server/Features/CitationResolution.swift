import Corpus
import QuestionModel

/// What a citation in a draft points at in the corpus.
enum CitationResolution {
    /// The cited question is in the corpus (several records when ministers share it).
    case resolved([Record])
    /// The number is in the corpus, but not on this date: the nearest dates first.
    case dateMismatch(QuestionReference, sameNumber: [Record])
    /// No record has this number.
    case unknown(QuestionReference)
    /// The written date does not exist (`31 februari 2023`).
    case impossibleDate(DateMention)
    /// A written question without number or date, or a meeting: nothing to look up.
    case notResolvable

    static func resolve(_ citation: Citation, in corpus: Corpus) -> CitationResolution {
        guard citation.kind == .writtenQuestion || citation.kind == .requestForExplanation,
              let number = citation.number else { return .notResolvable }
        guard let date = citation.date else {
            if let mention = citation.dateMention, !mention.isValid { return .impossibleDate(mention) }
            return .notResolvable
        }
        let reference = QuestionReference(number: number, date: date)
        let found = corpus.records(number: number, date: date)
        if !found.isEmpty { return .resolved(found) }
        let sameNumber = corpus.records(number: number).filter { $0.date != nil }
        if sameNumber.isEmpty { return .unknown(reference) }
        let target = date.daysSinceEpoch
        return .dateMismatch(reference, sameNumber: sameNumber.sorted {
            abs(($0.date?.daysSinceEpoch ?? 0) - target) < abs(($1.date?.daysSinceEpoch ?? 0) - target)
        })
    }

    /// The records of a resolved citation; empty otherwise.
    var records: [Record] {
        if case .resolved(let records) = self { return records }
        return []
    }
}

extension Question {
    /// The citation under a cursor at `utf8Offset` (touching its end counts).
    func citation(at utf8Offset: Int) -> Citation? {
        citations.first { $0.range.touches(utf8Offset) }
    }

    /// The question this document itself is, when its header names number and date
    /// (a corpus record opened in the editor).
    var ownReference: QuestionReference? {
        guard let number = metadata.number?.value, let date = metadata.date?.value else { return nil }
        return QuestionReference(number: number, date: date)
    }
}

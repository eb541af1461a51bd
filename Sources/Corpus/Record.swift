import QuestionModel

/// One answered (or filed) question of the corpus, as much of it as features need:
/// metadata for lookups, short excerpts for previews. The full text stays in its
/// file, so a 100,000-question corpus fits in memory.
///
/// A `Record` is a view into the corpus's columnar `RecordStore`: copying it is
/// free, numbers and dates are read straight from their columns, and strings are
/// decoded only when asked for.
public struct Record: Sendable, Equatable, CustomStringConvertible {
    let store: RecordStore
    let index: Int

    public var source: RecordSource {
        let name = store.string(.source, index) ?? ""
        return store.isEmbedded(index) ? .embedded(name: name) : .file(path: name)
    }
    public var kind: DocumentKind { store.kind(index) }
    public var number: Int? { store.number(index) }
    public var date: DutchDate? { store.date(index) }
    public var title: String { store.string(.title, index) ?? "" }
    public var subject: String? { store.string(.subject, index) }
    public var author: String? { store.string(.author, index) }
    public var minister: String? { store.string(.minister, index) }
    public var ministerOffice: String? { store.string(.ministerOffice, index) }
    public var theme: String? { store.string(.theme, index) }
    public var pdfLink: String? { store.string(.pdfLink, index) }
    /// The start of the introduction, for previews.
    public var introductionExcerpt: String { store.string(.introduction, index) ?? "" }
    /// The first numbered questions, each cut to a preview length.
    public var questions: [String] { store.strings(.questions, index) }
    /// How many numbered questions the record has (`questions` keeps only the first).
    public var questionCount: Int { store.questionCount(index) }
    /// The start of the answer, for previews; nil when the record has no answer.
    public var answerExcerpt: String? { store.string(.answer, index) }
    /// The written questions this record cites.
    public var citedQuestions: [QuestionReference] { store.citedQuestions(index) }
    /// Words in the question part (introduction and questions), for limits and stats.
    public var questionWordCount: Int { store.questionWordCount(index) }

    public var hasAnswer: Bool { store.has(.answer, index) }

    /// The record's position in `Corpus.records`.
    public var corpusIndex: Int { index }

    /// `nr. 123 van 26 januari 2024`, or the title when the record has no number.
    public var displayReference: String {
        if let number, let date { return "nr. \(number) van \(date.canonicalText)" }
        if let date { return "\(title) (\(date.canonicalText))" }
        return title
    }

    public var description: String { "\(displayReference) [\(source)]" }

    /// Records are equal when every field is equal, whichever store holds them.
    public static func == (lhs: Record, rhs: Record) -> Bool {
        if lhs.store === rhs.store && lhs.index == rhs.index { return true }
        return lhs.fields == rhs.fields
    }

    var fields: RecordFields {
        RecordFields(source: source, kind: kind, number: number, date: date, title: title, subject: subject,
                     author: author, minister: minister, ministerOffice: ministerOffice, theme: theme,
                     pdfLink: pdfLink, introductionExcerpt: introductionExcerpt, questions: questions,
                     questionCount: questionCount, answerExcerpt: answerExcerpt, citedQuestions: citedQuestions,
                     questionWordCount: questionWordCount)
    }
}

/// The values of one record, as `RecordBuilder` makes them before they go into a store.
struct RecordFields: Sendable, Equatable {
    var source: RecordSource
    var kind: DocumentKind
    var number: Int?
    var date: DutchDate?
    var title: String
    var subject: String?
    var author: String?
    var minister: String?
    var ministerOffice: String?
    var theme: String?
    var pdfLink: String?
    var introductionExcerpt: String
    var questions: [String]
    var questionCount: Int
    var answerExcerpt: String?
    var citedQuestions: [QuestionReference]
    var questionWordCount: Int
}

/// The records of a corpus, in load order.
public struct RecordList: RandomAccessCollection, Sendable, Equatable {
    let store: RecordStore

    public var startIndex: Int { 0 }
    public var endIndex: Int { store.count }
    public subscript(position: Int) -> Record { Record(store: store, index: position) }

    public static func == (lhs: RecordList, rhs: RecordList) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { $0 == $1 }
    }
}

/// A written question named by number and date: the key of a citation.
public struct QuestionReference: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let number: Int
    public let date: DutchDate

    public init(number: Int, date: DutchDate) {
        self.number = number
        self.date = date
    }

    public static func < (lhs: QuestionReference, rhs: QuestionReference) -> Bool {
        (lhs.date, lhs.number) < (rhs.date, rhs.number)
    }

    public var description: String { "nr. \(number) van \(date.canonicalText)" }
}

/// Where a record's text lives.
public enum RecordSource: Hashable, Sendable, CustomStringConvertible {
    case file(path: String)
    case embedded(name: String)

    public var description: String {
        switch self {
        case .file(let path): return path
        case .embedded(let name): return "seeds/\(name)"
        }
    }

    public var filePath: String? {
        if case .file(let path) = self { return path }
        return nil
    }
}

import QuestionModel

/// One answered (or filed) question of the corpus, as much of it as features need:
/// metadata for lookups, short excerpts for previews. The full text stays in its
/// file, so a 100,000-question corpus fits in memory.
public struct Record: Sendable, Equatable {
    /// Where the record came from: a file path, or `seeds/NAME` for the embedded seeds.
    public let source: RecordSource
    public let kind: DocumentKind
    public let number: Int?
    public let date: DutchDate?
    public let title: String
    public let subject: String?
    public let author: String?
    public let minister: String?
    public let ministerOffice: String?
    public let theme: String?
    public let pdfLink: String?
    /// The start of the introduction, for previews.
    public let introductionExcerpt: String
    /// The numbered questions, each cut to a preview length.
    public let questions: [String]
    /// The start of the answer, for previews; nil when the record has no answer.
    public let answerExcerpt: String?
    /// The written questions this record cites.
    public let citedQuestions: [QuestionReference]
    /// Words in the question part (introduction and questions), for limits and stats.
    public let questionWordCount: Int

    public var hasAnswer: Bool { answerExcerpt != nil }

    /// `nr. 123 van 26 januari 2024`, or the title when the record has no number.
    public var displayReference: String {
        if let number, let date { return "nr. \(number) van \(date.canonicalText)" }
        if let date { return "\(title) (\(date.canonicalText))" }
        return title
    }

    public init(source: RecordSource, kind: DocumentKind, number: Int?, date: DutchDate?, title: String,
                subject: String?, author: String?, minister: String?, ministerOffice: String?, theme: String?,
                pdfLink: String?, introductionExcerpt: String, questions: [String], answerExcerpt: String?,
                citedQuestions: [QuestionReference], questionWordCount: Int) {
        self.source = source
        self.kind = kind
        self.number = number
        self.date = date
        self.title = title
        self.subject = subject
        self.author = author
        self.minister = minister
        self.ministerOffice = ministerOffice
        self.theme = theme
        self.pdfLink = pdfLink
        self.introductionExcerpt = introductionExcerpt
        self.questions = questions
        self.answerExcerpt = answerExcerpt
        self.citedQuestions = citedQuestions
        self.questionWordCount = questionWordCount
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

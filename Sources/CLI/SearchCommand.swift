import Analysis
import Corpus
import Foundation
import QuestionModel

/// `vraagbaak search TEXT` or `vraagbaak search --file DRAFT`: the most similar
/// questions in the corpus, as text or JSON. `--file` searches with the draft's whole
/// question text (title, introduction, questions; not its header or a pasted answer),
/// as the repetition check does, so a draft can be checked before it is filed.
enum SearchCommand {
    static let options: Set<String> = ["--corpus", "--limit", "--format", "--file"]

    enum Format: String {
        case text, json
    }

    static func run(_ arguments: Arguments) throws(Arguments.UsageError) -> Int32 {
        let format = try arguments.value("--format").map { value throws(Arguments.UsageError) -> Format in
            guard let format = Format(rawValue: value) else {
                throw Arguments.UsageError("--format must be text or json, not '\(value)'")
            }
            return format
        } ?? .text
        let limit = try arguments.value("--limit").map { value throws(Arguments.UsageError) -> Int in
            guard let limit = Int(value), limit > 0 else { throw Arguments.UsageError("--limit needs a positive number") }
            return limit
        } ?? 10
        let file = arguments.value("--file")
        let words = arguments.positional.joined(separator: " ")
        if file != nil, !arguments.positional.isEmpty {
            throw Arguments.UsageError("search takes a text or --file DRAFT, not both")
        }
        guard file != nil || !words.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Arguments.UsageError("search needs a text to search for, or --file DRAFT")
        }
        guard let options = try CorpusOptions(arguments, folders: arguments.values("--corpus")) else { return 2 }
        var query = words
        if let file {
            let input = LintCommand.Input(source: file == "-" ? .standardInput : .file(file),
                                          displayPath: file == "-" ? "<stdin>" : file)
            var hasIOError = false
            guard let text = LintCommand.read(input, hasIOError: &hasIOError) else { return 2 }
            // Read as `lint` reads it (`DraftDecision`): a `.vraag` file is a draft.
            let document = DocumentSnapshot(path: input.path, text: text)
            query = QuestionText.whole(of: document.question, text: text)
        }
        let corpus = options.load()
        // A draft that lies inside the corpus does not find itself.
        let excluded = file.map { $0 == "-" ? [] : Set(corpus.records(atPath: $0)) } ?? []
        let results = corpus.search(query, limit: limit, excluding: excluded)
        switch format {
        case .json:
            print(LintOutput.encode(results.enumerated().map { SearchHit(rank: $0.offset + 1, result: $0.element) }))
        case .text:
            if results.isEmpty { print("no similar questions found") }
            for (rank, result) in results.enumerated() {
                let record = result.record
                let number = record.number.map { "nr. \($0)" } ?? "-"
                let date = record.date?.canonicalText ?? "-"
                print(String(format: "%2d. %7.2f  %@  %@  %@", rank + 1, result.score, number, date, record.title))
                print("               \(record.source)")  // what `show` accepts, also for records without a number
            }
        }
        return 0
    }

    /// One result in `--format json`: null for what the record does not have.
    struct SearchHit: Encodable {
        let rank: Int
        let score: Double
        let file: String
        let nr: Int?
        let date: String?
        let minister: String?
        let title: String

        init(rank: Int, result: Corpus.SearchResult) {
            let record = result.record
            self.rank = rank
            score = (result.score * 1000).rounded() / 1000
            file = record.source.description
            nr = record.number
            date = record.date?.canonicalText
            minister = record.minister ?? record.ministerOffice
            title = record.title
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(rank, forKey: .rank)
            try container.encode(score, forKey: .score)
            try container.encode(file, forKey: .file)
            try container.encode(nr, forKey: .nr)
            try container.encode(date, forKey: .date)
            try container.encode(minister, forKey: .minister)
            try container.encode(title, forKey: .title)
        }

        enum CodingKeys: String, CodingKey {
            case rank, score, file, nr, date, minister, title
        }
    }
}

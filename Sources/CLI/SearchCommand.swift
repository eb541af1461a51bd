import Corpus
import Foundation

/// `vraagbaak search TEXT`: the ten most similar questions in the corpus.
enum SearchCommand {
    static func run(_ arguments: Arguments) throws(Arguments.UsageError) -> Int32 {
        let query = arguments.positional.joined(separator: " ")
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw Arguments.UsageError("search needs a text to search for")
        }
        let limit = try arguments.value("--limit").map { value throws(Arguments.UsageError) -> Int in
            guard let limit = Int(value), limit > 0 else { throw Arguments.UsageError("--limit needs a positive number") }
            return limit
        } ?? 10
        guard let options = try CorpusOptions(arguments, folders: arguments.values("--corpus")) else { return 2 }
        let corpus = options.load()
        let results = corpus.search(query, limit: limit)
        if results.isEmpty {
            print("no similar questions found")
            return 0
        }
        for (rank, result) in results.enumerated() {
            let record = result.record
            let number = record.number.map { "nr. \($0)" } ?? "-"
            let date = record.date?.canonicalText ?? "-"
            print(String(format: "%2d. %7.2f  %@  %@  %@", rank + 1, result.score, number, date, record.title))
            print("               \(record.source)")  // what `show` accepts, also for records without a number
        }
        return 0
    }
}

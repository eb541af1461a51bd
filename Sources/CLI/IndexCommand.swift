import Corpus
import Foundation

/// `vraagbaak index [DIR...]`: loads the corpus and reports what it holds.
enum IndexCommand {
    static func run(_ arguments: Arguments) throws(Arguments.UsageError) -> Int32 {
        let started = Date()
        guard let options = try CorpusOptions(arguments, folders: arguments.positional + arguments.values("--corpus")) else {
            return 2
        }
        let corpus = options.load()
        let withReference = corpus.records.filter { $0.number != nil && $0.date != nil }.count
        let withAnswer = corpus.records.filter(\.hasAnswer).count
        print("corpus:            \(options.sources.map(\.description).joined(separator: ", "))")
        print("records:           \(corpus.count)")
        print("with nr and date:  \(withReference)")
        print("with answers:      \(withAnswer)")
        print("abbreviations:     \(corpus.abbreviations.count)")
        print("warnings:          \(corpus.warnings.count)")
        for warning in corpus.warnings.prefix(50) {
            print("  warning: \(warning)")
        }
        if corpus.warnings.count > 50 { print("  ... and \(corpus.warnings.count - 50) more") }
        print(String(format: "time:              %.2f s", Date().timeIntervalSince(started)))
        return 0
    }
}

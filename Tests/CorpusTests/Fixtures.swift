import Corpus
import Foundation
import QuestionModel

enum Fixtures {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = repository.appendingPathComponent("seeds")
    /// `../shared/corpora/kamer-2017`, read in place: never copied into the repo.
    static let kamer2017 = repository.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/kamer-2017")

    static let seedCorpus = CorpusLoader().load([.embeddedSeeds])

    static func date(_ text: String) -> DutchDate {
        DutchDate.parse(text)!
    }

    /// A fresh empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

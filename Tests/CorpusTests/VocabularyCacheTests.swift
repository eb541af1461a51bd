@testable import Corpus
import Foundation
import XCTest

/// The completion vocabulary is part of the index: `open` builds it with the corpus
/// and the cache gives it back as built.
final class VocabularyCacheTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder()
        try FileManager.default.copyItem(at: Fixtures.seeds, to: folder.appendingPathComponent("corpus"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func answers(_ vocabulary: CompletionVocabulary) -> [String] {
        [
            "\(vocabulary.records(numberStartingWith: "1", limit: 50))",
            "\(vocabulary.records(number: 123))",
            "\(vocabulary.recent)",
            "\(vocabulary.records(titleWordsStartingWith: "stand inburg", limit: 5))",
            "\(vocabulary.ministers.matches("rutt", limit: 5).entries.map { [$0.text, $0.detail ?? "", "\($0.count)"] })",
            "\(vocabulary.authors.top(10).entries.map(\.text))",
            "\(vocabulary.themes.top(10).entries.map(\.text))",
            "\(vocabulary.subjects.top(10).entries.map(\.text))",
            "\(vocabulary.terms.matches("agentschap", limit: 10).entries.map { [$0.text, $0.detail ?? ""] })",
            "\(vocabulary.terms.top(100).entries.map(\.text))",
            "\(vocabulary.abbreviations.top(100).entries.map { [$0.text, $0.detail ?? ""] })",
            "\(vocabulary.specifications.keys.sorted())",
            "\(vocabulary.specifications.values.map { $0.top(10).entries.map(\.text) }.sorted { "\($0)" < "\($1)" })",
        ]
    }

    func testTheVocabularyIsBuiltWithTheCorpusAndComesBackFromTheCache() throws {
        let cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
        let sources: [CorpusSource] = [.folder(path: folder.appendingPathComponent("corpus").path)]
        let built = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(built.cache, .missing)
        XCTAssertFalse(built.corpus.vocabulary.numbered.isEmpty, "built by open, not left for later")
        XCTAssertFalse(built.corpus.vocabulary.terms.isEmpty)
        XCTAssertEqual(answers(built.corpus.vocabulary), answers(CompletionVocabulary(built.corpus)))

        let reopened = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(reopened.cache, .hit)
        XCTAssertEqual(answers(reopened.corpus.vocabulary), answers(built.corpus.vocabulary))
        XCTAssertEqual(reopened.corpus.vocabulary.recencyRank, built.corpus.vocabulary.recencyRank)
        XCTAssertEqual(reopened.corpus.vocabulary.titleWords, built.corpus.vocabulary.titleWords)
    }

    func testTheEmbeddedSeedsGetAVocabularyToo() {
        let opened = CorpusLoader().open([.embeddedSeeds], cache: nil)
        XCTAssertEqual(opened.corpus.vocabulary.records(number: 123).count, 1)
    }
}

import Corpus
import Foundation
import SyntheticCorpus
import XCTest

/// A search continued from the scores of the previous query (`SearchSession`: the
/// repetition check at every keystroke) must give exactly what a fresh search gives,
/// whatever the edits between them, and never continue from another index's scores.
final class SearchSessionTests: XCTestCase {
    nonisolated(unsafe) static var corpora: (built: Corpus, reopened: Corpus, folder: URL)?

    override class func tearDown() {
        if let folder = corpora?.folder { try? FileManager.default.removeItem(at: folder) }
        corpora = nil
    }

    private func corpora() throws -> (built: Corpus, reopened: Corpus) {
        if let corpora = Self.corpora { return (corpora.built, corpora.reopened) }
        let folder = try Fixtures.temporaryFolder()
        let corpusFolder = folder.appendingPathComponent("corpus")
        for file in GeneratedCorpus(configuration: CorpusConfiguration(seed: 11, count: 400)).files() {
            let url = corpusFolder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: false, encoding: .utf8)
        }
        let cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
        let sources = [CorpusSource.folder(path: corpusFolder.path)]
        let built = CorpusLoader().open(sources, cache: cache).corpus
        let reopened = CorpusLoader().open(sources, cache: cache).corpus
        Self.corpora = (built, reopened, folder)
        return (built, reopened)
    }

    private func assertSame(_ continued: [Corpus.SearchResult], _ fresh: [Corpus.SearchResult], _ message: String,
                            file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(continued.map(\.index), fresh.map(\.index), message, file: file, line: line)
        XCTAssertEqual(continued.map(\.score), fresh.map(\.score), message, file: file, line: line)
    }

    /// Words typed, deleted and repeated (a term's count changes its weight too), in
    /// a seeded random order, each query continued from the one before.
    func testEveryContinuedSearchIsTheFreshSearch() throws {
        let corpus = try corpora().built
        let vocabulary = (0..<40).flatMap { corpus.records[$0].title.split(separator: " ").map(String.init) }
            + ["inburgering", "zzzonbekend", "a", "de", "het", "kinderopvang", "kinderopvang"]
        var words = corpus.records[3].title.split(separator: " ").map(String.init)
        var random = SeededGenerator(seed: 42)
        var session: SearchSession?
        var changedResults = 0
        var previous: [Int] = []
        for step in 0..<300 {
            switch random.next() % 4 {
            case 0 where !words.isEmpty:
                words.remove(at: Int(random.next() % UInt64(words.count)))
            case 1 where !words.isEmpty:
                words.append(words[Int(random.next() % UInt64(words.count))])  // a count of 2, 3, ...
            default:
                words.insert(vocabulary[Int(random.next() % UInt64(vocabulary.count))],
                             at: Int(random.next() % UInt64(words.count + 1)))
            }
            let query = words.joined(separator: " ")
            let excluded: Set<Int> = step % 7 == 0 ? [Int(random.next() % 400)] : []
            let continued = corpus.search(query, limit: 20, excluding: excluded, session: &session)
            let fresh = corpus.search(query, limit: 20, excluding: excluded)
            assertSame(continued, fresh, "step \(step): \(query)")
            XCTAssertNotNil(session)
            if continued.map(\.index) != previous { changedResults += 1 }
            previous = continued.map(\.index)
        }
        XCTAssertGreaterThan(changedResults, 30, "the edits must move the ranking for the test to mean anything")
        // A query asked with no limit still moves the scores; the next one is ranked on them.
        let other = corpus.records[9].title
        XCTAssertTrue(corpus.search(other, limit: 0, excluding: [], session: &session).isEmpty)
        assertSame(corpus.search(other, limit: 20, excluding: [], session: &session), corpus.search(other, limit: 20),
                   "after a query without limit")
        // The same terms again (no score moves): the same ranking, with other exclusions too.
        assertSame(corpus.search(other + " ,", limit: 20, excluding: [], session: &session), corpus.search(other, limit: 20),
                   "the same terms")
        let first = try XCTUnwrap(corpus.search(other, limit: 1).first?.index)
        assertSame(corpus.search(other, limit: 20, excluding: [first], session: &session),
                   corpus.search(other, limit: 20, excluding: [first]), "the same terms, the best excluded")
        // Everything deleted: nothing found, and the next query starts from nothing.
        XCTAssertTrue(corpus.search("", limit: 20, excluding: [], session: &session).isEmpty)
        let query = corpus.records[5].title
        assertSame(corpus.search(query, limit: 20, excluding: [], session: &session), corpus.search(query, limit: 20),
                   "after an empty query")
    }

    /// A session of another index (another corpus, or the same files reopened from the
    /// cache into other memory) is not continued: the search starts afresh.
    func testASessionOfAnotherIndexIsNotContinued() throws {
        let (built, reopened) = try corpora()
        let seeds = Fixtures.seedCorpus
        let query = built.records[7].title + " " + built.records[8].title
        var session: SearchSession?
        _ = seeds.search("inburgering kinderopvang", limit: 10, excluding: [], session: &session)
        assertSame(built.search(query, limit: 10, excluding: [], session: &session), built.search(query), "seeds, then built")
        _ = built.search("kinderopvang", limit: 10, excluding: [], session: &session)
        assertSame(reopened.search(query, limit: 10, excluding: [], session: &session), reopened.search(query),
                   "built, then reopened")
        XCTAssertTrue(built.isSame(as: built))
        XCTAssertFalse(built.isSame(as: reopened))
        XCTAssertFalse(seeds.isSame(as: built))
    }
}

/// SplitMix64, so the edit sequence is the same on every run.
private struct SeededGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

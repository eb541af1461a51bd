import Corpus
import Foundation
import XCTest

/// The index cache: reused when valid, rebuilt when stale or corrupt.
final class IndexCacheTests: XCTestCase {
    private var folder: URL!
    private var corpusFolder: URL!
    private var cache: IndexCache!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder()
        corpusFolder = folder.appendingPathComponent("corpus")
        try FileManager.default.copyItem(at: Fixtures.seeds, to: corpusFolder)
        cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private var sources: [CorpusSource] { [.folder(path: corpusFolder.path)] }

    func testSecondOpenComesFromTheCacheAndEqualsTheBuild() {
        let first = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(first.cache, .missing)
        let second = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(second.cache, .hit)
        XCTAssertEqual(second.corpus.records, first.corpus.records)
        XCTAssertEqual(second.corpus.abbreviations, first.corpus.abbreviations)
        let query = "gedetineerden introductiefilmpje gevangenis"
        XCTAssertEqual(second.corpus.search(query).map(\.index), first.corpus.search(query).map(\.index))
        XCTAssertEqual(second.corpus.search(query).map(\.score), first.corpus.search(query).map(\.score))
        XCTAssertEqual(second.corpus.records(number: 123).count, 1)
    }

    func testAChangedFileMakesTheCacheStale() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        let file = corpusFolder.appendingPathComponent("000_0baf78453092f8a6.txt")
        var text = try String(contentsOf: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "Gedetineerden  -  Inburgering", with: "Gevangenen  -  Inburgering")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let reopened = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(reopened.cache, .stale("corpus files changed"))
        XCTAssertTrue(reopened.corpus.records.contains { $0.title == "Gevangenen - Inburgering" })
    }

    /// A server answers from the cache as soon as it is read; the files are checked
    /// meanwhile, and what `open` returns replaces it.
    func testTheProvisionalCorpusIsTheCacheBeforeTheFilesAreChecked() throws {
        let built = CorpusLoader().open(sources, cache: cache).corpus
        let warm = Provisional()
        let reopened = CorpusLoader().open(sources, cache: cache, provisional: warm.set)
        XCTAssertEqual(reopened.cache, .hit)
        XCTAssertEqual(warm.corpora.count, 1)
        XCTAssertEqual(warm.corpora.first?.records, built.records)
        XCTAssertEqual(warm.corpora.first?.manifest, [], "not checked against the files yet")

        // A file changed while nobody watched: the stale cache is offered first, then rebuilt.
        let file = corpusFolder.appendingPathComponent("000_0baf78453092f8a6.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Gedetineerden  -  Inburgering", with: "Gevangenen  -  Inburgering")
            .write(to: file, atomically: true, encoding: .utf8)
        let stale = Provisional()
        let rebuilt = CorpusLoader().open(sources, cache: cache, provisional: stale.set)
        XCTAssertEqual(rebuilt.cache, .stale("corpus files changed"))
        XCTAssertEqual(stale.corpora.first?.records, built.records)
        XCTAssertTrue(rebuilt.corpus.records.contains { $0.title == "Gevangenen - Inburgering" })
        // Only the changed file was parsed again (`CorpusLoader.update`): the same as a full build.
        let full = CorpusLoader().load(sources)
        XCTAssertEqual(rebuilt.corpus.records, full.records)
        XCTAssertEqual(rebuilt.corpus.manifest, full.manifest)
        XCTAssertEqual(rebuilt.corpus.search("gevangenen inburgering").map(\.index), full.search("gevangenen inburgering").map(\.index))
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .hit, "the updated corpus was cached")

        // No cache yet: nothing provisional.
        try FileManager.default.removeItem(at: cache.fileURL(for: sources))
        let cold = Provisional()
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache, provisional: cold.set).cache, .missing)
        XCTAssertTrue(cold.corpora.isEmpty)
    }

    /// A load nobody wants any more (the page closed, a newer load began) stops
    /// between batches, and what it had is never cached.
    func testAnAbandonedLoadStopsAndIsNotCached() throws {
        let asked = Counter()
        var loader = CorpusLoader()
        loader.batchSize = 1
        loader.isAbandoned = { asked.increment() > 2 }
        let (corpus, _) = loader.open(sources, cache: cache)
        XCTAssertLessThan(corpus.count, 5, "the load went on after it was abandoned")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.fileURL(for: sources).path), "an incomplete corpus was cached")
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).corpus.count, 5)
    }

    /// `vraagbaak lint`: the cache is read, never written, whether missing, sound or stale.
    func testAReadOnlyOpenUsesTheCacheAndNeverWritesIt() throws {
        var reader = CorpusLoader()
        reader.cacheIsReadOnly = true
        let cachePath = cache.fileURL(for: sources).path
        let missing = reader.open(sources, cache: cache)
        XCTAssertEqual(missing.cache, .missing)
        XCTAssertEqual(missing.corpus.count, 5)
        XCTAssertFalse(FileManager.default.fileExists(atPath: cachePath))

        _ = CorpusLoader().open(sources, cache: cache)
        let written = try Data(contentsOf: URL(fileURLWithPath: cachePath))
        XCTAssertEqual(reader.open(sources, cache: cache).cache, .hit)
        let file = corpusFolder.appendingPathComponent("000_0baf78453092f8a6.txt")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "Gedetineerden  -  Inburgering", with: "Gevangenen  -  Inburgering")
            .write(to: file, atomically: true, encoding: .utf8)
        let stale = reader.open(sources, cache: cache)
        XCTAssertEqual(stale.cache, .stale("corpus files changed"))
        XCTAssertTrue(stale.corpus.records.contains { $0.title == "Gevangenen - Inburgering" })
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: cachePath)), written, "the stale cache is left as it was")
    }

    func testAddedAndRemovedFilesMakeTheCacheStale() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        try FileManager.default.removeItem(at: corpusFolder.appendingPathComponent("001_c931f2d9eb512577.txt"))
        let reopened = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(reopened.cache, .stale("corpus files changed"))
        XCTAssertEqual(reopened.corpus.count, 4)
    }

    func testACorruptCacheIsRebuilt() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        let url = cache.fileURL(for: sources)
        var bytes = Array(try Data(contentsOf: url))
        bytes[bytes.count / 2] ^= 0xFF
        try Data(bytes).write(to: url)
        let reopened = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(reopened.cache, .corrupt)
        XCTAssertEqual(reopened.corpus.count, 5)
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .hit, "rewritten after the rebuild")
    }

    func testATruncatedCacheIsRebuilt() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        let url = cache.fileURL(for: sources)
        let bytes = try Data(contentsOf: url)
        try bytes.prefix(bytes.count / 3).write(to: url)
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .corrupt)
    }

    func testAnotherVersionMakesTheCacheStale() {
        _ = CorpusLoader().open(sources, cache: cache)
        let newer = IndexCache(folder: cache.folder, applicationVersion: "newer")
        XCTAssertEqual(CorpusLoader().open(sources, cache: newer).cache, .stale("Vraagbaak version changed"))
    }

    func testDefaultFolderFollowsTheEnvironment() {
        XCTAssertEqual(IndexCache.defaultFolder(environment: ["VRAAGBAAK_CACHE_DIR": "/x/y"]).path, "/x/y")
        XCTAssertEqual(IndexCache.defaultFolder(environment: ["XDG_CACHE_HOME": "/c"]).path, "/c/vraagbaak")
    }
}

/// Collects what `CorpusLoader.open` offers provisionally (from its reading thread).
private final class Provisional: @unchecked Sendable {
    private let lock = NSLock()
    private var offered: [Corpus] = []

    var corpora: [Corpus] { lock.withLock { offered } }

    @Sendable func set(_ corpus: Corpus) { lock.withLock { offered.append(corpus) } }
}

/// Counts calls from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    /// The count after this call.
    func increment() -> Int { lock.withLock { count += 1; return count } }
}

import Corpus
import Foundation
import XCTest

/// The index cache is keyed by the canonical path of the corpus folders and checked
/// against their content: two names of one folder share a cache, two folders never do.
final class CacheKeyTests: XCTestCase {
    private var folder: URL!
    private var cache: IndexCache!

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder()
        cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// Two questions in `name`; folders made with titles of one length have files of
    /// the same names, sizes and modification times.
    private func makeCorpus(_ name: String, number: Int, title: String) throws -> URL {
        let corpus = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        for file in ["a", "b"] {
            let text = """
                 \(title) \(file)  -  Stand van zaken

                Schriftelijke vraag nr. \(number) van 5 januari 2024.

                1. Kan de minister dit toelichten?

                 Antwoord op de vraag.

                """
            let url = corpus.appendingPathComponent("\(file).txt")
            try text.write(to: url, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000)],
                                                  ofItemAtPath: url.path)
        }
        return corpus
    }

    private func titles(_ corpus: Corpus) -> [String] { corpus.records.map(\.title).sorted() }

    func testTwoNamesOfOneFolderShareOneCache() throws {
        let real = try makeCorpus("real", number: 101, title: "Fietspaden")
        let link = folder.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let dotted = real.path + "/../real/"
        XCTAssertEqual(cache.fileURL(for: [.folder(path: link.path)]), cache.fileURL(for: [.folder(path: real.path)]))
        XCTAssertEqual(cache.fileURL(for: [.folder(path: dotted)]), cache.fileURL(for: [.folder(path: real.path)]))

        XCTAssertEqual(CorpusLoader().open([.folder(path: real.path)], cache: cache).cache, .missing)
        let viaLink = CorpusLoader().open([.folder(path: link.path)], cache: cache)
        XCTAssertEqual(viaLink.cache, .hit)
        XCTAssertEqual(CorpusLoader().open([.folder(path: dotted)], cache: cache).cache, .hit)
        // Records name their files by the canonical path, whatever name was used.
        XCTAssertTrue(viaLink.corpus.records.allSatisfy { $0.source.filePath?.hasPrefix(real.path + "/") == true },
                      "\(viaLink.corpus.records.map(\.source))")
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: cache.folder.path).filter { $0.hasSuffix(".bin") }
        XCTAssertEqual(cacheFiles.count, 1)
    }

    func testOneNameForTwoFoldersNeverSharesACache() throws {
        let first = try makeCorpus("first", number: 101, title: "Fietspaden")
        let second = try makeCorpus("second", number: 202, title: "Busstation")
        let link = folder.appendingPathComponent("current")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: first)
        let sources: [CorpusSource] = [.folder(path: link.path)]
        XCTAssertEqual(titles(CorpusLoader().open(sources, cache: cache).corpus), ["Fietspaden a - Stand van zaken", "Fietspaden b - Stand van zaken"])

        // The same name now leads to another folder with files of the same names, sizes and times.
        try FileManager.default.removeItem(at: link)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: second)
        let reopened = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(reopened.cache, .missing, "another folder, another cache")
        XCTAssertEqual(titles(reopened.corpus), ["Busstation a - Stand van zaken", "Busstation b - Stand van zaken"])
    }

    func testAFolderReplacedByOneWithTheSameSizesAndTimesIsRebuilt() throws {
        let corpus = try makeCorpus("corpus", number: 101, title: "Fietspaden")
        let sources: [CorpusSource] = [.folder(path: corpus.path)]
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .missing)
        // Replaced in place, say by `cp -a` of another export: same paths, sizes and times.
        try FileManager.default.removeItem(at: corpus)
        _ = try makeCorpus("corpus", number: 202, title: "Busstation")
        let reopened = CorpusLoader().open(sources, cache: cache)
        XCTAssertNotEqual(reopened.cache, .hit)
        XCTAssertEqual(titles(reopened.corpus), ["Busstation a - Stand van zaken", "Busstation b - Stand van zaken"])
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .hit)
    }
}

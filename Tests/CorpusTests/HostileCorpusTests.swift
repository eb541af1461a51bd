@testable import Corpus
import Dispatch
import Foundation
import TestSupport
import XCTest

/// Issue 16: what a hostile corpus or cache folder did to the corpus code: each
/// case as it was reproduced.
final class HostileCorpusTests: XCTestCase {
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
        chmod(folder.appendingPathComponent("cache").path, 0o755)
        try? FileManager.default.removeItem(at: folder)
    }

    private var sources: [CorpusSource] { [.folder(path: corpusFolder.path)] }
    private var cachePath: String { cache.fileURL(for: sources).path }

    /// Runs `body` on another thread; fails instead of hanging when it blocks.
    private func withinSeconds<T: Sendable>(_ seconds: Double, _ what: String, _ body: @escaping @Sendable () -> T) -> T? {
        let done = DispatchSemaphore(value: 0)
        let result = UnsafeSlot<T>()
        DispatchQueue.global().async {
            result.value = body()
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else {
            XCTFail("\(what) did not return within \(seconds) s")
            return nil
        }
        return result.value
    }

    // MARK: - Item 2: stored text is capped, totals checked

    func testAHugeTitleIsNotStoredInFull() throws {
        let title = String(repeating: "Lange titel ", count: 40_000) // 480 KB (the review's was 3.4 MB; slow in debug builds)
        let seed = try String(contentsOf: Fixtures.seeds.appendingPathComponent("000_0baf78453092f8a6.txt"), encoding: .utf8)
        let body = seed.drop { $0 != "\n" }
        try (" " + title + " -  Onderwerp" + body)
            .write(to: corpusFolder.appendingPathComponent("huge-title.txt"), atomically: true, encoding: .utf8)
        let (corpus, _) = CorpusLoader().open(sources, cache: cache)
        let record = try XCTUnwrap(corpus.records.first { $0.source.filePath?.hasSuffix("huge-title.txt") == true })
        XCTAssertLessThanOrEqual(record.title.utf8.count, RecordPreviewLimits.fieldLength + 4)
        XCTAssertTrue(record.title.hasPrefix("Lange titel Lange titel"), String(record.title.prefix(100)))
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: cachePath)[.size] as? Int)
        XCTAssertLessThan(size, 100_000, "the cache stays small: \(size) bytes")
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).corpus.records.first { $0.source.filePath?.hasSuffix("huge-title.txt") == true }?.title,
                       record.title)
    }

    func testRecordsPastTheTextLimitAreSkippedWithAWarning() throws {
        var loader = CorpusLoader()
        loader.maximumRecordTextBytes = 3_000
        let corpus = loader.load(sources)
        let full = corpus.warnings.filter { $0.kind == .corpusFull }
        XCTAssertGreaterThan(corpus.count, 0)
        guard !full.isEmpty else { return XCTFail("some seeds do not fit in 3,000 bytes") }
        XCTAssertEqual(corpus.count + full.count, CorpusLoader().load(sources).count)
        XCTAssertLessThanOrEqual(corpus.statistics.recordTextBytes, 3_000)
        XCTAssertTrue(full[0].message.contains("full"), full[0].message)
    }

    // MARK: - Item 3: a cache truncated under a running process

    func testACacheTruncatedAfterLoadingIsNotReadAgain() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        let (reopened, outcome) = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(outcome, .hit)
        // What killed the server with SIGBUS when the columns pointed into a mapping of the file.
        XCTAssertEqual(truncate(cachePath, 0), 0)
        let query = "gedetineerden introductiefilmpje gevangenis"
        XCTAssertFalse(reopened.search(query).isEmpty)
        XCTAssertEqual(reopened.records.map(\.title).count, reopened.count)
        XCTAssertEqual(reopened.records, CorpusLoader().load(sources).records)
    }

    #if os(Linux)
    /// The cache is mapped from the page cache under a read lease (no copy), and a
    /// truncation by another process waits until the mapping is a private copy.
    func testACacheMappedUnderALeaseSurvivesATruncationByAnotherProcess() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        let (reopened, outcome) = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(outcome, .hit)
        let pid = "\(getpid())"
        let leases = try String(contentsOfFile: "/proc/locks", encoding: .utf8).split(separator: "\n")
            .filter { $0.contains("LEASE") && $0.split(separator: " ").contains { $0 == pid } }
        XCTAssertFalse(leases.isEmpty, "the reopened cache is mapped under a lease")
        XCTAssertTrue(try truncateFromAnotherProcess(cachePath))
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: cachePath)[.size] as? Int, 0)
        XCTAssertFalse(reopened.search("gedetineerden introductiefilmpje gevangenis").isEmpty)
        XCTAssertEqual(reopened.records, CorpusLoader().load(sources).records)
    }

    /// No lease while someone has the file open for writing: the cache is then copied,
    /// and a truncation changes nothing either.
    func testACacheOpenForWritingElsewhereIsCopiedInstead() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        let writer = open(cachePath, O_WRONLY)
        XCTAssertGreaterThanOrEqual(writer, 0)
        defer { close(writer) }
        let (reopened, outcome) = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(outcome, .hit)
        XCTAssertEqual(ftruncate(writer, 0), 0)
        XCTAssertFalse(reopened.search("gedetineerden introductiefilmpje gevangenis").isEmpty)
        XCTAssertEqual(reopened.records, CorpusLoader().load(sources).records)
    }
    #endif

    // MARK: - Item 4: odd files at the cache path

    func testAFIFOAtTheCachePathIsReportedNotWaitedOn() throws {
        try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(cachePath, 0o600), 0)
        let cache = self.cache!
        let sources = self.sources
        guard let (corpus, outcome) = withinSeconds(20, "open with a FIFO at the cache path", {
            CorpusLoader().open(sources, cache: cache)
        }) else { return }
        guard case .unusable(let reason)? = outcome else { return XCTFail("\(String(describing: outcome))") }
        XCTAssertTrue(reason.contains("not a regular file") && reason.contains(cachePath), reason)
        XCTAssertTrue(corpus.warnings.contains { $0.kind == .cache && $0.message.contains("not a regular file") })
        // The FIFO was replaced by a real cache.
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .hit)
    }

    func testAHugeSparseFileAtTheCachePathIsNotRead() throws {
        try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        for (header, expected) in [(Array("garbage".utf8), IndexCache.Outcome.corrupt),
                                   (IndexCache.magic, IndexCache.Outcome.stale("cache format changed"))] {
            let descriptor = open(cachePath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            XCTAssertGreaterThanOrEqual(descriptor, 0)
            _ = header.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            XCTAssertEqual(ftruncate(descriptor, 3 << 30), 0) // 3 GiB, sparse: under the size limit
            close(descriptor)
            let started = Date()
            let outcome = cache.load(sources, manifest: []).1
            XCTAssertEqual(outcome, expected)
            XCTAssertLessThan(Date().timeIntervalSince(started), 1, "the header is checked before the rest is read")
        }
        let descriptor = open(cachePath, O_WRONLY | O_TRUNC)
        XCTAssertEqual(ftruncate(descriptor, 8 << 30), 0) // 8 GiB: over the size limit
        close(descriptor)
        guard case .unusable(let reason) = cache.load(sources, manifest: []).1 else { return XCTFail() }
        XCTAssertTrue(reason.contains("too large"), reason)
        unlink(cachePath)
    }

    // MARK: - Item 5: private cache files

    func testTheCacheIsPrivate() throws {
        _ = CorpusLoader().open(sources, cache: cache)
        var status = stat()
        XCTAssertEqual(stat(cache.folder.path, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o700)
        XCTAssertEqual(stat(cachePath, &status), 0)
        XCTAssertEqual(status.st_mode & 0o777, 0o600)
    }

    // MARK: - Item 7: permission changes

    func testChmodMakesTheCacheStale() throws {
        let file = corpusFolder.appendingPathComponent("000_0baf78453092f8a6.txt").path
        XCTAssertEqual(chmod(file, 0o000), 0)
        let first = CorpusLoader().open(sources, cache: cache).corpus
        if getuid() != 0 { // root reads anything
            XCTAssertTrue(first.warnings.contains { $0.path == file && $0.kind == .unreadable })
        }
        XCTAssertEqual(chmod(file, 0o644), 0)
        let (second, outcome) = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(outcome, .stale("corpus files changed"), "chmod changed the status-change time")
        XCTAssertFalse(second.warnings.contains { $0.path == file })
        XCTAssertTrue(second.records.contains { $0.source.filePath == file })
        XCTAssertEqual(chmod(file, 0o000), 0)
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .stale("corpus files changed"))
        XCTAssertEqual(chmod(file, 0o644), 0)
    }

    func testAFileReplacedByAnotherWithTheSameSizeAndTimeIsSeen() throws {
        let file = corpusFolder.appendingPathComponent("000_0baf78453092f8a6.txt")
        _ = CorpusLoader().open(sources, cache: cache)
        var listed: [LoadWarning] = []
        let before = CorpusFiles.list(corpusFolder.path, warnings: &listed).first { $0.path == file.path }
        let copy = folder.appendingPathComponent("copy.txt")
        try FileManager.default.copyItem(at: file, to: copy)
        try FileManager.default.removeItem(at: file)
        try FileManager.default.moveItem(at: copy, to: file) // a new inode, same content and size
        let after = CorpusFiles.list(corpusFolder.path, warnings: &listed).first { $0.path == file.path }
        XCTAssertNotEqual(before?.inode, after?.inode)
        XCTAssertNotEqual(CorpusLoader().open(sources, cache: cache).cache, .hit)
    }

    // MARK: - Item 8: names that are not UTF-8

    func testFoldersAndFilesWithLatin1NamesAreRead() throws {
        let base = Array(corpusFolder.path.utf8)
        let folderName = base + Array("/caf".utf8) + [0xE9]                 // "café" in Latin-1
        let fileName = folderName + Array("/vraag-".utf8) + [0xE9] + Array(".txt".utf8)
        XCTAssertEqual(CorpusFiles.withCString(folderName) { mkdir($0, 0o755) }, 0)
        let text = try String(contentsOf: Fixtures.seeds.appendingPathComponent("000_0baf78453092f8a6.txt"), encoding: .utf8)
            .replacingOccurrences(of: "Gedetineerden  -  Inburgering", with: "Latijnse  -  Namen")
        let descriptor = CorpusFiles.withCString(fileName) { open($0, O_WRONLY | O_CREAT, 0o644) }
        XCTAssertGreaterThanOrEqual(descriptor, 0)
        _ = Array(text.utf8).withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        close(descriptor)

        var warnings: [LoadWarning] = []
        let entries = CorpusFiles.list(corpusFolder.path, warnings: &warnings)
        XCTAssertEqual(warnings, [], "no 'folder cannot be read'")
        let entry = try XCTUnwrap(entries.first { $0.rawPath != nil })
        XCTAssertEqual(entry.rawPath, fileName)
        XCTAssertTrue(entry.path.hasSuffix("/caf\u{FFFD}/vraag-\u{FFFD}.txt"), entry.path)

        let (corpus, _) = CorpusLoader().open(sources, cache: cache)
        XCTAssertTrue(corpus.records.contains { $0.title == "Latijnse - Namen" })
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).cache, .hit)
    }

    // MARK: - Item 10: leftovers and silent failures

    func testEmptyFilesAreSkippedAndCounted() throws {
        let before = CorpusLoader().load(sources).count
        let empties = corpusFolder.appendingPathComponent("empties")
        try FileManager.default.createDirectory(at: empties, withIntermediateDirectories: true)
        for index in 0..<200 {
            try Data((index % 2 == 0 ? "" : " \n\t\r\n").utf8).write(to: empties.appendingPathComponent("\(index).txt"))
        }
        let corpus = CorpusLoader().open(sources, cache: cache).corpus
        XCTAssertEqual(corpus.count, before)
        let warnings = corpus.warnings.filter { $0.kind == .empty }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].message.contains("200 empty files"), warnings[0].message)
        XCTAssertEqual(CorpusLoader().open(sources, cache: cache).corpus.warnings.filter { $0.kind == .empty }, warnings)
    }

    func testStaleTemporaryFilesAreRemoved() throws {
        try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        // A process id that is not running (the maximum is below 2^22 on Linux).
        let gone = cache.folder.appendingPathComponent("index-abc.bin.tmp-99999999").path
        let old = cache.folder.appendingPathComponent("index-def.bin.tmp-1").path // pid 1 runs; the file is old
        let running = cache.folder.appendingPathComponent("index-fed.bin.tmp-1").path
        let unrelated = cache.folder.appendingPathComponent("notes.tmp-99999999").path
        for path in [gone, old, running, unrelated] { XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data("x".utf8))) }
        var times = [timespec(tv_sec: time(nil) - 3 * 24 * 3600, tv_nsec: 0), timespec(tv_sec: time(nil) - 3 * 24 * 3600, tv_nsec: 0)]
        XCTAssertEqual(utimensat(AT_FDCWD, old, &times, 0), 0)
        _ = CorpusLoader().open(sources, cache: cache)
        XCTAssertFalse(FileManager.default.fileExists(atPath: gone))
        XCTAssertFalse(FileManager.default.fileExists(atPath: old))
        XCTAssertTrue(FileManager.default.fileExists(atPath: running), "a recent file of a live process is kept")
        XCTAssertTrue(FileManager.default.fileExists(atPath: unrelated))
    }

    func testAFailedCacheWriteIsReportedWithItsPath() throws {
        // A cache folder that cannot be made: a file sits where its parent should be.
        try Data().write(to: folder.appendingPathComponent("file"))
        let blocked = IndexCache(folder: folder.appendingPathComponent("file/cache"), applicationVersion: "test")
        let (corpus, outcome) = CorpusLoader().open(sources, cache: blocked)
        XCTAssertEqual(outcome, .missing)
        XCTAssertGreaterThan(corpus.count, 0, "the corpus is still there")
        let warnings = corpus.warnings.filter { $0.kind == .cache }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.description.contains(blocked.folder.path) == true, "\(warnings)")
        XCTAssertTrue(warnings.first?.message.contains("indexed again") == true, "\(warnings)")
    }

    func testAReadOnlyCacheFolderIsReportedWithItsPath() throws {
        guard getuid() != 0 else { throw XCTSkip("root writes into read-only folders") }
        try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        XCTAssertEqual(chmod(cache.folder.path, 0o500), 0)
        let (corpus, outcome) = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(outcome, .missing)
        XCTAssertGreaterThan(corpus.count, 0, "the corpus is still there")
        let warnings = corpus.warnings.filter { $0.kind == .cache }
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings[0].description.contains(cache.folder.path), warnings[0].description)
        XCTAssertTrue(warnings[0].message.contains("Permission denied"), warnings[0].message)
    }
}

/// A result slot written by one thread and read after it signalled.
private final class UnsafeSlot<T>: @unchecked Sendable {
    var value: T?
}

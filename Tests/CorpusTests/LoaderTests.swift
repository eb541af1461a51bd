import Corpus
import Foundation
import XCTest

/// Bad files never stop a load: each is skipped or decoded with a warning naming it.
final class LoaderTests: XCTestCase {
    func testLatin1FileLoadsAsWindows1252WithAWarning() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // "officiële" and "€" in Windows-1252, which is not valid UTF-8.
        var bytes = Array(" Onderwerp  -  Officiële cijfers\n\nKost het meer dan 5 ".utf8)
        bytes = Array(String(decoding: bytes, as: UTF8.self).unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
        bytes += [0x80] + Array(" miljoen?\n Ja.\n".utf8)
        let file = folder.appendingPathComponent("latin1.txt")
        try Data(bytes).write(to: file)

        let corpus = CorpusLoader().load([.folder(path: folder.path)])
        XCTAssertEqual(corpus.count, 1)
        XCTAssertEqual(corpus.records.first?.title, "Onderwerp - Officiële cijfers")
        XCTAssertEqual(corpus.warnings.map(\.kind), [.notUTF8])
        XCTAssertEqual(corpus.warnings.first?.path, file.path)
        XCTAssertEqual(corpus.search("officiele").first?.record.title, "Onderwerp - Officiële cijfers")
        XCTAssertTrue(corpus.records.first?.questions.isEmpty ?? false)
    }

    func testBinaryAndOversizedFilesAreSkippedAndNamed() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("image.txt"))
        try Data(repeating: 0x41, count: 6_000).write(to: folder.appendingPathComponent("huge.txt"))
        let nested = folder.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.seeds.appendingPathComponent("002_e03af9a1a96cd0dc.txt"),
                                         to: nested.appendingPathComponent("002.txt"))
        try Data("ignored".utf8).write(to: folder.appendingPathComponent("notes.pdf"))

        var loader = CorpusLoader()
        loader.maximumFileSize = 5_000
        let corpus = loader.load([.folder(path: folder.path)])
        XCTAssertEqual(corpus.records.map(\.title), ["Inburgeringstrajecten - Stand van zaken"], "found recursively")
        XCTAssertEqual(Set(corpus.warnings.map(\.kind)), [.binary, .tooLarge])
        XCTAssertTrue(corpus.warnings.contains { $0.path.hasSuffix("image.txt") })
        XCTAssertTrue(corpus.warnings.contains { $0.path.hasSuffix("huge.txt") })
    }

    func testMissingFolderIsAWarning() {
        let corpus = CorpusLoader().load([.folder(path: "/nonexistent/vraagbaak")])
        XCTAssertEqual(corpus.count, 0)
        XCTAssertEqual(corpus.warnings.map(\.kind), [.missingFolder])
    }

    /// Corpus files by extension (any case), in nested folders, in byte order of their
    /// names per folder; hidden files, other extensions, FIFOs and folders named like
    /// files are not corpus files.
    func testTheListingIsStableAndKeepsOnlyCorpusFiles() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        for path in ["b/2.txt", "b/10.TXT", "a.vraag", "c/d/e.Vraag", "notes.md", ".hidden.txt", "b/.x/y.txt"] {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try manager.createDirectory(at: folder.appendingPathComponent("folder.txt"), withIntermediateDirectories: true)
        XCTAssertEqual(mkfifo(folder.appendingPathComponent("pipe.txt").path, 0o600), 0)
        var warnings: [LoadWarning] = []
        let listed = CorpusFiles.list(folder.path, warnings: &warnings).map {
            String($0.path.dropFirst(folder.path.count + 1))
        }
        XCTAssertEqual(listed, ["a.vraag", "b/10.TXT", "b/2.txt", "c/d/e.Vraag"])
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(CorpusFiles.list(folder.appendingPathComponent("b/2.txt").path, warnings: &warnings).count, 1)
    }

    func testSymbolicLinksAreNotFollowed() throws {
        let folder = try Fixtures.temporaryFolder()
        let outside = try Fixtures.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.copyItem(at: Fixtures.seeds.appendingPathComponent("000_0baf78453092f8a6.txt"),
                                         to: outside.appendingPathComponent("000.txt"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("file.txt"),
                                                   withDestinationURL: outside.appendingPathComponent("000.txt"))
        XCTAssertEqual(CorpusLoader().load([.folder(path: folder.path)]).count, 0)
    }

    /// A load lists the files without a stat each and takes their status from the
    /// reads: the manifest it keeps (what a cache is checked against) is the listing's.
    func testTheManifestOfALoadIsTheStatedListing() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let nested = folder.appendingPathComponent("2024")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.seeds.appendingPathComponent("002_e03af9a1a96cd0dc.txt"),
                                         to: nested.appendingPathComponent("002.txt"))
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try Data([0x89, 0x50, 0x00, 0x01]).write(to: folder.appendingPathComponent("image.txt"))
        try Data(repeating: 0x41, count: 6_000).write(to: folder.appendingPathComponent("huge.txt"))

        var warnings: [LoadWarning] = []
        let unstated = CorpusFiles.list(folder.path, warnings: &warnings, stated: false)
        XCTAssertEqual(unstated.count, 4)
        XCTAssertTrue(unstated.allSatisfy(\.isUnstated))
        let listed = CorpusFiles.list(folder.path, warnings: &warnings)
        XCTAssertFalse(listed.contains(where: \.isUnstated))
        XCTAssertEqual(unstated.map(\.path), listed.map(\.path))

        var loader = CorpusLoader()
        loader.maximumFileSize = 5_000
        let corpus = loader.load([.folder(path: folder.path)])
        XCTAssertEqual(corpus.count, 1)
        XCTAssertEqual(corpus.manifest, listed)
        XCTAssertEqual(Set(corpus.warnings.map(\.kind)), [.binary, .tooLarge, .empty])
    }

    func testProgressIsReported() {
        var reports: [LoadProgress] = []
        _ = CorpusLoader().load([.embeddedSeeds]) { reports.append($0) }
        XCTAssertEqual(reports.first, LoadProgress(filesDone: 0, filesTotal: 5))
        XCTAssertEqual(reports.last, LoadProgress(filesDone: 5, filesTotal: 5))
    }
}

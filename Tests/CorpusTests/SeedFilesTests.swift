import Corpus
import Foundation
import XCTest

/// The embedded seeds written as files for navigation: read-only, private, exact, and
/// never written through a link planted in the cache folder.
final class SeedFilesTests: XCTestCase {
    private var cache: URL!
    private let seed = "002_e03af9a1a96cd0dc.txt"

    override func setUpWithError() throws {
        cache = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-seedfiles-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: cache)
    }

    private var embeddedText: String { EmbeddedSeeds.files.first { $0.name == seed }?.text ?? "" }

    func testEverySeedIsWrittenReadOnlyUnderItsOwnName() throws {
        let path = try XCTUnwrap(SeedFiles().path(ofSeed: seed, cacheFolder: cache))
        XCTAssertEqual(path, cache.appendingPathComponent("seeds/\(seed)").path)
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), embeddedText)
        XCTAssertEqual(try permissions(path), 0o400)
        XCTAssertEqual(try permissions(cache.appendingPathComponent("seeds").path), 0o700)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("seeds").path).sorted(),
                       EmbeddedSeeds.files.map(\.name).sorted())
        XCTAssertNil(SeedFiles().path(ofSeed: "not-a-seed.txt", cacheFolder: cache))
    }

    func testAnIntactCopyIsReusedAndAChangedOneReplaced() throws {
        let path = try XCTUnwrap(SeedFiles().path(ofSeed: seed, cacheFolder: cache))
        let inode = try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber
        XCTAssertEqual(SeedFiles().path(ofSeed: seed, cacheFolder: cache), path)
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber, inode,
                       "an intact copy is not rewritten")

        let seedFiles = SeedFiles()
        XCTAssertEqual(seedFiles.path(ofSeed: seed, cacheFolder: cache), path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try "title: Iets anders\n".write(toFile: path, atomically: false, encoding: .utf8)
        XCTAssertEqual(seedFiles.path(ofSeed: seed, cacheFolder: cache), path, "checked again at each use")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), embeddedText)
        XCTAssertEqual(try permissions(path), 0o400)
    }

    func testALinkPlantedAtASeedIsReplacedNotFollowed() throws {
        let seeds = cache.appendingPathComponent("seeds")
        try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
        let victim = cache.appendingPathComponent("victim.txt")
        try "keep me".write(to: victim, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: seeds.appendingPathComponent(seed).path, withDestinationPath: victim.path)
        let path = try XCTUnwrap(SeedFiles().path(ofSeed: seed, cacheFolder: cache))
        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep me")
        XCTAssertNil(try? FileManager.default.destinationOfSymbolicLink(atPath: path), "a regular file now")
        XCTAssertEqual(try String(contentsOfFile: path, encoding: .utf8), embeddedText)
    }

    func testALinkPlantedAtTheFolderIsRefused() throws {
        let elsewhere = cache.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cache.appendingPathComponent("seeds").path,
                                                   withDestinationPath: elsewhere.path)
        XCTAssertNil(SeedFiles().path(ofSeed: seed, cacheFolder: cache))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path), [])
    }

    private func permissions(_ path: String) throws -> Int? {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber).map { $0.intValue & 0o777 }
    }
}

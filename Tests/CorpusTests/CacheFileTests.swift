import Foundation
import XCTest
@testable import Corpus

/// The pieces under the index cache: the checksum fed in chunks, the streaming
/// writer, and writing the file without following links.
final class CacheFileTests: XCTestCase {
    func testTheChecksumInChunksEqualsTheChecksumInOneGo() {
        var random = SystemRandomNumberGenerator()
        for length in [0, 1, 31, 32, 33, 100, 4096, 10_007] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let whole = bytes.withUnsafeBytes { checksum($0) }
            for _ in 0..<20 {
                var chunked = Checksum()
                var start = 0
                while start < length {
                    let end = min(length, start + Int.random(in: 1...70, using: &random))
                    bytes[start..<end].withUnsafeBytes { chunked.add($0) }
                    start = end
                }
                XCTAssertEqual(chunked.value, whole, "length \(length)")
            }
        }
        // A changed byte changes it, wherever it is.
        let bytes = [UInt8](repeating: 7, count: 100)
        let original = bytes.withUnsafeBytes { checksum($0) }
        for index in [0, 31, 32, 63, 99] {
            var changed = bytes
            changed[index] ^= 1
            XCTAssertNotEqual(changed.withUnsafeBytes { checksum($0) }, original, "byte \(index)")
        }
    }

    func testAStreamingWriterWritesWhatAnInMemoryWriterHolds() {
        func fill(_ writer: inout BinaryWriter) {
            writer.write("kop")
            writer.writeColumn([UInt8](repeating: 1, count: 3))
            writer.writeColumn((0..<(BinaryWriter.chunkSize / 2)).map { Int32($0) }) // larger than a chunk
            writer.write(12345)
            writer.writeColumn(Column([UInt16](repeating: 9, count: 5)))
            for index in 0..<300_000 { writer.write(index) }
        }
        var memory = BinaryWriter()
        fill(&memory)
        var streamed: [UInt8] = []
        var chunks = 0
        var streaming = BinaryWriter { bytes in
            streamed.append(contentsOf: bytes)
            chunks += 1
        }
        fill(&streaming)
        streaming.flush()
        XCTAssertEqual(streamed, memory.bytes)
        XCTAssertGreaterThan(chunks, 1)
        XCTAssertTrue(streaming.bytes.isEmpty)
    }

    func testTheCacheIsNotWrittenThroughALinkAtItsTemporaryName() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
        let sources = [CorpusSource.folder(path: "/nowhere")]
        try FileManager.default.createDirectory(at: cache.folder, withIntermediateDirectories: true)
        let victim = folder.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        let temporary = cache.fileURL(for: sources).path + ".tmp-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createSymbolicLink(atPath: temporary, withDestinationPath: victim.path)

        try cache.save(Fixtures.seedCorpus, for: sources)

        XCTAssertEqual(try String(contentsOf: victim, encoding: .utf8), "keep me")
        XCTAssertFalse(FileManager.default.fileExists(atPath: temporary))
        let (loaded, outcome) = cache.load(sources, manifest: Fixtures.seedCorpus.manifest)
        XCTAssertEqual(outcome, .hit)
        XCTAssertEqual(loaded?.records, Fixtures.seedCorpus.records)
    }

    func testACacheThatIsALinkIsNotRead() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
        let sources = [CorpusSource.folder(path: "/nowhere")]
        try cache.save(Fixtures.seedCorpus, for: sources)
        let url = cache.fileURL(for: sources)
        let elsewhere = folder.appendingPathComponent("elsewhere.bin")
        try FileManager.default.moveItem(at: url, to: elsewhere)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: elsewhere)
        let outcome = cache.load(sources, manifest: Fixtures.seedCorpus.manifest).1
        guard case .unusable(let reason) = outcome else { return XCTFail("\(outcome)") }
        XCTAssertTrue(reason.contains("not a regular file"), reason)
    }
}

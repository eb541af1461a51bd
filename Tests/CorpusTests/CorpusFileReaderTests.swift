import Corpus
import Foundation
import XCTest

/// Reading one corpus file: text in either encoding, and refusals that never block,
/// never follow a link and never read past the limit.
final class CorpusFileReaderTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws { folder = try Fixtures.temporaryFolder() }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: folder) }

    private func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    func testTextInUTF8AndWindows1252() throws {
        XCTAssertEqual(CorpusFileReader.read(try file("a.txt", Array("geïnde boetes".utf8))),
                       .text("geïnde boetes", wasUTF8: true))
        XCTAssertEqual(CorpusFileReader.read(try file("b.txt", [0x67, 0x65, 0xEF, 0x6E, 0x64, 0x65, 0x20, 0x80])),
                       .text("geïnde €", wasUTF8: false))
        XCTAssertEqual(CorpusFileReader.read(try file("c.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00])), .binary)
    }

    func testALinkIsNotFollowed() throws {
        let target = try file("target.txt", Array("echte vraag".utf8))
        let link = folder.appendingPathComponent("link.txt").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
        XCTAssertEqual(CorpusFileReader.read(link), .unreadable)
        XCTAssertNil(CorpusFileReader.text(link))
        XCTAssertEqual(CorpusFileReader.text(target), "echte vraag")
    }

    func testAFolderOrAFIFOIsRefusedWithoutBlocking() throws {
        XCTAssertEqual(CorpusFileReader.read(folder.path), .unreadable)
        let fifo = folder.appendingPathComponent("pipe.txt").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        XCTAssertEqual(CorpusFileReader.read(fifo), .unreadable)
        XCTAssertEqual(CorpusFileReader.read(folder.appendingPathComponent("missing.txt").path), .unreadable)
    }

    func testNoMoreThanTheLimitIsRead() throws {
        let path = try file("big.txt", [UInt8](repeating: 0x61, count: 10_000))
        XCTAssertEqual(CorpusFileReader.read(path, maximumSize: 9_999), .tooLarge(bytes: 10_000))
        XCTAssertEqual(CorpusFileReader.read(path, maximumSize: 10_000), .text(String(repeating: "a", count: 10_000), wasUTF8: true))
    }
}

import Foundation
import JSONRPC
@testable import Server
import XCTest

/// `vraagbaak web` runs a server per page in one process: a server whose client went
/// away must be released with its corpus, or every page load keeps one more.
final class ReleaseTests: XCTestCase {
    func testAServerWhoseClientLeftIsReleasedWithItsCorpus() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-release-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        try FileManager.default.copyItem(at: seeds, to: corpus)

        var client: InProcessServer? = InProcessServer()
        weak let server = client?.server
        // As the page does: a corpus folder, polled (a browser cannot watch files),
        // progress, and a draft with diagnostics.
        client?.initialize(options: .object([
            "corpus": .array([.string(corpus.path)]), "seeds": .bool(false), "pollInterval": .double(0.2),
            "cacheDirectory": .string(folder.appendingPathComponent("cache").path),
        ]))
        client?.notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string("file:///tmp/release.vraag"), "languageId": .string("vraag"), "version": .int(1),
            "text": .string("Inburgering  -  Stand van zaken\n\nIn opvolging van vraag nr. 123 van 26 januari 2024:\n\n1. Hoeveel?\n"),
        ])]))
        XCTAssertNotNil(client?.waitForNotification("textDocument/publishDiagnostics", timeout: 15))
        Thread.sleep(forTimeInterval: 1) // the corpus loaded and polled a few times
        client?.closeInput()
        client = nil

        let deadline = Date().addingTimeInterval(10)
        while server != nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertNil(server, "the server (and its corpus) is still held after its client left")
    }
}

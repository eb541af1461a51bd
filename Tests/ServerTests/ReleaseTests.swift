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
        // A corpus folder, polled (the client cannot watch files), and its cache.
        client?.initialize(options: .object([
            "corpus": .array([.string(corpus.path)]), "seeds": .bool(false), "pollInterval": .double(0.2),
            "cacheDirectory": .string(folder.appendingPathComponent("cache").path),
        ]))
        Thread.sleep(forTimeInterval: 1) // the corpus loaded and polled a few times
        assertReleased(&client, "the server (and its corpus) is still held after its client left")
    }

    /// What the page of `vraagbaak web` asks for: settings from the client, watched
    /// files registered with it, progress.
    func testAServerOfAPageIsReleasedWhenThePageCloses() throws {
        var client: InProcessServer? = InProcessServer()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-page-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
        client?.initialize(options: .object(["corpus": .array([.string(seeds.path)])]), capabilities: .object([
            "window": .object(["workDoneProgress": .bool(true)]),
            "workspace": .object(["configuration": .bool(true), "workspaceFolders": .bool(true), "applyEdit": .bool(true),
                                  "didChangeWatchedFiles": .object(["dynamicRegistration": .bool(true)])]),
        ]), rootURI: .string(folder.absoluteString))
        if let asked = client?.waitForRequest("workspace/configuration", timeout: 10) {
            client?.answer(asked, with: .array([.null]))
        }
        if let progress = client?.waitForRequest("window/workDoneProgress/create", timeout: 10) {
            client?.answer(progress, with: .null)
        }
        client?.notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(folder.appendingPathComponent("concept.vraag").absoluteString), "languageId": .string("vraag"), "version": .int(1),
            "text": .string("Inburgering  -  Stand van zaken\n\nIn opvolging van vraag nr. 123 van 26 januari 2024:\n\n1. Hoeveel?\n"),
        ])]))
        XCTAssertNotNil(client?.waitForNotification("textDocument/publishDiagnostics", timeout: 15))
        Thread.sleep(forTimeInterval: 1) // diagnostics with the corpus checks too
        assertReleased(&client, "the page's server (and its corpus) is still held after the page closed")
    }

    /// The client leaves before it answers the server's request for its settings:
    /// when the request times out, the server is gone, and nothing may touch it (a
    /// page of `vraagbaak web` closed while it loaded took the whole process down).
    func testAnAnswerThatComesAfterTheServerIsGoneIsIgnored() throws {
        var client: InProcessServer? = InProcessServer()
        client?.initialize(capabilities: .object(["workspace": .object(["configuration": .bool(true)])]))
        XCTAssertNotNil(client?.waitForRequest("workspace/configuration", timeout: 10), "the server asks for the settings")
        assertReleased(&client, "the server is not released while its request is unanswered")
        // The request's timeout fires now, with the server gone: this process must live on.
        Thread.sleep(forTimeInterval: LanguageServer.clientAnswerTimeout + 1)
    }

    /// Closes the client's input, lets go of it, and waits for its server to go.
    private func assertReleased(_ client: inout InProcessServer?, _ message: String,
                                file: StaticString = #filePath, line: UInt = #line) {
        weak let server = client?.server
        client?.closeInput()
        client = nil
        let deadline = Date().addingTimeInterval(10)
        while server != nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertNil(server, message, file: file, line: line)
    }
}

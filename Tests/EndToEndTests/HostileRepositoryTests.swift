import Foundation
import JSONRPC
import XCTest

/// Issue 16 over stdio: what a hostile repository, corpus or client did to the
/// server before, each case against the built binary.
final class HostileRepositoryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = chmodTree(folder)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Makes every folder writable again, so tearDown can remove what a test locked.
    private func chmodTree(_ url: URL) -> Bool {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        chmod(url.path, 0o755)
        while let name = enumerator?.nextObject() as? String { chmod(url.appendingPathComponent(name).path, 0o755) }
        return true
    }

    private func server(cache: URL? = nil, extra: [String: String] = [:]) throws -> ServerProcess {
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = (cache ?? folder.appendingPathComponent("cache")).path
        for (key, value) in extra { environment[key] = value }
        return try ServerProcess(environment: environment)
    }

    private func write(_ text: String, to relative: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    // MARK: - Item 1: configured limits

    func testAnIntMaxWordLimitFromTheWorkspaceDoesNotCrashTheServer() throws {
        try write(#"{"checks":{"rules":{"word-limit":{"limit":9223372036854775807},"title-too-long":{"limit":9223372036854775807}}}}"#,
                  to: "workspace/vraagbaak.json")
        let server = try server()
        _ = try server.initialize(rootURI: folder.appendingPathComponent("workspace").absoluteString)
        let text = "Titel - Spec\n\n" + String(repeating: "woord ", count: 1200) + "\n\n1. Wie?\n"
        server.open("file:///limit.vraag", text)
        let symbols = try server.request("textDocument/documentSymbol", textDocument("file:///limit.vraag"))
        XCTAssertNotNil(symbols["result"]?.arrayValue, "still serving: \(symbols)")
        let diagnostics = try server.request("textDocument/diagnostic", textDocument("file:///limit.vraag"))
        let codes = diagnostics["result"]?["items"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        // The absurd limits are rejected with a message naming them; the defaults apply.
        XCTAssertTrue(codes.contains("word-limit"), "1,200 words against the default 1,000: \(codes)")
        let shown = try server.waitFor("the rejected limit") {
            $0["method"] == "window/showMessage"
                && ($0["params"]?["message"]?.stringValue?.contains("checks.rules.title-too-long.limit: must be a whole number") ?? false)
        }
        XCTAssertEqual(shown["params"]?["type"], 1)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    // MARK: - Item 9: lone surrogates

    func testALoneSurrogateInAnEditKeepsTheDocumentInSync() throws {
        let server = try server()
        _ = try server.initialize()
        let uri = "file:///surrogate.vraag"
        server.open(uri, "ab\ncd\n")
        // What JSON.stringify sends for half an emoji: "X\ud83dY".
        let halfEmoji = #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":1}},"text":"X\ud83dY"}]}}"#
        server.sendRaw(Data("Content-Length: \(halfEmoji.utf8.count)\r\n\r\n\(halfEmoji)".utf8))
        server.change(uri, version: 3, [edit(range(1, 1, 1, 1), "Z")])
        let text = try server.request("vraagbaak/documentText", textDocument(uri))
        XCTAssertEqual(text["result"]?["text"], .string("aX\u{FFFD}Yb\ncZd\n"))
        XCTAssertEqual(text["result"]?["version"], 3)
        XCTAssertFalse(server.inbox.contains { $0["error"]?["code"] == -32700 }, "no parse error: \(server.inbox)")
    }

    // MARK: - Item 11: protocol edges

    func testIdsAreEchoedAsWritten() throws {
        let server = try server()
        _ = try server.initialize()
        for id in ["9007199254740993", "18446744073709551617", "1e308", "-123456789012345678901234567890"] {
            let body = #"{"jsonrpc":"2.0","id":\#(id),"method":"vraagbaak/corpusStatus"}"#
            server.sendRaw(Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
            let deadline = Date().addingTimeInterval(10)
            var echoed = false
            while !echoed && Date() < deadline {
                echoed = server.rawBodies.contains { $0.contains(#""id":\#(id),"#) && $0.contains(#""result""#) }
                if !echoed { usleep(20_000) }
            }
            XCTAssertTrue(echoed, "id \(id) echoed: \(server.rawBodies.suffix(2))")
        }
        XCTAssertFalse(server.inbox.contains { $0["id"] == .null }, "no answer with a null id")
    }

    func testConflictingContentLengthsAreRejected() throws {
        let server = try server()
        _ = try server.initialize()
        let body = #"{"jsonrpc":"2.0","id":"conflict","method":"vraagbaak/corpusStatus"}"#
        server.sendRaw(Data("Content-Length: \(body.utf8.count)\r\nContent-Length: 5\r\n\r\n\(body)".utf8))
        let error = try server.waitFor("a parse error") { $0["error"]?["code"] == -32700 }
        XCTAssertTrue(error["error"]?["message"]?.stringValue?.contains("Conflicting Content-Length") == true, "\(error)")
        XCTAssertEqual(error["id"], .null)
        XCTAssertNotNil(try server.request("vraagbaak/corpusStatus")["result"], "the next message is read")
        XCTAssertFalse(server.inbox.contains { $0["id"] == .string("conflict") }, "the message was not acted on")
    }

    func testOutOfOrderVersionsAreLogged() throws {
        let server = try server()
        _ = try server.initialize()
        let uri = "file:///versions.vraag"
        server.open(uri, "abc", version: 5)
        server.change(uri, version: 4, [edit(range(0, 3, 0, 3), "d")])
        let log = try server.waitFor("a log of the out-of-order version") {
            $0["method"] == "window/logMessage" && $0["params"]?["message"]?.stringValue?.contains("out-of-order") == true
        }
        XCTAssertTrue(log["params"]?["message"]?.stringValue?.contains("version 4 after 5") == true, "\(log)")
        XCTAssertEqual(try server.request("vraagbaak/documentText", textDocument(uri))["result"]?["text"], "abcd")
    }
}

import Foundation
import JSONRPC
import XCTest

/// Every kind of bad input gets its error, and the server still answers the next request.
final class MalformedInputTests: XCTestCase {
    private func assertStillServing(_ server: ServerProcess, file: StaticString = #filePath, line: UInt = #line) throws {
        let response = try server.request("vraagbaak/documentText", textDocument("file:///missing"), file: file, line: line)
        XCTAssertEqual(response["error"]?["code"], -32602, "server answers after bad input", file: file, line: line)
    }

    private func errorWithNullID(_ server: ServerProcess, code: Int, file: StaticString = #filePath, line: UInt = #line) throws {
        let message = try server.waitFor("error \(code)", file: file, line: line) {
            $0["error"]?["code"] == .int(code) && $0["id"] == .null
        }
        XCTAssertNotNil(message["error"]?["message"]?.stringValue, file: file, line: line)
    }

    private func body(_ text: String) -> Data {
        Data("Content-Length: \(text.utf8.count)\r\n\r\n\(text)".utf8)
    }

    func testEachBadCase() throws {
        let server = try ServerProcess()
        _ = try server.initialize()

        server.sendRaw(body("{not json"))
        try errorWithNullID(server, code: -32700)
        try assertStillServing(server)

        server.sendRaw(Data("Content-Length: nope\r\n\r\n{}".utf8))
        try errorWithNullID(server, code: -32700)
        try assertStillServing(server)

        server.sendRaw(body(#"[{"jsonrpc":"2.0","id":1,"method":"shutdown"}]"#))
        try errorWithNullID(server, code: -32600)
        try assertStillServing(server)

        server.sendRaw(body(#"{"jsonrpc":"2.0","id":77}"#))
        let invalid = try server.response(to: .number(77))
        XCTAssertEqual(invalid["error"]?["code"], -32600)
        try assertStillServing(server)

        server.sendRaw(body(#"{"jsonrpc":"2.0","id":"s-1","method":"vraagbaak/unknown"}"#))
        XCTAssertEqual(try server.response(to: .string("s-1"))["error"]?["code"], -32601)
        server.sendRaw(body(#"{"jsonrpc":"2.0","id":"s-2","method":"$/unknownRequest"}"#))
        XCTAssertEqual(try server.response(to: .string("s-2"))["error"]?["code"], -32601, "a $/ request is still answered")

        server.notify("$/unknownNotification", ["x": 1])
        server.notify("vraagbaak/unknownNotification")
        try assertStillServing(server)

        let badParams = try server.request("textDocument/documentSymbol", ["textDocument": ["uri": 42]])
        XCTAssertEqual(badParams["error"]?["code"], -32602)
        let missingParams = try server.request("textDocument/documentSymbol")
        XCTAssertEqual(missingParams["error"]?["code"], -32602)

        // A bad notification cannot be answered; the user is told through window/logMessage.
        server.notify("textDocument/didOpen", ["textDocument": "not an object"])
        let log = try server.waitFor("an error logged") {
            $0["method"] == "window/logMessage" && $0["params"]?["type"] == 1
        }
        XCTAssertTrue(log["params"]?["message"]?.stringValue?.contains("textDocument/didOpen") ?? false)
        try assertStillServing(server)

        server.sendRaw(Data([0x00, 0xFF, 0xFE, 0x0D, 0x0A, 0x0D, 0x0A]))
        server.sendRaw(body(#"{"jsonrpc":"2.0","id":500,"method":"vraagbaak/documentText","params":{"textDocument":{"uri":"file:///m"}}}"#))
        XCTAssertEqual(try server.response(to: .number(500))["error"]?["code"], -32602, "binary garbage is skipped")

        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testChangeForUnopenedDocumentIsReportedNotFatal() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.change("file:///never-opened.vraag", version: 2, [["text": "x"]])
        let log = try server.waitFor("a warning logged") {
            $0["method"] == "window/logMessage" && $0["params"]?["type"] == 2
        }
        XCTAssertTrue(log["params"]?["message"]?.stringValue?.contains("never-opened") ?? false)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testRequestCancelledBeforeItIsAnsweredGetsRequestCancelled() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        // A large document keeps the server busy while the request and its
        // cancellation arrive behind it in the same write.
        let big = String(repeating: "Kan de minister zeggen hoeveel? é😀\n", count: 200_000)
        func frame(_ value: JSONValue) -> Data {
            let body = try! JSONEncoder().encode(value)
            return Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        }
        var batch = Data()
        batch += frame(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
            "uri": "file:///big.vraag", "languageId": "vraag", "version": 1, "text": .string(big)]]])
        batch += frame(["jsonrpc": "2.0", "id": 900, "method": "vraagbaak/documentText",
                        "params": ["textDocument": ["uri": "file:///big.vraag"]]])
        batch += frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": 900]])
        server.sendRaw(batch)
        let response = try server.response(to: .number(900), timeout: 30)
        XCTAssertEqual(response["error"]?["code"], -32800)
        // Cancelling what was already answered changes nothing.
        server.notify("$/cancelRequest", ["id": 900])
        try assertStillServing(server)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

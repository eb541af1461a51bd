import Foundation
import JSONRPC
import XCTest

/// The server binary over stdio: lifecycle, sync and errors, as an editor sees them.
final class LifecycleTests: XCTestCase {
    func testInitializeAnnouncesServerInfoAndHonestCapabilities() throws {
        let server = try ServerProcess()
        let response = try server.initialize()
        let result = try XCTUnwrap(response["result"])
        XCTAssertEqual(result["serverInfo"]?["name"], "vraagbaak")
        XCTAssertNotNil(result["serverInfo"]?["version"]?.stringValue)
        let capabilities = try XCTUnwrap(result["capabilities"])
        XCTAssertEqual(capabilities["positionEncoding"], "utf-16", "no offer means UTF-16")
        XCTAssertEqual(capabilities["textDocumentSync"]?["change"], 2)
        XCTAssertNil(capabilities["renameProvider"], "nothing unimplemented is announced")
        XCTAssertNil(capabilities["diagnosticProvider"], "pull diagnostics only for clients that announce them")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testPositionEncodingIsNegotiated() throws {
        let server = try ServerProcess()
        let response = try server.initialize(capabilities: ["general": ["positionEncodings": ["utf-32", "utf-16"]]])
        XCTAssertEqual(response["result"]?["capabilities"]?["positionEncoding"], "utf-32")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testRequestBeforeInitializeIsRejectedAndNotificationsDropped() throws {
        let server = try ServerProcess()
        server.open("file:///early.vraag", "x")
        let response = try server.request("textDocument/documentSymbol", textDocument("file:///early.vraag"))
        XCTAssertEqual(response["error"]?["code"], -32002)
        _ = try server.initialize()
        let afterInit = try server.request("vraagbaak/documentText", textDocument("file:///early.vraag"))
        XCTAssertEqual(afterInit["error"]?["code"], -32602, "the didOpen before initialize was dropped")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testExitWithoutShutdownExitsWithOne() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.notify("exit")
        XCTAssertEqual(server.waitForExit(), 1)
    }

    func testRequestsAfterShutdownAreInvalid() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        XCTAssertEqual(try server.request("shutdown")["result"], .null)
        XCTAssertEqual(try server.request("textDocument/documentSymbol", textDocument("file:///x"))["error"]?["code"], -32600)
        server.notify("exit")
        XCTAssertEqual(server.waitForExit(), 0)
    }

    func testEndOfInputEndsTheServer() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.closeInput()
        XCTAssertEqual(server.waitForExit(), 1)
    }

    func testEndOfInputInTheMiddleOfAMessageEndsTheServerCleanly() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.sendRaw(Data("Content-Length: 100\r\n\r\n{\"jsonrpc\":".utf8))
        server.closeInput()
        XCTAssertEqual(server.waitForExit(), 1)
    }

    func testIncrementalEditsWithMultiByteCharacters() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let uri = "file:///tmp/draft.vraag"
        server.open(uri, "Titel - Specificatie\r\n\r\nKan de minister 😀 zeggen?\n")
        server.change(uri, version: 2, [edit(range(2, 0, 2, 3), "Wil")])          // replace "Kan"
        server.change(uri, version: 3, [edit(range(2, 18, 2, 18), "é"),           // after the emoji (2 UTF-16 units)
                                        edit(range(0, 5, 0, 5), " één")])
        server.change(uri, version: 4, [edit(range(2, 99, 2, 99), " Graag.")])    // past the line end
        server.change(uri, version: 5, [edit(range(1, 0, 2, 0), "")])             // join lines across CRLF
        let response = try server.request("vraagbaak/documentText", textDocument(uri))
        XCTAssertEqual(response["result"]?["version"], 5)
        XCTAssertEqual(response["result"]?["text"], "Titel één - Specificatie\r\nWil de minister 😀é zeggen? Graag.\n")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testFullChangeReplacesTheText() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.open("file:///a.vraag", "oud")
        server.change("file:///a.vraag", version: 2, [["text": "nieuw"]])
        XCTAssertEqual(try server.request("vraagbaak/documentText", textDocument("file:///a.vraag"))["result"]?["text"], "nieuw")
        server.notify("textDocument/didClose", textDocument("file:///a.vraag"))
        XCTAssertEqual(try server.request("vraagbaak/documentText", textDocument("file:///a.vraag"))["error"]?["code"], -32602)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testUTF8PositionsWhenNegotiated() throws {
        let server = try ServerProcess()
        _ = try server.initialize(capabilities: ["general": ["positionEncodings": ["utf-8"]]])
        server.open("file:///u.vraag", "é😀x")
        server.change("file:///u.vraag", version: 2, [edit(range(0, 6, 0, 7), "y")])
        XCTAssertEqual(try server.request("vraagbaak/documentText", textDocument("file:///u.vraag"))["result"]?["text"], "é😀y")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}


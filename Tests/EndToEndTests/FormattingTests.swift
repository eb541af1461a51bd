import Foundation
import JSONRPC
import XCTest

/// Formatting over stdio: whitespace only, idempotent, minimal edits.
final class FormattingTests: XCTestCase {
    static let messy = "aan: Gwendolyn Rutten  \n\nInburgering  –  Stand van zaken\t\n\nÉén 😀 inleiding met  twee spaties binnenin.   \n\n"
        + "  1.   Kan de minister een overzicht geven:\n a)  per provincie;\n\tb) per jaar?\n2.\tHoeveel?\n"

    static let tidy = "aan: Gwendolyn Rutten\n\nInburgering - Stand van zaken\n\nÉén 😀 inleiding met  twee spaties binnenin.\n\n"
        + "1. Kan de minister een overzicht geven:\n   a) per provincie;\n   b) per jaar?\n2. Hoeveel?\n"

    private func format(_ server: ServerProcess, _ uri: String) throws -> [JSONValue] {
        let response = try server.request("textDocument/formatting", [
            "textDocument": ["uri": .string(uri)], "options": ["tabSize": 4, "insertSpaces": true],
        ])
        XCTAssertNil(response["error"])
        return response["result"]?.arrayValue ?? []
    }

    private func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "–" || $0 == "-" })
    }

    func testFormattingIsIdempotentAndKeepsEveryWord() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let uri = "file:///tmp/format.vraag"
        server.open(uri, Self.messy)

        let edits = try format(server, uri)
        XCTAssertTrue(edits.contains(["range": range(2, 11, 2, 16), "newText": " - "]), "the title dash: \(edits)")
        XCTAssertTrue(edits.contains(["range": range(4, 44, 4, 47), "newText": ""]), "trailing spaces after Één 😀: \(edits)")
        let formatted = applying(edits, to: Self.messy)
        XCTAssertEqual(formatted, Self.tidy)
        XCTAssertEqual(words(formatted), words(Self.messy), "no word changes")

        // The server's copy, edited the same way, needs nothing more.
        server.change(uri, version: 2, [["text": .string(formatted)]])
        XCTAssertEqual(try format(server, uri), [])
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testFormattingTheSeedsKeepsWordsAndIsIdempotent() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        for name in try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path).sorted() where name.hasSuffix(".txt") {
            let uri = "file:///tmp/\(name)"
            let text = try seedText(name)
            server.open(uri, text)
            let formatted = applying(try format(server, uri), to: text)
            XCTAssertEqual(words(formatted), words(text), name)
            server.change(uri, version: 2, [["text": .string(formatted)]])
            XCTAssertEqual(try format(server, uri), [], name)
        }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

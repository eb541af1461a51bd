import Foundation
import JSONRPC
import XCTest

/// Outline and folding over stdio, recomputed after edits.
final class OutlineTests: XCTestCase {
    static let draft = """
        aan: Gwendolyn Rutten
        thema: Integratie en Inburgering

        Inburgering - Stand van zaken

        Ik verwijs naar mijn schriftelijke vraag nr. 113 van 6 januari 2023.

        1. Kan de minister een overzicht geven van het aantal inburgeraars:
           a) per provincie;
           b) per agentschap?
        2. Hoeveel trajecten werden gestart in 2023?

        """

    private func names(_ symbols: JSONValue?) -> [String] {
        (symbols?.arrayValue ?? []).compactMap { $0["name"]?.stringValue }
    }

    func testOutlineFollowsEdits() throws {
        let server = try ServerProcess()
        _ = try server.initialize(capabilities: ["textDocument": ["documentSymbol": ["hierarchicalDocumentSymbolSupport": true]]])
        let uri = "file:///tmp/outline.vraag"
        server.open(uri, Self.draft)

        let first = try server.request("textDocument/documentSymbol", textDocument(uri))["result"]
        XCTAssertEqual(names(first), [
            "Kop", "Inburgering - Stand van zaken", "Inleiding",
            "1. Kan de minister een overzicht geven van het aantal inburgera…",
            "2. Hoeveel trajecten werden gestart in 2023?",
        ])
        let firstQuestion = first?.arrayValue?[3]
        XCTAssertEqual(names(firstQuestion?["children"]), ["a) per provincie;", "b) per agentschap?"])
        XCTAssertEqual(firstQuestion?["range"], range(7, 0, 9, 21))
        XCTAssertEqual(firstQuestion?["selectionRange"], range(7, 0, 7, 2))

        // Insert a third question with multi-byte text, then an emoji before question 1.
        server.change(uri, version: 2, [edit(range(10, 44, 10, 44), "\n3. Wat kost één 😀 traject?")])
        server.change(uri, version: 3, [edit(range(7, 3, 7, 3), "😀 ")])
        let second = try server.request("textDocument/documentSymbol", textDocument(uri))["result"]
        XCTAssertEqual(names(second).suffix(3), [
            "1. 😀 Kan de minister een overzicht geven van het aantal inburge…",
            "2. Hoeveel trajecten werden gestart in 2023?",
            "3. Wat kost één 😀 traject?",
        ])
        XCTAssertEqual(second?.arrayValue?.last?["range"], range(11, 0, 11, 27), "UTF-16 length of the new line")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testFlatOutlineForClientsWithoutHierarchy() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.open("file:///flat.vraag", Self.draft)
        let result = try server.request("textDocument/documentSymbol", textDocument("file:///flat.vraag"))["result"]
        let subItem = result?.arrayValue?.first { $0["name"] == "a) per provincie;" }
        XCTAssertEqual(subItem?["containerName"], "1. Kan de minister een overzicht geven van het aantal inburgera…")
        XCTAssertEqual(subItem?["location"]?["uri"], "file:///flat.vraag")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testFoldingRangesOfASeed() throws {
        let seed = try String(contentsOf: seedsFolder.appendingPathComponent("002_e03af9a1a96cd0dc.txt"), encoding: .utf8)
        let server = try ServerProcess()
        _ = try server.initialize()
        server.open("file:///seed.txt", seed, languageId: "plaintext")
        let folds = try server.request("textDocument/foldingRange", textDocument("file:///seed.txt"))["result"]?.arrayValue ?? []
        let spans = folds.compactMap { fold -> [Int]? in
            guard let start = fold["startLine"]?.intValue, let end = fold["endLine"]?.intValue else { return nil }
            return [start, end]
        }
        XCTAssertTrue(spans.contains([0, 10]), "the header: \(spans)")
        XCTAssertTrue(spans.contains([19, 25]), "question 1 with its sub-items: \(spans)")
        XCTAssertTrue(spans.contains([26, 45]), "question 2: \(spans)")
        XCTAssertTrue(spans.contains([49, 63]), "the answer: \(spans)")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

let seedsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("seeds")

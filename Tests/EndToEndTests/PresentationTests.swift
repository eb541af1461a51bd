import Foundation
import JSONRPC
import XCTest

/// Inlay hints, document links and semantic tokens over stdio.
final class PresentationTests: XCTestCase {
    static let draft = """
        aan: Gwendolyn Rutten
        datum: 26 januari 2024

        Inburgering - Stand van zaken

        Één 😀 keer: mijn schriftelijke vraag nr. 123 van 26 januari 2024 en
        nr. 113 van 6 januari 2023; zie https://docs.vlaamsparlement.be/pfile?id=2038554.

        1. Hoeveel inburgeraars:
           a) per provincie;
           b) per jaar?

        """

    func testInlayHintShowsTheCitedTitle() throws {
        let session = try EditingSession()
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/hints.vraag"
        session.server.open(uri, Self.draft)
        let hints = try session.server.request("textDocument/inlayHint",
                                               ["textDocument": ["uri": .string(uri)], "range": range(0, 0, 12, 0)])["result"]
        XCTAssertEqual(hints?.arrayValue?.count, 1, "only the citation that resolves: \(String(describing: hints))")
        XCTAssertEqual(hints?.arrayValue?.first?["position"], position(5, 65))
        XCTAssertEqual(hints?.arrayValue?.first?["label"], "“Inburgeringstrajecten - Stand van zaken”")
        XCTAssertEqual(hints?.arrayValue?.first?["paddingLeft"], true)
        // Outside the asked range: none.
        let none = try session.server.request("textDocument/inlayHint",
                                              ["textDocument": ["uri": .string(uri)], "range": range(8, 0, 12, 0)])["result"]
        XCTAssertEqual(none, [])
        try session.finish()
    }

    func testDocumentLinksToPdfAndRecordFiles() throws {
        let session = try EditingSession(corpusFiles: [:])
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/links.vraag"
        session.server.open(uri, Self.draft)
        let links = try session.server.request("textDocument/documentLink", textDocument(uri))["result"]?.arrayValue ?? []
        XCTAssertEqual(links.count, 2, "\(links)")
        XCTAssertTrue(links.contains { $0["target"] == "https://docs.vlaamsparlement.be/pfile?id=2038554" && $0["range"] == range(6, 32, 6, 80) },
                      "the URL without the final dot: \(links)")
        XCTAssertTrue(links.contains { $0["target"] == .string(session.corpusURI("002_e03af9a1a96cd0dc.txt")) && $0["range"] == range(5, 13, 5, 65) },
                      "\(links)")
        try session.finish()
    }

    func testSemanticTokensAreRelativeAndPerLine() throws {
        let server = try ServerProcess()
        let response = try server.initialize()
        XCTAssertEqual(response["result"]?["capabilities"]?["semanticTokensProvider"]?["legend"]?["tokenTypes"],
                       ["keyword", "number", "enumMember", "macro", "type"])
        let uri = "file:///tmp/tokens.vraag"
        server.open(uri, Self.draft)
        let data = try server.request("textDocument/semanticTokens/full", textDocument(uri))["result"]?["data"]?.arrayValue?
            .compactMap(\.intValue) ?? []
        XCTAssertEqual(data.count % 5, 0)
        var tokens: [[Int]] = []
        var line = 0
        var start = 0
        for index in stride(from: 0, to: data.count, by: 5) {
            line += data[index]
            start = data[index] == 0 ? start + data[index + 1] : data[index + 1]
            tokens.append([line, start, data[index + 2], data[index + 3]])
        }
        XCTAssertEqual(tokens, [
            [0, 0, 4, 0],        // aan:
            [1, 0, 6, 0],        // datum:
            [1, 7, 15, 4],       // 26 januari 2024
            [5, 13, 28, 3],      // mijn schriftelijke vraag nr.  (after Één 😀, in UTF-16)
            [5, 42, 3, 1],       // 123
            [5, 46, 3, 3],       // van
            [5, 50, 15, 4],      // 26 januari 2024
            [6, 0, 3, 3],        // nr. on the next line
            [6, 4, 3, 1],        // 113
            [6, 8, 3, 3],        // van
            [6, 12, 14, 4],      // 6 januari 2023
            [8, 0, 2, 1],        // 1.
            [9, 3, 2, 2],        // a)
            [10, 3, 2, 2],       // b)
        ])
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

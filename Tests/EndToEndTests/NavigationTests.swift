import Foundation
import JSONRPC
import XCTest

/// Definition, references and workspace symbols over stdio, against a corpus folder
/// with copies of the seeds (so records have files) and one record citing nr. 123.
final class NavigationTests: XCTestCase {
    static let citingRecord = """
        title: Inburgering - Opvolging
        thema: Integratie en Inburgering
        SCHRIFTELIJKE VRAAG
        nr. 301
        van MAAIKE DE VREESE
        datum: 4 maart 2024
        aan GWENDOLYN RUTTEN
        VLAAMS MINISTER VAN INBURGERING
        Inburgering  -  Opvolging
        In opvolging van mijn schriftelijke vraag nr. 123 van 26 januari 2024 vraag ik een update.
        1. Hoeveel inburgeraars tekenden een contract in februari 2024?
        GWENDOLYN RUTTEN
        VLAAMS MINISTER VAN INBURGERING
        ANTWOORD
        op vraag nr. 301 van 4 maart 2024
        van MAAIKE DE VREESE
        1. Dat waren er 812.
        """

    static let draft = MarkedText("""
        aan: Gwendolyn Rutten

        Inburgering - Stand van zaken

        Één 😀 keer: mijn schriftelijke vraag nr. 1️⃣123 van 26 januari 2024 en nr. 2️⃣113 van 6 januari 2023.

        1. Hoeveel?

        """)

    private func session() throws -> EditingSession {
        let session = try EditingSession(corpusFiles: ["301.txt": Self.citingRecord])
        try session.waitForCorpus(records: 6)
        return session
    }

    func testDefinitionJumpsToTheTitleOfTheSeedFile() throws {
        let session = try session()
        let uri = "file:///tmp/navigation.vraag"
        session.server.open(uri, Self.draft.text)
        let result = try session.request("textDocument/definition", uri, Self.draft["1️⃣"])
        XCTAssertEqual(result, [["uri": .string(session.corpusURI("002_e03af9a1a96cd0dc.txt")), "range": range(11, 0, 11, 41)]])
        // A citation that is not in the corpus has no definition.
        XCTAssertEqual(try session.request("textDocument/definition", uri, Self.draft["2️⃣"]), .null)
        XCTAssertEqual(try session.request("textDocument/definition", uri, position(0, 2)), .null)
        try session.finish()
    }

    func testDefinitionSkipsEmbeddedSeeds() throws {
        let session = try EditingSession()
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/embedded.vraag"
        session.server.open(uri, Self.draft.text)
        XCTAssertEqual(try session.request("textDocument/definition", uri, Self.draft["1️⃣"]), .null)
        try session.finish()
    }

    func testReferencesFromACitationAndFromARecordHeader() throws {
        let session = try session()
        let uri = "file:///tmp/references.vraag"
        session.server.open(uri, Self.draft.text)
        let citing = session.corpusURI("301.txt")
        let cited = session.corpusURI("002_e03af9a1a96cd0dc.txt")

        let references = try session.request("textDocument/references", uri, Self.draft["1️⃣"],
                                             extra: ["context": ["includeDeclaration": false]])
        XCTAssertEqual(references, [
            ["uri": .string(uri), "range": range(4, 13, 4, 65)],
            ["uri": .string(citing), "range": range(9, 17, 9, 69)],
        ])

        // From the header of the cited record opened in the editor, with the declaration.
        session.server.open(cited, try seedText("002_e03af9a1a96cd0dc.txt"), languageId: "plaintext")
        let fromHeader = try session.request("textDocument/references", cited, position(5, 3),
                                             extra: ["context": ["includeDeclaration": true]])
        XCTAssertEqual(Set(fromHeader.arrayValue?.compactMap { $0["uri"]?.stringValue } ?? []), [uri, citing, cited])
        XCTAssertTrue(fromHeader.arrayValue?.contains(["uri": .string(cited), "range": range(11, 0, 11, 41)]) ?? false,
                      "the declaration: \(fromHeader)")
        try session.finish()
    }

    func testWorkspaceSymbolsByNumberTitleAndAuthor() throws {
        let session = try session()
        func names(_ query: String) throws -> [String] {
            let result = try session.server.request("workspace/symbol", ["query": .string(query)])["result"]
            return result?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        }
        XCTAssertEqual(try names("123"), ["123 Inburgeringstrajecten - Stand van zaken"])
        XCTAssertEqual(try names("gedetineerden gevangenissen").first, "Gedetineerden - Inburgering")
        XCTAssertEqual(Set(try names("De Vreese")), ["123 Inburgeringstrajecten - Stand van zaken", "301 Inburgering - Opvolging"])
        let symbol = try session.server.request("workspace/symbol", ["query": "301"])["result"]?.arrayValue?.first
        XCTAssertEqual(symbol?["location"]?["uri"], .string(session.corpusURI("301.txt")))
        XCTAssertEqual(symbol?["containerName"], "nr. 301 van 4 maart 2024 · Maaike De Vreese")
        XCTAssertEqual(try names(""), [])
        try session.finish()
    }
}

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

    /// With no configuration (the embedded seeds), go to definition, document links and
    /// workspace symbols lead to read-only copies of the seeds in the cache folder.
    func testNavigationOnTheEmbeddedSeedsOpensTheirCopiesInTheCache() throws {
        let session = try EditingSession()
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/embedded.vraag"
        session.server.open(uri, Self.draft.text)
        let seeds = session.folder.appendingPathComponent("cache/seeds")
        let copy = seeds.appendingPathComponent("002_e03af9a1a96cd0dc.txt")
        XCTAssertEqual(try session.request("textDocument/definition", uri, Self.draft["1️⃣"]),
                       [["uri": .string(copy.absoluteString), "range": range(11, 0, 11, 41)]])
        XCTAssertEqual(try String(contentsOf: copy, encoding: .utf8), try seedText("002_e03af9a1a96cd0dc.txt"),
                       "the copy holds the seed's exact text")
        let attributes = try FileManager.default.attributesOfItem(atPath: copy.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o400, "read-only, private")
        let folderAttributes = try FileManager.default.attributesOfItem(atPath: seeds.path)
        XCTAssertEqual((folderAttributes[.posixPermissions] as? NSNumber)?.intValue, 0o700)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted(),
                       try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path).filter { $0.hasSuffix(".txt") }.sorted(),
                       "every seed under its own name, no temporary file left")

        let links = try session.server.request("textDocument/documentLink", textDocument(uri))["result"]?.arrayValue ?? []
        XCTAssertTrue(links.contains { $0["target"] == .string(copy.absoluteString) }, "\(links)")

        let symbol = try session.server.request("workspace/symbol", ["query": "Inburgeringstraj"])["result"]?.arrayValue?.first
        XCTAssertEqual(symbol?["name"], "123 Inburgeringstrajecten - Stand van zaken")
        XCTAssertEqual(symbol?["location"]?["uri"], .string(copy.absoluteString))
        try session.finish()
    }

    /// A copy that was changed (or made writable) is not trusted: it is written again.
    func testATamperedSeedCopyIsReplaced() throws {
        let first = try EditingSession()
        try first.waitForCorpus(records: 5)
        let uri = "file:///tmp/embedded.vraag"
        first.server.open(uri, Self.draft.text)
        _ = try first.request("textDocument/definition", uri, Self.draft["1️⃣"])
        try first.finish()
        let copy = first.folder.appendingPathComponent("cache/seeds/002_e03af9a1a96cd0dc.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: copy.path)
        try "title: Iets anders\n".write(to: copy, atomically: false, encoding: .utf8)

        // A second server with the same cache folder.
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = first.folder.appendingPathComponent("cache").path
        let server = try ServerProcess(environment: environment)
        _ = try server.initialize()
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, try server.request("vraagbaak/corpusStatus")["result"]?["records"] != 5 { usleep(50_000) }
        server.open(uri, Self.draft.text)
        let definition = try server.request("textDocument/definition",
                                            ["textDocument": ["uri": .string(uri)], "position": Self.draft["1️⃣"]])
        XCTAssertEqual(definition["result"]?.arrayValue?.first?["range"], range(11, 0, 11, 41), "\(definition)")
        XCTAssertEqual(try String(contentsOf: copy, encoding: .utf8), try seedText("002_e03af9a1a96cd0dc.txt"))
        let attributes = try FileManager.default.attributesOfItem(atPath: copy.path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o400)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
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
        try session.finish()
    }

    /// Prefixes match, as editors expect; an empty query lists the newest questions.
    func testWorkspaceSymbolsByPrefixAndTheNewestForAnEmptyQuery() throws {
        let session = try session()
        func names(_ query: String) throws -> [String] {
            let result = try session.server.request("workspace/symbol", ["query": .string(query)])["result"]
            return result?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        }
        XCTAssertTrue(try names("Inburgering").contains("123 Inburgeringstrajecten - Stand van zaken"))
        XCTAssertEqual(try names("inburgeringstr").first, "123 Inburgeringstrajecten - Stand van zaken", "case ignored")
        XCTAssertEqual(try names("Inburgeringstrajecten st").first, "123 Inburgeringstrajecten - Stand van zaken",
                       "every typed word a prefix")
        XCTAssertEqual(try names("Inburgeringstrajectenx"), [])
        let newest = try names("")
        XCTAssertEqual(Array(newest.prefix(2)), ["301 Inburgering - Opvolging", "123 Inburgeringstrajecten - Stand van zaken"],
                       "newest first: \(newest)")
        XCTAssertEqual(newest.count, 6, "every record of a small corpus, undated ones last: \(newest)")
        try session.finish()
    }
}

import Foundation
import JSONRPC
import XCTest

/// Diagnostics over stdio: pushed after edits with the document version, fixed by a
/// quick fix, and pulled by clients that ask for them.
final class DiagnosticsTests: XCTestCase {
    static let examples = seedsFolder.deletingLastPathComponent().appendingPathComponent("examples")

    private func example(_ name: String) throws -> String {
        try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
    }

    /// The next `publishDiagnostics` for `uri` at `version`.
    private func published(_ server: ServerProcess, _ uri: String, version: Int,
                           file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        let message = try server.waitFor("diagnostics of \(uri) v\(version)", file: file, line: line) {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
                && $0["params"]?["version"] == .int(version)
        }
        return message["params"]?["diagnostics"]?.arrayValue ?? []
    }

    private func codes(_ diagnostics: [JSONValue]) -> [String] {
        diagnostics.compactMap { $0["code"]?.stringValue }
    }

    func testBadDraftGetsDiagnosticsAndAQuickFixCleansIt() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let uri = "file:///tmp/numbering.vraag"
        server.open(uri, try example("numbering.vraag"))
        let diagnostics = try published(server, uri, version: 1)
        let numbering = try XCTUnwrap(diagnostics.first { $0["code"] == "numbering" }, "\(diagnostics)")
        XCTAssertEqual(numbering["source"], "vraagbaak")
        XCTAssertEqual(numbering["severity"], 2)
        XCTAssertEqual(numbering["range"]?["start"]?["line"], 9, "at the item numbered 4")

        let actions = try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": numbering["range"]!,
            "context": ["diagnostics": [numbering]],
        ])["result"]?.arrayValue ?? []
        let fix = try XCTUnwrap(actions.first { $0["kind"] == "quickfix" && $0["diagnostics"]?.arrayValue?.first?["code"] == "numbering" })
        XCTAssertEqual(fix["isPreferred"], true)
        let edits = try XCTUnwrap(fix["edit"]?["changes"]?[uri]?.arrayValue)

        // Apply as an editor does: all edits refer to the same version, so apply from the end.
        let ordered = edits.sorted {
            ($0["range"]?["start"]?["line"]?.intValue ?? 0, $0["range"]?["start"]?["character"]?.intValue ?? 0)
                > ($1["range"]?["start"]?["line"]?.intValue ?? 0, $1["range"]?["start"]?["character"]?.intValue ?? 0)
        }
        server.change(uri, version: 2, ordered.map { ["range": $0["range"]!, "text": $0["newText"]!] })
        let after = try published(server, uri, version: 2)
        XCTAssertFalse(codes(after).contains("numbering"), "\(after)")
        let text = try server.request("vraagbaak/documentText", textDocument(uri))["result"]?["text"]?.stringValue ?? ""
        XCTAssertTrue(text.contains("\n3. Overweegt de minister"), text)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    /// A draft with 1,501 findings gets the 1,000 most severe, in document order, and a
    /// note of the rest: never a notification the editor cannot handle.
    func testDiagnosticsAreCappedWithTheMostSevereKept() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        try server.waitForCorpus()
        let uri = "file:///tmp/many-citations.vraag"
        let citations = (0..<1500).map { "Zie schriftelijke vraag nr. \(9000 + $0) van 3 maart 2024." }
        server.open(uri, "aan: Gwendolyn Rutten\n\nFietspaden - Onderhoud\n\n" + citations.joined(separator: " ")
            + "\n\n1. Kan de minister meedelen hoeveel fietspaden hersteld zijn?\n")
        let diagnostics = try published(server, uri, version: 1)
        XCTAssertEqual(diagnostics.count, 1001)
        XCTAssertEqual(codes(diagnostics).filter { $0 == "citation-unknown" }.count, 999)
        XCTAssertTrue(codes(diagnostics).contains("word-limit"), "the warning outranks the information")
        let note = try XCTUnwrap(diagnostics.last)
        XCTAssertEqual(note["code"], "too-many-findings")
        XCTAssertTrue(note["message"]?.stringValue?.contains("Nog 501 bevindingen") ?? false, "\(note)")
        let starts = diagnostics.dropLast().compactMap { diagnostic -> Int? in
            guard let line = diagnostic["range"]?["start"]?["line"]?.intValue,
                  let character = diagnostic["range"]?["start"]?["character"]?.intValue else { return nil }
            return line * 1_000_000 + character
        }
        XCTAssertEqual(starts.count, 1000)
        XCTAssertEqual(starts, starts.sorted(), "in document order")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testCleanDraftHasNoDiagnosticsAndCloseClearsThem() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let uri = "file:///tmp/clean.vraag"
        server.open(uri, try example("clean.vraag"))
        XCTAssertEqual(try published(server, uri, version: 1), [])
        server.change(uri, version: 2, [edit(range(4, 0, 4, 0), "Onderwerp zonder streep\n")])
        _ = try published(server, uri, version: 2)
        server.notify("textDocument/didClose", textDocument(uri))
        let cleared = try server.waitFor("cleared diagnostics") {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
                && $0["params"]?["diagnostics"] == []
        }
        XCTAssertEqual(cleared["params"]?["version"], nil)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testBurstOfEditsEndsWithTheDiagnosticsOfTheLastVersion() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let uri = "file:///tmp/burst.vraag"
        server.open(uri, "aan: Gwendolyn Rutten\n\n")
        for version in 2...30 {
            server.change(uri, version: version, [edit(range(2, 0, 2, 0), "x")])
        }
        let last = try published(server, uri, version: 30)
        XCTAssertTrue(codes(last).contains("title-format") || codes(last).contains("questions-missing"), "\(last)")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testPullDiagnosticsForClientsThatAnnounceThem() throws {
        let server = try ServerProcess()
        let response = try server.initialize(capabilities: ["textDocument": ["diagnostic": ["dynamicRegistration": false]]])
        XCTAssertEqual(response["result"]?["capabilities"]?["diagnosticProvider"]?["interFileDependencies"], true)
        // Once the corpus is in: a result id changes when the corpus arrives.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline, try server.request("vraagbaak/corpusStatus")["result"]?["records"] != 5 { usleep(20_000) }
        let uri = "file:///tmp/pull.vraag"
        // The result id changes when the corpus arrives: pull once it is there.
        _ = try server.waitFor("the corpus") {
            $0["method"] == "window/logMessage" && ($0["params"]?["message"]?.stringValue?.contains("vragen in het corpus") ?? false)
        }
        server.open(uri, try example("citation-form.vraag"))
        let first = try server.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])["result"]
        XCTAssertEqual(first?["kind"], "full")
        XCTAssertTrue(codes(first?["items"]?.arrayValue ?? []).contains("citation-form"), "\(String(describing: first))")
        let resultID = try XCTUnwrap(first?["resultId"])
        let second = try server.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)], "previousResultId": resultID])
        XCTAssertEqual(second["result"]?["kind"], "unchanged")
        XCTAssertFalse(server.inbox.contains { $0["method"] == "textDocument/publishDiagnostics" }, "no push when pulling")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testSeverityOffFromSettings() throws {
        let server = try ServerProcess()
        _ = try server.initialize(initializationOptions: ["checks": ["rules": ["numbering": "off"]]])
        let uri = "file:///tmp/off.vraag"
        server.open(uri, try example("numbering.vraag"))
        XCTAssertFalse(codes(try published(server, uri, version: 1)).contains("numbering"))
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testFixAllSourceAction() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let uri = "file:///tmp/fixall.vraag"
        server.open(uri, try example("citation-form.vraag"))
        _ = try published(server, uri, version: 1)
        let actions = try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": range(0, 0, 0, 0),
            "context": ["diagnostics": [], "only": ["source.fixAll"]],
        ])["result"]?.arrayValue ?? []
        XCTAssertEqual(actions.map { $0["kind"] }, ["source.fixAll"])
        XCTAssertNotNil(actions.first?["edit"]?["changes"]?[uri])
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

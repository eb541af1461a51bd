import Foundation
import JSONRPC
import XCTest

/// Issue 14 over stdio: a draft pasted from a word processor gets the diagnostics of
/// its plain twin and its citation resolves; `source.fixAll` applies only certain
/// fixes, converges, and keeps CRLF.
final class PastedDraftTests: XCTestCase {
    static let plain = """
        aan: Gwendolyn Rutten
        van: Jan Peeters
        datum: 4 maart 2024

        Inburgeringsattesten - Erkennen werkgevers het attest?

        In opvolging van schriftelijke vraag nr. 123 van 26 januari 2024 wil ik nagaan hoe
        werkgevers het "inburgeringsattest" gebruiken bij een aanwerving.

        1. Hoeveel werkgevers vroegen in 2023 naar een inburgeringsattest?

        2. Kan de minister een overzicht geven van de initiatieven:
        a) per sector;
        b) per provincie?

        4. Het attest wordt sinds 2022 uitgereikt door de agentschappen.

        """

    static var pasted: String {
        plain
            .replacingOccurrences(of: "2. Kan", with: "2.\u{00A0}Kan")
            .replacingOccurrences(of: "a) per", with: "a)\tper")
            .replacingOccurrences(of: "b) per", with: "b)\u{00A0}per")
            .replacingOccurrences(of: "nr. 123", with: "nr.\u{00A0}123")
            .replacingOccurrences(of: "26 januari 2024", with: "26\u{202F}januari\u{00A0}2024")
            .replacingOccurrences(of: "aanwerving", with: "aan\u{00AD}wer\u{00AD}ving")
            .replacingOccurrences(of: "Hoeveel", with: "Hoe\u{00AD}veel")
            .replacingOccurrences(of: "werkgevers het", with: "werk\u{200B}gevers het")
            .replacingOccurrences(of: "\"inburgeringsattest\"", with: "“inburgeringsattest”")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    private func published(_ server: ServerProcess, _ uri: String, version: Int,
                           file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        let message = try server.waitFor("diagnostics of \(uri) v\(version)", file: file, line: line) {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
                && $0["params"]?["version"] == .int(version)
        }
        return message["params"]?["diagnostics"]?.arrayValue ?? []
    }

    /// Code, severity and message: what the member reads.
    private func seen(_ diagnostics: [JSONValue]) -> [String] {
        diagnostics.map { "\($0["code"]?.stringValue ?? "") \($0["severity"]?.intValue ?? 0) \($0["message"]?.stringValue ?? "")" }
    }

    /// The LSP position (UTF-16) of `needle` in `text`, lines split at CRLF or LF.
    private func position(of needle: String, in text: String) throws -> JSONValue {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            if let found = line.range(of: needle) {
                return JSONValue.object(["line": .int(index), "character": .int(line[..<found.lowerBound].utf16.count)])
            }
        }
        throw XCTSkip("not found: \(needle)")
    }

    func testPastedDraftGetsTheDiagnosticsOfItsPlainTwinAndItsCitationResolves() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        try server.waitForCorpus()
        let plainURI = "file:///tmp/plain.vraag", pastedURI = "file:///tmp/pasted.vraag"
        server.open(plainURI, Self.plain)
        server.open(pastedURI, Self.pasted)
        let plain = try published(server, plainURI, version: 1)
        let pasted = try published(server, pastedURI, version: 1)
        XCTAssertEqual(Set(plain.compactMap { $0["code"]?.stringValue }), ["title-punctuation", "numbering"])
        XCTAssertEqual(seen(pasted), seen(plain))

        // Hover on the number of the citation written `nr.` + no-break space + `123`.
        let at = try position(of: "123 van", in: Self.pasted)
        let hover = try server.request("textDocument/hover", ["textDocument": ["uri": .string(pastedURI)], "position": at])
        let contents = hover["result"]?["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(contents.contains("Inburgeringstrajecten"), "the citation resolves to nr. 123: \(hover)")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    private func fixAll(_ server: ServerProcess, _ uri: String) throws -> [JSONValue] {
        try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": range(0, 0, 0, 0),
            "context": ["diagnostics": [], "only": ["source.fixAll"]],
        ])["result"]?.arrayValue ?? []
    }

    func testFixAllAppliesCertainFixesOnlyConvergesAndKeepsCRLF() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        try server.waitForCorpus()
        let uri = "file:///tmp/fixall-crlf.vraag"
        let text = """
            aan: Gwendolyn Rutten
            van: Jan Peeters

            Inburgeringsattesten: erkenning door werkgevers?

            In opvolging van SV nr. 123 van 26/01/2024 en van mijn schriftelijke vraag nr. 123 van 27 januari 2024
            vraag ik naar de cijfers van 31 februari 2023.

            1. Hoeveel werkgevers kennen het attest?

            2.

            4. Overweegt de minister een campagne:
            a) per sector;
            c) per provincie?

            5. Wanneer start die campagne?

            """.replacingOccurrences(of: "\n", with: "\r\n")
        server.open(uri, text)
        let before = try published(server, uri, version: 1)
        XCTAssertTrue(Set(before.compactMap { $0["code"]?.stringValue }).isSuperset(of:
            ["title-format", "title-punctuation", "citation-form", "item-empty", "numbering", "sub-item-order",
             "date-impossible", "citation-date-mismatch"]), "\(seen(before))")

        let actions = try fixAll(server, uri)
        XCTAssertEqual(actions.map { $0["kind"] }, ["source.fixAll"])
        let edits = try XCTUnwrap(actions.first?["edit"]?["changes"]?[uri]?.arrayValue)
        XCTAssertEqual(edits.count, 1, "one minimal edit")
        server.change(uri, version: 2, edits.map { ["range": $0["range"]!, "text": $0["newText"]!] })
        let after = try published(server, uri, version: 2)
        // Left: the guesses, for the member to judge (31 februari, the cited date).
        XCTAssertEqual(Set(after.compactMap { $0["code"]?.stringValue }), ["date-impossible", "citation-date-mismatch"],
                       "\(seen(after))")
        let fixed = try server.request("vraagbaak/documentText", textDocument(uri))["result"]?["text"]?.stringValue ?? ""
        XCTAssertEqual(fixed, """
            aan: Gwendolyn Rutten
            van: Jan Peeters

            Inburgeringsattesten - erkenning door werkgevers

            In opvolging van schriftelijke vraag nr. 123 van 26 januari 2024 en van mijn schriftelijke vraag nr. 123 van 27 januari 2024
            vraag ik naar de cijfers van 31 februari 2023.

            1. Hoeveel werkgevers kennen het attest?

            2. Overweegt de minister een campagne:
            a) per sector;
            b) per provincie?

            3. Wanneer start die campagne?

            """.replacingOccurrences(of: "\n", with: "\r\n"))
        // Idempotent: nothing certain is left to fix.
        XCTAssertEqual(try fixAll(server, uri), [])
        // The guesses are still there as quick fixes of their own.
        let impossible = try XCTUnwrap(after.first { $0["code"] == "date-impossible" })
        let quickFixes = try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": impossible["range"]!,
            "context": ["diagnostics": [impossible], "only": ["quickfix"]],
        ])["result"]?.arrayValue ?? []
        XCTAssertTrue(quickFixes.contains { $0["title"]?.stringValue?.contains("28 februari 2023") ?? false }, "\(quickFixes)")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

import Foundation
import JSONRPC
import XCTest

/// Code actions on long drafts: the fix-all edit made on `codeAction/resolve` for
/// clients that resolve edits, and quick fixes for at most as many findings as the
/// diagnostics show.
final class CodeActionResolveTests: XCTestCase {
    private static let examples = seedsFolder.deletingLastPathComponent().appendingPathComponent("examples")

    private func example(_ name: String) throws -> String {
        try String(contentsOf: Self.examples.appendingPathComponent(name), encoding: .utf8)
    }

    private func fixAllActions(_ server: ServerProcess, _ uri: String) throws -> [JSONValue] {
        try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": range(0, 0, 0, 0),
            "context": ["diagnostics": [], "only": ["source.fixAll"]],
        ])["result"]?.arrayValue ?? []
    }

    func testTheFixAllEditIsMadeOnResolveAndIsTheEditOtherClientsGet() throws {
        let text = try example("citation-form.vraag")
        let uri = "file:///tmp/fixall-resolve.vraag"

        let plain = try ServerProcess()
        _ = try plain.initialize()
        try plain.waitForCorpus()
        plain.open(uri, text)
        let eager = try XCTUnwrap(try fixAllActions(plain, uri).first)
        let expected = try XCTUnwrap(eager["edit"]?["changes"]?[uri]?.arrayValue)
        XCTAssertFalse(expected.isEmpty)
        XCTAssertEqual(try plain.shutdownAndExit(), 0)

        let server = try ServerProcess()
        let initialized = try server.initialize(capabilities: [
            "textDocument": ["codeAction": ["resolveSupport": ["properties": ["edit"]]]],
        ])
        XCTAssertEqual(initialized["result"]?["capabilities"]?["codeActionProvider"]?["resolveProvider"], true)
        try server.waitForCorpus()
        server.open(uri, text)
        let lazy = try XCTUnwrap(try fixAllActions(server, uri).first)
        XCTAssertEqual(lazy["kind"], "source.fixAll")
        XCTAssertNil(lazy["edit"], "the edit waits for codeAction/resolve")
        XCTAssertEqual(lazy["data"]?["version"], 1)
        let resolved = try server.request("codeAction/resolve", lazy)["result"]
        XCTAssertEqual(resolved?["edit"]?["changes"]?[uri]?.arrayValue, expected)
        XCTAssertEqual(resolved?["title"], eager["title"])

        // After an edit the old action no longer fits the text.
        server.change(uri, version: 2, [["range": range(0, 0, 0, 0), "text": "\n"]])
        let stale = try server.request("codeAction/resolve", lazy)
        XCTAssertEqual(stale["error"]?["code"], .int(-32801), "\(stale)")
        XCTAssertNil(stale["result"])
        // An action with nothing to resolve comes back as it was.
        let quickFix: JSONValue = ["title": "x", "kind": "quickfix", "edit": ["changes": [:]]]
        XCTAssertEqual(try server.request("codeAction/resolve", quickFix)["result"], quickFix)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    /// 1,501 findings selected whole: fixes for the 1,000 the diagnostics show.
    func testQuickFixesAreKeptToTheFindingsTheDiagnosticsShow() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        try server.waitForCorpus()
        let uri = "file:///tmp/many-citations-actions.vraag"
        let citations = (0..<1500).map { "Zie schriftelijke vraag nr. \(9000 + $0) van 3 maart 2024." }
        server.open(uri, "aan: Gwendolyn Rutten\n\nFietspaden - Onderhoud\n\n" + citations.joined(separator: " ")
            + "\n\n1. Kan de minister meedelen hoeveel fietspaden hersteld zijn?\n")
        let actions = try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": range(0, 0, 9, 0),
            "context": ["diagnostics": [], "only": ["quickfix"]],
        ])["result"]?.arrayValue ?? []
        let findings = Set(actions.compactMap { $0["diagnostics"]?.arrayValue?.first })
        XCTAssertEqual(findings.count, 1000)
        let codes = findings.compactMap { $0["code"]?.stringValue }
        XCTAssertTrue(codes.contains("word-limit"), "the warning outranks the information")
        XCTAssertEqual(codes.filter { $0 == "citation-unknown" }.count, 999)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

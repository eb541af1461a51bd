import Foundation
import JSONRPC
import XCTest

/// Diagnostics do not wait for the corpus: the structure checks are published while
/// it loads, the corpus checks follow when it is ready. The load is held back by not
/// answering `window/workDoneProgress/create` (the server starts loading once the
/// client accepted the token), so the corpus is reliably later than the draft.
final class StartupDiagnosticsTests: XCTestCase {
    private let draft = """
        aan: Gwendolyn Rutten
        datum: 26 januari 2024

        Inburgering  -  Stand van zaken

        Ik verwijs naar mijn schriftelijke vraag nr. 99999 van 3 maart 2020.

        1. Hoeveel inburgeraars zijn er?
        3. Waarom zijn het er niet meer?

        """

    private func codes(_ message: JSONValue) -> [String] {
        (message["params"]?["diagnostics"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
    }

    func testStructureDiagnosticsComeBeforeTheCorpusAndCorpusChecksAfterIt() throws {
        let server = try ServerProcess()
        server.unansweredMethods = ["window/workDoneProgress/create"]
        _ = try server.initialize(capabilities: ["window": ["workDoneProgress": true]])
        let create = try server.waitFor("the progress token request") { $0["method"] == "window/workDoneProgress/create" }

        let uri = "file:///tmp/startup.vraag"
        server.open(uri, draft)
        let first = try server.waitFor("structure diagnostics while the corpus loads") {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
        }
        XCTAssertEqual(first["params"]?["version"], 1)
        XCTAssertTrue(codes(first).contains("numbering"), "\(codes(first))")
        XCTAssertFalse(codes(first).contains("citation-unknown"), "no corpus yet, so no citation is unknown")
        let status = try server.request("vraagbaak/corpusStatus")["result"]
        XCTAssertEqual(status?["records"], 0, "the corpus is not loaded yet: \(String(describing: status))")
        // Pulled meanwhile, the same: no false alarms against the empty corpus.
        let actions = try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": range(0, 0, 10, 0), "context": ["diagnostics": []],
        ])["result"]?.arrayValue ?? []
        XCTAssertFalse(actions.contains { $0["diagnostics"]?.arrayValue?.first?["code"] == "citation-unknown" })

        // The client accepts the token: the corpus loads, and the draft is checked again.
        server.send(["jsonrpc": "2.0", "id": create["id"]!, "result": .null])
        let second = try server.waitFor(timeout: 60, "diagnostics with the corpus checks") {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
        }
        XCTAssertEqual(second["params"]?["version"], 1)
        XCTAssertTrue(codes(second).contains("citation-unknown"), "\(codes(second))")
        XCTAssertTrue(codes(second).contains("numbering"), "\(codes(second))")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

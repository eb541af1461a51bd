import Foundation
import JSONRPC
import XCTest

/// Silencing one finding for one draft over stdio: the quick fix on every finding runs
/// `vraagbaak.silence`, which writes the workspace's `vraagbaak.json` (never the
/// draft); the finding is gone for that draft only, `vraagbaak lint` agrees, and it
/// comes back when the flagged text changes.
final class SilenceTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-silence-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let examples = seedsFolder.deletingLastPathComponent().appendingPathComponent("examples")
        for name in ["numbering.vraag", "item-asks-nothing.vraag"] {
            try FileManager.default.copyItem(at: examples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        try Data(#"{"checks": {"rules": {"word-limit": {"limit": 600}}}, "seeds": true}"#.utf8)
            .write(to: folder.appendingPathComponent("vraagbaak.json"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func diagnostics(_ server: ServerProcess, _ uri: String, version: Int? = nil,
                             where accept: ([JSONValue]) -> Bool = { _ in true }) throws -> [JSONValue] {
        let message = try server.waitFor("diagnostics of \(uri)") {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
                && (version == nil || $0["params"]?["version"] == .int(version!))
                && accept($0["params"]?["diagnostics"]?.arrayValue ?? [])
        }
        return message["params"]?["diagnostics"]?.arrayValue ?? []
    }

    private func codes(_ diagnostics: [JSONValue]) -> [String] { diagnostics.compactMap { $0["code"]?.stringValue } }

    private func lint(_ path: String) throws -> String {
        try CommandRun.run(["lint", "--format", "json", path], in: folder).stdout
    }

    func testSilencingOneFindingForOneDraft() throws {
        let server = try ServerProcess()
        let initialized = try server.initialize(rootURI: folder.absoluteString)
        XCTAssertEqual(initialized["result"]?["capabilities"]?["executeCommandProvider"]?["commands"], ["vraagbaak.silence"])
        let draftURL = folder.appendingPathComponent("numbering.vraag")
        let uri = draftURL.absoluteString, otherURI = folder.appendingPathComponent("item-asks-nothing.vraag").absoluteString
        let original = try String(contentsOf: draftURL, encoding: .utf8)
        server.open(uri, original)
        let before = try diagnostics(server, uri, version: 1)
        let numbering = try XCTUnwrap(before.first { $0["code"] == "numbering" }, "\(before)")

        // Every finding offers the quick fix; it carries a command, no edit of the draft.
        let actions = try server.request("textDocument/codeAction", [
            "textDocument": ["uri": .string(uri)], "range": numbering["range"]!,
            "context": ["diagnostics": [numbering], "only": ["quickfix"]],
        ])["result"]?.arrayValue ?? []
        let silence = try XCTUnwrap(actions.first { $0["title"] == "Deze melding negeren in dit ontwerp" }, "\(actions)")
        XCTAssertNil(silence["edit"])
        let command = try XCTUnwrap(silence["command"])
        XCTAssertEqual(command["command"], "vraagbaak.silence")
        let result = try server.request("workspace/executeCommand",
                                        ["command": command["command"]!, "arguments": command["arguments"]!])
        XCTAssertNil(result["error"], "\(result)")

        // The diagnostics come again, without it; the draft's text is untouched.
        let after = try diagnostics(server, uri) { !$0.contains { $0["code"] == "numbering" } }
        XCTAssertFalse(codes(after).contains("numbering"))
        let text = try server.request("vraagbaak/documentText", textDocument(uri))["result"]?["text"]?.stringValue
        XCTAssertEqual(text, original)
        XCTAssertEqual(try String(contentsOf: draftURL, encoding: .utf8), original)

        // vraagbaak.json keeps what it said and gains the entry, by the draft's relative path.
        let data = try Data(contentsOf: folder.appendingPathComponent("vraagbaak.json"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: data) as? [String: Any])
        XCTAssertEqual(((json["checks"] as? [String: Any])?["rules"] as? [String: Any])?.keys.sorted(), ["word-limit"])
        XCTAssertEqual(json["seeds"] as? Bool, true)
        let entries = try XCTUnwrap((json["silence"] as? [String: Any])?["numbering.vraag"] as? [[String: Any]])
        XCTAssertEqual(entries.count, 1)
        XCTAssertEqual(entries.first?["code"] as? String, "numbering")
        XCTAssertEqual((entries.first?["fingerprint"] as? String)?.count, 8)
        XCTAssertEqual(entries.first?["text"] as? String, "4.")

        // Another draft in the workspace keeps its findings.
        server.open(otherURI, try String(contentsOf: folder.appendingPathComponent("item-asks-nothing.vraag"), encoding: .utf8))
        XCTAssertEqual(codes(try diagnostics(server, otherURI, version: 1)), ["item-asks-nothing"])

        // The CLI reads the same vraagbaak.json: no numbering for this draft either.
        XCTAssertFalse(try lint(draftURL.path).contains("\"numbering\""))
        XCTAssertTrue(try lint(folder.appendingPathComponent("item-asks-nothing.vraag").path).contains("\"item-asks-nothing\""))

        // Change the flagged text (4. -> 5.): it is another finding, and it shows.
        let lines = original.components(separatedBy: "\n")
        let line = try XCTUnwrap(lines.firstIndex { $0.hasPrefix("4.") })
        server.change(uri, version: 2, [edit(range(line, 0, line, 1), "5")])
        XCTAssertTrue(codes(try diagnostics(server, uri, version: 2)).contains("numbering"))
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testUnknownCommandAndBadArgumentsAreErrors() throws {
        let server = try ServerProcess()
        _ = try server.initialize(rootURI: folder.absoluteString)
        let unknown = try server.request("workspace/executeCommand", ["command": "vraagbaak.nope"])
        XCTAssertEqual(unknown["error"]?["code"], -32602)
        let bad = try server.request("workspace/executeCommand", ["command": "vraagbaak.silence", "arguments": ["x"]])
        XCTAssertEqual(bad["error"]?["code"], -32602)
        // A vraagbaak.json that is not an object is left alone, with a clear error.
        try Data("[1, 2]".utf8).write(to: folder.appendingPathComponent("vraagbaak.json"))
        let broken = try server.request("workspace/executeCommand", [
            "command": "vraagbaak.silence",
            "arguments": [.string(folder.appendingPathComponent("numbering.vraag").absoluteString), "numbering", "0badf00d"],
        ])
        XCTAssertEqual(broken["error"]?["code"], -32602)
        XCTAssertTrue(broken["error"]?["message"]?.stringValue?.contains("not a JSON object") ?? false, "\(broken)")
        XCTAssertEqual(try String(contentsOf: folder.appendingPathComponent("vraagbaak.json"), encoding: .utf8), "[1, 2]")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

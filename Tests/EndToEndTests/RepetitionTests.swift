import Foundation
import JSONRPC
import XCTest

/// Repetition over stdio, on real questions: a question of kamer-2017 pasted into an
/// empty draft (from a word processor: CRLF, its items run together on one line) gets
/// the warning, naming the minister of its twin, and its related information points
/// at that record's file. A draft on a subject the corpus never asked about gets none.
final class RepetitionTests: XCTestCase {
    static let kamer = seedsFolder.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/kamer-2017")
    /// The same question sent to two ministers (189271 answered, 189272 not yet), and
    /// a few other questions.
    static let files = ["qrva-189271.txt", "qrva-189272.txt", "qrva-184501.txt", "qrva-186117.txt", "qrva-190665.txt"]

    func testPastedRealQuestionGetsTheWarningPointingAtTheRecordFile() throws {
        guard FileManager.default.fileExists(atPath: Self.kamer.path) else {
            throw XCTSkip("../shared/corpora/kamer-2017 is not beside the repository")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-e2e-\(UUID().uuidString)")
        let corpus = folder.appendingPathComponent("corpus")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Copies, in a temporary folder: one of the twins is the draft's source, not in the corpus.
        for name in Self.files where name != "qrva-189272.txt" {
            try FileManager.default.copyItem(at: Self.kamer.appendingPathComponent(name), to: corpus.appendingPathComponent(name))
        }
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        let server = try ServerProcess(environment: environment)
        _ = try server.initialize(initializationOptions: ["corpus": [.string(corpus.path)], "seeds": false])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, try server.request("vraagbaak/corpusStatus")["result"]?["records"] != 4 { usleep(50_000) }

        // The title and the question text as the parliament's page shows them.
        let record = try String(contentsOf: Self.kamer.appendingPathComponent("qrva-189272.txt"), encoding: .utf8)
        let lines = record.components(separatedBy: "\n")
        let titleLine = try XCTUnwrap(lines.firstIndex { $0.contains("  -  ") || $0 == "De screening van kandidaat-asielzoekers op IS-strijders" })
        let answer = lines.firstIndex(of: "ANTWOORD") ?? lines.count  // not answered yet
        let pasted = lines[titleLine..<answer].joined(separator: "\r\n") + "\r\n"
        XCTAssertTrue(pasted.contains("gescreend?2. Wat waren"), "the items run together, as in the bulletin")

        let uri = folder.appendingPathComponent("nieuwe-vraag.vraag").absoluteString
        server.open(uri, "")
        server.change(uri, version: 2, [["range": range(0, 0, 0, 0), "text": .string(pasted)]])
        let published = try server.waitFor(timeout: 20, "diagnostics of version 2") {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 2
        }
        let diagnostics = published["params"]?["diagnostics"]?.arrayValue ?? []
        let repetition = try XCTUnwrap(diagnostics.first { $0["code"] == "repetition" }, "\(diagnostics)")
        XCTAssertEqual(repetition["severity"], 2, "a warning")
        let message = repetition["message"]?.stringValue ?? ""
        XCTAssertTrue(message.hasPrefix("Deze vraag werd al gesteld en beantwoord: de vraag van "), message)
        XCTAssertTrue(message.contains("‘De screening van kandidaat-asielzoekers op IS-strijders’"), message)
        XCTAssertTrue(message.contains("aan MINISTER VAN JUSTITIE"), message)
        XCTAssertEqual(repetition["range"]?["start"]?["line"], 0, "on the title")
        let related = try XCTUnwrap(repetition["relatedInformation"]?.arrayValue)
        XCTAssertEqual(related.count, 1)
        XCTAssertEqual(related.first?["location"]?["uri"]?.stringValue,
                       corpus.appendingPathComponent("qrva-189271.txt").absoluteString)

        // A question the corpus never asked: no repetition.
        let novel = "Deelsteps - Ongevallen op de stoep\r\n\r\nHoeveel ongevallen met elektrische deelsteps werden er vorig "
            + "jaar geregistreerd?\r\n"
        server.change(uri, version: 3, [["text": .string(novel)]])
        let after = try server.waitFor(timeout: 20, "diagnostics of version 3") {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["version"] == 3
        }
        XCTAssertFalse((after["params"]?["diagnostics"]?.arrayValue ?? []).contains { $0["code"] == "repetition" })
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

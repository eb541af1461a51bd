import Foundation
import JSONRPC
import XCTest

/// Corpus files changed while the server runs, over stdio: a burst of
/// `didChangeWatchedFiles` notifications gives one incremental update, and the open
/// draft's diagnostics and hover follow the added, changed and removed record.
final class IncrementalCorpusTests: XCTestCase {
    private var folder: URL!
    private var corpus: URL { folder.appendingPathComponent("archief") }

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        // 200 records: 8 files are a small enough share of them to be updated
        // incrementally (see `UpdateLimits`).
        for number in 1000..<1200 {
            try write(number: number, title: "Wegen - Onderhoud \(number)")
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(number: Int, title: String, as name: Int? = nil) throws {
        let url = corpus.appendingPathComponent("\(name ?? number).txt")
        try CorpusConfigurationTests.record(number: number, title: title).write(to: url, atomically: true, encoding: .utf8)
    }

    private func notify(_ server: ServerProcess, _ names: [Int], type: Int) {
        for name in names {
            let uri = corpus.appendingPathComponent("\(name).txt").absoluteString
            server.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(uri), "type": .int(type)]]])
        }
    }

    /// Does `action`, then waits for diagnostics of `uri` whose codes meet `condition`,
    /// pushed after the action began (those received before it are taken from the
    /// inbox first: counted after it, a quick server's answer was taken for an
    /// earlier one, and the wait timed out); their codes.
    private func diagnostics(_ server: ServerProcess, _ uri: String, after action: () throws -> Void,
                             where condition: @escaping ([String]) -> Bool) throws -> [String] {
        func codes(_ message: JSONValue) -> [String] {
            (message["params"]?["diagnostics"]?.arrayValue ?? []).compactMap { $0["code"]?.stringValue }
        }
        let isPublish: (JSONValue) -> Bool = {
            $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == .string(uri)
        }
        let stale = server.inbox.filter(isPublish).count
        try action()
        for _ in 0..<stale { _ = try server.waitFor("earlier diagnostics", isPublish) }
        return codes(try server.waitFor(timeout: 20, "diagnostics") { isPublish($0) && condition(codes($0)) })
    }

    /// The server's "corpus bijgewerkt" log messages so far, one per update.
    private func updateMessages(_ server: ServerProcess) -> [String] {
        server.inbox.compactMap { message -> String? in
            guard message["method"] == "window/logMessage", let text = message["params"]?["message"]?.stringValue,
                  text.contains("corpus bijgewerkt") else { return nil }
            return text
        }
    }

    func testChangedFilesUpdateTheCorpusAndTheDraft() throws {
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        environment["VRAAGBAAK_TODAY"] = "2024-06-01"
        let server = try ServerProcess(environment: environment)
        _ = try server.initialize(
            capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]],
            initializationOptions: ["corpus": [.string(corpus.path)], "seeds": false], rootURI: folder.absoluteString)
        try server.waitForCorpus()

        let uri = folder.appendingPathComponent("vraag.vraag").absoluteString
        let draft = """
            aan: Lydia Peeters
            datum: 1 juni 2024

            Fietspaden - Verlichting

            In mijn schriftelijke vraag nr. 905 van 3 maart 2024 vroeg ik naar de verlichting.

            1. Hoeveel fietspaden werden in 2024 verlicht?

            """
        _ = try diagnostics(server, uri, after: { server.open(uri, draft) }) { $0.contains("citation-unknown") }
        func hover() throws -> String {
            let response = try server.request("textDocument/hover", [
                "textDocument": ["uri": .string(uri)], "position": position(5, 40),
            ])
            return response["result"]?["contents"]?["value"]?.stringValue ?? ""
        }
        XCTAssertTrue(try hover().contains("staat niet in het corpus"))

        // Added: the citation resolves, and hover shows the record.
        let added = try diagnostics(server, uri, after: {
            try write(number: 905, title: "Fietspaden - Verlichting langs gewestwegen")
            notify(server, [905], type: 1)
        }) { !$0.contains("citation-unknown") }
        XCTAssertFalse(added.contains("citation-unknown"))
        XCTAssertTrue(try hover().contains("Fietspaden - Verlichting langs gewestwegen"))

        // A burst: 8 files saved at once, 8 notifications, one update. Among them the
        // cited record, now with another title.
        try write(number: 905, title: "Fietspaden - Verlichting in 2024")
        for number in 1010..<1017 { try write(number: number, title: "Wegen - Herstel \(number)") }
        notify(server, [905] + Array(1010..<1017), type: 2)
        var hoverText = ""
        for _ in 0..<500 where !hoverText.contains("Fietspaden - Verlichting in 2024") {
            hoverText = try hover()
            usleep(20_000)
        }
        XCTAssertTrue(hoverText.contains("Fietspaden - Verlichting in 2024"), hoverText)
        XCTAssertEqual(try server.request("vraagbaak/corpusStatus")["result"]?["records"], 201)

        // Removed: the citation is unknown again.
        _ = try diagnostics(server, uri, after: {
            try FileManager.default.removeItem(at: corpus.appendingPathComponent("905.txt"))
            notify(server, [905], type: 3)
        }) { $0.contains("citation-unknown") }
        XCTAssertTrue(try hover().contains("staat niet in het corpus"))
        XCTAssertEqual(try server.request("vraagbaak/corpusStatus")["result"]?["records"], 200)
        // One update for the addition, one for the burst of 8, one for the removal.
        let updates = updateMessages(server)
        XCTAssertEqual(updates.count, 3, "\(updates)")
        XCTAssertTrue(updates.first?.contains("(1 bestand)") ?? false, "\(updates)")
        XCTAssertTrue(updates.dropFirst().first?.contains("(8 bestanden)") ?? false, "\(updates)")
        XCTAssertTrue(updates.last?.contains("(1 bestand)") ?? false, "\(updates)")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testTheCacheIsRewrittenAfterAnUpdate() throws {
        var environment = ProcessInfo.processInfo.environment
        let cache = folder.appendingPathComponent("cache")
        environment["VRAAGBAAK_CACHE_DIR"] = cache.path
        let server = try ServerProcess(environment: environment)
        _ = try server.initialize(initializationOptions: ["corpus": [.string(corpus.path)], "seeds": false],
                                  rootURI: folder.absoluteString)
        try server.waitForCorpus()
        let cacheFile = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: cache.path).first { $0.hasSuffix(".bin") })
        let before = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(cacheFile).path)[.modificationDate] as? Date
        try write(number: 840, title: "Wegen - Nieuw")
        notify(server, [840], type: 1)
        var after = before
        for _ in 0..<100 where after == before {
            usleep(100_000)
            after = try FileManager.default.attributesOfItem(atPath: cache.appendingPathComponent(cacheFile).path)[.modificationDate] as? Date
        }
        XCTAssertNotEqual(after, before, "the cache is rewritten after the update")
        XCTAssertEqual(try server.shutdownAndExit(), 0)

        // A new server reopens that cache: the update is in it, and no file is parsed.
        let again = try ServerProcess(arguments: ["serve", "--log", folder.appendingPathComponent("log.txt").path],
                                      environment: environment)
        _ = try again.initialize(initializationOptions: ["corpus": [.string(corpus.path)], "seeds": false],
                                 rootURI: folder.absoluteString)
        try again.waitForCorpus()
        XCTAssertEqual(try again.request("vraagbaak/corpusStatus")["result"]?["records"], 201)
        XCTAssertEqual(try again.shutdownAndExit(), 0)
        let log = (try? String(contentsOf: folder.appendingPathComponent("log.txt"), encoding: .utf8)) ?? ""
        XCTAssertTrue(log.contains("from the index cache"), log)
    }
}

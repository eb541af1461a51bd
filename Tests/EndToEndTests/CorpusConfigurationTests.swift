import Foundation
import JSONRPC
import XCTest

/// The corpus over stdio: default seeds, extra folders from each settings source,
/// progress, and changes seen without a restart.
final class CorpusConfigurationTests: XCTestCase {
    private var folder: URL!
    private var cacheFolder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-e2e-\(UUID().uuidString)")
        cacheFolder = folder.appendingPathComponent("cache")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("extra/sub"), withIntermediateDirectories: true)
        try Self.record(number: 900, title: "Fietspaden - Onderhoud").write(
            to: folder.appendingPathComponent("extra/sub/900.txt"), atomically: true, encoding: .utf8)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    static func record(number: Int, title: String) -> String {
        """
        title: \(title)
        thema: Mobiliteit
        SCHRIFTELIJKE VRAAG
        nr. \(number)
        van JAN JANSSENS
        datum: 3 maart 2024
        aan LYDIA PEETERS
        VLAAMS MINISTER VAN MOBILITEIT EN OPENBARE WERKEN
        \(title.replacingOccurrences(of: " - ", with: "  -  "))
        De fietspaden langs gewestwegen zijn vaak in slechte staat.
        1. Hoeveel kilometer fietspad werd in 2023 hersteld?
        2. Welk budget is daarvoor voorzien?
        LYDIA PEETERS
        VLAAMS MINISTER VAN MOBILITEIT EN OPENBARE WERKEN
        ANTWOORD
        op vraag nr. \(number) van 3 maart 2024
        van JAN JANSSENS
        1. In 2023 werd 120 kilometer hersteld.
        2. Het budget bedraagt 40 miljoen euro.
        """
    }

    private func server() throws -> ServerProcess {
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = cacheFolder.path
        return try ServerProcess(environment: environment)
    }

    /// Polls `vraagbaak/corpusStatus` until `condition` holds.
    private func waitForCorpus(_ server: ServerProcess, timeout: TimeInterval = 20,
                               file: StaticString = #filePath, line: UInt = #line,
                               _ condition: (JSONValue) -> Bool) throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        var last = JSONValue.null
        while Date() < deadline {
            last = try server.request("vraagbaak/corpusStatus")["result"] ?? .null
            if condition(last) { return last }
            usleep(50_000)
        }
        XCTFail("corpus never reached the expected state; last: \(last)", file: file, line: line)
        return last
    }

    func testDefaultCorpusIsTheEmbeddedSeeds() throws {
        let server = try server()
        _ = try server.initialize()
        let status = try waitForCorpus(server) { $0["records"] == 5 }
        XCTAssertEqual(status["sources"], ["embedded seeds"])
        let search = try server.request("vraagbaak/search", ["text": "gedetineerden gevangenis filmpje", "limit": 1])
        XCTAssertEqual(search["result"]?.arrayValue?.first?["title"], "Gedetineerden - Inburgering")
        // An embedded seed has a place to go: its read-only copy in the cache folder.
        let found = try XCTUnwrap(URL(string: search["result"]?.arrayValue?.first?["uri"]?.stringValue ?? ""))
        XCTAssertTrue(try String(contentsOf: found, encoding: .utf8).contains("Gedetineerden"), found.path)
        // And the web page's preview finds the record by what the search gave.
        let hit = try XCTUnwrap(search["result"]?.arrayValue?.first)
        let record = try server.request("vraagbaak/record", ["title": hit["title"] ?? .null, "number": hit["number"] ?? .null,
                                                             "date": hit["date"] ?? .null, "uri": hit["uri"] ?? .null])
        XCTAssertEqual(record["result"]?["title"], "Gedetineerden - Inburgering", "\(record)")
        XCTAssertTrue(record["result"]?["text"]?.stringValue?.contains("Gedetineerden") == true, "\(record)")

        // So has a repetition's related information: the answered seed it repeats.
        let draft = try String(contentsOf: seedsFolder.deletingLastPathComponent().appendingPathComponent("examples/repetition.vraag"),
                               encoding: .utf8)
        let uri = folder.appendingPathComponent("repetition.vraag").absoluteString
        server.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "vraag", "version": 1,
                                                                "text": .string(draft)]])
        let published = try server.waitFor("repetition diagnostics") { message in
            message["method"] == "textDocument/publishDiagnostics"
                && (message["params"]?["diagnostics"]?.arrayValue ?? []).contains { $0["code"] == "repetition" }
        }
        let repetition = try XCTUnwrap(published["params"]?["diagnostics"]?.arrayValue?.first { $0["code"] == "repetition" })
        let related = try XCTUnwrap(URL(string: repetition["relatedInformation"]?.arrayValue?.first?["location"]?["uri"]?.stringValue ?? ""))
        XCTAssertTrue(try String(contentsOf: related, encoding: .utf8).contains("Inburgeringstrajecten"), related.path)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testExtraFolderFromInitializationOptionsWithProgress() throws {
        let server = try server()
        _ = try server.initialize(
            capabilities: ["window": ["workDoneProgress": true]],
            initializationOptions: ["corpus": ["extra"], "seeds": true],
            rootURI: folder.absoluteString)
        let status = try waitForCorpus(server) { $0["records"] == 6 }
        XCTAssertEqual(status["withNumberAndDate"], 2)
        let create = try server.waitFor("progress token") { $0["method"] == "window/workDoneProgress/create" }
        let token = try XCTUnwrap(create["params"]?["token"])
        let end = try server.waitFor("progress end") { $0["method"] == "$/progress" && $0["params"]?["value"]?["kind"] == "end" }
        XCTAssertEqual(end["params"]?["token"], token)
        let search = try server.request("vraagbaak/search", ["text": "fietspaden hersteld budget"])
        XCTAssertEqual(search["result"]?.arrayValue?.first?["reference"], "nr. 900 van 3 maart 2024")
        XCTAssertTrue(search["result"]?.arrayValue?.first?["uri"]?.stringValue?.hasSuffix("/extra/sub/900.txt") ?? false)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testSettingsFileAndWorkspaceConfiguration() throws {
        try #"{"corpus": "extra"}"#.write(to: folder.appendingPathComponent("vraagbaak.json"), atomically: true, encoding: .utf8)
        let server = try server()
        _ = try server.initialize(rootURI: folder.absoluteString)
        var status = try waitForCorpus(server) { $0["records"] == 1 }
        XCTAssertEqual(status["sources"]?.arrayValue?.count, 1, "a configured folder replaces the seeds")

        // A client that pushes its settings.
        server.notify("workspace/didChangeConfiguration", ["settings": ["vraagbaak": ["corpus": ["extra"], "seeds": true]]])
        status = try waitForCorpus(server) { $0["records"] == 6 }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    /// A repository's `vraagbaak.json` must not choose where the server writes; the
    /// user's own settings may.
    func testOnlyTheUsersSettingsChooseTheCacheFolder() throws {
        let planted = folder.appendingPathComponent("planted-cache")
        try #"{"corpus": "extra", "cacheDirectory": "planted-cache"}"#.write(
            to: folder.appendingPathComponent("vraagbaak.json"), atomically: true, encoding: .utf8)
        var server = try self.server()
        _ = try server.initialize(rootURI: folder.absoluteString)
        _ = try waitForCorpus(server) { $0["records"] == 1 }
        let warning = try server.waitFor("the ignored setting") {
            $0["method"] == "window/showMessage"
                && ($0["params"]?["message"]?.stringValue?.contains("vraagbaak.json: warning: cacheDirectory: is ignored") ?? false)
        }
        XCTAssertEqual(warning["params"]?["type"], 2, "a warning: the rest of the file applies")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
        XCTAssertFalse(FileManager.default.fileExists(atPath: planted.path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: folder.appendingPathComponent("planted-cache").path))
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).contains { $0.hasSuffix(".bin") })

        let chosen = folder.appendingPathComponent("chosen-cache")
        server = try self.server()
        _ = try server.initialize(initializationOptions: ["cacheDirectory": .string(chosen.path)],
                                  rootURI: folder.absoluteString)
        _ = try waitForCorpus(server) { $0["records"] == 1 }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: chosen.path).contains { $0.hasSuffix(".bin") })
    }

    func testWorkspaceConfigurationIsAskedForWhenSupported() throws {
        let server = try server()
        server.clientResponses["workspace/configuration"] = [["corpus": [.string(folder.appendingPathComponent("extra").path)]]]
        _ = try server.initialize(capabilities: ["workspace": ["configuration": true]])
        _ = try waitForCorpus(server) { $0["records"] == 1 }
        let asked = try server.waitFor("configuration request") { $0["method"] == "workspace/configuration" }
        XCTAssertEqual(asked["params"]?["items"]?.arrayValue?.first?["section"], "vraagbaak")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testWatchedFileChangeUpdatesTheCorpus() throws {
        let server = try server()
        _ = try server.initialize(
            capabilities: ["workspace": ["didChangeWatchedFiles": ["dynamicRegistration": true]]],
            initializationOptions: ["corpus": ["extra"]], rootURI: folder.absoluteString)
        _ = try waitForCorpus(server) { $0["records"] == 1 }
        let registration = try server.waitFor("watcher registration") { $0["method"] == "client/registerCapability" }
        XCTAssertEqual(registration["params"]?["registrations"]?.arrayValue?.first?["method"], "workspace/didChangeWatchedFiles")

        let added = folder.appendingPathComponent("extra/901.txt")
        try Self.record(number: 901, title: "Fietspaden - Verlichting").write(to: added, atomically: true, encoding: .utf8)
        server.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": .string(added.absoluteString), "type": 1]]])
        _ = try waitForCorpus(server) { $0["records"] == 2 }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    /// A warm start answers from the cache at once and checks the files meanwhile: a
    /// file changed while the server was off is seen without any notification.
    func testAFileChangedWhileTheServerWasOffIsSeenAtTheNextStart() throws {
        let first = try server()
        _ = try first.initialize(initializationOptions: ["corpus": ["extra"]], rootURI: folder.absoluteString)
        _ = try waitForCorpus(first) { $0["records"] == 1 }
        XCTAssertEqual(try first.shutdownAndExit(), 0)
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path).contains { $0.hasSuffix(".bin") })

        try Self.record(number: 902, title: "Fietspaden - Verlichting").write(
            to: folder.appendingPathComponent("extra/sub/900.txt"), atomically: true, encoding: .utf8)
        let second = try server()
        _ = try second.initialize(initializationOptions: ["corpus": ["extra"]], rootURI: folder.absoluteString)
        _ = try waitForCorpus(second) { $0["records"] == 1 }
        let uri = folder.appendingPathComponent("draft.vraag").absoluteString
        second.notify("textDocument/didOpen", ["textDocument": ["uri": .string(uri), "languageId": "vraag", "version": 1,
            "text": "Fietspaden - Verlichting\n\nIn opvolging van schriftelijke vraag nr. 902 van 3 maart 2024:\n\n1. Wanneer?\n"]])
        // The citation resolves once the changed file is indexed: no unknown-citation finding.
        let deadline = Date().addingTimeInterval(20)
        var codes: [String] = ["?"]
        while Date() < deadline {
            let report = try second.request("textDocument/diagnostic", ["textDocument": ["uri": .string(uri)]])
            codes = report["result"]?["items"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? ["?"]
            if !codes.contains("citation-unknown") { break }
            usleep(50_000)
        }
        XCTAssertFalse(codes.contains("citation-unknown"), "nr. 902 is known after the restart: \(codes)")
        XCTAssertEqual(try second.shutdownAndExit(), 0)
    }

    func testPollingSeesChangesWhenTheClientCannotWatch() throws {
        let server = try server()
        _ = try server.initialize(initializationOptions: ["corpus": ["extra"], "pollInterval": .double(0.2)],
                                  rootURI: folder.absoluteString)
        _ = try waitForCorpus(server) { $0["records"] == 1 }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("extra/sub/900.txt"))
        _ = try waitForCorpus(server) { $0["records"] == 0 }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

/// `$HOME` decides where the cache goes and what `~` in a corpus path means, over
/// stdio, as for every command-line tool (issue 14, item 9).
final class HomeEnvironmentTests: XCTestCase {
    func testCacheAndTildeFollowHome() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-home-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home.appendingPathComponent("archief"), withIntermediateDirectories: true)
        try CorpusConfigurationTests.record(number: 901, title: "Fietspaden - Verlichting").write(
            to: home.appendingPathComponent("archief/901.txt"), atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = nil
        environment["XDG_CACHE_HOME"] = nil
        environment["HOME"] = home.path
        let server = try ServerProcess(environment: environment)
        _ = try server.initialize(initializationOptions: ["corpus": ["~/archief"]])
        let deadline = Date().addingTimeInterval(20)
        var status = JSONValue.null
        while Date() < deadline, status["records"] != 1 {
            status = try server.request("vraagbaak/corpusStatus")["result"] ?? .null
            usleep(50_000)
        }
        XCTAssertEqual(status["records"], 1, "~/archief is read from $HOME: \(status)")
        XCTAssertEqual(status["sources"], [.string(home.appendingPathComponent("archief").path)])
        XCTAssertEqual(try server.shutdownAndExit(), 0)
        let cache = home.appendingPathComponent(".cache/vraagbaak")
        XCTAssertTrue(try FileManager.default.contentsOfDirectory(atPath: cache.path).contains { $0.hasSuffix(".bin") },
                      "the index cache is written under $HOME")
    }
}

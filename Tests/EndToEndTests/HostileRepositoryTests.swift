import Foundation
import JSONRPC
import TestSupport
import XCTest

/// Issue 16 over stdio: what a hostile repository, corpus or client did to the
/// server before, each case against the built binary.
final class HostileRepositoryTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        _ = chmodTree(folder)
        try? FileManager.default.removeItem(at: folder)
    }

    /// Makes every folder writable again, so tearDown can remove what a test locked.
    private func chmodTree(_ url: URL) -> Bool {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        chmod(url.path, 0o755)
        while let name = enumerator?.nextObject() as? String { chmod(url.appendingPathComponent(name).path, 0o755) }
        return true
    }

    private func server(cache: URL? = nil, extra: [String: String] = [:]) throws -> ServerProcess {
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = (cache ?? folder.appendingPathComponent("cache")).path
        for (key, value) in extra { environment[key] = value }
        return try ServerProcess(environment: environment)
    }

    private func write(_ text: String, to relative: String) throws {
        let url = folder.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    // MARK: - Item 1: configured limits

    func testAnIntMaxWordLimitFromTheWorkspaceDoesNotCrashTheServer() throws {
        try write(#"{"checks":{"rules":{"word-limit":{"limit":9223372036854775807},"title-too-long":{"limit":9223372036854775807}}}}"#,
                  to: "workspace/vraagbaak.json")
        let server = try server()
        _ = try server.initialize(rootURI: folder.appendingPathComponent("workspace").absoluteString)
        let text = "Titel - Spec\n\n" + String(repeating: "woord ", count: 1200) + "\n\n1. Wie?\n"
        server.open("file:///limit.vraag", text)
        let symbols = try server.request("textDocument/documentSymbol", textDocument("file:///limit.vraag"))
        XCTAssertNotNil(symbols["result"]?.arrayValue, "still serving: \(symbols)")
        let diagnostics = try server.request("textDocument/diagnostic", textDocument("file:///limit.vraag"))
        let codes = diagnostics["result"]?["items"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        // The absurd limits are rejected with a message naming them; the defaults apply.
        XCTAssertTrue(codes.contains("word-limit"), "1,200 words against the default 1,000: \(codes)")
        let shown = try server.waitFor("the rejected limit") {
            $0["method"] == "window/showMessage"
                && ($0["params"]?["message"]?.stringValue?.contains("checks.rules.title-too-long.limit: must be a whole number") ?? false)
        }
        XCTAssertEqual(shown["params"]?["type"], 1)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    // MARK: - Item 9: lone surrogates

    func testALoneSurrogateInAnEditKeepsTheDocumentInSync() throws {
        let server = try server()
        _ = try server.initialize()
        let uri = "file:///surrogate.vraag"
        server.open(uri, "ab\ncd\n")
        // What JSON.stringify sends for half an emoji: "X\ud83dY".
        let halfEmoji = #"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"\#(uri)","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":1},"end":{"line":0,"character":1}},"text":"X\ud83dY"}]}}"#
        server.sendRaw(Data("Content-Length: \(halfEmoji.utf8.count)\r\n\r\n\(halfEmoji)".utf8))
        server.change(uri, version: 3, [edit(range(1, 1, 1, 1), "Z")])
        let text = try server.request("vraagbaak/documentText", textDocument(uri))
        XCTAssertEqual(text["result"]?["text"], .string("aX\u{FFFD}Yb\ncZd\n"))
        XCTAssertEqual(text["result"]?["version"], 3)
        XCTAssertFalse(server.inbox.contains { $0["error"]?["code"] == -32700 }, "no parse error: \(server.inbox)")
    }

    // MARK: - Item 11: protocol edges

    func testIdsAreEchoedAsWritten() throws {
        let server = try server()
        _ = try server.initialize()
        for id in ["9007199254740993", "18446744073709551617", "1e308", "-123456789012345678901234567890"] {
            let body = #"{"jsonrpc":"2.0","id":\#(id),"method":"vraagbaak/corpusStatus"}"#
            server.sendRaw(Data("Content-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
            let deadline = Date().addingTimeInterval(10)
            var echoed = false
            while !echoed && Date() < deadline {
                echoed = server.rawBodies.contains { $0.contains(#""id":\#(id),"#) && $0.contains(#""result""#) }
                if !echoed { usleep(20_000) }
            }
            XCTAssertTrue(echoed, "id \(id) echoed: \(server.rawBodies.suffix(2))")
        }
        XCTAssertFalse(server.inbox.contains { $0["id"] == .null }, "no answer with a null id")
    }

    func testConflictingContentLengthsAreRejected() throws {
        let server = try server()
        _ = try server.initialize()
        let body = #"{"jsonrpc":"2.0","id":"conflict","method":"vraagbaak/corpusStatus"}"#
        server.sendRaw(Data("Content-Length: \(body.utf8.count)\r\nContent-Length: 5\r\n\r\n\(body)".utf8))
        let error = try server.waitFor("a parse error") { $0["error"]?["code"] == -32700 }
        XCTAssertTrue(error["error"]?["message"]?.stringValue?.contains("Conflicting Content-Length") == true, "\(error)")
        XCTAssertEqual(error["id"], .null)
        XCTAssertNotNil(try server.request("vraagbaak/corpusStatus")["result"], "the next message is read")
        XCTAssertFalse(server.inbox.contains { $0["id"] == .string("conflict") }, "the message was not acted on")
    }

    func testOutOfOrderVersionsAreLogged() throws {
        let server = try server()
        _ = try server.initialize()
        let uri = "file:///versions.vraag"
        server.open(uri, "abc", version: 5)
        server.change(uri, version: 4, [edit(range(0, 3, 0, 3), "d")])
        let log = try server.waitFor("a log of the out-of-order version") {
            $0["method"] == "window/logMessage" && $0["params"]?["message"]?.stringValue?.contains("out-of-order") == true
        }
        XCTAssertTrue(log["params"]?["message"]?.stringValue?.contains("version 4 after 5") == true, "\(log)")
        XCTAssertEqual(try server.request("vraagbaak/documentText", textDocument(uri))["result"]?["text"], "abcd")
    }

    // MARK: - Item 5: a workspace names folders outside itself

    private func waitForLog(_ server: ServerProcess, containing text: String, timeout: TimeInterval = 30,
                            file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        try server.waitFor(timeout: timeout, "a log containing \(text)", file: file, line: line) {
            $0["method"] == "window/logMessage" && $0["params"]?["message"]?.stringValue?.contains(text) == true
        }
    }

    func testAWorkspaceFileMayNameOnlyFoldersInsideTheWorkspace() throws {
        try write(CorpusConfigurationTests.record(number: 901, title: "Binnen - Werkruimte"), to: "workspace/vragen/901.txt")
        try write(CorpusConfigurationTests.record(number: 902, title: "Geheim - Buiten"), to: "outside/902.txt")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("workspace/link").path,
                                                   withDestinationPath: folder.appendingPathComponent("outside").path)
        try write(#"{"corpus": ["vragen", "../outside", "/etc", "~/.secrets", "link"], "seeds": false, "pollInterval": 0.000001}"#,
                  to: "workspace/vraagbaak.json")
        let cache = folder.appendingPathComponent("private-cache")
        let server = try server(cache: cache)
        _ = try server.initialize(rootURI: folder.appendingPathComponent("workspace").absoluteString)
        let shown = try server.notification("window/showMessage")
        let message = shown["params"]?["message"]?.stringValue ?? ""
        for refused in ["../outside", "/etc", "~/.secrets", "link"] {
            XCTAssertTrue(message.contains(refused), "\(refused) named in: \(message)")
        }
        XCTAssertTrue(message.contains("outside the workspace"), message)
        XCTAssertFalse(message.contains("vragen,"), message)
        _ = try waitForLog(server, containing: "pollInterval: below 1 second is refused")
        _ = try waitForLog(server, containing: "vragen in het corpus")
        let status = try server.request("vraagbaak/corpusStatus")["result"]
        XCTAssertEqual(status?["records"], 1)
        XCTAssertEqual(status?["sources"]?.arrayValue?.count, 1, "\(String(describing: status))")
        XCTAssertEqual(try server.request("workspace/symbol", ["query": "Geheim"])["result"]?.arrayValue?.count, 0)
        let found = try server.request("vraagbaak/search", ["text": "Geheim Buiten fietspaden"])["result"]?.arrayValue ?? []
        XCTAssertFalse(found.contains { $0["title"]?.stringValue?.contains("Geheim") == true }, "\(found)")
        XCTAssertTrue(found.contains { $0["title"]?.stringValue?.contains("Binnen") == true }, "\(found)")

        // The cache: 0600 files in a 0700 folder.
        var status2 = stat()
        XCTAssertEqual(stat(cache.path, &status2), 0)
        XCTAssertEqual(status2.st_mode & 0o777, 0o700)
        let files = try FileManager.default.contentsOfDirectory(atPath: cache.path).filter { $0.hasPrefix("index-") }
        XCTAssertEqual(files.count, 1, "\(files)")
        for name in files {
            XCTAssertEqual(stat(cache.appendingPathComponent(name).path, &status2), 0)
            XCTAssertEqual(status2.st_mode & 0o777, 0o600, name)
        }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testTheUsersOwnSettingsMayNameAnyFolder() throws {
        try write(CorpusConfigurationTests.record(number: 902, title: "Geheim - Buiten"), to: "outside/902.txt")
        try write(#"{"seeds": false}"#, to: "workspace/vraagbaak.json")
        let server = try server()
        _ = try server.initialize(initializationOptions: ["corpus": .string(folder.appendingPathComponent("outside").path)],
                                  rootURI: folder.appendingPathComponent("workspace").absoluteString)
        _ = try waitForLog(server, containing: "vragen in het corpus")
        XCTAssertEqual(try server.request("workspace/symbol", ["query": "Geheim"])["result"]?.arrayValue?.count, 1)
        XCTAssertFalse(server.inbox.contains { $0["method"] == "window/showMessage" }, "\(server.inbox)")
    }

    // MARK: - Item 3: a cache truncated under a running server

    /// A warm start maps the cache; `truncate` from another process waits until the
    /// server has its own copy, and the server answers from the same corpus after.
    func testAServerSurvivesItsCacheTruncatedByAnotherProcess() throws {
        for number in 910..<914 {
            try write(CorpusConfigurationTests.record(number: number, title: "Fietspaden \(number) - Herstel"), to: "corpus/\(number).txt")
        }
        let options: JSONValue = ["corpus": .string(folder.appendingPathComponent("corpus").path), "seeds": false]
        let first = try server()
        _ = try first.initialize(initializationOptions: options)
        _ = try waitForLog(first, containing: "vragen in het corpus")
        _ = try first.shutdownAndExit()
        let cacheFiles = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cache").path)
            .filter { $0.hasSuffix(".bin") }
        let cacheFile = try XCTUnwrap(cacheFiles.first, "the first start wrote a cache")

        let server = try server()
        _ = try server.initialize(initializationOptions: options)
        _ = try waitForLog(server, containing: "vragen in het corpus")
        let before = try server.request("vraagbaak/search", ["text": "fietspaden herstel"])["result"]?.arrayValue ?? []
        XCTAssertEqual(before.count, 4)
        XCTAssertTrue(try truncateFromAnotherProcess(folder.appendingPathComponent("cache/\(cacheFile)").path))
        let after = try server.request("vraagbaak/search", ["text": "fietspaden herstel"])["result"]?.arrayValue ?? []
        XCTAssertEqual(after, before, "the same answers from the server's own copy")
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    // MARK: - Item 6: a client that does not answer

    func testACorpusLoadsWhenTheClientAnswersNeitherConfigurationNorProgress() throws {
        let server = try server()
        server.unansweredMethods = ["workspace/configuration", "window/workDoneProgress/create"]
        let started = Date()
        _ = try server.initialize(capabilities: ["workspace": ["configuration": true], "window": ["workDoneProgress": true]])
        _ = try waitForLog(server, containing: "did not answer workspace/configuration")
        _ = try waitForLog(server, containing: "did not answer window/workDoneProgress/create")
        _ = try waitForLog(server, containing: "vragen in het corpus")
        let seconds = Date().timeIntervalSince(started)
        XCTAssertLessThan(seconds, 25, "two timeouts of a few seconds, then the load")
        XCTAssertGreaterThan(try server.request("vraagbaak/corpusStatus")["result"]?["records"]?.intValue ?? 0, 0)
        XCTAssertFalse(server.inbox.contains { $0["method"] == "$/progress" }, "no progress without a token")
    }

    // MARK: - Item 10: leftovers and silent failures

    func testALogInsideTheCorpusIsNeitherIndexedNorAReasonToReload() throws {
        try write(CorpusConfigurationTests.record(number: 903, title: "Logboek - Corpus"), to: "corpus/903.txt")
        let log = folder.appendingPathComponent("corpus/trace.txt").path
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        let server = try ServerProcess(arguments: ["serve", "--log", log], environment: environment)
        // No file watching in the client: the server polls, every second.
        _ = try server.initialize(initializationOptions: ["corpus": .string(folder.appendingPathComponent("corpus").path),
                                                          "seeds": false, "pollInterval": 1])
        _ = try waitForLog(server, containing: "vragen in het corpus")
        for _ in 0..<20 { _ = try server.request("vraagbaak/corpusStatus") } // the log grows
        sleep(3)
        XCTAssertEqual(try server.request("vraagbaak/corpusStatus")["result"]?["records"], 1, "the log is no question")
        let loads = server.inbox.filter {
            $0["method"] == "window/logMessage" && $0["params"]?["message"]?.stringValue?.contains("vragen in het corpus") == true
        }
        XCTAssertEqual(loads.count, 0, "no reload after the first: \(loads)")
        XCTAssertGreaterThan((try? FileManager.default.attributesOfItem(atPath: log)[.size] as? Int) ?? 0, 1000)
    }

    func testIndexUnderAFileSizeLimitFailsWithAMessage() throws {
        try write(CorpusConfigurationTests.record(number: 904, title: "Limiet - Bestand"), to: "corpus/904.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "ulimit -f 1 && exec \"$0\" index \"$1\"", ServerProcess.binaryURL.path,
                             folder.appendingPathComponent("corpus").path]
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit, "not killed by SIGXFSZ: \(text)")
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("index cache cannot be written (File too large)"), text)
        XCTAssertTrue(text.contains("records:           1"), text)
    }
}

import Foundation
import JSONRPC
import XCTest

/// The built `vraagbaak` binary as a child process, driven over its stdin and stdout
/// the way an editor drives it. Messages are plain JSON (`JSONValue`), so the tests
/// see exactly what goes over the wire.
final class ServerProcess: @unchecked Sendable {
    let process = Process()
    private let stdin = Pipe()
    private let stdout = Pipe()
    private let stderr = Pipe()
    private let condition = NSCondition()
    private var received: [JSONValue] = []   // guarded by `condition`
    private var outputEnded = false          // guarded by `condition`
    private var nextID = 1
    /// Answers to requests the server sends us (`workspace/configuration`, ...), by
    /// method; a request without an entry is answered with `null`.
    var clientResponses: [String: JSONValue] {
        get { condition.lock(); defer { condition.unlock() }; return responses }
        set { condition.lock(); responses = newValue; condition.unlock() }
    }
    private var responses: [String: JSONValue] = [:]     // guarded by `condition`
    /// Methods of requests from the server that we never answer (a client that hangs).
    var unansweredMethods: Set<String> {
        get { condition.lock(); defer { condition.unlock() }; return silentMethods }
        set { condition.lock(); silentMethods = newValue; condition.unlock() }
    }
    private var silentMethods: Set<String> = []           // guarded by `condition`
    /// Every body received, as sent: for what `JSONValue` cannot show (an id's digits).
    var rawBodies: [String] {
        condition.lock(); defer { condition.unlock() }; return rawReceived
    }
    private var rawReceived: [String] = []               // guarded by `condition`

    /// The binary sits next to the test bundle in SwiftPM's build folder.
    static var binaryURL: URL {
        if let path = ProcessInfo.processInfo.environment["VRAAGBAAK_BINARY"] {
            return URL(fileURLWithPath: path)
        }
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        // The test runner may be the .xctest file itself or a runner inside it.
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("vraagbaak")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "vraagbaak")
    }

    init(arguments: [String] = ["serve"], environment: [String: String]? = nil) throws {
        process.executableURL = Self.binaryURL
        process.arguments = arguments
        if let environment { process.environment = environment }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        Thread.detachNewThread { [self] in readLoop() }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    private func readLoop() {
        var parser = FrameParser()
        let handle = stdout.fileHandleForReading
        while true {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            parser.append(chunk)
            while let frame = parser.nextFrame() {
                guard case .body(let body) = frame,
                      let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else { continue }
                condition.lock()
                received.append(value)
                rawReceived.append(String(decoding: body, as: UTF8.self))
                let answer = value["method"].flatMap { $0.stringValue }
                    .flatMap { silentMethods.contains($0) ? nil : (responses[$0] ?? .null) }
                condition.broadcast()
                condition.unlock()
                if let answer, let id = value["id"] {
                    send(["jsonrpc": "2.0", "id": id, "result": answer])
                }
            }
        }
        condition.lock()
        outputEnded = true
        condition.broadcast()
        condition.unlock()
    }

    // MARK: - Sending

    func sendRaw(_ bytes: Data) {
        try? stdin.fileHandleForWriting.write(contentsOf: bytes)
    }

    func send(_ message: JSONValue) {
        let body = try! JSONEncoder().encode(message)
        sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func closeInput() {
        try? stdin.fileHandleForWriting.close()
    }

    @discardableResult
    func sendRequest(_ method: String, _ params: JSONValue? = nil) -> RequestID {
        let id = nextID
        nextID += 1
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "id": .int(id), "method": .string(method)]
        if let params { message["params"] = params }
        send(.object(message))
        return .number(id)
    }

    func notify(_ method: String, _ params: JSONValue? = nil) {
        var message: [String: JSONValue] = ["jsonrpc": "2.0", "method": .string(method)]
        if let params { message["params"] = params }
        send(.object(message))
    }

    /// Sends a request and waits for its response (the whole message, with `result` or `error`).
    func request(_ method: String, _ params: JSONValue? = nil, timeout: TimeInterval = 10,
                 file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let id = sendRequest(method, params)
        return try response(to: id, timeout: timeout, file: file, line: line)
    }

    func response(to id: RequestID, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        let idValue: JSONValue = switch id {
        case .number(let number): .int(number)
        case .string(let string): .string(string)
        case .numberText(let text): .double(Double(text) ?? 0)
        }
        return try waitFor(timeout: timeout, "a response to \(id)", file: file, line: line) {
            $0["id"] == idValue && $0["method"] == nil
        }
    }

    /// Waits for a message that matches and removes it from the inbox.
    func waitFor(timeout: TimeInterval = 10, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                 _ matches: (JSONValue) -> Bool) throws -> JSONValue {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) {
                return received.remove(at: index)
            }
            if outputEnded || !condition.wait(until: deadline) {
                if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
                XCTFail("timed out waiting for \(what); inbox: \(received)", file: file, line: line)
                throw TimedOut()
            }
        }
    }

    func notification(_ method: String, timeout: TimeInterval = 10, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        try waitFor(timeout: timeout, "notification \(method)", file: file, line: line) { $0["method"] == .string(method) }
    }

    /// Everything received so far and not yet taken.
    var inbox: [JSONValue] {
        condition.lock()
        defer { condition.unlock() }
        return received
    }

    /// Waits for the process to end and returns its exit status.
    func waitForExit(timeout: TimeInterval = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        guard !process.isRunning else { return nil }
        return process.terminationStatus
    }

    var standardError: String {
        String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    struct TimedOut: Error {}

    // MARK: - Conveniences for the usual session

    func initialize(capabilities: JSONValue = .object([:]), initializationOptions: JSONValue? = nil,
                    rootURI: String? = nil) throws -> JSONValue {
        var params: [String: JSONValue] = ["processId": .null, "capabilities": capabilities]
        if let initializationOptions { params["initializationOptions"] = initializationOptions }
        params["rootUri"] = rootURI.map(JSONValue.string) ?? .null
        let response = try request("initialize", .object(params))
        notify("initialized", .object([:]))
        return response
    }

    /// Waits until a corpus is installed. Diagnostics do not wait for it (the structure
    /// checks come first), so a test that expects the corpus checks waits here first.
    func waitForCorpus(timeout: TimeInterval = 30, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while try request("vraagbaak/corpusStatus", file: file, line: line)["result"]?["records"]?.intValue ?? 0 == 0 {
            guard Date() < deadline else {
                XCTFail("timed out waiting for the corpus", file: file, line: line)
                throw TimedOut()
            }
            usleep(20_000)
        }
    }

    func open(_ uri: String, _ text: String, version: Int = 1, languageId: String = "vraag") {
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string(languageId), "version": .int(version), "text": .string(text),
        ])]))
    }

    func change(_ uri: String, version: Int, _ changes: [JSONValue]) {
        notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(version)]),
            "contentChanges": .array(changes),
        ]))
    }

    func shutdownAndExit() throws -> Int32? {
        _ = try request("shutdown")
        notify("exit")
        return waitForExit()
    }
}

/// JSON literals in tests: `json(["a": 1])`-like helpers.
func position(_ line: Int, _ character: Int) -> JSONValue {
    .object(["line": .int(line), "character": .int(character)])
}

func range(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
    .object(["start": position(startLine, startCharacter), "end": position(endLine, endCharacter)])
}

func edit(_ range: JSONValue, _ text: String) -> JSONValue {
    .object(["range": range, "text": .string(text)])
}

func textDocument(_ uri: String) -> JSONValue {
    .object(["textDocument": .object(["uri": .string(uri)])])
}

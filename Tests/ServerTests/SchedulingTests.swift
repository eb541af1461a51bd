import Dispatch
import Foundation
import JSONRPC
@testable import Server
import Synchronization
import XCTest

/// Where the server's work runs. A cold corpus build parses on every worker of the
/// default dispatch pool (`concurrentPerform`); the structure checks of a draft opened
/// meanwhile must not wait for one of those workers.
final class SchedulingTests: XCTestCase {
    func testDiagnosticsArePublishedWhileEveryDefaultPoolWorkerIsBusy() throws {
        let client = InProcessServer()
        client.initialize()

        // Keep the default pool busy, as a corpus build does: CPU-bound work (not
        // blocked threads, which the pool would replace) on more workers than cores.
        let stop = Atomic<Bool>(false)
        let running = Atomic<Int>(0)
        let busyWorkers = ProcessInfo.processInfo.activeProcessorCount * 2
        let deadline = Date().addingTimeInterval(20)
        for _ in 0..<busyWorkers {
            DispatchQueue.global().async {
                running.add(1, ordering: .relaxed)
                while !stop.load(ordering: .relaxed) && Date() < deadline {}
                running.subtract(1, ordering: .relaxed)
            }
        }
        defer { stop.store(true, ordering: .relaxed) }
        while running.load(ordering: .relaxed) < ProcessInfo.processInfo.activeProcessorCount { usleep(1_000) }

        client.notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string("file:///tmp/scheduling.vraag"), "languageId": .string("vraag"), "version": .int(1),
            "text": .string("aan: Gwendolyn Rutten\n\nInburgering  -  Stand van zaken\n\n1. Hoeveel?\n3. Waarom?\n"),
        ])]))
        let published = client.waitForNotification("textDocument/publishDiagnostics", timeout: 15)
        let stillBusy = Date() < deadline && running.load(ordering: .relaxed) > 0
        XCTAssertNotNil(published, "no diagnostics")
        XCTAssertTrue(stillBusy, "the diagnostics came only after the default pool was free again")
        let codes = published?["params"]?["diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue } ?? []
        XCTAssertTrue(codes.contains("numbering"), "\(codes)")
    }
}

/// A `LanguageServer` in this process behind a pair of pipes, with no corpus.
final class InProcessServer: @unchecked Sendable {
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let condition = NSCondition()
    private var received: [JSONValue] = []  // guarded by `condition`
    private var nextID = 1
    /// Nil once the server is gone: what a server whose client left must become.
    private(set) weak var server: LanguageServer?

    init() {
        let server = LanguageServer { _ in }
        self.server = server
        let connection = Connection(input: toServer.fileHandleForReading, output: fromServer.fileHandleForWriting)
        Thread.detachNewThread { connection.run(handler: server) }
        Thread.detachNewThread { [self] in readLoop() }
    }

    deinit { try? toServer.fileHandleForWriting.close() }

    private func readLoop() {
        var parser = FrameParser()
        while true {
            let chunk = fromServer.fileHandleForReading.availableData
            if chunk.isEmpty { return }
            parser.append(chunk)
            while let frame = parser.nextFrame() {
                guard case .body(let body) = frame,
                      let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body)) else { continue }
                condition.lock()
                received.append(value)
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    private func send(_ message: JSONValue) {
        guard let body = try? JSONEncoder().encode(message) else { return }
        toServer.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(.object(["jsonrpc": .string("2.0"), "method": .string(method), "params": params]))
    }

    /// Initializes without a corpus (no folders, no seeds), or with these options.
    func initialize(options: JSONValue = .object(["corpus": .array([]), "seeds": .bool(false)]),
                    capabilities: JSONValue = .object([:]), rootURI: JSONValue = .null) {
        let id = nextID
        nextID += 1
        send(.object(["jsonrpc": .string("2.0"), "id": .int(id), "method": .string("initialize"), "params": .object([
            "processId": .null, "rootUri": rootURI, "capabilities": capabilities,
            "initializationOptions": options,
        ])]))
        _ = waitFor(timeout: 15) { $0["id"] == .int(id) }
        notify("initialized", .object([:]))
    }

    /// The end of the client's input, as when an editor or a browser page goes away.
    func closeInput() { try? toServer.fileHandleForWriting.close() }

    /// Answers a request the server sent.
    func answer(_ request: JSONValue, with result: JSONValue) {
        guard let id = request["id"] else { return }
        send(.object(["jsonrpc": .string("2.0"), "id": id, "result": result]))
    }

    /// A request the server sent (left unanswered).
    func waitForRequest(_ method: String, timeout: TimeInterval) -> JSONValue? {
        waitFor(timeout: timeout) { $0["method"] == .string(method) && $0["id"] != nil }
    }

    func waitForNotification(_ method: String, timeout: TimeInterval) -> JSONValue? {
        waitFor(timeout: timeout) { $0["method"] == .string(method) }
    }

    private func waitFor(timeout: TimeInterval, _ matches: (JSONValue) -> Bool) -> JSONValue? {
        let deadline = Date().addingTimeInterval(timeout)
        condition.lock()
        defer { condition.unlock() }
        while true {
            if let index = received.firstIndex(where: matches) { return received.remove(at: index) }
            if !condition.wait(until: deadline) { return nil }
        }
    }
}

// libFuzzer harness: the whole reader and dispatcher. The input is what a client
// writes to the server's stdin; it goes through a pipe into a real `Connection`
// (framing, decoding, protocol errors, responses to our requests) and into a
// `LanguageServer` holding the seed corpus, whose queue is drained before the next
// input. Responses go to /dev/null.
//
// One server serves every input (a new one per input costs 40 times the time of
// most inputs); before each input its per-session state is reset to what a new
// server has: no documents, not initialized, default session.
//
// Three notifications are dropped before they reach the server because they read
// the disk or start background work that outlives the input: `initialized` (the
// settings file, the corpus load, the folder watcher), `workspace/didChangeConfiguration`
// and `workspace/didChangeWatchedFiles` (corpus reloads from folders the input could
// name). Everything else, `initialize` included, goes through.
import Corpus
import Foundation
import JSONRPC
@testable import Server

private let devNull = FileHandle(forWritingAtPath: "/dev/null") ?? FileHandle.nullDevice
private let seedCorpus = CorpusLoader().load([.embeddedSeeds])
private let droppedNotifications: Set<String> = [
    "initialized", "workspace/didChangeConfiguration", "workspace/didChangeWatchedFiles",
]

private let server: LanguageServer = {
    let server = LanguageServer(exitHandler: { _ in })
    server.queue.sync {
        server.corpus = seedCorpus
        _ = server.completionVocabulary() // built now, not on a background queue
        // Left false: pushed diagnostics run on a global queue and would outlive the
        // input. The checks still run through `textDocument/diagnostic` and code actions.
        server.corpusIsReady = false
    }
    return server
}()

/// Forwards to the server all but the dropped notifications.
private final class Filter: MessageHandler, Sendable {
    let server: LanguageServer
    init(_ server: LanguageServer) { self.server = server }

    func receive(_ message: IncomingMessage, from connection: Connection) {
        if case .notification(let method) = message.kind, droppedNotifications.contains(method) { return }
        server.receive(message, from: connection)
    }

    func receiveInvalid(_ error: ResponseError, id: RequestID?, from connection: Connection) {
        server.receiveInvalid(error, id: id, from: connection)
    }

    func inputEnded(_ connection: Connection) { server.inputEnded(connection) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    // A pipe holds 64 KiB; larger inputs are cut rather than written from a thread.
    let bytes = Data(UnsafeBufferPointer(start: data, count: min(count, 60_000)))
    let pipe = Pipe()
    try? pipe.fileHandleForWriting.write(contentsOf: bytes)
    try? pipe.fileHandleForWriting.close()

    server.queue.sync {
        server.documents = DocumentStore()
        server.lifecycle = .uninitialized
        server.session = Session()
        server.settingsLayers = SettingsLayers()
        server.latestDiagnostics = [:]
    }
    let connection = Connection(input: pipe.fileHandleForReading, output: devNull)
    connection.run(handler: Filter(server))
    server.queue.sync {}
    server.queue.sync { server.currentConnection = nil }
    return 0
}

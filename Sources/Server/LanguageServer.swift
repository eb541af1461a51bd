import Analysis
import Corpus
import Dispatch
import Foundation
import JSONRPC
import LSP
import SourceText
import Synchronization

/// The Vraagbaak language server: dispatch, the state between messages, and
/// conversion to and from the protocol. What a feature answers is decided in the
/// Analysis module, from an immutable `AnalysisSnapshot` the server hands it.
///
/// Invariant: every mutable property is touched only on `queue`, a serial queue, so
/// messages are handled in arrival order and edits to a document are never
/// reordered. Only `inFlight` (cancellation bookkeeping) is shared with the reader
/// thread, behind a lock. Requests that read files or run every check compute their
/// answer from a snapshot on `workQueue` and answer from there.
public final class LanguageServer: MessageHandler, @unchecked Sendable {
    public typealias ExitHandler = @Sendable (Int32) -> Void

    enum Lifecycle { case uninitialized, running, shutDown }

    let queue = DispatchQueue(label: "vraagbaak.server")
    /// Where slow requests run, off `queue`, so typing never waits for them. Above the
    /// default QoS: a corpus build keeps the default pool's workers busy (parallel
    /// parsing), and a queue of another QoS gets workers of its own.
    let workQueue = DispatchQueue(label: "vraagbaak.server.work", qos: .userInitiated, attributes: .concurrent)
    /// Where pushed diagnostics are computed and published: a serial queue has a
    /// thread of its own, so the structure checks never wait for a pool worker.
    /// Below `queue`, so a check that runs beside a request (the completion sent with
    /// the keystroke) leaves it the core: on Linux libdispatch runs a background
    /// queue at nice 10 (default 0, userInitiated -2 where allowed; a check at
    /// userInitiated outranked the requests). Darwin's background also throttles IO
    /// and may wait for an efficiency core: utility there.
    let diagnosticsQueue = DispatchQueue(label: "vraagbaak.server.diagnostics", qos: diagnosticsQoS)
    #if os(Linux)
    private static let diagnosticsQoS = DispatchQoS.background
    #else
    private static let diagnosticsQoS = DispatchQoS.utility
    #endif
    /// The newest diagnostics generation per document, shared with `diagnosticsQueue`,
    /// which publishes a result only while it is still the newest.
    let diagnosticsGate = Mutex(DiagnosticsGate())
    let trace: Trace?
    /// What day it is, for the checks and hovers: injected, so tests fix it.
    let clock: Clock
    private let exitHandler: ExitHandler
    private let inFlight = Mutex(InFlightRequests())
    /// Requests received and not yet answered: a diagnostics check waits for them
    /// (`scheduleDiagnostics`), so it never competes with a request for the cores.
    let pendingRequests = Atomic<Int>(0)

    // State confined to `queue`.
    var lifecycle = Lifecycle.uninitialized
    var session = Session()
    var documents = DocumentStore()
    /// The connection of the message being handled, kept for messages the server
    /// sends on its own (progress, diagnostics, requests to the client).
    var currentConnection: Connection?

    var configurationLayers = ConfigurationLayers()
    /// The configuration in use, merged from `configurationLayers`.
    var configuration = Configuration.default
    /// The problems last shown to the user, so each change is shown once.
    var shownConfigurationProblems: [ConfigurationProblem] = []
    /// The corpus in use, with its completion vocabulary.
    var corpus = Corpus.empty
    var corpusSources: [CorpusSource] = []
    var corpusGeneration = 0
    /// The generation of the load still wanted, read by the loading thread; 0 once
    /// the server stops.
    let corpusLoadWanted = Atomic<Int>(0)
    /// False until the first corpus is installed: reference checks against an empty
    /// corpus would flash false alarms at start-up.
    var corpusIsReady = false
    var corpusWatcher: CorpusWatcher?
    var corpusUpdates = CorpusUpdates()
    /// The embedded seeds as files, for navigation (`recordLocator`).
    let seedFiles = SeedFiles()
    /// `recordLocator` as last made, with the `cacheDirectory` setting it was made for.
    var keptRecordLocator: (cacheDirectory: String?, locator: RecordLocator)?
    var settingsGeneration = 0
    var diagnosticsGeneration = 0
    /// Documents being checked now; checked again when done if asked meanwhile.
    var diagnosticsRunning: Set<DocumentURI> = []
    var diagnosticsWanted: Set<DocumentURI> = []

    private var requestHandlers: [String: RequestHandler] = [:]
    private var notificationHandlers: [String: NotificationHandler] = [:]

    // Handlers throw `ResponseError` for the client's mistakes; anything else they
    // throw is an internal error (-32603), and the server keeps serving.
    typealias RequestHandler = (IncomingMessage) throws -> Reply
    typealias NotificationHandler = (IncomingMessage) throws -> Void

    /// A handler's answer: now, or work to run off the queue on a snapshot.
    enum Reply {
        case now(any Encodable)
        case later(@Sendable () throws -> any Encodable)
    }

    public convenience init(trace: Trace? = nil, exitHandler: @escaping ExitHandler) {
        self.init(trace: trace, clock: .system, exitHandler: exitHandler)
    }

    package init(trace: Trace?, clock: Clock, exitHandler: @escaping ExitHandler) {
        self.trace = trace
        self.clock = clock
        self.exitHandler = exitHandler
        registerLifecycle()
        registerTextSynchronization()
        registerDocumentStructure()
        registerWorkspace()
        registerCompletion()
        registerNavigation()
        registerDiagnostics()
        registerCodeActionResolve()
        registerSilencing()
        registerRecordRequest()
    }

    // MARK: - Registration

    func onRequest<Params: Decodable, Result: Encodable>(
        _ method: String, _ params: Params.Type, _ body: @escaping (Params) throws -> Result
    ) {
        requestHandlers[method] = { message in
            .now(try body(message.decodeParams(Params.self)))
        }
    }

    /// A request whose answer is computed off the queue: `prepare` runs on the queue
    /// and takes what it needs (a snapshot); the work it returns runs on `workQueue`.
    func onRequestOffQueue<Params: Decodable, Result: Encodable>(
        _ method: String, _ params: Params.Type, _ prepare: @escaping (Params) throws -> @Sendable () throws -> Result
    ) {
        requestHandlers[method] = { message in
            let work = try prepare(message.decodeParams(Params.self))
            return .later { try work() }
        }
    }

    func onNotification<Params: Decodable>(
        _ method: String, _ params: Params.Type, _ body: @escaping (Params) throws -> Void
    ) {
        notificationHandlers[method] = { message in
            try body(message.decodeParams(Params.self))
        }
    }

    // MARK: - MessageHandler

    public func receive(_ message: IncomingMessage, from connection: Connection) {
        switch message.kind {
        case .notification(method: "$/cancelRequest"):
            // Seen on the reader thread, ahead of the queue, so that a request still
            // waiting its turn can be answered with -32800.
            if let params = try? message.decodeParams(CancelParams.self) {
                inFlight.withLock { $0.cancel(params.id) }
            }
            return
        case .request(let id, _):
            inFlight.withLock { $0.start(id) }
            pendingRequests.add(1, ordering: .relaxed)
        default:
            break
        }
        queue.async { self.handle(message, connection: connection) }
    }

    public func receiveInvalid(_ error: ResponseError, id: RequestID?, from connection: Connection) {
        queue.async { connection.sendError(error, id: id) }
    }

    public func inputEnded(_ connection: Connection) {
        queue.async {
            self.trace?.log("input closed")
            self.stopBackgroundWork()
            self.exitHandler(self.lifecycle == .shutDown ? 0 : 1)
        }
    }

    /// The exit handler may not end the process (`vraagbaak web` runs a server per
    /// page): stop polling the corpus, so a closed page leaves nothing running.
    private func stopBackgroundWork() {
        corpusWatcher?.stop()
        corpusWatcher = nil
        corpusLoadWanted.store(0, ordering: .relaxed)
    }

    private func handle(_ message: IncomingMessage, connection: Connection) {
        currentConnection = connection
        switch message.kind {
        case .request(let id, let method):
            switch respond(to: message, method: method, id: id) {
            case .success(.now(let value)):
                send(.success(value), id: id, connection: connection)
            case .success(.later(let work)):
                workQueue.async { [self] in
                    let result: Result<any Encodable, ResponseError>
                    if inFlight.withLock({ $0.isCancelled(id) }) {
                        result = .failure(.cancelled)
                    } else {
                        do { result = .success(try work()) } catch {
                            let responseError = Self.responseError(error)
                            trace?.log("\(method) failed: \(responseError.message)")
                            result = .failure(responseError)
                        }
                    }
                    send(result, id: id, connection: connection)
                }
            case .failure(let error):
                send(.failure(error), id: id, connection: connection)
            }
        case .notification(let method):
            handleNotification(message, method: method)
        case .response:
            break // answered by the connection itself
        }
    }

    /// Answers a request once: cancelled meanwhile, it gets -32800.
    private func send(_ result: Result<any Encodable, ResponseError>, id: RequestID, connection: Connection) {
        defer { pendingRequests.subtract(1, ordering: .relaxed) }
        let wasCancelled = inFlight.withLock { $0.finish(id) }
        switch result {
        case .success(let value) where !wasCancelled:
            connection.sendResponse(value, id: id)
        case .success:
            connection.sendError(.cancelled, id: id)
        case .failure(let error):
            connection.sendError(error, id: id)
        }
    }

    private func respond(to message: IncomingMessage, method: String, id: RequestID) -> Result<Reply, ResponseError> {
        if inFlight.withLock({ $0.isCancelled(id) }) {
            return .failure(.cancelled)
        }
        switch lifecycle {
        case .uninitialized where method != "initialize":
            return .failure(.serverNotInitialized(method))
        case .running where method == "initialize":
            return .failure(.invalidRequest("initialize was already received"))
        case .shutDown:
            return .failure(.invalidRequest("The server is shutting down: \(method) after shutdown"))
        default:
            break
        }
        guard let handler = requestHandlers[method] else {
            return .failure(.methodNotFound(method))
        }
        do {
            return .success(try handler(message))
        } catch {
            let responseError = Self.responseError(error)
            trace?.log("\(method) failed: \(responseError.message)")
            return .failure(responseError)
        }
    }

    private func handleNotification(_ message: IncomingMessage, method: String) {
        if method == "exit" {
            trace?.log("exit after \(lifecycle == .shutDown ? "shutdown" : "no shutdown")")
            stopBackgroundWork()
            exitHandler(lifecycle == .shutDown ? 0 : 1)
            return
        }
        // Before initialize notifications are dropped; after shutdown only exit counts.
        guard lifecycle == .running else { return }
        guard let handler = notificationHandlers[method] else {
            // Unknown notifications, and every `$/` notification, are ignored.
            trace?.log("ignored notification \(method)")
            return
        }
        do {
            try handler(message)
        } catch {
            // A notification has no response: tell the user instead of failing silently.
            logToClient(.error, "\(method): \(Self.responseError(error).message)")
        }
    }

    static func responseError(_ error: any Error) -> ResponseError {
        (error as? ResponseError) ?? .internalError("Internal error: \(error)")
    }

    // MARK: - Talking to the client

    func logToClient(_ type: MessageType, _ text: String) {
        trace?.log("log(\(type)): \(text)")
        currentConnection?.sendNotification("window/logMessage", LogMessageParams(type: type, message: text))
    }

    func showToClient(_ type: MessageType, _ text: String) {
        trace?.log("show(\(type)): \(text)")
        currentConnection?.sendNotification("window/showMessage", ShowMessageParams(type: type, message: text))
    }

    func sendNotification<Params: Encodable>(_ method: String, _ params: Params) {
        currentConnection?.sendNotification(method, params)
    }
}

/// Requests received and not yet answered, and which of them were cancelled.
/// Bounded by the number of unanswered requests: a cancellation of a request that
/// was already answered is dropped.
struct InFlightRequests {
    private var pending: [RequestID: Bool] = [:]

    mutating func start(_ id: RequestID) { pending[id] = false }

    mutating func cancel(_ id: RequestID) {
        if pending[id] != nil { pending[id] = true }
    }

    func isCancelled(_ id: RequestID) -> Bool { pending[id] == true }

    /// Ends a request; returns whether it was cancelled meanwhile.
    mutating func finish(_ id: RequestID) -> Bool { pending.removeValue(forKey: id) == true }
}

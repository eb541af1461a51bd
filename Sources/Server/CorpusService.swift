import Analysis
import Corpus
import Dispatch
import Foundation
import JSONRPC
import LSP

/// Loading the corpus in the background, with progress, and reloading it when
/// settings or corpus files change. The corpus in use stays available to the
/// features until its replacement is ready.
extension LanguageServer {
    /// (Re)loads the corpus for the current settings. Loads that were overtaken by a
    /// newer one are dropped when they finish.
    func reloadCorpus(reason: String) {
        corpusGeneration += 1
        let generation = corpusGeneration
        corpusLoadWanted.store(generation, ordering: .relaxed)
        let sources = configuration.corpusSources(root: session.rootPath)
        let cacheFolder = self.cacheFolder
        let exclusion = fileExclusion
        let cache = IndexCache(folder: cacheFolder, applicationVersion: VraagbaakVersion.current)
        trace?.log("loading corpus (\(reason)): \(sources.map(\.description).joined(separator: ", "))")

        let load: @Sendable (ProgressReporter?) -> Void = { [self] reporter in
            reporter?.begin(title: "Vraagbaak: corpus laden", message: sources.map(\.description).joined(separator: ", "))
            let started = Date()
            var loader = CorpusLoader()
            loader.exclusion = exclusion
            // A newer load, or a client that left, stops this one between batches.
            loader.isAbandoned = { [self] in corpusLoadWanted.load(ordering: .relaxed) != generation }
            // At a start (or when the folders change), a sound cache is in use as soon
            // as it is read; the files are checked against it meanwhile, and what
            // `open` returns takes its place. A reload after a change keeps the corpus
            // it has, which is newer than the cache.
            let (corpus, cacheOutcome) = loader.open(sources, cache: cache, progress: { progress in
                reporter?.report(progress)
            }, provisional: { [self] cached in
                queue.async { [self] in
                    guard generation == corpusGeneration, corpusSources != sources else { return }
                    self.corpus = cached
                    corpusIsReady = true
                    trace?.log("corpus in use from the index cache: \(cached.count) records (the files are being checked)")
                    corpusDidChange()
                }
            })
            let seconds = Date().timeIntervalSince(started)
            reporter?.end(message: "\(corpus.count) vragen")
            queue.async { [self] in
                // An abandoned load returned what it had: never installed.
                guard generation == corpusGeneration, corpusLoadWanted.load(ordering: .relaxed) == generation else { return }
                install(corpus, sources: sources, seconds: seconds, cacheOutcome: cacheOutcome)
            }
        }
        // The load runs on a thread of its own, not on a worker of the shared pool: a
        // 100,000-file load would hold one for seconds, and the pool has as many as
        // there are cores, so requests and diagnostics on `workQueue` would wait for it.
        if session.capabilities.window?.workDoneProgress == true, let connection = currentConnection {
            let token = JSONValue.string("vraagbaak-corpus-\(generation)")
            // Progress may be sent only once the client has accepted the token.
            // Progress is optional: a client that does not answer must not stop the load.
            connection.sendRequest("window/workDoneProgress/create", WorkDoneProgressCreateParams(token: token),
                                   timeout: Self.clientAnswerTimeout) { [self] result in
                if case .failure(let error) = result, error.isTimeout {
                    queue.async { [self] in logToClient(.warning, "Vraagbaak: \(error.message); the corpus loads without progress") }
                }
                let accepted = (try? result.get()) != nil
                Thread.detachNewThread { load(accepted ? ProgressReporter(connection: connection, token: token) : nil) }
            }
        } else {
            Thread.detachNewThread { load(nil) }
        }
    }

    /// How long the server waits for the client to answer a request it needs before
    /// it goes on without (progress tokens, the client's settings).
    static let clientAnswerTimeout = 5.0

    /// What the corpus leaves out: our own log, should it lie in a corpus folder.
    var fileExclusion: FileExclusion {
        trace.map { FileExclusion(paths: [$0.path]) } ?? .none
    }

    /// The user's `cacheDirectory`, else `IndexCache.defaultFolder()`.
    var cacheFolder: URL {
        configuration.cacheFolder ?? IndexCache.defaultFolder()
    }

    /// Where navigation finds record files: their paths, or for the embedded seeds
    /// read-only copies in the cache folder (`SeedFiles`, written on first use).
    var recordLocator: RecordLocator {
        RecordLocator(seedFiles: seedFiles, cacheFolder: cacheFolder)
    }

    private func install(_ corpus: Corpus, sources: [CorpusSource], seconds: Double, cacheOutcome: IndexCache.Outcome?) {
        self.corpus = corpus
        corpusSources = sources
        corpusIsReady = true
        let origin = cacheOutcome == .hit ? "from the index cache" : "indexed"
        trace?.log("corpus ready: \(corpus.count) records \(origin) in \(String(format: "%.2f", seconds)) s")
        for warning in corpus.warnings.prefix(20) {
            logToClient(.warning, "Vraagbaak corpus: \(warning)")
        }
        if corpus.warnings.count > 20 {
            logToClient(.warning, "Vraagbaak corpus: \(corpus.warnings.count - 20) more warnings (see the log)")
        }
        logToClient(.info, "Vraagbaak: \(corpus.count) vragen in het corpus (\(origin), \(String(format: "%.1f", seconds)) s)")
        corpusDidChange()
    }

    /// Features that depend on the corpus (diagnostics) hook in here.
    func corpusDidChange() {
        refreshAllDiagnostics()
    }
}

/// Sends `$/progress` for one token: begin, reports when the percentage moves, end.
final class ProgressReporter: @unchecked Sendable {
    private let connection: Connection
    private let token: JSONValue
    private var lastPercentage = -1 // touched only by the one loading thread

    init(connection: Connection, token: JSONValue) {
        self.connection = connection
        self.token = token
    }

    func begin(title: String, message: String) {
        send(WorkDoneProgress(kind: "begin", title: title, message: message, percentage: 0))
    }

    func report(_ progress: LoadProgress) {
        guard progress.percentage != lastPercentage else { return }
        lastPercentage = progress.percentage
        send(WorkDoneProgress(kind: "report", message: "\(progress.filesDone)/\(progress.filesTotal) bestanden",
                              percentage: progress.percentage))
    }

    func end(message: String) {
        send(WorkDoneProgress(kind: "end", message: message))
    }

    private func send(_ value: WorkDoneProgress) {
        connection.sendNotification("$/progress", ProgressParams(token: token, value: value))
    }
}

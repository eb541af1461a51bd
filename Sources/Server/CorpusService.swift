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
        corpusUpdates.isLoading = true
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
    /// Made once per cache folder setting: every snapshot takes it, and the default
    /// folder costs a copy of the environment and a `stat`, a fifth of a hover.
    var recordLocator: RecordLocator {
        if let kept = keptRecordLocator, kept.cacheDirectory == configuration.cacheDirectory { return kept.locator }
        let locator = RecordLocator(seedFiles: seedFiles, cacheFolder: cacheFolder)
        keptRecordLocator = (configuration.cacheDirectory, locator)
        return locator
    }

    private func install(_ corpus: Corpus, sources: [CorpusSource], seconds: Double, cacheOutcome: IndexCache.Outcome?) {
        // The cache found sound is the index already answering (the provisional
        // corpus): the diagnostics made with it stand.
        let alreadyAnswering = cacheOutcome == .hit && self.corpus.sharesIndex(with: corpus)
        self.corpus = corpus
        corpusSources = sources
        corpusIsReady = true
        corpusUpdates.isLoading = false
        let origin = cacheOutcome == .hit ? "from the index cache" : "indexed"
        trace?.log("corpus ready: \(corpus.count) records \(origin) in \(String(format: "%.2f", seconds)) s")
        for warning in corpus.warnings.prefix(20) {
            logToClient(.warning, "Vraagbaak corpus: \(warning)")
        }
        if corpus.warnings.count > 20 {
            logToClient(.warning, "Vraagbaak corpus: \(corpus.warnings.count - 20) more warnings (see the log)")
        }
        logToClient(.info, "Vraagbaak: \(corpus.count) vragen in het corpus (\(origin), \(String(format: "%.1f", seconds)) s)")
        corpusWatcher?.start(from: corpus.manifest)
        if !alreadyAnswering { corpusDidChange() }
        // Files that changed while it loaded (it may have listed them before).
        if corpusUpdates.isWanted { corpusFilesChanged() }
    }

    /// Features that depend on the corpus (diagnostics) hook in here.
    func corpusDidChange() {
        refreshAllDiagnostics()
    }
}

/// Corpus files added, changed or removed: the notifications of a burst (an editor
/// saving 8 files, a `git checkout`) are coalesced into one update, which parses
/// only the files that changed (`CorpusLoader.update`) and falls back to a full
/// reload when that is cheaper or safer. The updated index goes to the cache in the
/// background, once the changes settle, so the next start is warm.
struct CorpusUpdates {
    /// A full load is running: changes wait for it.
    var isLoading = false
    /// An update is due after the coalescing delay, or running.
    var isScheduled = false
    var isRunning = false
    /// Files changed while an update or a load ran: another update follows it.
    var isWanted = false
    /// The paths notified since the last update started; nil when the folders must
    /// be listed (the poller saw a change, or a notification named no path).
    var paths: Set<String>? = []
    /// Only the newest scheduled cache write runs.
    var saveGeneration = 0
}

extension LanguageServer {
    /// How long a burst of notifications is gathered before the update starts.
    static let corpusChangeDelay = 0.05
    /// How long the corpus must stay unchanged before the cache is rewritten.
    static let cacheSaveDelay = 2.0

    /// A notification (with the paths it names) or the poller (nil) says corpus files changed.
    func corpusFilesChanged(paths: [String]?) {
        if let paths, !paths.isEmpty {
            corpusUpdates.paths?.formUnion(paths)
        } else {
            corpusUpdates.paths = nil
        }
        corpusFilesChanged()
    }

    private func corpusFilesChanged() {
        if corpusUpdates.isLoading || corpusUpdates.isRunning {
            corpusUpdates.isWanted = true
            return
        }
        corpusUpdates.isWanted = false
        guard !corpusUpdates.isScheduled else { return }
        corpusUpdates.isScheduled = true
        queue.asyncAfter(deadline: .now() + Self.corpusChangeDelay) { [self] in startCorpusUpdate() }
    }

    private func startCorpusUpdate() {
        corpusUpdates.isScheduled = false
        guard !corpusUpdates.isLoading else { return corpusUpdates.isWanted = true }
        let sources = configuration.corpusSources(root: session.rootPath)
        guard sources == corpusSources else { return reloadCorpus(reason: "corpus files changed") }
        corpusUpdates.isRunning = true
        corpusUpdates.isWanted = false
        let generation = corpusGeneration
        let current = corpus
        let paths = corpusUpdates.paths.map { Array($0) }
        corpusUpdates.paths = []
        var configured = CorpusLoader()
        configured.exclusion = fileExclusion
        let loader = configured
        let cache = IndexCache(folder: cacheFolder, applicationVersion: VraagbaakVersion.current)
        // A thread of its own, as for a load: the shared pool serves requests.
        Thread.detachNewThread { [self] in
            let started = Date()
            // The vocabulary is remapped, not rebuilt: the corpus is in use at once,
            // and the rebuilt vocabulary follows it below.
            let outcome = paths.map { loader.update(current, sources: sources, changedPaths: $0, rebuildsVocabulary: false) }
                ?? loader.update(current, sources: sources, rebuildsVocabulary: false)
            let seconds = Date().timeIntervalSince(started)
            queue.async { [self] in
                guard generation == corpusGeneration else {
                    // A reload (settings changed) started meanwhile: it lists the files itself.
                    corpusUpdates.isRunning = false
                    return
                }
                switch outcome {
                case .unchanged:
                    corpusUpdates.isRunning = false
                    trace?.log("corpus files unchanged (\(String(format: "%.3f", seconds)) s)")
                case .updated(let updated, let changes):
                    corpusUpdates.isRunning = false
                    corpusGeneration += 1
                    corpus = updated
                    let phases = changes.phases.map { "\($0.name) \(String(format: "%.3f", $0.seconds))" }.joined(separator: ", ")
                    trace?.log("corpus updated: \(changes) in \(String(format: "%.3f", seconds)) s (\(phases)); \(updated.count) records")
                    logToClient(.info, "Vraagbaak: corpus bijgewerkt (\(changes.total) bestand\(changes.total == 1 ? "" : "en")), \(updated.count) vragen")
                    corpusDidChange()
                    finishVocabulary(of: updated, previous: current, sources: sources, cache: cache)
                case .rebuild(let reason):
                    corpusUpdates.isRunning = false
                    trace?.log("corpus update: a full rebuild (\(reason))")
                    reloadCorpus(reason: "corpus files changed: \(reason)")
                }
                if !corpusUpdates.isRunning, corpusUpdates.isWanted { corpusFilesChanged() }
            }
        }
    }

    /// Rebuilds the completion vocabulary of an updated corpus off the queue and puts
    /// it in place if that corpus is still the one in use; then the cache is written.
    /// The next update need not wait for it: the remapped vocabulary keeps the phrases,
    /// all a rebuild takes from the one before.
    private func finishVocabulary(of updated: Corpus, previous: Corpus, sources: [CorpusSource], cache: IndexCache) {
        let generation = corpusGeneration
        Thread.detachNewThread { [self] in
            let started = Date()
            let finished = updated.rebuildingVocabulary(phrasesOf: previous)
            let seconds = Date().timeIntervalSince(started)
            queue.async { [self] in
                guard generation == corpusGeneration else { return }
                corpus = finished
                trace?.log("completion vocabulary rebuilt in \(String(format: "%.3f", seconds)) s")
                scheduleCacheSave(finished, sources: sources, cache: cache)
            }
        }
    }

    /// Writes the updated corpus to the cache once no newer update came for a while.
    private func scheduleCacheSave(_ corpus: Corpus, sources: [CorpusSource], cache: IndexCache) {
        corpusUpdates.saveGeneration += 1
        let generation = corpusUpdates.saveGeneration
        queue.asyncAfter(deadline: .now() + Self.cacheSaveDelay) { [self] in
            guard generation == corpusUpdates.saveGeneration, !corpusUpdates.isLoading else { return }
            Thread.detachNewThread { [self] in
                do {
                    // By the canonical sources, as `CorpusLoader.open` writes and reads it.
                    try cache.save(corpus, for: sources.map(\.canonical))
                    trace?.log("index cache rewritten after the update")
                } catch {
                    queue.async { [self] in
                        logToClient(.warning, "Vraagbaak: the index cache cannot be written (\(error)): the next start indexes again")
                    }
                }
            }
        }
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

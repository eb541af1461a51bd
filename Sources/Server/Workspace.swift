import Analysis
import Corpus
import Dispatch
import Foundation
import JSONRPC
import LSP

/// Settings and corpus folders: where they come from and how changes reach the corpus.
extension LanguageServer {
    func registerWorkspace() {
        onNotification("initialized", JSONValue?.self) { [unowned self] _ in
            configurationLayers.file = loadConfigurationFile()
            if session.capabilities.workspace?.configuration == true {
                // The corpus waits for the client's settings, so it is loaded once.
                fetchClientSettings { [unowned self] in
                    _ = applySettings()
                    reloadCorpus(reason: "start")
                    watchCorpusFolders()
                }
            } else {
                _ = applySettings()
                reloadCorpus(reason: "start")
                watchCorpusFolders()
            }
        }
        onNotification("workspace/didChangeConfiguration", DidChangeConfigurationParams.self) { [unowned self] params in
            if let pushed = params.settings, pushed != .null, pushed["vraagbaak"] != nil || session.capabilities.workspace?.configuration != true {
                configurationLayers.client = pushed
                settingsChanged()
            } else if session.capabilities.workspace?.configuration == true {
                fetchClientSettings { [unowned self] in settingsChanged() }
            }
        }
        onNotification("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams.self) { [unowned self] params in
            let paths = params.changes.compactMap { URL(string: $0.uri)?.path }
            if paths.contains(where: { $0.hasSuffix("/vraagbaak.json") }) {
                configurationLayers.file = loadConfigurationFile()
                settingsChanged()
            }
            let corpusPaths = paths.filter(isInCorpus)
            if !corpusPaths.isEmpty { corpusFilesChanged(paths: corpusPaths) }
        }
        onRequest("vraagbaak/corpusStatus", JSONValue?.self) { [unowned self] _ in
            CorpusStatus(records: corpus.count, sources: corpusSources.map(\.description), warnings: corpus.warnings.count,
                         withNumberAndDate: corpus.records.filter { $0.number != nil && $0.date != nil }.count)
        }
        onRequest("vraagbaak/search", SearchParams.self) { [unowned self] params in
            let records = recordLocator
            return corpus.search(params.text, limit: min(max(params.limit ?? 10, 1), 100)).map { result in
                SearchResultItem(title: result.record.title, reference: result.record.displayReference,
                                 number: result.record.number, date: result.record.date?.isoText,
                                 score: result.score, source: result.record.source.description,
                                 uri: records.uri(result.record))
            }
        }
    }

    /// Asks the client for the `vraagbaak` section; `then` runs on the server queue.
    private func fetchClientSettings(then: @escaping @Sendable () -> Void) {
        guard let connection = currentConnection else { return then() }
        let params = ConfigurationParams(items: [ConfigurationItem(section: "vraagbaak")])
        // Weak: the answer (or its timeout) may come after the client left and the
        // server is gone, as when a `vraagbaak web` page is closed while it loads.
        connection.sendRequest("workspace/configuration", params, timeout: Self.clientAnswerTimeout) { [weak self] result in
            guard let self else { return }
            queue.async { [self] in
                if case .success(.array(let values)) = result, let first = values.first {
                    configurationLayers.client = first
                } else if case .failure(let error) = result, error.isTimeout {
                    logToClient(.warning, "Vraagbaak: \(error.message); going on without the editor's settings")
                }
                then()
            }
        }
    }

    /// The workspace's `vraagbaak.json`, decoded; nothing when there is none.
    private func loadConfigurationFile() -> (ConfigurationLayer, [ConfigurationProblem])? {
        guard let root = session.rootPath else { return nil }
        let path = URL(fileURLWithPath: root).appendingPathComponent(ConfigurationFile.name).path
        return ConfigurationFile.load(path, as: .workspaceFile(path: path))
    }

    /// Recomputes the configuration from its layers (`vraagbaak.json` <
    /// `initializationOptions` < the client's settings, through the one decoder);
    /// true when it changed. Problems are shown once per change, and logged.
    private func applySettings() -> Bool {
        var layers: [ConfigurationLayer] = []
        var problems: [ConfigurationProblem] = []
        if let (layer, found) = configurationLayers.file {
            layers.append(layer)
            problems += found
        }
        for (value, source) in [(configurationLayers.initializationOptions, ConfigurationSource.initializationOptions),
                                (configurationLayers.client, .clientSettings)] {
            guard let value, let data = try? JSONEncoder().encode(value) else { continue }
            let (layer, found) = ConfigurationDecoder.decode(data, from: source)
            layers.append(layer)
            problems += found
        }
        reportConfigurationProblems(problems)
        let merged = Configuration(layers: layers)
        let changed = merged != configuration
        if changed { settingsGeneration += 1 }
        configuration = merged
        return changed
    }

    /// Each problem in the log; the first in a message the user sees, once until the
    /// problems change.
    private func reportConfigurationProblems(_ problems: [ConfigurationProblem]) {
        guard problems != shownConfigurationProblems else { return }
        shownConfigurationProblems = problems
        for problem in problems {
            logToClient(problem.severity == .error ? .error : .warning, "Vraagbaak configuration: \(problem)")
        }
        guard let first = problems.first(where: { $0.severity == .error }) ?? problems.first else { return }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more in the log)" : ""
        showToClient(first.severity == .error ? .error : .warning, "Vraagbaak configuration: \(first)\(more)")
    }

    /// After Vraagbaak itself wrote `vraagbaak.json` (a silenced finding).
    func reloadConfigurationFile() {
        configurationLayers.file = loadConfigurationFile()
        settingsChanged()
    }

    private func settingsChanged() {
        let oldSources = configuration.corpusSources(root: session.rootPath)
        guard applySettings() else { return }
        if configuration.corpusSources(root: session.rootPath) != oldSources {
            reloadCorpus(reason: "settings changed")
            watchCorpusFolders()
        }
        settingsDidChange()
    }

    /// Features that depend on settings (the checks) hook in here.
    func settingsDidChange() {
        refreshAllDiagnostics()
    }

    /// In a folder of the corpus configured now: the one in use, or the one loading
    /// (a warm start answers from the cache before the load has installed anything).
    private func isInCorpus(_ path: String) -> Bool {
        !fileExclusion.excludes(path: path) && configuration.corpusSources(root: session.rootPath).contains { source in
            if case .folder(let folder) = source { return path == folder || path.hasPrefix(folder + "/") }
            return false
        }
    }

    /// Lets the client watch the corpus folders when it can; else polls them.
    func watchCorpusFolders() {
        let folders = configuration.corpusSources(root: session.rootPath).compactMap { source -> String? in
            if case .folder(let path) = source { return path }
            return nil
        }
        corpusWatcher?.stop()
        corpusWatcher = nil
        if session.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration == true {
            var watchers = folders.flatMap { folder in
                CorpusFiles.extensions.sorted().map { FileSystemWatcher(globPattern: "\(folder)/**/*.\($0)") }
            }
            if let root = session.rootPath { watchers.append(FileSystemWatcher(globPattern: "\(root)/vraagbaak.json")) }
            let registration = Registration(
                id: "vraagbaak-watched-files", method: "workspace/didChangeWatchedFiles",
                registerOptions: DidChangeWatchedFilesRegistrationOptions(watchers: watchers))
            currentConnection?.sendRequest("client/registerCapability", RegistrationParams(registrations: [registration])) { _ in }
        } else if !folders.isEmpty {
            // By their canonical paths, as the load lists them: the poller starts from its listing.
            let polled = folders.map { CorpusSource.folder(path: $0).canonical.description }
            let watcher = CorpusWatcher(folders: polled, interval: configuration.pollIntervalSeconds,
                                         excluding: fileExclusion) { [weak self] in
                // A scan already running when the server stopped may still report.
                guard let self else { return }
                queue.async { [self] in corpusFilesChanged(paths: nil) }
            }
            // Started when the corpus it watches is installed, from that load's listing.
            corpusWatcher = watcher
        }
    }
}

/// The layers the configuration is merged from, lowest priority first.
struct ConfigurationLayers: Sendable {
    /// The workspace's `vraagbaak.json`, decoded when read.
    var file: (ConfigurationLayer, [ConfigurationProblem])?
    var initializationOptions: JSONValue?
    var client: JSONValue?
}

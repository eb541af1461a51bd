import Checks
import Corpus
import Dispatch
import Foundation
import JSONRPC
import LSP

/// Settings and corpus folders: where they come from and how changes reach the corpus.
extension LanguageServer {
    func registerWorkspace() {
        onNotification("initialized", JSONValue?.self) { [unowned self] _ in
            settingsLayers.file = loadSettingsFile()
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
                settingsLayers.client = pushed
                settingsChanged()
            } else if session.capabilities.workspace?.configuration == true {
                fetchClientSettings { [unowned self] in settingsChanged() }
            }
        }
        onNotification("workspace/didChangeWatchedFiles", DidChangeWatchedFilesParams.self) { [unowned self] params in
            let paths = params.changes.compactMap { URL(string: $0.uri)?.path }
            if paths.contains(where: { $0.hasSuffix("/vraagbaak.json") }) {
                settingsLayers.file = loadSettingsFile()
                settingsChanged()
            }
            if paths.contains(where: isInCorpus) { reloadCorpus(reason: "corpus files changed") }
        }
        onRequest("vraagbaak/corpusStatus", JSONValue?.self) { [unowned self] _ in
            CorpusStatus(records: corpus.count, sources: corpusSources.map(\.description), warnings: corpus.warnings.count,
                         withNumberAndDate: corpus.records.filter { $0.number != nil && $0.date != nil }.count)
        }
        onRequest("vraagbaak/search", SearchParams.self) { [unowned self] params in
            corpus.search(params.text, limit: min(max(params.limit ?? 10, 1), 100)).map { result in
                SearchResultItem(title: result.record.title, reference: result.record.displayReference,
                                 number: result.record.number, date: result.record.date?.isoText,
                                 score: result.score, source: result.record.source.description,
                                 uri: result.record.source.filePath.map { URL(fileURLWithPath: $0).absoluteString })
            }
        }
    }

    /// Asks the client for the `vraagbaak` section; `then` runs on the server queue.
    private func fetchClientSettings(then: @escaping @Sendable () -> Void) {
        guard let connection = currentConnection else { return then() }
        let params = ConfigurationParams(items: [ConfigurationItem(section: "vraagbaak")])
        connection.sendRequest("workspace/configuration", params) { [unowned self] result in
            queue.async { [unowned self] in
                if case .success(.array(let values)) = result, let first = values.first {
                    settingsLayers.client = first
                }
                then()
            }
        }
    }

    private func loadSettingsFile() -> JSONValue? {
        let (value, problem) = Settings.fileSettings(root: session.rootPath)
        if let problem { logToClient(.error, "Vraagbaak: \(problem)") }
        return value
    }

    /// Recomputes the settings from their layers; true when they changed.
    private func applySettings() -> Bool {
        var merged = Settings()
        var problems: [String] = []
        problems += merged.merge(settingsLayers.file, from: .workspaceFile)
        for layer in [settingsLayers.initializationOptions, settingsLayers.client] {
            problems += merged.merge(layer, from: .user)
        }
        var configuration = CheckConfiguration.default
        if let checks = merged.checks {
            do {
                configuration = try JSONDecoder().decode(CheckConfiguration.self, from: JSONEncoder().encode(checks))
                for code in configuration.unknownRuleCodes { problems.append("unknown rule code in checks: \(code)") }
            } catch {
                problems.append("the checks section is not valid: \(error)")
            }
        }
        for problem in problems { logToClient(.error, "Vraagbaak settings: \(problem)") }
        let changed = merged != settings || configuration != checkConfiguration
        if changed { settingsGeneration += 1 }
        settings = merged
        checkConfiguration = configuration
        return changed
    }

    private func settingsChanged() {
        let oldSources = settings.corpusSources(root: session.rootPath)
        guard applySettings() else { return }
        if settings.corpusSources(root: session.rootPath) != oldSources {
            reloadCorpus(reason: "settings changed")
            watchCorpusFolders()
        }
        settingsDidChange()
    }

    /// Features that depend on settings (the checks) hook in here.
    func settingsDidChange() {
        refreshAllDiagnostics()
    }

    private func isInCorpus(_ path: String) -> Bool {
        corpusSources.contains { source in
            if case .folder(let folder) = source { return path == folder || path.hasPrefix(folder + "/") }
            return false
        }
    }

    /// Lets the client watch the corpus folders when it can; else polls them.
    func watchCorpusFolders() {
        let folders = settings.corpusSources(root: session.rootPath).compactMap { source -> String? in
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
            let watcher = CorpusWatcher(folders: folders, interval: settings.pollIntervalSeconds) { [unowned self] in
                queue.async { [unowned self] in reloadCorpus(reason: "corpus files changed") }
            }
            corpusWatcher = watcher
            watcher.start()
        }
    }
}

/// The layers settings are merged from, lowest priority first.
struct SettingsLayers: Sendable {
    var file: JSONValue?
    var initializationOptions: JSONValue?
    var client: JSONValue?
}

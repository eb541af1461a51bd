import Checks
import Corpus
import Foundation

/// The one configuration of Vraagbaak, read by the server (`vraagbaak.json`,
/// `initializationOptions`, the client's `vraagbaak` section) and by every CLI command
/// (`vraagbaak.json` found from the file's folder upwards, or `--config FILE`).
///
/// ```json
/// { "corpus": ["../vragen"], "seeds": false, "cacheDirectory": "~/.cache/vb", "pollInterval": 10,
///   "checks": { "profile": "vlaams-parlement", "rules": { "word-limit": { "limit": 600 } } } }
/// ```
/// `ConfigurationDecoder` is its only decoder; a value of this type is always valid.
package struct Configuration: Sendable, Equatable {
    /// Corpus folders; relative paths are relative to the folder of the file that
    /// named them (the workspace root for the editor's settings).
    package var corpusFolders: [String] = []
    /// Whether the embedded seeds are part of the corpus. Default: only when no
    /// folder is configured.
    package var includeSeeds: Bool?
    /// Where the index cache lives; default `IndexCache.defaultFolder()`. Only the
    /// user's own sources may set it (see `ConfigurationSource.mayChooseCacheDirectory`).
    package var cacheDirectory: String?
    /// Watch corpus folders by polling when the client cannot watch them.
    package var pollIntervalSeconds: Double = 10
    /// What to check and how strictly.
    package var checks = CheckConfiguration.default
    /// Findings silenced per draft, by the draft's absolute path (`silence` in a
    /// `vraagbaak.json`, paths relative to that file's folder).
    package var silences: [String: Set<Silence>] = [:]

    package init() {}

    package static let `default` = Configuration()

    /// The layers applied in order, later ones winning key by key.
    package init(layers: [ConfigurationLayer]) {
        self.init()
        for layer in layers { apply(layer) }
    }

    package mutating func apply(_ layer: ConfigurationLayer) {
        if let folders = layer.corpusFolders { corpusFolders = folders }
        if let seeds = layer.includeSeeds { includeSeeds = seeds }
        if let cache = layer.cacheDirectory { cacheDirectory = cache }
        if let interval = layer.pollIntervalSeconds { pollIntervalSeconds = interval }
        if let profile = layer.profile { checks.profile = profile }
        for (path, entries) in layer.silences { silences[path, default: []].formUnion(entries) }
        for (code, setting) in layer.rules {
            var merged = checks.rules[code] ?? RuleSetting()
            if let severity = setting.severity { merged.severity = severity }
            if let limit = setting.limit { merged.limit = limit }
            if let copyLimit = setting.copyLimit { merged.copyLimit = copyLimit }
            checks.rules[code] = merged
        }
    }

    /// The corpus sources named, relative folders resolved against `root`.
    package func corpusSources(root: String?) -> [CorpusSource] {
        let folders = corpusFolders.map { folder -> String in
            let expanded = HomeDirectory.expandingTilde(in: folder)
            guard let root, !expanded.hasPrefix("/") else { return URL(fileURLWithPath: expanded).standardized.path }
            return URL(fileURLWithPath: root).appendingPathComponent(expanded).standardized.path
        }
        let seeds = includeSeeds ?? folders.isEmpty
        return (seeds ? [.embeddedSeeds] : []) + folders.map { .folder(path: $0) }
    }

    /// The findings silenced for the document at `path` (a file path or `file:` URI).
    package func silenced(forDocumentAt path: String?) -> Set<Silence> {
        guard !silences.isEmpty, let path, let key = Configuration.silenceKey(path) else { return [] }
        return silences[key] ?? []
    }

    /// How a draft's path is compared: absolute, standardized, symbolic links resolved.
    package static func silenceKey(_ path: String, relativeTo folder: String? = nil) -> String? {
        var path = path
        if path.hasPrefix("file:") {
            guard let url = URL(string: path), url.isFileURL else { return nil }
            path = url.path
        } else if path.contains("://") {
            return nil
        }
        let url = folder.map { URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: $0, isDirectory: true)) }
            ?? URL(fileURLWithPath: path)
        return url.standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The cache folder chosen, `~` expanded; nil for the default.
    package var cacheFolder: URL? {
        cacheDirectory.map { URL(fileURLWithPath: HomeDirectory.expandingTilde(in: $0)) }
    }
}

/// What one source of configuration sets; nil (or absent) where it says nothing.
package struct ConfigurationLayer: Sendable, Equatable {
    package var corpusFolders: [String]?
    package var includeSeeds: Bool?
    package var cacheDirectory: String?
    package var pollIntervalSeconds: Double?
    package var profile: Profile?
    package var rules: [RuleCode: RuleSetting] = [:]
    /// Silenced findings by absolute draft path.
    package var silences: [String: Set<Silence>] = [:]

    package init() {}
}

/// Where configuration comes from, for messages and for what it may set.
package enum ConfigurationSource: Sendable, Equatable, CustomStringConvertible {
    /// A `vraagbaak.json` that comes with a workspace or repository (found, not chosen).
    case workspaceFile(path: String)
    /// A file the user named: `vraagbaak lint --config FILE`.
    case chosenFile(path: String)
    case initializationOptions
    case clientSettings

    package var description: String {
        switch self {
        case .workspaceFile(let path), .chosenFile(let path): return path
        case .initializationOptions: return "initializationOptions"
        case .clientSettings: return "the editor's vraagbaak settings"
        }
    }

    /// A repository's `vraagbaak.json` must not make Vraagbaak write wherever the
    /// repository says: only the user's own sources choose the cache folder.
    package var mayChooseCacheDirectory: Bool {
        if case .workspaceFile = self { return false }
        return true
    }
}

/// One thing wrong with a configuration, in plain words, with where it is.
package struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    package enum Severity: Sendable, Equatable {
        /// The value is ignored and the rest applies: a misspelt key, say.
        case warning
        /// The value is wrong: the CLI stops (exit 2), the server uses the rest.
        case error
    }

    package let severity: Severity
    package let source: ConfigurationSource
    /// Dotted, from the top of the file: `checks.rules.word-limit.limit`; empty for
    /// the file itself.
    package let keyPath: String
    package let message: String

    package init(_ severity: Severity, _ source: ConfigurationSource, _ keyPath: String, _ message: String) {
        self.severity = severity
        self.source = source
        self.keyPath = keyPath
        self.message = message
    }

    package var description: String {
        let kind = severity == .error ? "error" : "warning"
        return keyPath.isEmpty ? "\(source): \(kind): \(message)" : "\(source): \(kind): \(keyPath): \(message)"
    }
}

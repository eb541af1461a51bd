import Corpus
import Foundation
import JSONRPC

/// The user's settings, from (later wins) `vraagbaak.json` in the workspace root,
/// `initializationOptions`, and the client's `vraagbaak` configuration section.
///
/// ```json
/// { "corpus": ["../vragen", "/data/archief"], "seeds": false, "checks": { ... } }
/// ```
struct Settings: Equatable, Sendable {
    /// Corpus folders; relative paths are relative to the workspace root.
    var corpusFolders: [String] = []
    /// Whether the embedded seeds are part of the corpus. Default: only when no
    /// folder is configured.
    var includeSeeds: Bool?
    /// Where the index cache lives; default `IndexCache.defaultFolder()`. Only the
    /// user's layers may set it: a repository's `vraagbaak.json` must not make the
    /// server write wherever the repository says.
    var cacheDirectory: String?
    /// Watch corpus folders by polling when the client cannot watch them.
    var pollIntervalSeconds: Double = 10
    /// The `checks` section, handed to the checks as it is.
    var checks: JSONValue?

    /// Where a layer of settings comes from.
    enum Origin: Sendable {
        /// `vraagbaak.json`, which comes with the workspace and so is not trusted with paths to write.
        case workspaceFile
        /// `initializationOptions` and the client's configuration: the user's own.
        case user
    }

    /// Applies the members present in `value` (an object with our keys, or with
    /// them under `vraagbaak`); returns a problem to report for a bad member.
    mutating func merge(_ value: JSONValue?, from origin: Origin = .user) -> [String] {
        guard var value else { return [] }
        if let nested = value["vraagbaak"], case .object = nested { value = nested }
        guard case .object(let object) = value else { return value == .null ? [] : ["settings must be an object"] }
        var problems: [String] = []
        if let corpus = object["corpus"] {
            switch corpus {
            case .string(let folder): corpusFolders = [folder]
            case .array(let items):
                let folders = items.compactMap(\.stringValue)
                if folders.count != items.count { problems.append("corpus must be a list of folder paths") }
                corpusFolders = folders
            case .null: corpusFolders = []
            default: problems.append("corpus must be a folder path or a list of folder paths")
            }
        }
        if let seeds = object["seeds"] {
            if let flag = seeds.boolValue { includeSeeds = flag } else { problems.append("seeds must be true or false") }
        }
        if let cache = object["cacheDirectory"] {
            if origin == .workspaceFile {
                problems.append("cacheDirectory is ignored in vraagbaak.json; set it in the editor's settings")
            } else if let path = cache.stringValue {
                cacheDirectory = path
            } else {
                problems.append("cacheDirectory must be a path")
            }
        }
        if let interval = object["pollInterval"] {
            if case .int(let seconds) = interval, seconds > 0 { pollIntervalSeconds = Double(seconds) }
            else if case .double(let seconds) = interval, seconds > 0 { pollIntervalSeconds = seconds }
            else { problems.append("pollInterval must be a positive number of seconds") }
        }
        if let checks = object["checks"] { self.checks = checks }
        return problems
    }

    /// The corpus sources these settings name, relative folders resolved against `root`.
    func corpusSources(root: String?) -> [CorpusSource] {
        let folders = corpusFolders.map { folder -> String in
            let expanded = HomeDirectory.expandingTilde(in: folder)
            if expanded.hasPrefix("/") || root == nil { return URL(fileURLWithPath: expanded).standardized.path }
            return URL(fileURLWithPath: root!).appendingPathComponent(expanded).standardized.path
        }
        let seeds = includeSeeds ?? folders.isEmpty
        return (seeds ? [.embeddedSeeds] : []) + folders.map { .folder(path: $0) }
    }

    /// Reads `vraagbaak.json` from the workspace root, if there is one.
    static func fileSettings(root: String?) -> (JSONValue?, problem: String?) {
        guard let root else { return (nil, nil) }
        let path = URL(fileURLWithPath: root).appendingPathComponent("vraagbaak.json").path
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, nil) }
        do {
            return (try JSONDecoder().decode(JSONValue.self, from: data), nil)
        } catch {
            return (nil, "\(path) is not valid JSON")
        }
    }
}

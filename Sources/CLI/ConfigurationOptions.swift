import Analysis
import Corpus
import Foundation
import Server

/// How every command gets its configuration: `vraagbaak.json` found from a folder
/// upwards (the file's, or the current one), `--config FILE` instead, or
/// `--no-config` for none. Decoded by the one decoder the server uses too.
struct ConfigurationOptions {
    static let flags: Set<String> = ["--no-config"]
    static let options: Set<String> = ["--config"]
    static let usage = """
          --config FILE   use this vraagbaak.json instead of the one found from each file's
                          folder (or the current folder) upwards
          --no-config     use no vraagbaak.json at all
        """

    enum Choice: Equatable {
        case discover
        case file(String)
        case none
    }

    /// A configuration and where it came from.
    struct Loaded {
        let configuration: Configuration
        /// The file, nil when there is none.
        let path: String?
        /// The folder relative corpus folders start from: the file's, else the current one.
        let root: String
        let problems: [ConfigurationProblem]

        var hasErrors: Bool { problems.contains { $0.severity == .error } }
    }

    let choice: Choice
    private var loaded: [String: Loaded] = [:]
    private var reported: Set<String> = []

    init(_ arguments: Arguments) throws(Arguments.UsageError) {
        switch (arguments.value("--config"), arguments.has("--no-config")) {
        case (let path?, false): choice = .file(path)
        case (nil, true): choice = .none
        case (nil, false): choice = .discover
        case (_?, true): throw Arguments.UsageError("--config and --no-config exclude each other")
        }
    }

    static var currentFolder: String { FileManager.default.currentDirectoryPath }

    /// The configuration for a file in `folder` (standard input: the current folder).
    mutating func configuration(forFolder folder: String) -> Loaded {
        let path: String?
        let source: ConfigurationSource?
        switch choice {
        case .none: (path, source) = (nil, nil)
        case .file(let chosen): (path, source) = (chosen, .chosenFile(path: chosen))
        case .discover:
            path = ConfigurationFile.find(from: folder)
            source = path.map { .workspaceFile(path: $0) }
        }
        let key = path ?? ""
        if let known = loaded[key] { return known }
        var result = Loaded(configuration: .default, path: nil, root: Self.currentFolder, problems: [])
        if let path, let source {
            let (layer, problems) = ConfigurationFile.load(path, as: source)
            let root = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: Self.currentFolder))
                .standardizedFileURL.deletingLastPathComponent().path
            result = Loaded(configuration: Configuration(layers: [layer]), path: path, root: root, problems: problems)
        }
        loaded[key] = result
        return result
    }

    /// Writes a configuration's problems to stderr, once per file; true when one is an
    /// error (the command then exits 2).
    mutating func report(_ loaded: Loaded) -> Bool {
        if reported.insert(loaded.path ?? "").inserted {
            for problem in loaded.problems { printError("\(problem)") }
        }
        return loaded.hasErrors
    }

    /// The corpus a command works on: `--corpus DIR` folders when given (relative to
    /// the current folder), else the configuration's.
    static func corpusSources(_ loaded: Loaded, commandLineFolders: [String]) -> [CorpusSource] {
        guard !commandLineFolders.isEmpty else { return loaded.configuration.corpusSources(root: loaded.root) }
        var configuration = loaded.configuration
        configuration.corpusFolders = commandLineFolders
        return configuration.corpusSources(root: currentFolder)
    }

    static func cacheFolder(_ loaded: Loaded) -> URL {
        loaded.configuration.cacheFolder ?? IndexCache.defaultFolder()
    }
}

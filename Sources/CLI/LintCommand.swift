import Analysis
import Checks
import Corpus
import Foundation
import QuestionModel
import Server

/// `vraagbaak lint PATH...`: checks drafts the way the language server does and prints
/// the findings as text, JSON or SARIF. Never writes a file (the corpus index cache is
/// read when valid, never written).
/// Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage or I/O errors.
enum LintCommand {
    static let flags: Set<String> = ConfigurationOptions.flags.union(["--help"])
    static let options: Set<String> = ConfigurationOptions.options.union(["--corpus", "--format", "--fail-on"])

    static let usage = """
        Usage: vraagbaak lint [--corpus DIR]... [--format text|json|sarif] [--fail-on error|warning|info]
                              [--config FILE | --no-config] PATH...

        Checks written-question drafts. PATH is a file, a folder (searched recursively for
        *.vraag files) or - for standard input.

          --corpus DIR    a corpus folder (repeatable); default: the configuration's corpus, else
                          the seed questions built in
          --format FMT    text (default): file:line:column: severity: message [code]
                          json: an array of findings with ranges, fixes and related questions
                          sarif: SARIF 2.1.0, for code-scanning tools
          --fail-on SEV   exit 1 when a finding is at least this severe: error, warning
                          (default) or info (information and hints count as info)
        \(ConfigurationOptions.usage)

        The configuration is the editor's: {"corpus": [...], "seeds": true|false,
        "checks": {"profile": "vlaams-parlement", "rules": {"CODE": "off" | "error" | ...
        | {"severity": ..., "limit": N}}}} (docs/rules.md). Relative corpus folders start
        from the file's folder. An error in it stops lint (exit 2); an unknown key is a warning.

        Lines and columns are 1-based; columns count UTF-16 code units (as LSP and SARIF do).
        Colour only when stdout is a terminal and NO_COLOR is not set.
        Exit status: 0 no findings at or above --fail-on, 1 some, 2 usage, configuration or I/O errors.
        """

    enum Format: String {
        case text, json, sarif
    }

    static func run(_ arguments: Arguments) throws(Arguments.UsageError) -> Int32 {
        if arguments.has("--help") {
            print(usage)
            return 0
        }
        let format = try arguments.value("--format").map { value throws(Arguments.UsageError) -> Format in
            guard let format = Format(rawValue: value) else {
                throw Arguments.UsageError("--format must be text, json or sarif, not '\(value)'")
            }
            return format
        } ?? .text
        let failOn = try arguments.value("--fail-on").map { value throws(Arguments.UsageError) -> Severity in
            guard let severity = Severity(name: value) else {
                throw Arguments.UsageError("--fail-on must be error, warning or info, not '\(value)'")
            }
            return severity
        } ?? .warning
        guard !arguments.positional.isEmpty else {
            throw Arguments.UsageError("lint needs a file, a folder or - (standard input)")
        }

        var hasIOError = false
        var configurations = try ConfigurationOptions(arguments)
        if let problem = CorpusOptions.missingFolderProblem(arguments.values("--corpus").map { .folder(path: $0) }) {
            printError(problem)
            return 2
        }
        let inputs = collectInputs(arguments.positional, hasIOError: &hasIOError)
        // Each file's configuration first: a bad one stops lint before any output.
        var configurationErrors = false
        let loaded = inputs.map { input in
            let found = configurations.configuration(forFolder: input.folder)
            if configurations.report(found) { configurationErrors = true }
            return found
        }
        if configurationErrors { return 2 }

        var files: [LintedFile] = []
        var corpora: [[CorpusSource]: Corpus] = [:]
        let today = Clock.system.today
        var sarifConfiguration = CheckConfiguration.default
        for (input, configuration) in zip(inputs, loaded) {
            let sources = ConfigurationOptions.corpusSources(configuration, commandLineFolders: arguments.values("--corpus"))
            if let problem = CorpusOptions.missingFolderProblem(sources) {
                printError(problem)
                return 2
            }
            let corpus = corpora[sources] ?? {
                let corpus = loadCorpus(sources, cacheFolder: ConfigurationOptions.cacheFolder(configuration))
                for warning in corpus.warnings where warning.kind == .missingFolder {
                    printError("corpus: \(warning.description)")
                    hasIOError = true
                }
                return corpus
            }()
            corpora[sources] = corpus
            guard let text = read(input, hasIOError: &hasIOError) else { continue }
            let document = DocumentSnapshot(path: input.path, text: text)
            let snapshot = AnalysisSnapshot(document: document, corpus: corpus,
                                            configuration: configuration.configuration, today: today)
            files.append(LintedFile(path: input.displayPath, text: text, findings: snapshot.findings()))
            sarifConfiguration = configuration.configuration.checks
        }

        switch format {
        case .text:
            let useColour = isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
            let output = LintOutput.text(files, colour: useColour)
            if !output.isEmpty { print(output) }
            fflush(nil)  // findings on stdout before the summary on stderr
            // Nothing was linted because of the errors above: no "0 ... in 0 files".
            if !(hasIOError && files.isEmpty) {
                FileHandle.standardError.write(Data("\(LintOutput.summary(files))\n".utf8))
            }
        case .json:
            print(LintOutput.json(files))
        case .sarif:
            print(SARIF.document(files, configuration: sarifConfiguration))
        }

        if hasIOError { return 2 }
        let failing = files.contains { $0.findings.contains { $0.severity >= failOn } }
        return failing ? 1 : 0
    }

    // MARK: Inputs

    struct Input {
        enum Source { case file(String), standardInput }
        let source: Source
        let displayPath: String

        /// The file's path; nil for standard input. `DraftDecision` decides from it.
        var path: String? {
            if case .file(let path) = source { return path }
            return nil
        }

        /// Where its `vraagbaak.json` is looked for from: the file's folder, or the
        /// current folder for standard input.
        var folder: String {
            guard let path else { return ConfigurationOptions.currentFolder }
            return URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: ConfigurationOptions.currentFolder))
                .standardizedFileURL.deletingLastPathComponent().path
        }
    }

    /// Files as given, folders searched recursively for `*.vraag` (sorted), `-` once.
    static func collectInputs(_ paths: [String], hasIOError: inout Bool) -> [Input] {
        var inputs: [Input] = []
        var readsStandardInput = false
        for path in paths {
            if path == "-" {
                if !readsStandardInput { inputs.append(Input(source: .standardInput, displayPath: "<stdin>")) }
                readsStandardInput = true
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                printError("\(path): no such file or folder")
                hasIOError = true
                continue
            }
            if isDirectory.boolValue {
                inputs += draftFiles(in: path).map { Input(source: .file($0), displayPath: $0) }
            } else {
                inputs.append(Input(source: .file(path), displayPath: path))
            }
        }
        return inputs
    }

    static func draftFiles(in folder: String) -> [String] {
        let root = URL(fileURLWithPath: folder)
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        let prefix = folder.hasSuffix("/") ? folder : folder + "/"
        let rootPath = root.standardizedFileURL.path
        for case let url as URL in enumerator where url.pathExtension == "vraag" {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            // Keep the path as the user wrote the folder: `examples/clean.vraag`.
            let full = url.standardizedFileURL.path
            let relative = full.hasPrefix(rootPath + "/") ? String(full.dropFirst(rootPath.count + 1)) : url.lastPathComponent
            paths.append(prefix + relative)
        }
        return paths.sorted()
    }

    static func read(_ input: Input, hasIOError: inout Bool) -> String? {
        let data: Data?
        switch input.source {
        case .file(let path): data = FileManager.default.contents(atPath: path)
        case .standardInput: data = FileHandle.standardInput.readDataToEndOfFile()
        }
        guard let data else {
            printError("\(input.displayPath): cannot be read")
            hasIOError = true
            return nil
        }
        switch TextDecoding.decode(Array(data)) {
        case .utf8(let text), .windows1252(let text):
            return text
        case .binary:
            printError("\(input.displayPath): a binary file, not text")
            hasIOError = true
            return nil
        }
    }

    // MARK: Corpus

    /// Like the other commands, but the index cache is only read: lint writes nothing.
    static func loadCorpus(_ sources: [CorpusSource], cacheFolder: URL) -> Corpus {
        var loader = CorpusLoader()
        loader.cacheIsReadOnly = true
        let bar = ProgressBar(label: "Indexing")
        let cache = IndexCache(folder: cacheFolder, applicationVersion: VraagbaakVersion.current)
        let (corpus, _) = loader.open(sources, cache: cache) { progress in
            bar.update(done: progress.filesDone, total: progress.filesTotal)
        }
        bar.finish()
        return corpus
    }
}

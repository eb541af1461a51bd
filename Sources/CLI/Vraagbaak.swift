import Foundation
import JSONRPC
import Server

/// The `vraagbaak` command: dispatches to a subcommand and returns the exit code.
/// Exit codes: 0 success, 1 findings or failure of the job, 2 usage or I/O errors.
public enum Vraagbaak {
    public static let usage = """
        vraagbaak \(VraagbaakVersion.current): a language server for Flemish parliamentary written questions

        Usage:
          vraagbaak serve [--log FILE]   run the language server over stdin/stdout
          vraagbaak index [DIR...]       load a corpus and print its counts and warnings
          vraagbaak search [--corpus DIR]... [--limit N] [--format text|json] TEXT | --file DRAFT
                                         the most similar questions in the corpus; --file
                                         searches with a draft's question text (- for stdin)
          vraagbaak show [--corpus DIR]... "nr. 123 van 26 januari 2024" | "nr. 123" | PATH
                                         one question of the corpus (or a file), readable
          vraagbaak lint [--corpus DIR]... [--format text|json|sarif] [--fail-on error|warning|info]
                         [--config FILE | --no-config] PATH...
                                         check drafts (files, folders of *.vraag, - for stdin)
          vraagbaak web [--port N] [--corpus DIR]... [--codemirror DIR] [FOLDER]
                                         edit the drafts of FOLDER in a browser page on
                                         127.0.0.1 (needs: apt-get install libjs-codemirror)
          vraagbaak --help               show this help
          vraagbaak --version            print the version

        The configuration is the editor's: the nearest vraagbaak.json upwards from each
        linted file's folder (from the current folder for index, search and show);
        --config FILE uses that file instead, --no-config none. Without --corpus the
        corpus is the configuration's, else the seed questions built into vraagbaak.
        With no command and stdin not a terminal, vraagbaak serves.
        """

    public static func main(_ arguments: [String], standardInputIsTerminal: Bool) -> Int32 {
        var arguments = arguments
        let command: String
        if let first = arguments.first, !first.hasPrefix("-") {
            command = first
            arguments.removeFirst()
        } else if arguments.isEmpty && !standardInputIsTerminal {
            command = "serve"
        } else {
            command = ""
        }
        do throws(Arguments.UsageError) {
            switch command {
            case "serve":
                let parsed = try Arguments(arguments, flags: ["--stdio", "--help"], options: ["--log"])
                if parsed.has("--help") { return printUsage() }
                guard parsed.positional.isEmpty else {
                    throw Arguments.UsageError("serve takes no arguments: \(parsed.positional.joined(separator: " "))")
                }
                return serve(logPath: parsed.value("--log"))
            case "index":
                let parsed = try Arguments(arguments, flags: ConfigurationOptions.flags,
                                           options: ConfigurationOptions.options.union(["--corpus"]))
                return try IndexCommand.run(parsed)
            case "search":
                return try SearchCommand.run(Arguments(arguments, flags: ConfigurationOptions.flags,
                                                       options: ConfigurationOptions.options.union(SearchCommand.options)))
            case "show":
                return try ShowCommand.run(Arguments(arguments, flags: ConfigurationOptions.flags,
                                                     options: ConfigurationOptions.options.union(["--corpus"])))
            case "web":
                let parsed = try Arguments(arguments, flags: WebCommand.flags, options: WebCommand.options)
                if parsed.has("--help") { return printUsage() }
                return try WebCommand.run(parsed)
            case "lint":
                return try LintCommand.run(Arguments(arguments, flags: LintCommand.flags, options: LintCommand.options))
            case "":
                let parsed = try Arguments(arguments, flags: ["--help", "-h", "--version", "-V"], options: [])
                if parsed.has("--version") || parsed.has("-V") {
                    print("\(VraagbaakVersion.name) \(VraagbaakVersion.current)")
                    return 0
                }
                return printUsage()
            default:
                throw Arguments.UsageError("unknown command '\(command)'")
            }
        } catch {
            FileHandle.standardError.write(Data("vraagbaak: \(error.description)\nRun 'vraagbaak --help' for usage.\n".utf8))
            return 2
        }
    }

    private static func printUsage() -> Int32 {
        print(usage)
        return 0
    }

    private static func serve(logPath: String?) -> Int32 {
        var trace: Trace?
        if let logPath {
            do {
                trace = try Trace(path: logPath)
            } catch {
                FileHandle.standardError.write(Data("vraagbaak: cannot write the log file \(logPath): \(error.localizedDescription)\n".utf8))
                return 2
            }
        }
        let connection = Connection(input: .standardInput, output: .standardOutput, trace: trace)
        let server = LanguageServer(trace: trace) { code in
            exit(code)
        }
        connection.run(handler: server)
        // The server exits from its queue once it has handled the end of input.
        dispatchMain()
    }
}

import Dispatch
import Foundation
import Glibc
import JSONRPC
import VraagbaakWeb
import WebServer

/// `vraagbaak web [--port N] [--corpus DIR]... [--codemirror DIR] [--log FILE] [FOLDER]`:
/// serves the drafts of FOLDER in a page on 127.0.0.1 and prints its URL, token included.
enum WebCommand {
    static let flags: Set<String> = ["--help"]
    static let options: Set<String> = ["--port", "--corpus", "--codemirror", "--log"]

    static func run(_ arguments: Arguments) throws(Arguments.UsageError) -> Int32 {
        guard arguments.positional.count <= 1 else {
            throw Arguments.UsageError("web takes one folder of drafts, not \(arguments.positional.joined(separator: " "))")
        }
        var port: UInt16 = 8417
        if let text = arguments.value("--port") {
            guard let value = UInt16(text) else { throw Arguments.UsageError("--port must be a number from 0 to 65535, not \(text)") }
            port = value
        }
        let folder = arguments.positional.first ?? "."
        guard let drafts = DraftFolder(path: folder) else {
            printError("\(folder) is not a folder (give the folder that holds your .vraag drafts)")
            return 2
        }
        var corpusFolders: [String] = []
        for path in arguments.values("--corpus") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
                printError("--corpus \(path) is not a folder")
                return 2
            }
            corpusFolders.append(URL(fileURLWithPath: path).standardizedFileURL.path)
        }
        let codeMirror: CodeMirrorAssets
        switch CodeMirrorAssets.locate(arguments.value("--codemirror")) {
        case .success(let found): codeMirror = found
        case .failure(let problem):
            printError(problem.description)
            return 2
        }
        var trace: Trace?
        if let logPath = arguments.value("--log") {
            do {
                trace = try Trace(path: logPath)
            } catch {
                printError("cannot write the log file \(logPath): \(error.localizedDescription)")
                return 2
            }
        }
        guard let application = WebApplication(drafts: drafts, codeMirror: codeMirror, corpusFolders: corpusFolders, trace: trace) else {
            printError("cannot read CodeMirror's folder \(codeMirror.folder)")
            return 2
        }
        // A tab that goes away mid-write is an error to handle, not a signal that ends the process.
        signal(SIGPIPE, SIG_IGN)
        let token = AccessGuard.makeToken()
        let server: HTTPServer
        do {
            server = try HTTPServer(port: port, token: token) { request in application.handle(request) }
        } catch {
            printError("\(error) (is another 'vraagbaak web' running? choose another with --port N)")
            return 1
        }
        server.start()
        print("""
            Vraagbaak web serves the drafts in \(drafts.path)
            Open this link in your browser (it holds the access key; keep it to yourself):

                http://127.0.0.1:\(server.port)/?token=\(token)

            Stop with Ctrl-C.
            """)
        fflush(nil)   // all streams: the URL must show now, not when the buffer fills
        dispatchMain()
    }
}

import Foundation
import JSONRPC
import QuestionModel
import WebServer

/// The routes of `vraagbaak web`: the page and its scripts, CodeMirror's files, the
/// drafts of the folder, and `/lsp`, a WebSocket to a language server. The
/// `HTTPServer` has checked token, Host and Origin before a request gets here.
public final class WebApplication: Sendable {
    public let drafts: DraftFolder
    private let codeMirror: StaticFiles
    private let corpusFolders: [String]
    private let trace: Trace?

    public init?(drafts: DraftFolder, codeMirror: CodeMirrorAssets, corpusFolders: [String], trace: Trace?) {
        guard let files = StaticFiles(root: codeMirror.folder) else { return nil }
        self.drafts = drafts
        self.codeMirror = files
        self.corpusFolders = corpusFolders
        self.trace = trace
    }

    /// What the page needs to start its language server.
    struct PageConfiguration: Codable {
        var folder: String
        var folderURI: String
        var corpus: [String]
    }

    struct OpenedDraft: Codable { var name: String; var version: String; var text: String; var uri: String }
    struct SaveResult: Codable { var version: String }
    struct Conflict: Codable { var error: String; var version: String; var text: String }
    struct Problem: Codable { var error: String }
    struct NewDraft: Codable { var name: String }
    struct Submission: Codable { var text: String }

    public func handle(_ request: HTTPRequest) -> HTTPServer.Reply {
        let segments = request.pathSegments
        switch (request.method, segments.first ?? "") {
        case ("GET", ""), ("GET", "index.html"):
            return .response(page(token: request.query["token"] ?? ""))
        case ("GET", "app.js") where segments.count == 1:
            return .response(HTTPResponse(status: 200, headers: ["Content-Type": "text/javascript; charset=utf-8"],
                                          body: Array(PageAssets.script.utf8)))
        case ("GET", "app.css") where segments.count == 1:
            return .response(HTTPResponse(status: 200, headers: ["Content-Type": "text/css; charset=utf-8"],
                                          body: Array(PageAssets.style.utf8)))
        case ("GET", "codemirror"):
            return .response(codeMirror.response(for: Array(segments.dropFirst())))
        case ("GET", "lsp") where segments.count == 1:
            let trace = self.trace
            return .webSocket { socket in LanguageServerBridge(socket: socket, trace: trace) }
        case (_, "api"):
            return .response(api(request, Array(segments.dropFirst())))
        default:
            return .response(.text(404, "Niet gevonden."))
        }
    }

    private func api(_ request: HTTPRequest, _ path: [String]) -> HTTPResponse {
        switch (request.method, path.count, path.first ?? "") {
        case ("GET", 1, "config"):
            return .json(200, PageConfiguration(folder: drafts.path, folderURI: URL(fileURLWithPath: drafts.path).absoluteString,
                                                corpus: corpusFolders))
        case ("GET", 1, "drafts"):
            return .json(200, drafts.list())
        case ("POST", 1, "drafts"):
            guard let newDraft = try? JSONDecoder().decode(NewDraft.self, from: Data(request.body)) else {
                return .json(400, Problem(error: "Geef een naam voor het nieuwe concept."))
            }
            let name = newDraft.name.hasSuffix(DraftFolder.fileExtension) ? newDraft.name : newDraft.name + DraftFolder.fileExtension
            return respond { () throws(DraftFolder.Failure) in .json(201, try drafts.create(name, text: DraftTemplate.text)) }
        case ("GET", 2, "drafts"):
            return respond { () throws(DraftFolder.Failure) in
                let draft = try drafts.read(path[1])
                return .json(200, OpenedDraft(name: draft.name, version: draft.version, text: draft.text, uri: uri(of: draft.name)))
            }
        case ("PUT", 2, "drafts"):
            guard let text = String(validating: request.body, as: UTF8.self) else {
                return .json(400, Problem(error: "De tekst is geen geldige UTF-8."))
            }
            guard let expected = request.query["version"] else {
                return .json(400, Problem(error: "De versie waarop deze wijziging voortbouwt ontbreekt."))
            }
            return respond { () throws(DraftFolder.Failure) in
                .json(200, SaveResult(version: try drafts.write(path[1], text: text, expectedVersion: expected)))
            }
        case ("POST", 1, "submission"):
            guard let text = String(validating: request.body, as: UTF8.self) else {
                return .json(400, Problem(error: "De tekst is geen geldige UTF-8."))
            }
            return .json(200, Submission(text: SubmissionText.make(text)))
        default:
            return .json(404, Problem(error: "Onbekend verzoek."))
        }
    }

    /// The draft's URI as the language server knows it.
    private func uri(of name: String) -> String {
        URL(fileURLWithPath: drafts.path + "/" + name).absoluteString
    }

    private func respond(_ body: () throws(DraftFolder.Failure) -> HTTPResponse) -> HTTPResponse {
        do {
            return try body()
        } catch {
            switch error {
            case .invalidName:
                return .json(400, Problem(error: "Een conceptnaam is een bestandsnaam op .vraag, zonder / of een punt vooraan."))
            case .notFound: return .json(404, Problem(error: "Dit concept bestaat niet (meer)."))
            case .notUTF8: return .json(415, Problem(error: "Dit bestand is geen UTF-8-tekst; open het niet hier, om niets te verliezen."))
            case .exists: return .json(409, Problem(error: "Er bestaat al een concept met die naam."))
            case .conflict(let current):
                return .json(409, Conflict(error: "Het concept is intussen elders gewijzigd.", version: current.version, text: current.text))
            case .io(let message): return .json(500, Problem(error: "Opslaan mislukt: \(message)"))
            }
        }
    }

    private func page(token: String) -> HTTPResponse {
        // The token is hexadecimal (checked by the guard), safe inside an attribute.
        let html = PageAssets.html.replacingOccurrences(of: "{{TOKEN}}", with: token)
        return HTTPResponse(status: 200, headers: [
            "Content-Type": "text/html; charset=utf-8",
            // Nothing from elsewhere: scripts, styles and the socket all come from here.
            "Content-Security-Policy": "default-src 'self'; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; "
                + "img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        ], body: Array(html.utf8))
    }
}

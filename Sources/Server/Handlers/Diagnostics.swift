import Analysis
import Checks
import Corpus
import Dispatch
import Foundation
import JSONRPC
import LSP
import QuestionModel
import SourceText

/// The checks as LSP diagnostics: pushed after every change (computed off the
/// server queue, stale results dropped), or pulled with `textDocument/diagnostic`
/// by clients that announce it; quick fixes as code actions.
extension LanguageServer {
    func registerDiagnostics() {
        onRequestOffQueue("textDocument/diagnostic", DocumentDiagnosticParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            let resultId = diagnosticsResultID(params.textDocument.uri)
            return {
                if params.previousResultId == resultId { return DocumentDiagnosticReport.unchanged(resultId: resultId) }
                return DocumentDiagnosticReport.full(ToLSP.diagnostics(snapshot.findings(), converter), resultId: resultId)
            }
        }
        onRequestOffQueue("textDocument/codeAction", CodeActionParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            let wants = { (kind: String) -> Bool in
                guard let only = params.context.only, !only.isEmpty else { return true }
                return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
            }
            let range = converter.textRange(params.range)
            let quickFixes = wants(CodeActionKind.quickFix), fixAll = wants(CodeActionKind.sourceFixAll)
            let uri = params.textDocument.uri
            return {
                snapshot.codeActions(in: range, quickFixes: quickFixes, fixAll: fixAll).map {
                    ToLSP.codeAction($0, uri: uri, converter)
                }
            }
        }
    }

    /// Pull diagnostics replace pushing for clients that support them.
    var pushesDiagnostics: Bool { session.capabilities.textDocument?.diagnostic == nil }

    /// Recomputes and publishes a document's diagnostics. Called after each change,
    /// and for every open document when the corpus is installed: the structure checks
    /// do not wait for the corpus, the corpus checks follow when it is there.
    /// The check runs off the server queue, one at a time per document: changes that
    /// arrive meanwhile are checked together once it is done, and a result that is no
    /// longer current is dropped. Typing is never blocked, and a burst of edits to a
    /// large document never runs a pile of checks at once.
    func scheduleDiagnostics(_ uri: DocumentURI) {
        guard pushesDiagnostics else { return }
        diagnosticsGeneration += 1
        latestDiagnostics[uri] = diagnosticsGeneration
        if diagnosticsRunning.contains(uri) {
            diagnosticsWanted.insert(uri)
            return
        }
        guard let (snapshot, converter) = try? snapshot(uri), let version = documents[uri]?.version else { return }
        let generation = diagnosticsGeneration
        diagnosticsRunning.insert(uri)
        // On a queue of our own, which gets a thread even while the corpus load keeps
        // the shared pool busy.
        workQueue.async { [self] in
            let diagnostics = ToLSP.diagnostics(snapshot.findings(), converter)
            queue.async { [self] in
                diagnosticsRunning.remove(uri)
                if latestDiagnostics[uri] == generation, documents[uri]?.version == version {
                    sendNotification("textDocument/publishDiagnostics",
                                     PublishDiagnosticsParams(uri: uri, version: version, diagnostics: diagnostics))
                }
                if diagnosticsWanted.remove(uri) != nil { scheduleDiagnostics(uri) }
            }
        }
    }

    /// After the corpus or the settings changed, every open document again.
    func refreshAllDiagnostics() {
        for document in documents.all { scheduleDiagnostics(document.uri) }
        if !pushesDiagnostics, session.capabilities.workspace?.diagnostics?.refreshSupport == true {
            currentConnection?.sendRequest("workspace/diagnostic/refresh", JSONValue?.none) { _ in }
        }
    }

    func clearDiagnostics(_ uri: DocumentURI) {
        latestDiagnostics[uri] = nil
        diagnosticsWanted.remove(uri)
        guard pushesDiagnostics else { return }
        sendNotification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }

    /// Changes whenever the text, the corpus or the settings change.
    private func diagnosticsResultID(_ uri: DocumentURI) -> String {
        "\(documents[uri]?.version ?? 0)-\(corpusGeneration)-\(corpusIsReady)-\(settingsGeneration)"
    }
}

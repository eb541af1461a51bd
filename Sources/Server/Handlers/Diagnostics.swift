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
            let records = recordLocator
            return {
                if params.previousResultId == resultId { return DocumentDiagnosticReport.unchanged(resultId: resultId) }
                return DocumentDiagnosticReport.full(ToLSP.diagnostics(snapshot.findings(), converter, records: records),
                                                     resultId: resultId)
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
            let uri = params.textDocument.uri, version = documents[uri]?.version
            // A client that resolves edits gets the fix-all edit when it asks (`codeAction/resolve`).
            let fixAllEdits = !session.resolvesCodeActionEdits
            return {
                snapshot.codeActions(in: range, quickFixes: quickFixes, fixAll: fixAll, fixAllEdits: fixAllEdits,
                                     findingLimit: ToLSP.diagnosticLimit).map {
                    ToLSP.codeAction($0, uri: uri, version: version, converter)
                }
            }
        }
    }

    /// Pull diagnostics replace pushing for clients that support them.
    var pushesDiagnostics: Bool { session.capabilities.textDocument?.diagnostic == nil }

    /// Recomputes and publishes a document's diagnostics. Called after each change,
    /// and for every open document when the corpus is installed: the structure checks
    /// do not wait for the corpus, the corpus checks follow when it is there.
    /// The check runs on `diagnosticsQueue`, one at a time per document: changes that
    /// arrive meanwhile are checked together once it is done. The result is published
    /// from there, and only while it is the document's newest (`DiagnosticsGate`), so
    /// the server queue neither waits for a check nor encodes its result: requests
    /// (completion, hover) are answered while the checks run.
    func scheduleDiagnostics(_ uri: DocumentURI) {
        guard pushesDiagnostics else { return }
        diagnosticsGeneration += 1
        let generation = diagnosticsGeneration
        diagnosticsGate.withLock { $0.latest[uri] = generation }
        if diagnosticsRunning.contains(uri) {
            diagnosticsWanted.insert(uri)
            return
        }
        guard let (snapshot, converter) = try? snapshot(uri), let version = documents[uri]?.version,
              let connection = currentConnection else { return }
        diagnosticsRunning.insert(uri)
        let records = recordLocator
        diagnosticsQueue.async { [self] in
            // Requests first: a request already received (the completion an editor
            // sends with the keystroke) is answered before the check takes a core.
            if pendingRequests.load(ordering: .relaxed) > 0 { queue.sync {} }
            // Overtaken before it started: the newer change is checked instead.
            if diagnosticsGate.withLock({ $0.latest[uri] == generation }) {
                let diagnostics = ToLSP.diagnostics(snapshot.findings(), converter, records: records)
                let params = PublishDiagnosticsParams(uri: uri, version: version, diagnostics: diagnostics)
                // Encoded before the gate: the server queue takes the gate at every
                // keystroke, and this thread runs below it and may be preempted.
                if let message = connection.framedNotification("textDocument/publishDiagnostics", params) {
                    diagnosticsGate.withLock { gate in
                        guard gate.latest[uri] == generation else { return }
                        connection.send(message)
                    }
                }
            }
            queue.async { [self] in
                diagnosticsRunning.remove(uri)
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
        diagnosticsWanted.remove(uri)
        // Under the gate, so a check still running cannot publish after this.
        diagnosticsGate.withLock { gate in
            gate.latest[uri] = nil
            guard pushesDiagnostics else { return }
            sendNotification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
        }
    }

    /// Changes whenever the text, the corpus or the settings change.
    private func diagnosticsResultID(_ uri: DocumentURI) -> String {
        "\(documents[uri]?.version ?? 0)-\(corpusGeneration)-\(corpusIsReady)-\(settingsGeneration)"
    }
}

/// The generation of the newest diagnostics request per open document: a result is
/// published only while its generation is still the newest, checked under the lock
/// that also guards clearing a closed document's diagnostics.
struct DiagnosticsGate {
    var latest: [DocumentURI: Int] = [:]
}

import JSONRPC
import LSP

extension LanguageServer {
    func registerTextSynchronization() {
        onNotification("textDocument/didOpen", DidOpenTextDocumentParams.self) { [unowned self] params in
            let item = params.textDocument
            documents[item.uri] = OpenDocument(
                uri: item.uri, languageId: item.languageId, version: item.version, text: item.text)
            documentDidChange(item.uri)
        }
        onNotification("textDocument/didChange", DidChangeTextDocumentParams.self) { [unowned self] params in
            let uri = params.textDocument.uri
            guard var document = documents[uri] else {
                logToClient(.warning, "Vraagbaak: change for a document that is not open: \(uri)")
                return
            }
            if params.textDocument.version <= document.version {
                // Versions only increase; the edit is applied all the same (it is what
                // the client did), but a client that reorders edits should be seen.
                logToClient(.warning, "Vraagbaak: out-of-order change for \(uri): version \(params.textDocument.version) after \(document.version)")
            }
            document.apply(params.contentChanges, version: params.textDocument.version, unit: session.columnUnit)
            documents[uri] = document
            documentDidChange(uri)
        }
        onNotification("textDocument/didClose", DidCloseTextDocumentParams.self) { [unowned self] params in
            documents[params.textDocument.uri] = nil
            documentDidClose(params.textDocument.uri)
        }
        onRequest("vraagbaak/documentText", TextDocumentParams.self) { [unowned self] params in
            let document = try openDocument(params.textDocument.uri)
            return DocumentTextResult(uri: document.uri, version: document.version, text: document.text.text)
        }
        onNotification("textDocument/didSave", DidSaveTextDocumentParams.self) { _ in
            // The open document is already current through didChange; nothing to reload.
        }
    }

    /// Called after every open and change; features that react to edits hook in here.
    func documentDidChange(_ uri: DocumentURI) {
        scheduleDiagnostics(uri)
    }

    func documentDidClose(_ uri: DocumentURI) {
        clearDiagnostics(uri)
    }

    /// The open document for a request, or -32602 when the client never opened it.
    func openDocument(_ uri: DocumentURI) throws(ResponseError) -> OpenDocument {
        guard let document = documents[uri] else {
            throw ResponseError.invalidParams("Document is not open: \(uri)")
        }
        return document
    }
}

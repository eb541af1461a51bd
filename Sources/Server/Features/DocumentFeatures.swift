import JSONRPC
import LSP
import QuestionModel

/// Features computed from one document's model alone: the outline and folding.
extension LanguageServer {
    func registerDocumentFeatures() {
        onRequest("textDocument/documentSymbol", TextDocumentParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            let symbols = Outline.symbols(question, converter: document.converter(session.columnUnit))
            if session.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport == true {
                return DocumentSymbolResult.hierarchical(symbols)
            }
            return DocumentSymbolResult.flat(Outline.flatten(symbols, uri: document.uri))
        }
        onRequest("textDocument/foldingRange", TextDocumentParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            return Folding.ranges(question, lineIndex: document.text.lineIndex)
        }
    }

    /// The open document with its model, or -32602 when the client never opened it.
    func parsedDocument(_ uri: DocumentURI) throws(ResponseError) -> (OpenDocument, Question) {
        guard let parsed = documents.parsed(uri) else {
            throw ResponseError.invalidParams("Document is not open: \(uri)")
        }
        return parsed
    }
}

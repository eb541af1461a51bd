import LSP

extension LanguageServer {
    func registerDocumentFeatures() {
        onRequest("textDocument/documentSymbol", TextDocumentParams.self) { [unowned self] params in
            let document = try openDocument(params.textDocument.uri)
            return [DocumentSymbol]()
        }
        onRequest("textDocument/foldingRange", TextDocumentParams.self) { [unowned self] params in
            let document = try openDocument(params.textDocument.uri)
            return [FoldingRange]()
        }
    }
}

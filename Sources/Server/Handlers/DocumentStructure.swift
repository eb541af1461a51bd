import Analysis
import JSONRPC
import LSP

/// Requests answered from one document's model alone: outline, folding, semantic
/// tokens, formatting.
extension LanguageServer {
    func registerDocumentStructure() {
        onRequest("textDocument/documentSymbol", TextDocumentParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            let symbols = ToLSP.documentSymbols(snapshot.outline(), converter)
            if session.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport == true {
                return DocumentSymbolResult.hierarchical(symbols)
            }
            return DocumentSymbolResult.flat(ToLSP.flatSymbols(symbols, uri: params.textDocument.uri))
        }
        onRequest("textDocument/foldingRange", TextDocumentParams.self) { [unowned self] params in
            ToLSP.foldingRanges(try snapshot(params.textDocument.uri).0.folds())
        }
        onRequest("textDocument/semanticTokens/full", TextDocumentParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            return SemanticTokens(data: ToLSP.semanticTokens(snapshot.semanticTokens(), lineIndex: snapshot.lineIndex,
                                                             unit: converter.unit))
        }
        onRequest("textDocument/formatting", DocumentFormattingParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            return ToLSP.edits(snapshot.formattingEdits(), converter)
        }
    }
}

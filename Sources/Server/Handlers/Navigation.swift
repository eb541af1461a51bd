import Analysis
import JSONRPC
import LSP

/// Hover, definition, references, inlay hints, document links, workspace symbols.
/// Definition and references read record files: they run off the queue.
extension LanguageServer {
    func registerNavigation() {
        onRequest("textDocument/hover", TextDocumentPositionParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            guard let hover = snapshot.hover(at: converter.utf8Offset(params.position), format: session.hoverFormat) else {
                return Hover?.none
            }
            return Hover(contents: ToLSP.markup(hover.text), range: converter.range(hover.range))
        }
        onRequestOffQueue("textDocument/definition", TextDocumentPositionParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            let offset = converter.utf8Offset(params.position), unit = converter.unit
            return {
                let locations = snapshot.definition(at: offset).map { ToLSP.location($0, unit: unit) }
                return locations.isEmpty ? nil : locations
            }
        }
        onRequestOffQueue("textDocument/references", ReferenceParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            let offset = converter.utf8Offset(params.position), unit = converter.unit
            let open = documents.snapshots(), includeDeclaration = params.context.includeDeclaration
            return {
                snapshot.references(at: offset, openDocuments: open, includeDeclaration: includeDeclaration)?
                    .map { ToLSP.location($0, unit: unit) }
            }
        }
        onRequest("textDocument/inlayHint", InlayHintParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            return snapshot.inlayHints(in: converter.textRange(params.range)).map { hint in
                InlayHint(position: converter.position(hint.offset), label: hint.label, tooltip: hint.tooltip,
                          paddingLeft: true)
            }
        }
        onRequest("textDocument/documentLink", TextDocumentParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            return snapshot.documentLinks().map {
                DocumentLink(range: converter.range($0.range), target: $0.target, tooltip: $0.tooltip)
            }
        }
        onRequest("workspace/symbol", WorkspaceSymbolParams.self) { [unowned self] params in
            // The title line would need the file read; the start of the file is where
            // both corpus layouts name the title.
            let start = Position(line: 0, character: 0)
            return CorpusSymbols.symbols(matching: params.query, in: corpus, records: recordLocator).map { symbol in
                SymbolInformation(name: symbol.name, kind: .file,
                                  location: Location(uri: symbol.uri, range: Range(start: start, end: start)),
                                  containerName: symbol.container)
            }
        }
    }
}

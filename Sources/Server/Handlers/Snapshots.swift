import Analysis
import JSONRPC
import LSP

/// What features are answered from: an immutable snapshot of the state.
extension LanguageServer {
    /// The open document with the corpus, vocabulary, configuration and today, and
    /// the converter for its positions; -32602 when the client never opened it.
    func snapshot(_ uri: DocumentURI) throws(ResponseError) -> (AnalysisSnapshot, PositionConverter) {
        guard var document = documents[uri] else {
            throw ResponseError.invalidParams("Document is not open: \(uri)")
        }
        let text = document.snapshot()
        documents[uri] = document
        var snapshot = AnalysisSnapshot(document: text, corpus: corpus, vocabulary: completionVocabulary(),
                                        configuration: configuration, today: clock.today, records: recordLocator,
                                        usesCorpus: corpusIsReady)
        snapshot.repetitionMemo = document.repetitionMemo
        snapshot.findingsMemo = document.findingsMemo
        return (snapshot, PositionConverter(lineIndex: text.lineIndex, unit: session.columnUnit))
    }
}

extension Session {
    /// Markdown only for clients that list it: Emacs' eglot without markdown-mode
    /// lists plain text alone.
    var hoverFormat: MarkupFormat {
        capabilities.textDocument?.hover?.contentFormat?.contains(.markdown) == true ? .markdown : .plaintext
    }

    var completionDocumentationFormat: MarkupFormat {
        capabilities.textDocument?.completion?.completionItem?.documentationFormat?.contains(.markdown) == true
            ? .markdown : .plaintext
    }

    var supportsSnippets: Bool {
        capabilities.textDocument?.completion?.completionItem?.snippetSupport == true
    }
}

import LSP
import QuestionModel

/// `textDocument/inlayHint`: the title of the cited question after each citation
/// that resolves in the corpus.
extension LanguageServer {
    func registerInlayHints() {
        onRequest("textDocument/inlayHint", InlayHintParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            let converter = document.converter(session.columnUnit)
            let visible = converter.textRange(params.range)
            return question.citations.compactMap { citation -> InlayHint? in
                guard visible.touches(citation.range.end),
                      let record = CitationResolution.resolve(citation, in: corpus).records.first else { return nil }
                let title = record.title.isEmpty ? record.displayReference : record.title
                return InlayHint(position: converter.position(citation.range.end),
                                 label: "“\(Outline.firstWords(title, limit: 60))”",
                                 tooltip: [record.author, record.minister].compactMap { $0 }.joined(separator: " → "),
                                 paddingLeft: true)
            }
        }
    }
}

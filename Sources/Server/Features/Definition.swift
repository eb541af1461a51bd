import Corpus
import LSP
import QuestionModel

/// `textDocument/definition`: from a citation to the title line of the cited
/// record's file (for the embedded seeds, their copies in the cache folder).
extension LanguageServer {
    func registerDefinition() {
        onRequest("textDocument/definition", TextDocumentPositionParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            let offset = document.converter(session.columnUnit).utf8Offset(params.position)
            guard let citation = question.citation(at: offset) else { return [Location]?.none }
            let locations = CitationResolution.resolve(citation, in: corpus).records.compactMap(titleLocation)
            return locations.isEmpty ? nil : locations
        }
    }

    /// Where a record's title is, in its file; nil for records without a readable file.
    func titleLocation(_ record: Record) -> Location? {
        guard let path = recordPath(record), let uri = recordURI(record),
              let parsed = RecordFiles.read(path) else { return nil }
        let converter = PositionConverter(lineIndex: parsed.lineIndex, unit: session.columnUnit)
        return Location(uri: uri, range: converter.range(RecordFiles.titleRange(parsed)))
    }
}

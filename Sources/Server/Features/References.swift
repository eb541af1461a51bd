import Corpus
import Foundation
import LSP
import QuestionModel
import SourceText

/// `textDocument/references`: every corpus record and open document that cites the
/// same written question. Asked from a citation, or from the `nr.`/`datum:` header of
/// a corpus record opened in the editor.
extension LanguageServer {
    func registerReferences() {
        onRequest("textDocument/references", ReferenceParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            let offset = document.converter(session.columnUnit).utf8Offset(params.position)
            guard let reference = Self.referencedQuestion(at: offset, in: question) else { return [Location]?.none }
            return references(to: reference, includeDeclaration: params.context.includeDeclaration)
        }
    }

    /// The written question named at `offset`: a dated citation, or the document's own
    /// number and date when the cursor is on its header.
    static func referencedQuestion(at offset: Int, in question: Question) -> QuestionReference? {
        if let citation = question.citation(at: offset) {
            guard let number = citation.number, let date = citation.date else { return nil }
            return QuestionReference(number: number, date: date)
        }
        let onHeader = [question.metadata.line(.number), question.metadata.line(.date)]
            .contains { $0?.lineRange.touches(offset) == true }
        return onHeader ? question.ownReference : nil
    }

    func references(to reference: QuestionReference, includeDeclaration: Bool) -> [Location] {
        var locations: [Location] = []
        var seenPaths = Set<String>()
        // Open documents first: their text may be newer than the file on disk.
        for document in documents.all.sorted(by: { $0.uri < $1.uri }) {
            guard let parsed = documents.parsed(document.uri) else { continue }
            if let path = RecordFiles.path(of: document.uri) { seenPaths.insert(path) }
            let converter = parsed.document.converter(session.columnUnit)
            locations += Self.citationRanges(of: reference, in: parsed.question).map {
                Location(uri: document.uri, range: converter.range($0))
            }
            if includeDeclaration, parsed.question.ownReference == reference, let title = parsed.question.title {
                locations.append(Location(uri: document.uri, range: converter.range(title.range)))
            }
        }
        var citing = corpus.records(citing: reference)
        if includeDeclaration { citing = corpus.records(number: reference.number, date: reference.date) + citing }
        for record in citing {
            guard let path = recordPath(record), let uri = recordURI(record),
                  seenPaths.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted,
                  let parsed = RecordFiles.read(path) else { continue }
            let converter = PositionConverter(lineIndex: parsed.lineIndex, unit: session.columnUnit)
            locations += Self.citationRanges(of: reference, in: parsed.question).map {
                Location(uri: uri, range: converter.range($0))
            }
            if includeDeclaration, parsed.question.ownReference == reference {
                locations.append(Location(uri: uri, range: converter.range(RecordFiles.titleRange(parsed))))
            }
        }
        return locations
    }

    static func citationRanges(of reference: QuestionReference, in question: Question) -> [TextRange] {
        question.citations.filter { $0.number == reference.number && $0.date == reference.date }.map(\.range)
    }
}

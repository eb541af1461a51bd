import Corpus
import Foundation
import Checks
import QuestionModel
import SourceText

/// `textDocument/references`: every corpus record and open document that cites the
/// same written question. Asked from a citation, or from the `nr.`/`datum:` header of
/// a corpus record opened in the editor.
extension AnalysisSnapshot {
    /// Every corpus record and open document that cites the written question named at
    /// `offset` (a citation, or this document's own `nr.`/`datum:` header); nil when
    /// nothing is named there. `openDocuments` come first: their text may be newer
    /// than the file on disk. Reads the citing records' files.
    package func references(at offset: Int, openDocuments: [(uri: String, document: DocumentSnapshot)],
                            includeDeclaration: Bool) -> [TextLocation]? {
        guard let reference = References.referencedQuestion(at: offset, in: question) else { return nil }
        return References.locations(of: reference, openDocuments: openDocuments, corpus: corpus, records: records,
                                    includeDeclaration: includeDeclaration)
    }
}

enum References {
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

    static func locations(of reference: QuestionReference, openDocuments: [(uri: String, document: DocumentSnapshot)],
                          corpus: Corpus, records: RecordLocator, includeDeclaration: Bool) -> [TextLocation] {
        var locations: [TextLocation] = []
        var seenPaths = Set<String>()
        for (uri, document) in openDocuments.sorted(by: { $0.uri < $1.uri }) {
            if let path = RecordFiles.path(of: uri) { seenPaths.insert(path) }
            locations += citationRanges(of: reference, in: document.question).map {
                TextLocation(uri: uri, range: $0, lineIndex: document.lineIndex)
            }
            if includeDeclaration, document.question.ownReference == reference, let title = document.question.title {
                locations.append(TextLocation(uri: uri, range: title.range, lineIndex: document.lineIndex))
            }
        }
        var citing = corpus.records(citing: reference)
        if includeDeclaration { citing = corpus.records(number: reference.number, date: reference.date) + citing }
        for record in citing {
            guard let path = records.path(record), let uri = records.uri(record),
                  seenPaths.insert(URL(fileURLWithPath: path).standardizedFileURL.path).inserted,
                  let parsed = RecordFiles.read(path) else { continue }
            locations += citationRanges(of: reference, in: parsed.question).map {
                TextLocation(uri: uri, range: $0, lineIndex: parsed.lineIndex)
            }
            if includeDeclaration, parsed.question.ownReference == reference {
                locations.append(TextLocation(uri: uri, range: RecordFiles.titleRange(parsed), lineIndex: parsed.lineIndex))
            }
        }
        return locations
    }

    static func citationRanges(of reference: QuestionReference, in question: Question) -> [TextRange] {
        question.citations.filter { $0.number == reference.number && $0.date == reference.date }.map(\.range)
    }
}

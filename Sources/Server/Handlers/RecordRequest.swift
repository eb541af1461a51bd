import Analysis
import Corpus
import Foundation
import JSONRPC
import LSP
import QuestionModel

/// `vraagbaak/record`: one corpus record in full, for a front end that shows a
/// similar question found by `vraagbaak/search` (the web page's preview).
extension LanguageServer {
    func registerRecordRequest() {
        onRequest("vraagbaak/record", RecordParams.self) { [unowned self] params in
            let records = recordLocator
            guard let record = RecordLookup.find(params, in: corpus, records: records) else {
                throw ResponseError.invalidParams("No question in the corpus matches \(params.title ?? params.uri ?? "this reference")")
            }
            let summary = RecordPreview.make(record, format: .markdown, questionLimit: 50)
            let text = records.path(record).flatMap(CorpusFileReader.text)
            return RecordResult(title: record.title, reference: record.displayReference, summary: summary.value, text: text)
        }
    }
}

enum RecordLookup {
    /// By number and date when given, else among all records; then by file (an
    /// embedded seed's is its copy, as `vraagbaak/search` gives it) and title.
    static func find(_ params: RecordParams, in corpus: Corpus, records: RecordLocator) -> Record? {
        let path = params.uri.flatMap { RecordFiles.path(of: $0) }
        let candidates: [Record]
        if let number = params.number, let iso = params.date, let date = isoDate(iso) {
            candidates = corpus.records(number: number, date: date)
        } else {
            candidates = Array(corpus.records)
        }
        return candidates.first { record in
            (path == nil || records.path(record).map { URL(fileURLWithPath: $0).standardizedFileURL.path } == path)
                && (params.title == nil || record.title == params.title)
        }
    }

    private static func isoDate(_ text: String) -> DutchDate? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return DutchDate(year: parts[0], month: parts[1], day: parts[2])
    }
}

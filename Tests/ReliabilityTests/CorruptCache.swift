@testable import Corpus

/// A corrupt cache as the IndexCacheFuzz harness makes it: a valid header around any
/// payload, and every read a feature may make of a corpus that loaded. Shared by the
/// harness (`scripts/fuzz.sh` compiles this file into it) and `FuzzRegressionTests`.
enum CorruptCache {
    static func header(for payload: [UInt8]) -> [UInt8] {
        IndexCache.header(applicationVersion: "fuzz", checksum: payload.withUnsafeBytes { checksum($0) })
    }

    static func useEverything(_ corpus: Corpus) {
        for record in corpus.records {
            _ = record.fields
            _ = record.description
            _ = record.hasAnswer
            if let number = record.number {
                _ = corpus.records(number: number)
                if let date = record.date { _ = corpus.records(number: number, date: date) }
            }
            if let author = record.author { _ = corpus.records(author: author) }
            if let minister = record.minister { _ = corpus.records(minister: minister) }
            if let theme = record.theme { _ = corpus.records(theme: theme) }
            for cited in record.citedQuestions { _ = corpus.records(citing: cited) }
            _ = corpus.search(record.title + " " + record.introductionExcerpt, limit: 5)
        }
        _ = (corpus.authors, corpus.ministers, corpus.themes)
        for term in corpus.searchIndex.termIDs.keys.prefix(50) { _ = corpus.search(term, limit: 3) }
        for abbreviation in corpus.abbreviations { _ = corpus.abbreviation(abbreviation.shortForm) }
        _ = corpus.search("minister vraag inburgering", limit: 10)
    }
}

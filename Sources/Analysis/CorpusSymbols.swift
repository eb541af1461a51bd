import Corpus
import QuestionModel

/// A corpus record as a workspace symbol.
package struct CorpusSymbol: Sendable, Equatable {
    package let name: String
    package let container: String?
    /// The record's file (or its seed copy).
    package let uri: String
}

package enum CorpusSymbols {
    static let limit = 100

    /// Workspace symbols: records by number (`123`), title words and author. Records
    /// `records` cannot locate have no place to go to and are left out.
    package static func symbols(matching query: String, in corpus: Corpus, records: RecordLocator) -> [CorpusSymbol] {
        search(query, in: corpus).compactMap { record in
            records.uri(record).map { CorpusSymbol(name: name(record), container: container(record), uri: $0) }
        }
    }

    /// Records matching `query`: nothing typed gives the newest questions; all digits
    /// is a number; otherwise authors whose name contains the query, then titles with
    /// a word starting with each typed word (`Inburgering` finds
    /// `Inburgeringstrajecten - Stand van zaken`), then BM25 hits on the words.
    static func search(_ query: String, in corpus: Corpus) -> [Record] {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return newest(in: corpus) }
        if trimmed.allSatisfy(\.isASCIIDigit), let number = Int(trimmed.prefix(7)) {
            return Array(corpus.records(number: number).sorted { ($0.date ?? .distantPast) > ($1.date ?? .distantPast) }
                .prefix(limit))
        }
        var results: [Record] = []
        var seen = Set<RecordSource>()
        let lowered = trimmed.lowercased()
        for author in corpus.authors where author.name.lowercased().contains(lowered) {
            for record in corpus.records(author: author.name) where seen.insert(record.source).inserted {
                results.append(record)
                if results.count >= limit { return results }
            }
        }
        for record in titlePrefixMatches(trimmed, in: corpus) where seen.insert(record.source).inserted {
            results.append(record)
            if results.count >= limit { return results }
        }
        for hit in corpus.search(trimmed, limit: limit) where seen.insert(hit.record.source).inserted {
            results.append(hit.record)
            if results.count >= limit { break }
        }
        return results
    }

    /// Records whose title has, for each typed word, a word starting with it (folded:
    /// case and accents ignored); newest first. One pass over the titles.
    static func titlePrefixMatches(_ query: String, in corpus: Corpus) -> [Record] {
        let typed = PrefixIndex.fold(query).split(separator: " ").map { $0.filter { $0.isLetter || $0.isNumber } }
            .filter { !$0.isEmpty }
        guard !typed.isEmpty else { return [] }
        var matches: [Record] = []
        for record in corpus.records {
            let words = PrefixIndex.fold(record.title).split { !$0.isLetter && !$0.isNumber }
            if typed.allSatisfy({ prefix in words.contains { $0.hasPrefix(prefix) } }) { matches.append(record) }
        }
        return newestFirst(matches)
    }

    /// The newest questions (undated ones last), at most `limit`: what an empty query lists.
    static func newest(in corpus: Corpus) -> [Record] {
        newestFirst(Array(corpus.records))
    }

    private static func newestFirst(_ records: [Record]) -> [Record] {
        Array(records.sorted { ($0.date ?? .distantPast, $0.number ?? 0) > ($1.date ?? .distantPast, $1.number ?? 0) }
            .prefix(limit))
    }

    static func name(_ record: Record) -> String {
        guard let number = record.number else { return record.title.isEmpty ? record.displayReference : record.title }
        return "\(number) \(record.title)"
    }

    static func container(_ record: Record) -> String? {
        let parts = [record.date.map { record.number == nil ? $0.canonicalText : "nr. \(record.number ?? 0) van \($0.canonicalText)" },
                     record.author].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

extension DutchDate {
    static let distantPast = DutchDate(year: 1000, month: 1, day: 1)!
}

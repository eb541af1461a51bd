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
    /// case and accents ignored); newest first. One pass over the titles' bytes, with
    /// no arrays made per title.
    static func titlePrefixMatches(_ query: String, in corpus: Corpus) -> [Record] {
        let typed = Array(Array(PrefixIndex.fold(query).utf8).split { !isWordByte($0) }.prefix(64).map(Array.init))
        guard !typed.isEmpty else { return [] }
        var matches: [Int] = []
        for index in corpus.records.indices {
            let folded = PrefixIndex.fold(corpus.records[index].title)
            let matched = folded.utf8.withContiguousStorageIfAvailable { hasWordPrefixes(typed, in: $0) }
                ?? Array(folded.utf8).withUnsafeBufferPointer { hasWordPrefixes(typed, in: $0) }
            if matched { matches.append(index) }
        }
        return newestFirst(matches, in: corpus)
    }

    /// Whether every one of `prefixes` starts some word of `text`.
    static func hasWordPrefixes(_ prefixes: [[UInt8]], in text: UnsafeBufferPointer<UInt8>) -> Bool {
        var found: UInt64 = 0
        let all: UInt64 = prefixes.count == 64 ? .max : (1 << UInt64(prefixes.count)) - 1
        var previousIsWord = false
        for start in text.indices {
            let isWord = isWordByte(text[start])
            defer { previousIsWord = isWord }
            guard isWord, !previousIsWord else { continue }
            for (k, prefix) in prefixes.enumerated() where found & (1 << UInt64(k)) == 0 && start + prefix.count <= text.count {
                var i = 0
                while i < prefix.count, text[start + i] == prefix[i] { i += 1 }
                if i == prefix.count { found |= 1 << UInt64(k) }
            }
            if found == all { return true }
        }
        return false
    }

    /// Folded letters and digits (any byte of a multi-byte character counts as a letter).
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte >= 0x80 || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The newest questions (undated ones last), at most `limit`: what an empty query lists.
    static func newest(in corpus: Corpus) -> [Record] {
        newestFirst(Array(corpus.records.indices), in: corpus)
    }

    /// Sorted on integer keys read once per record, not on record fields per comparison.
    private static func newestFirst(_ indices: [Int], in corpus: Corpus) -> [Record] {
        let keyed = indices.map { index -> (day: Int, number: Int, index: Int) in
            let record = corpus.records[index]
            return (record.date?.daysSinceEpoch ?? .min, record.number ?? 0, index)
        }
        return keyed.sorted { ($0.day, $0.number, $1.index) > ($1.day, $1.number, $0.index) }
            .prefix(limit).map { corpus.records[$0.index] }
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

import Foundation
import QuestionModel

/// What completion offers, derived once per corpus: questions by number, names for
/// the header, title subjects, and the corpus's multi-word terms, agencies and
/// abbreviations by frequency. Part of the index: built with it by
/// `CorpusLoader.open` and kept in its cache, so it is ready when the corpus is.
package struct CompletionVocabulary: Sendable {
    /// Records with a number and a date, by number and then newest first.
    package let numbered: [Int32]
    /// `numbers[i]` is the number of `numbered[i]`, for binary search.
    package let numbers: [Int]
    /// The newest dated questions, for a `nr.` with nothing typed after it.
    package let recent: [Int32]
    package let ministers: PrefixIndex
    package let authors: PrefixIndex
    package let themes: PrefixIndex
    package let subjects: PrefixIndex
    /// Specifications used after each subject (folded key of the subject).
    package let specifications: [String: PrefixIndex]
    /// Multi-word terms, agencies and abbreviations' long forms.
    package let terms: PrefixIndex
    package let abbreviations: PrefixIndex
    /// The folded words of numbered records' titles, sorted, with their records
    /// newest first.
    package let titleWords: [String]
    package let recordsByTitleWord: [[Int32]]
    /// Per corpus index: 0 for the newest numbered record, `Int32.max` for records
    /// without number and date.
    package let recencyRank: [Int32]
    /// The multi-word terms counted in a sample of the records' full texts (the
    /// costly part): an incremental update keeps them and rebuilds the rest.
    let phrases: [PrefixIndex.Entry]

    /// Records scanned for multi-word terms: an even sample keeps building fast on
    /// a 100,000-question corpus, and frequencies need no more.
    /// The vocabulary of no corpus: what completion offers before one is ready.
    package static let empty = CompletionVocabulary(
        numbered: [], numbers: [], recent: [], ministers: .empty, authors: .empty, themes: .empty, subjects: .empty,
        specifications: [:], terms: .empty, abbreviations: .empty, titleWords: [], recordsByTitleWord: [],
        recencyRank: [], phrases: [])

    init(numbered: [Int32], numbers: [Int], recent: [Int32], ministers: PrefixIndex, authors: PrefixIndex,
         themes: PrefixIndex, subjects: PrefixIndex, specifications: [String: PrefixIndex], terms: PrefixIndex,
         abbreviations: PrefixIndex, titleWords: [String], recordsByTitleWord: [[Int32]], recencyRank: [Int32],
         phrases: [PrefixIndex.Entry]) {
        self.numbered = numbered
        self.numbers = numbers
        self.recent = recent
        self.ministers = ministers
        self.authors = authors
        self.themes = themes
        self.subjects = subjects
        self.specifications = specifications
        self.terms = terms
        self.abbreviations = abbreviations
        self.titleWords = titleWords
        self.recordsByTitleWord = recordsByTitleWord
        self.recencyRank = recencyRank
        self.phrases = phrases
    }

    /// The newest questions offered after a bare `nr.`.
    package static let recentCount = 50
    static let termSampleSize = 4_000
    static let maximumTerms = 20_000

    /// `readsFullText`: count terms in the records' files (and the embedded seeds'
    /// texts), not only in the short previews the corpus keeps; slower, so done off
    /// the server queue for large corpora.
    package init(_ corpus: Corpus, readsFullText: Bool = true) {
        self.init(corpus, readsFullText: readsFullText, phrases: nil)
    }

    /// `phrases`: the multi-word terms of an earlier vocabulary, kept instead of counted again.
    init(_ corpus: Corpus, readsFullText: Bool = true, phrases keptPhrases: [PrefixIndex.Entry]?) {
        let records = corpus.records
        // The multi-word terms (a sample of the files read and parsed again: most of
        // the time) are counted on a thread of their own while the rest is built from
        // the records in memory: a second of a 100,000-question build was one core's.
        let counting = keptPhrases == nil ? BackgroundResult {
            PhraseCounter.frequentPhrases(in: records, sampleSize: Self.termSampleSize,
                                          limit: Self.maximumTerms, readsFullText: readsFullText)
        } : nil
        // Read each number and date once: sorting through the columnar store would
        // decode them at every comparison.
        var dated: [(number: Int, day: Int, index: Int32)] = []
        for index in records.indices {
            let record = records[index]
            if let number = record.number, let date = record.date {
                dated.append((number, date.daysSinceEpoch, Int32(index)))
            }
        }
        dated.sort { ($0.number, $1.day, $0.index) < ($1.number, $0.day, $1.index) }
        numbered = dated.map(\.index)
        numbers = dated.map(\.number)
        let newestFirst = dated.sorted { ($0.day, $0.index) > ($1.day, $1.index) }
        recent = newestFirst.prefix(Self.recentCount).map(\.index)
        var recency = [Int32](repeating: Int32.max, count: records.count)
        for (rank, entry) in newestFirst.enumerated() { recency[Int(entry.index)] = Int32(rank) }
        recencyRank = recency

        var titleWordRecords: [String: [Int32]] = [:]
        for entry in newestFirst {
            for word in Set(PrefixIndex.words(records[Int(entry.index)].title)) {
                titleWordRecords[word, default: []].append(entry.index)
            }
        }
        titleWords = titleWordRecords.keys.sorted()
        recordsByTitleWord = titleWords.map { titleWordRecords[$0] ?? [] }

        var offices: [String: [String: Int]] = [:]
        var subjectCounts: [String: (text: String, count: Int)] = [:]
        var specificationCounts: [String: [String: (text: String, count: Int)]] = [:]
        for record in records {
            if let minister = record.minister, let office = record.ministerOffice {
                offices[minister, default: [:]][office, default: 0] += 1
            }
            guard let subject = record.subject, !subject.isEmpty else { continue }
            let key = PrefixIndex.fold(subject)
            subjectCounts[key, default: (subject, 0)].count += 1
            let title = record.title
            if let separator = Self.specificationStart(title) {
                let specification = String(title[separator...])
                if !specification.isEmpty {
                    specificationCounts[key, default: [:]][PrefixIndex.fold(specification), default: (specification, 0)].count += 1
                }
            }
        }
        ministers = PrefixIndex(corpus.ministers.map { minister in
            let office = offices[minister.name]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
            return PrefixIndex.Entry(text: minister.name, detail: office, count: minister.count, kind: .person)
        }, indexEveryWord: true)
        authors = PrefixIndex(corpus.authors.map {
            PrefixIndex.Entry(text: $0.name, detail: "\($0.count) vragen", count: $0.count, kind: .person)
        }, indexEveryWord: true)
        themes = PrefixIndex(corpus.themes.map {
            PrefixIndex.Entry(text: $0.name, detail: "\($0.count) vragen", count: $0.count, kind: .theme)
        }, indexEveryWord: true)
        subjects = PrefixIndex(subjectCounts.values.map {
            PrefixIndex.Entry(text: $0.text, detail: "onderwerp, \($0.count) vragen", count: $0.count, kind: .subject)
        }, indexEveryWord: false)
        specifications = specificationCounts.mapValues { counts in
            PrefixIndex(counts.values.map {
                PrefixIndex.Entry(text: $0.text, detail: "\($0.count) vragen", count: $0.count, kind: .subject)
            }, indexEveryWord: false)
        }

        phrases = keptPhrases ?? counting?.value ?? []
        var termEntries = phrases
        let phraseKeys = Set(termEntries.map { PrefixIndex.fold($0.text) })
        for abbreviation in corpus.abbreviations where !phraseKeys.contains(PrefixIndex.fold(abbreviation.longForm)) {
            termEntries.append(PrefixIndex.Entry(text: abbreviation.longForm, detail: abbreviation.shortForm,
                                                 count: abbreviation.count,
                                                 kind: PhraseCounter.isAgency(abbreviation.longForm) ? .agency : .term))
        }
        let shortForms = Dictionary(corpus.abbreviations.map { (PrefixIndex.fold($0.longForm), $0.shortForm) },
                                    uniquingKeysWith: { first, _ in first })
        terms = PrefixIndex(termEntries.map { entry in
            guard entry.detail == nil, let shortForm = shortForms[PrefixIndex.fold(entry.text)] else { return entry }
            return PrefixIndex.Entry(text: entry.text, detail: shortForm, count: entry.count, kind: entry.kind)
        }, indexEveryWord: false)
        abbreviations = PrefixIndex(corpus.abbreviations.map {
            PrefixIndex.Entry(text: $0.shortForm, detail: $0.longForm, count: $0.count, kind: .abbreviation)
        }, indexEveryWord: false)
    }

    /// Where the specification after a title's first ` - ` starts (`title.range(of: " - ")?.upperBound`).
    /// An ASCII title is searched by its bytes (Foundation's search was a tenth of the
    /// vocabulary's build), a title without those bytes has none; others ask Foundation,
    /// whose search matches characters, not bytes.
    static func specificationStart(_ title: String) -> String.Index? {
        var bytes = title
        let (found, isASCII) = bytes.withUTF8 { bytes -> (Int?, Bool) in
            var found: Int?
            var isASCII = true
            for offset in bytes.indices {
                let byte = bytes[offset]
                if byte >= 0x80 { isASCII = false }
                if found == nil, byte == 0x20, offset >= 2, bytes[offset - 1] == 0x2D, bytes[offset - 2] == 0x20 {
                    found = offset + 1
                }
            }
            return (found, isASCII)
        }
        guard let found else { return nil }
        guard isASCII else { return title.range(of: " - ")?.upperBound }
        return title.utf8.index(title.utf8.startIndex, offsetBy: found)
    }

    /// Numbered records whose number starts with `digits`: the number itself first,
    /// then longer numbers, each newest first. O(log n + limit).
    package func records(numberStartingWith digits: String, limit: Int) -> [Int32] {
        guard let prefix = Int(digits.prefix(7)), prefix > 0 else { return [] }
        var found: [Int32] = []
        var scale = 1
        while found.count < limit, prefix * scale < 10_000_000 {
            let low = prefix * scale
            let high = (prefix + 1) * scale
            var index = lowerBound(low)
            while index < numbers.count, numbers[index] < high, found.count < limit {
                found.append(numbered[index])
                index += 1
            }
            scale *= 10
        }
        return found
    }

    /// Numbered records whose title has a word starting with each typed word
    /// (`inburg stand` finds `Inburgeringstrajecten - Stand van zaken`), newest first.
    /// Each word's candidates are bounded, so a one-letter prefix stays cheap.
    package func records(titleWordsStartingWith text: String, limit: Int) -> [Int32] {
        var result: Set<Int32>?
        for typed in PrefixIndex.words(text) {
            var low = 0
            var high = titleWords.count
            while low < high {
                let mid = (low + high) / 2
                if titleWords[mid] < typed { low = mid + 1 } else { high = mid }
            }
            var candidates = Set<Int32>()
            while low < titleWords.count, titleWords[low].hasPrefix(typed), candidates.count < 20_000 {
                candidates.formUnion(recordsByTitleWord[low])
                low += 1
            }
            result = result.map { $0.intersection(candidates) } ?? candidates
        }
        return Array((result ?? []).sorted { recencyRank[Int($0)] < recencyRank[Int($1)] }.prefix(limit))
    }

    /// Numbered records with exactly `number`, newest first. O(log n + matches).
    package func records(number: Int) -> ArraySlice<Int32> {
        let start = lowerBound(number)
        return numbered[start..<lowerBound(number + 1)]
    }

    private func lowerBound(_ value: Int) -> Int {
        var low = 0
        var high = numbers.count
        while low < high {
            let mid = (low + high) / 2
            if numbers[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

/// Entries found by a prefix of their folded text (lower case, accents dropped), most
/// frequent first. Lookups are a binary search plus the matching range.
package struct PrefixIndex: Sendable {
    package enum Kind: UInt8, Sendable { case person, theme, subject, term, agency, abbreviation }

    package struct Entry: Sendable {
        package let text: String
        package let detail: String?
        package let count: Int
        package let kind: Kind
    }

    /// Most frequent first, so an entry's index is its rank.
    package let entries: [Entry]
    /// (folded key, entry index), sorted by key.
    let keys: [(key: String, entry: Int32)]

    init(_ entries: [Entry], indexEveryWord: Bool) {
        let entries = entries.sorted { ($0.count, $1.text) > ($1.count, $0.text) }
        self.entries = entries
        var keys: [(key: String, entry: Int32)] = []
        for (index, entry) in entries.enumerated() {
            let folded = PrefixIndex.fold(entry.text)
            keys.append((folded, Int32(index)))
            if indexEveryWord {
                // `rutten` finds `Gwendolyn Rutten`.
                var rest = Substring(folded)
                while let space = rest.firstIndex(of: " ") {
                    rest = rest[rest.index(after: space)...]
                    if !rest.isEmpty { keys.append((String(rest), Int32(index))) }
                }
            }
        }
        keys.sort { $0.key < $1.key }
        self.keys = keys
    }

    static let empty = PrefixIndex(entries: [], sortedKeys: [])

    /// As read back from the cache: entries by rank, keys already sorted.
    init(entries: [Entry], sortedKeys: [(key: String, entry: Int32)]) {
        self.entries = entries
        self.keys = sortedKeys
    }

    package var isEmpty: Bool { entries.isEmpty }

    /// Entries whose folded text (or, when indexed so, one of its words) starts with
    /// the folded `prefix`; most frequent first, at most `limit`.
    package func matches(_ prefix: String, limit: Int) -> (entries: [Entry], isCapped: Bool) {
        let folded = PrefixIndex.fold(prefix)
        var low = 0
        var high = keys.count
        while low < high {
            let mid = (low + high) / 2
            if keys[mid].key < folded { low = mid + 1 } else { high = mid }
        }
        var found: [Int32] = []
        var index = low
        while index < keys.count, keys[index].key.hasPrefix(folded) {
            found.append(keys[index].entry)
            index += 1
        }
        // Entry indices are ranks: sorting integers is all the ranking there is.
        found.sort()
        var unique: [Entry] = []
        var previous: Int32 = -1
        for entry in found where entry != previous {
            previous = entry
            if unique.count == limit { return (unique, true) }
            unique.append(entries[Int(entry)])
        }
        return (unique, false)
    }

    /// All entries, most frequent first.
    package func top(_ limit: Int) -> (entries: [Entry], isCapped: Bool) {
        (Array(entries.prefix(limit)), entries.count > limit)
    }

    /// The folded words of a text: letters and digits, at least two characters (the
    /// search tokenizer, stopwords kept).
    package static func words(_ text: String) -> [String] {
        Tokenizer.terms(in: text, keepStopwords: true)
    }

    /// Lower case, accents of Latin-1 letters dropped, whitespace collapsed:
    /// `Oekraïense  vluchtelingen` → `oekraiense vluchtelingen`. Works on UTF-8 bytes:
    /// it runs for every record when the vocabulary is built.
    package static func fold(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace { bytes.append(0x20); pendingSpace = false }
            if byte >= 0x41 && byte <= 0x5A {
                bytes.append(byte + 0x20)
            } else if byte == 0xC3, let second = iterator.next() {
                // U+00C0...U+00FF: the base letter, lowercased (× and ÷ kept).
                let index = Int(second) - 0x80
                if index >= 0, index < latin1Base.count, latin1Base[index] != 0 {
                    bytes.append(latin1Base[index])
                } else {
                    bytes.append(byte)
                    bytes.append(second)
                }
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The base letter of `C3 xx` at `xx - 0x80`; 0 for × and ÷.
    static let latin1Base: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo\u{0}ouuuuyts".utf8)
        + Array("aaaaaaaceeeeiiiidnooooo\u{0}ouuuuyty".utf8)
}

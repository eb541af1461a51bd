import Foundation
import QuestionModel

/// The corpus of earlier questions, indexed for the features: lookups by number and
/// date, by number alone, by author, minister and theme; BM25 search for similar
/// questions; abbreviations; the citation graph. An immutable value: build a new one
/// to change it, share it freely between threads.
public struct Corpus: Sendable {
    public let records: RecordList
    public let warnings: [LoadWarning]
    /// The files read, with size and modification time: what a cache is checked against.
    public internal(set) var manifest: [CorpusFiles.Entry]
    let searchIndex: SearchIndex
    let lookups: RecordLookups
    let signatures: RecordSignatures
    public let abbreviations: [Abbreviation]
    let abbreviationsByShortForm: [String: Int]
    /// Each record's definitions, which `abbreviations` are counted from.
    let recordAbbreviations: RecordAbbreviations
    /// What completion offers: built with the index by `CorpusLoader.open` and kept
    /// in its cache; empty for a corpus loaded without it.
    package internal(set) var vocabulary = CompletionVocabulary.empty

    public static let empty = CorpusBuilder().build()

    init(store: RecordStore, warnings: [LoadWarning], manifest: [CorpusFiles.Entry], searchIndex: SearchIndex,
         lookups: RecordLookups, signatures: RecordSignatures, abbreviations: [Abbreviation],
         recordAbbreviations: RecordAbbreviations) {
        self.records = RecordList(store: store)
        self.warnings = warnings
        self.manifest = manifest
        self.searchIndex = searchIndex
        self.lookups = lookups
        self.signatures = signatures
        self.abbreviations = abbreviations
        self.recordAbbreviations = recordAbbreviations
        self.abbreviationsByShortForm = Dictionary(
            abbreviations.enumerated().map { ($1.shortForm, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { records.count }

    /// The same corpus with more warnings (about this load, not its files).
    func adding(_ more: [LoadWarning]) -> Corpus {
        var corpus = Corpus(store: records.store, warnings: more + warnings, manifest: manifest, searchIndex: searchIndex,
                            lookups: lookups, signatures: signatures, abbreviations: abbreviations,
                            recordAbbreviations: recordAbbreviations)
        corpus.vocabulary = vocabulary
        return corpus
    }

    /// Whether `other` answers from the very same index in memory (a cache's corpus
    /// before and after it was checked against the files).
    public func sharesIndex(with other: Corpus) -> Bool { records.store === other.records.store }

    /// The same corpus, said to be built from `manifest` (a cache checked against it).
    func replacingManifest(_ manifest: [CorpusFiles.Entry]) -> Corpus {
        var corpus = self
        corpus.manifest = manifest
        return corpus
    }

    /// Sizes of the parts, for benchmarks and `vraagbaak index`.
    public var statistics: (terms: Int, postings: Int, recordTextBytes: Int) {
        (searchIndex.termCount, searchIndex.postingDocuments.count, records.store.text.count)
    }

    // MARK: Lookups

    /// Records filed under `number` on `date` (several when ministers share numbers).
    public func records(number: Int, date: DutchDate) -> [Record] {
        records(at: lookups.records(number: number, date: date, in: records.store))
    }

    /// Records with `number` on any date, by date: for "did you mean" when the date is wrong.
    public func records(number: Int) -> [Record] {
        records(at: lookups.records(number: number, date: nil, in: records.store))
    }

    /// Names are compared case-insensitively with whitespace collapsed.
    public func records(author: String) -> [Record] { records(at: lookups.authors.records(named: author)) }
    public func records(minister: String) -> [Record] { records(at: lookups.ministers.records(named: minister)) }
    public func records(theme: String) -> [Record] { records(at: lookups.themes.records(named: theme)) }

    /// Records that cite the written question `reference`.
    public func records(citing reference: QuestionReference) -> [Record] {
        records(at: lookups.citing(reference, in: records.store))
    }

    /// Every author, minister or theme once, as the corpus writes it, with how many
    /// records name it; most frequent first.
    public var authors: [(name: String, count: Int)] { names(lookups.authors, \.author) }
    public var ministers: [(name: String, count: Int)] { names(lookups.ministers, \.minister) }
    public var themes: [(name: String, count: Int)] { names(lookups.themes, \.theme) }

    private func names(_ table: NameTable, _ field: KeyPath<Record, String?>) -> [(name: String, count: Int)] {
        (0..<table.count).compactMap { name in
            let first = Int(table.recordStarts[name])
            let count = Int(table.recordStarts[name + 1]) - first
            guard count > 0 else { return nil }
            return records[Int(table.records[first])][keyPath: field].map { (name: $0, count: count) }
        }
        .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }

    private func records(at indices: [Int32]) -> [Record] { indices.map { records[Int($0)] } }

    // MARK: Search

    public struct SearchResult: Sendable {
        public let record: Record
        public let index: Int
        public let score: Double
    }

    /// The `limit` records most similar to `text` (BM25), best first.
    public func search(_ text: String, limit: Int = 10, excluding: Set<Int> = []) -> [SearchResult] {
        searchIndex.search(text, limit: limit, excluding: excluding).map {
            SearchResult(record: records[$0.document], index: $0.document, score: $0.score)
        }
    }

    /// What a text's search scores against the record are measured by: the score
    /// of the record's own question text (title and question part) against itself.
    /// A draft scoring that much asks about everything the record asked about.
    public func selfScore(_ record: Int) -> Double { searchIndex.selfScore(record) }

    /// The same yardstick for a text that is not in the corpus (a draft).
    public func selfScore(title: String, question: String) -> Double {
        searchIndex.selfScore(title: title, question: question)
    }

    // MARK: Repetition

    /// How many of `shingles` (a draft's) the record's whole question text shares.
    public func shingleOverlap(_ record: Int, with shingles: Shingles) -> ShingleOverlap {
        signatures.overlap(record, with: shingles)
    }

    /// The shingles of a record's whole question text.
    public func shingles(_ record: Int) -> Shingles { signatures.shingles(record) }

    /// The records read from the file at `path` (a draft inside its own corpus);
    /// paths are compared with `.` and `..` resolved, and symbolic links followed
    /// for the few records whose file name matches.
    public func records(atPath path: String) -> [Int] {
        let name = Array(URL(fileURLWithPath: path).lastPathComponent.utf8)
        guard !name.isEmpty else { return [] }
        let wanted = Self.canonicalPath(path)
        var found: [Int] = []
        let store = records.store
        for index in 0..<store.count where !store.isEmbedded(index) {
            let range = store.range(.source, index)
            guard range.count >= name.count,
                  store.text.bytesEqual((range.upperBound - name.count)..<range.upperBound, String(decoding: name, as: UTF8.self))
            else { continue }
            if Self.canonicalPath(store.text.string(range)) == wanted { found.append(index) }
        }
        return found
    }

    /// A path with `.` and `..` resolved and symbolic links followed.
    public static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    public func abbreviation(_ shortForm: String) -> Abbreviation? {
        abbreviationsByShortForm[shortForm].map { abbreviations[$0] }
    }
}

/// Collects records one by one and builds the indexes.
public struct CorpusBuilder {
    var records = RecordStoreBuilder()
    var warnings: [LoadWarning] = []
    var manifest: [CorpusFiles.Entry] = []
    private var search = SearchIndexBuilder()
    private var abbreviations = RecordAbbreviationsBuilder()
    private var signatures = RecordSignaturesBuilder()

    public init() {}

    mutating func globalTermID(for term: String) -> Int32 {
        search.globalID(for: term)
    }

    mutating func add(_ record: RecordFields, _ extracted: ExtractedText, globalTermIDs: [Int32]) {
        // Past what the columns' narrow types address, a record is skipped, never trapped on.
        guard records.fits(record), search.fits(extracted.terms) else {
            let path: String
            switch record.source {
            case .file(let file): path = file
            case .embedded(let name): path = name
            }
            warnings.append(LoadWarning(path: path, kind: .corpusFull, message:
                "skipped: the corpus is full (at most \(records.maximumTextBytes) bytes of record text and \(SearchIndexBuilder.maximumPostings) index entries)"))
            return
        }
        records.append(record)
        search.add(extracted.terms, globalIDs: globalTermIDs)
        signatures.append(extracted.shingles)
        abbreviations.append(extracted.abbreviations)
    }

    /// Room for `factor` times what was added so far: the loader's estimate of the
    /// whole corpus after its first batch, so the columns grow once instead of by
    /// doublings (each a copy, on the merge thread that shares the cores with the parse).
    mutating func reserve(growingBy factor: Double) {
        guard factor > 1 else { return }
        func more(_ count: Int) -> Int { Int((Double(count) * (factor - 1)).rounded(.up)) }
        let sizes = records.sizes
        records.reserve(records: more(sizes.records), textBytes: more(sizes.textBytes), citations: more(sizes.citations))
        search.reserve(documents: more(sizes.records), postings: more(search.postingTotal))
        signatures.reserve(records: more(sizes.records), hashes: more(signatures.hashCount))
    }

    /// `withVocabulary`: the corpus with its completion vocabulary (as `CorpusLoader.open`
    /// caches it), built alongside the search index.
    public consuming func build(withVocabulary: Bool = false) -> Corpus {
        // The search index (its postings sorted by term: the longest part) is built on
        // a second thread while this one builds the records and their lookups.
        var postings = SearchIndexBuilder()
        swap(&postings, &search)
        let searching = BackgroundResult(moving: postings) { postings in postings.build() }
        let store = records.build()
        let definitions = abbreviations.build()
        let lookups = RecordLookups(store)
        let signatures = signatures.build()
        let abbreviations = definitions.abbreviations()
        func corpus(_ searchIndex: SearchIndex) -> Corpus {
            Corpus(store: store, warnings: warnings, manifest: manifest, searchIndex: searchIndex,
                   lookups: lookups, signatures: signatures,
                   abbreviations: abbreviations, recordAbbreviations: definitions)
        }
        guard withVocabulary else { return corpus(searching.value) }
        // The vocabulary reads the records, their names and abbreviations, never the
        // search index: built while the search index is, not after it (half a second
        // of a 100,000-question build had a core idle).
        let vocabulary = CompletionVocabulary(corpus(SearchIndexBuilder().build()))
        var built = corpus(searching.value)
        built.vocabulary = vocabulary
        return built
    }
}

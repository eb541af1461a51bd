import QuestionModel

/// The corpus of earlier questions, indexed for the features: lookups by number and
/// date, by number alone, by author, minister and theme; BM25 search for similar
/// questions; abbreviations; the citation graph. An immutable value: build a new one
/// to change it, share it freely between threads.
public struct Corpus: Sendable {
    public let records: RecordList
    public let warnings: [LoadWarning]
    /// The files read, with size and modification time: what a cache is checked against.
    public let manifest: [CorpusFiles.Entry]
    let searchIndex: SearchIndex
    let byReference: [QuestionReference: [Int32]]
    let byNumber: [Int: [Int32]]
    let byAuthor: [String: [Int32]]
    let byMinister: [String: [Int32]]
    let byTheme: [String: [Int32]]
    let citedBy: [QuestionReference: [Int32]]
    public let abbreviations: [Abbreviation]
    let abbreviationsByShortForm: [String: Int]

    public static let empty = CorpusBuilder().build()

    /// Builds the lookup maps, which are cheap to derive and so are never cached.
    init(store: RecordStore, warnings: [LoadWarning], manifest: [CorpusFiles.Entry], searchIndex: SearchIndex,
         abbreviations: [Abbreviation]) {
        let records = RecordList(store: store)
        var byReference: [QuestionReference: [Int32]] = [:]
        var byNumber: [Int: [Int32]] = [:]
        var byAuthor: [String: [Int32]] = [:]
        var byMinister: [String: [Int32]] = [:]
        var byTheme: [String: [Int32]] = [:]
        var citedBy: [QuestionReference: [Int32]] = [:]
        // Names repeat across thousands of records: normalise each distinct one once.
        var keys: [String: String] = [:]
        func key(_ name: String) -> String {
            if let known = keys[name] { return known }
            let normalised = Corpus.key(name)
            keys[name] = normalised
            return normalised
        }
        for offset in 0..<store.count {
            let index = Int32(offset)
            if let number = store.number(offset) {
                byNumber[number, default: []].append(index)
                if let date = store.date(offset) {
                    byReference[QuestionReference(number: number, date: date), default: []].append(index)
                }
            }
            if let author = store.string(.author, offset) { byAuthor[key(author), default: []].append(index) }
            if let minister = store.string(.minister, offset) { byMinister[key(minister), default: []].append(index) }
            if let theme = store.string(.theme, offset) { byTheme[key(theme), default: []].append(index) }
            for cited in store.citedQuestions(offset) { citedBy[cited, default: []].append(index) }
        }
        self.records = records
        self.warnings = warnings
        self.manifest = manifest
        self.searchIndex = searchIndex
        self.byReference = byReference
        self.byNumber = byNumber
        self.byAuthor = byAuthor
        self.byMinister = byMinister
        self.byTheme = byTheme
        self.citedBy = citedBy
        self.abbreviations = abbreviations
        self.abbreviationsByShortForm = Dictionary(
            abbreviations.enumerated().map { ($1.shortForm, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public var count: Int { records.count }

    /// Sizes of the parts, for benchmarks and `vraagbaak index`.
    public var statistics: (terms: Int, postings: Int, recordTextBytes: Int) {
        (searchIndex.termCount, searchIndex.postingDocuments.count, records.store.text.count)
    }

    // MARK: Lookups

    /// Records filed under `number` on `date` (several when ministers share numbers).
    public func records(number: Int, date: DutchDate) -> [Record] {
        (byReference[QuestionReference(number: number, date: date)] ?? []).map { records[Int($0)] }
    }

    /// Records with `number` on any date: for "did you mean" when the date is wrong.
    public func records(number: Int) -> [Record] {
        (byNumber[number] ?? []).map { records[Int($0)] }
    }

    public func records(author: String) -> [Record] { lookup(byAuthor, author) }
    public func records(minister: String) -> [Record] { lookup(byMinister, minister) }
    public func records(theme: String) -> [Record] { lookup(byTheme, theme) }

    /// Records that cite the written question `reference`.
    public func records(citing reference: QuestionReference) -> [Record] {
        (citedBy[reference] ?? []).map { records[Int($0)] }
    }

    /// Every author, minister or theme once, as the corpus writes it, with how many
    /// records name it; most frequent first.
    public var authors: [(name: String, count: Int)] { names(byAuthor, \.author) }
    public var ministers: [(name: String, count: Int)] { names(byMinister, \.minister) }
    public var themes: [(name: String, count: Int)] { names(byTheme, \.theme) }

    private func names(_ map: [String: [Int32]], _ field: KeyPath<Record, String?>) -> [(name: String, count: Int)] {
        map.values.compactMap { indices in
            records[Int(indices[0])][keyPath: field].map { (name: $0, count: indices.count) }
        }
        .sorted { ($0.count, $1.name) > ($1.count, $0.name) }
    }

    private func lookup(_ map: [String: [Int32]], _ key: String) -> [Record] {
        (map[Self.key(key)] ?? []).map { records[Int($0)] }
    }

    /// Names are compared case-insensitively with whitespace collapsed.
    static func key(_ name: String) -> String {
        RecordBuilder.collapseWhitespace(name).lowercased()
    }

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
    private var abbreviations = AbbreviationCollector()

    public init() {}

    mutating func globalTermIDs(for localTerms: [String]) -> [Int32] {
        search.globalIDs(for: localTerms)
    }

    mutating func add(_ record: RecordFields, _ extracted: ExtractedText, globalTermIDs: [Int32]) {
        records.append(record)
        search.add(extracted.terms, globalIDs: globalTermIDs)
        abbreviations.collect(extracted.abbreviations)
    }

    public consuming func build() -> Corpus {
        Corpus(store: records.build(), warnings: warnings, manifest: manifest, searchIndex: search.build(),
               abbreviations: abbreviations.result())
    }
}

import QuestionModel

/// The corpus's lookups (by number and date, by number, by author, minister and
/// theme, and who cites whom) as sorted columns of record indices, searched by
/// bisection. Built once with the index and stored in the cache, so a reopened
/// corpus uses them in place: nothing is hashed or rebuilt for 100,000 records.
struct RecordLookups: Sendable {
    /// Records with a number, sorted by (number, date, record).
    let byReference: Column<Int32>
    /// Citations with a date (indices into the store's cited columns), sorted by
    /// (cited number, cited date, citation).
    let citations: Column<Int32>
    let authors: NameTable
    let ministers: NameTable
    let themes: NameTable

    init(byReference: Column<Int32>, citations: Column<Int32>, authors: NameTable, ministers: NameTable,
         themes: NameTable) {
        self.byReference = byReference
        self.citations = citations
        self.authors = authors
        self.ministers = ministers
        self.themes = themes
    }

    init(_ store: RecordStore) {
        let sorted = Self.sortedColumns(store)
        self.init(byReference: sorted.byReference, citations: sorted.citations, authors: NameTable(store, .author),
                  ministers: NameTable(store, .minister), themes: NameTable(store, .theme))
    }

    /// Records by reference, and citations by what they cite.
    static func sortedColumns(_ store: RecordStore) -> (byReference: Column<Int32>, citations: Column<Int32>) {
        let numbered = (0..<store.count).filter { store.numbers[$0] >= 0 }.map(Int32.init)
        let byReference = numbered.sorted { (store.numbers[Int($0)], store.dates[Int($0)], $0)
            < (store.numbers[Int($1)], store.dates[Int($1)], $1) }
        let dated = (0..<store.citedNumbers.count).filter { store.citedDates[$0] > 0 }.map(Int32.init)
        let citations = dated.sorted { (store.citedNumbers[Int($0)], store.citedDates[Int($0)], $0)
            < (store.citedNumbers[Int($1)], store.citedDates[Int($1)], $1) }
        return (Column(byReference), Column(citations))
    }

    /// Whether every index points into `store`, so no lookup can read out of bounds.
    func isConsistent(with store: RecordStore) -> Bool {
        byReference.allIndices(below: store.count) && citations.allIndices(below: store.citedNumbers.count)
            && [authors, ministers, themes].allSatisfy { $0.isConsistent(recordCount: store.count) }
    }

    // MARK: Lookups

    /// Records numbered `number`, on `date` when given, by date.
    func records(number: Int, date: DutchDate?, in store: RecordStore) -> [Int32] {
        guard let number = Int32(exactly: number) else { return [] }
        let packed = date.map(RecordStore.pack)
        let range = byReference.equalRange { record in
            let key = store.numbers[Int(record)]
            if key != number { return key < number ? .before : .after }
            guard let packed else { return .equal }
            let recordDate = store.dates[Int(record)]
            return recordDate == packed ? .equal : recordDate < packed ? .before : .after
        }
        return range.map { byReference[$0] }
    }

    /// The records that cite `reference`, in record order, each once.
    func citing(_ reference: QuestionReference, in store: RecordStore) -> [Int32] {
        guard let number = Int32(exactly: reference.number) else { return [] }
        let date = RecordStore.pack(reference.date)
        let range = citations.equalRange { citation in
            let citedNumber = store.citedNumbers[Int(citation)]
            if citedNumber != number { return citedNumber < number ? .before : .after }
            let citedDate = store.citedDates[Int(citation)]
            return citedDate == date ? .equal : citedDate < date ? .before : .after
        }
        // A citation belongs to the record whose slice of the cited columns holds it.
        var records: [Int32] = []
        for position in range {
            let citation = citations[position]
            let record = Int32(store.citedStarts.bisect { $0 > citation } - 1)
            if records.last != record { records.append(record) }
        }
        return records
    }
}

/// The distinct names of one field (author, minister or theme), normalised and
/// sorted byte-wise, each with the records that name it.
struct NameTable: Sendable {
    /// Name `n` is `keyText[keyStarts[n] ..< keyStarts[n + 1]]`.
    let keyText: Column<UInt8>
    let keyStarts: Column<Int32>
    /// The records of name `n` are `records[recordStarts[n] ..< recordStarts[n + 1]]`.
    let recordStarts: Column<Int32>
    let records: Column<Int32>

    init(keyText: Column<UInt8>, keyStarts: Column<Int32>, recordStarts: Column<Int32>, records: Column<Int32>) {
        self.keyText = keyText
        self.keyStarts = keyStarts
        self.recordStarts = recordStarts
        self.records = records
    }

    init(_ store: RecordStore, _ field: RecordStore.Field) {
        // Names repeat across thousands of records: each distinct spelling is found by
        // its bytes, and made a string and normalised once (a string and two hashed
        // lookups per record and field were half of the lookups' build).
        var spellings = ByteTable()
        var keyOfSpelling: [Int] = []
        var keyIndex: [String: Int] = [:]
        var keys: [String] = []
        var recordsByKey: [[Int32]] = []
        store.text.withUnsafeBufferPointer { text in
            for record in 0..<store.count where store.has(field, record) {
                let name = UnsafeBufferPointer(rebasing: text[store.range(field, record)])
                let spelling = Int(spellings.value(for: name) { _ in Int32(keyOfSpelling.count) })
                if spelling == keyOfSpelling.count {
                    let key = Self.key(String(decoding: name, as: UTF8.self))
                    if let known = keyIndex[key] {
                        keyOfSpelling.append(known)
                    } else {
                        keyIndex[key] = keys.count
                        keyOfSpelling.append(keys.count)
                        keys.append(key)
                        recordsByKey.append([])
                    }
                }
                recordsByKey[keyOfSpelling[spelling]].append(Int32(record))
            }
        }
        var keyText: [UInt8] = []
        var keyStarts: [Int32] = [0]
        var recordStarts: [Int32] = [0]
        var records: [Int32] = []
        for index in keys.indices.sorted(by: { keys[$0].utf8.lexicographicallyPrecedes(keys[$1].utf8) }) {
            keyText.append(contentsOf: keys[index].utf8)
            keyStarts.append(Int32(keyText.count))
            records.append(contentsOf: recordsByKey[index])
            recordStarts.append(Int32(records.count))
        }
        self.init(keyText: Column(keyText), keyStarts: Column(keyStarts), recordStarts: Column(recordStarts),
                  records: Column(records))
    }

    /// Names are compared case-insensitively with whitespace collapsed.
    static func key(_ name: String) -> String {
        RecordBuilder.collapseWhitespace(name).lowercased()
    }

    var count: Int { keyStarts.count - 1 }

    func isConsistent(recordCount: Int) -> Bool {
        keyStarts.count >= 1 && keyStarts.count == recordStarts.count
            && keyStarts.first == 0 && Int(keyStarts.last ?? -1) == keyText.count && keyStarts.isNondecreasing
            && recordStarts.first == 0 && Int(recordStarts.last ?? -1) == records.count && recordStarts.isNondecreasing
            && records.allIndices(below: recordCount)
    }

    /// The records of name `n`, in record order.
    func records(ofName name: Int) -> [Int32] {
        (Int(recordStarts[name])..<Int(recordStarts[name + 1])).map { records[$0] }
    }

    /// The records that name `name` (compared as `key` compares).
    func records(named name: String) -> [Int32] {
        var key = Self.key(name)
        let range = key.withUTF8 { wanted in
            keyText.withUnsafeBufferPointer { text in
                (0..<count).equalRange { name in
                    let stored = UnsafeBufferPointer(rebasing: text[Int(keyStarts[name])..<Int(keyStarts[name + 1])])
                    if stored.elementsEqual(wanted) { return .equal }
                    return stored.lexicographicallyPrecedes(wanted) ? .before : .after
                }
            }
        }
        return range.flatMap { records(ofName: $0) }
    }
}

/// Where an element stands relative to the one sought in a sorted collection.
enum SearchOrder { case before, equal, after }

extension RandomAccessCollection where Index == Int {
    /// The positions whose elements compare `.equal`, in a collection sorted so that
    /// every `.before` precedes every `.equal`, which precede every `.after`.
    func equalRange(_ compare: (Element) -> SearchOrder) -> Range<Int> {
        let lower = bisect { compare($0) != .before }
        let upper = self[lower...].bisect { compare($0) == .after }
        return lower..<upper
    }

    /// The first position whose element satisfies `isAfter`, for a predicate that is
    /// false and then true along the collection (a bisection).
    func bisect(_ isAfter: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if isAfter(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension Column where Element == Int32 {
    /// Whether every element is a valid index below `bound`.
    func allIndices(below bound: Int) -> Bool {
        withUnsafeBufferPointer { elements in elements.allSatisfy { $0 >= 0 && Int($0) < bound } }
    }
}

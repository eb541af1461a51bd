/// The abbreviation definitions each record's text makes, as indices into a table
/// of distinct (short form, long form) pairs. The corpus's `abbreviations` are
/// counted from them, so an incremental update that drops a record also drops its
/// definitions, exactly as a full rebuild would.
struct RecordAbbreviations: Sendable {
    struct Pair: Hashable, Sendable {
        let shortForm: String
        let longForm: String
    }

    /// Distinct definitions, in the order first met.
    let pairs: [Pair]
    /// The definitions of record `r` are `definitions[starts[r] ..< starts[r + 1]]`.
    let starts: Column<Int32>
    let definitions: Column<Int32>

    static let empty = RecordAbbreviations(pairs: [], starts: Column([0]), definitions: Column([]))

    var count: Int { max(0, starts.count - 1) }

    func isConsistent(recordCount: Int) -> Bool {
        starts.count == recordCount + 1 && starts.first == 0 && Int(starts.last ?? -1) == definitions.count
            && starts.isNondecreasing && definitions.allIndices(below: pairs.count)
    }

    /// Per short form, the expansion the corpus uses most (as `AbbreviationCollector` decides).
    func abbreviations() -> [Abbreviation] {
        var counts = [Int](repeating: 0, count: pairs.count)
        definitions.withUnsafeBufferPointer { definitions in
            for pair in definitions { counts[Int(pair)] += 1 }
        }
        var collector = AbbreviationCollector()
        for (pair, count) in zip(pairs, counts) where count > 0 {
            collector.collect(pair.shortForm, pair.longForm, count: count)
        }
        return collector.result()
    }
}

struct RecordAbbreviationsBuilder {
    private var pairIDs: [RecordAbbreviations.Pair: Int32] = [:]
    private var pairs: [RecordAbbreviations.Pair] = []
    private var starts: [Int32] = [0]
    private var definitions: [Int32] = []

    private mutating func id(_ pair: RecordAbbreviations.Pair) -> Int32 {
        if let id = pairIDs[pair] { return id }
        let id = Int32(pairs.count)
        pairIDs[pair] = id
        pairs.append(pair)
        return id
    }

    /// The next record's definitions.
    mutating func append(_ found: [(shortForm: String, longForm: String)]) {
        for definition in found { definitions.append(id(.init(shortForm: definition.shortForm, longForm: definition.longForm))) }
        starts.append(Int32(clamping: definitions.count))
    }

    /// Records `range` of `other`, their definitions kept.
    mutating func append(_ other: RecordAbbreviations, records range: Range<Int>) {
        guard !range.isEmpty else { return }
        // Most pairs recur: map each of `other`'s pairs once, when first needed.
        var mapped = [Int32](repeating: -1, count: other.pairs.count)
        let first = Int(other.starts[range.lowerBound])
        let shift = Int32(definitions.count) - Int32(first)
        other.definitions.withUnsafeBufferPointer { theirs in
            for index in first..<Int(other.starts[range.upperBound]) {
                let pair = Int(theirs[index])
                if mapped[pair] < 0 { mapped[pair] = id(other.pairs[pair]) }
                definitions.append(mapped[pair])
            }
        }
        other.starts.withUnsafeBufferPointer { theirs in
            for record in (range.lowerBound + 1)...range.upperBound { starts.append(theirs[record] + shift) }
        }
    }

    func build() -> RecordAbbreviations {
        RecordAbbreviations(pairs: pairs, starts: Column(starts), definitions: Column(definitions))
    }
}

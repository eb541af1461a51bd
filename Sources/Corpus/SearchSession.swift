/// The scores of a query over every document of one `SearchIndex`, kept so that the
/// next query, a keystroke later, is searched by the difference: only the terms whose
/// weight changed touch their postings (`SearchIndex.search(_:limit:excluding:session:)`).
/// Scores are integers (fixed point), so a continued search is exactly a fresh one.
///
/// It holds the index it was made for: its columns stay alive as long as the session,
/// so a session is never taken for a later index that reuses their memory.
public struct SearchSession: Sendable {
    let index: SearchIndex
    /// Per term of the query, its weight in fixed point.
    var weights: [Int32: Int64] = [:]
    /// Per document, the sum of its postings' weights times the query's term weights.
    var scores: [Int64]
    /// The last ranking taken from `scores`, and what it was asked with.
    var ranking: (limit: Int, excluding: Set<Int>, hits: [SearchIndex.Hit])?

    init(_ index: SearchIndex) {
        self.index = index
        scores = [Int64](repeating: 0, count: index.documentCount)
    }

    /// Whether the session's scores are over `other`: the same columns, not merely
    /// equal ones (the same memory, kept alive by this session).
    func isOver(_ other: SearchIndex) -> Bool {
        index.documentCount == other.documentCount && index.termIDs.count == other.termIDs.count
            && scores.count == other.documentCount
            && index.postingStarts.isSameMemory(as: other.postingStarts)
            && index.postingDocuments.isSameMemory(as: other.postingDocuments)
            && index.postingWeights.isSameMemory(as: other.postingWeights)
    }
}

extension Column {
    /// Whether both columns are the same elements in memory (not a copy).
    func isSameMemory(as other: Column) -> Bool {
        guard count == other.count else { return false }
        return withUnsafeBufferPointer { mine in
            other.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress }
        }
    }
}

extension Corpus {
    /// `search(_:limit:excluding:)`, continuing from the scores of an earlier query
    /// (`SearchSession`): what the repetition check does at every keystroke.
    public func search(_ text: String, limit: Int, excluding: Set<Int>, session: inout SearchSession?) -> [SearchResult] {
        searchIndex.search(text, limit: limit, excluding: excluding, session: &session).map {
            SearchResult(record: records[$0.document], index: $0.document, score: $0.score)
        }
    }

    /// Whether `other` is this very corpus (the same columns in memory), so that what
    /// was computed against one holds for the other.
    public func isSame(as other: Corpus) -> Bool {
        count == other.count && searchIndex.postingWeights.isSameMemory(as: other.searchIndex.postingWeights)
            && signatures.hashes.isSameMemory(as: other.signatures.hashes)
            && records.store.text.isSameMemory(as: other.records.store.text)
    }
}

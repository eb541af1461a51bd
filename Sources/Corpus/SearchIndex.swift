import Foundation

/// An inverted index with BM25 ranking over records' titles, questions and answers.
///
/// Postings are stored flat (one array for all terms, sliced by `postingStarts`) so
/// that a 100,000-record corpus takes little memory and a query touches only
/// contiguous memory.
public struct SearchIndex: Sendable {
    /// BM25 parameters: the usual defaults.
    static let k1: Float = 1.2
    static let b: Float = 0.75

    var termIDs: [String: Int32]
    /// Postings of term `t` are `postingDocuments[postingStarts[t]..<postingStarts[t + 1]]`.
    var postingStarts: [Int32]
    var postingDocuments: [Int32]
    var postingFrequencies: [UInt16]
    /// Per document: `k1 * (1 - b + b * length / averageLength)`, precomputed.
    var lengthNorms: [Float]

    public var documentCount: Int { lengthNorms.count }
    public var termCount: Int { termIDs.count }

    public struct Hit: Sendable, Equatable {
        public let document: Int
        public let score: Double
    }

    /// The best `limit` documents for `text`, best first; ties go to the lower document.
    /// `excluding` removes documents from the ranking (the draft itself, say).
    public func search(_ text: String, limit: Int = 10, excluding: Set<Int> = []) -> [Hit] {
        var queryCounts: [Int32: Int] = [:]
        Tokenizer.forEachTerm(in: text) { term in
            if let id = termIDs[term] { queryCounts[id, default: 0] += 1 }
        }
        return search(termCounts: queryCounts, limit: limit, excluding: excluding)
    }

    func search(termCounts: [Int32: Int], limit: Int, excluding: Set<Int>) -> [Hit] {
        guard limit > 0, documentCount > 0, !termCounts.isEmpty else { return [] }
        let n = Float(documentCount)
        var scores = [Float](repeating: 0, count: documentCount)
        var touched: [Int32] = []
        // Deterministic order of terms, so float sums are the same on every run.
        for (term, queryCount) in termCounts.sorted(by: { $0.key < $1.key }) {
            let start = Int(postingStarts[Int(term)])
            let end = Int(postingStarts[Int(term) + 1])
            let documentFrequency = Float(end - start)
            let idf = logf(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5))
            // A word repeated in the query counts more, but with diminishing returns.
            let weight = idf * (1 + logf(Float(queryCount)))
            postingDocuments.withUnsafeBufferPointer { documents in
                postingFrequencies.withUnsafeBufferPointer { frequencies in
                    lengthNorms.withUnsafeBufferPointer { norms in
                        for p in start..<end {
                            let document = Int(documents[p])
                            let tf = Float(frequencies[p])
                            if scores[document] == 0 { touched.append(Int32(document)) }
                            scores[document] += weight * tf * (Self.k1 + 1) / (tf + norms[document])
                        }
                    }
                }
            }
        }
        var best = TopK(limit: limit)
        for document in touched where !excluding.contains(Int(document)) {
            best.insert(Int(document), score: scores[Int(document)])
        }
        return best.sorted.map { Hit(document: $0.document, score: Double($0.score)) }
    }
}

/// Keeps the `limit` highest scores seen; O(log limit) per insert would not pay off
/// for limit 10, so it is a sorted insertion into a small array.
struct TopK {
    let limit: Int
    private(set) var sorted: [(document: Int, score: Float)] = []

    init(limit: Int) { self.limit = limit }

    mutating func insert(_ document: Int, score: Float) {
        if sorted.count == limit, let last = sorted.last, !Self.ranks(score, document, before: last) { return }
        var index = sorted.count
        while index > 0, Self.ranks(score, document, before: sorted[index - 1]) { index -= 1 }
        sorted.insert((document, score), at: index)
        if sorted.count > limit { sorted.removeLast() }
    }

    private static func ranks(_ score: Float, _ document: Int, before other: (document: Int, score: Float)) -> Bool {
        score > other.score || (score == other.score && document < other.document)
    }
}

/// Builds a `SearchIndex` one document at a time.
struct SearchIndexBuilder {
    private var termIDs: [String: Int32] = [:]
    private var documents: [[Int32]] = []
    private var frequencies: [[UInt16]] = []
    private var lengths: [Int32] = []

    var documentCount: Int { lengths.count }

    /// Adds the next document (its id is the number of documents added before it).
    mutating func add(_ bag: TermBag) {
        let document = Int32(lengths.count)
        for (term, count) in bag.counts {
            let id: Int32
            if let existing = termIDs[term] {
                id = existing
            } else {
                id = Int32(termIDs.count)
                termIDs[term] = id
                documents.append([])
                frequencies.append([])
            }
            documents[Int(id)].append(document)
            frequencies[Int(id)].append(UInt16(min(count, Int(UInt16.max))))
        }
        lengths.append(Int32(bag.length))
    }

    consuming func build() -> SearchIndex {
        var starts: [Int32] = [0]
        starts.reserveCapacity(documents.count + 1)
        let total = documents.reduce(0) { $0 + $1.count }
        var flatDocuments: [Int32] = []
        var flatFrequencies: [UInt16] = []
        flatDocuments.reserveCapacity(total)
        flatFrequencies.reserveCapacity(total)
        for term in documents.indices {
            flatDocuments += documents[term]
            flatFrequencies += frequencies[term]
            starts.append(Int32(flatDocuments.count))
            documents[term] = []
            frequencies[term] = []
        }
        let average = lengths.isEmpty ? 1 : max(1, Float(lengths.reduce(0) { $0 + Int($1) }) / Float(lengths.count))
        let norms = lengths.map { SearchIndex.k1 * (1 - SearchIndex.b + SearchIndex.b * Float($0) / average) }
        return SearchIndex(termIDs: termIDs, postingStarts: starts, postingDocuments: flatDocuments,
                           postingFrequencies: flatFrequencies, lengthNorms: norms)
    }
}

/// The terms of one document with their counts, and its length in terms.
struct TermBag: Sendable {
    var counts: [(String, Int)]
    var length: Int

    /// Title terms count twice: a title says what the question is about.
    init(title: String, body: [String]) {
        var counts: [String: Int] = [:]
        var length = 0
        Tokenizer.forEachTerm(in: title) { counts[$0, default: 0] += 2; length += 2 }
        for text in body {
            Tokenizer.forEachTerm(in: text) { counts[$0, default: 0] += 1; length += 1 }
        }
        self.counts = counts.sorted { $0.key < $1.key }
        self.length = length
    }
}

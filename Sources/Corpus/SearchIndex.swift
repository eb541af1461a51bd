import Foundation

/// An inverted index with BM25F ranking over records' titles, questions and answers.
///
/// Each field has its own weight and its own length normalization (BM25F), so a
/// long answer does not drown the question it answers. The per-posting field
/// frequencies are folded into one pseudo-frequency when the index is built, and
/// saturated there too (`tf / (tf + k1)`), which keeps queries to one multiply-add
/// per posting.
///
/// Postings are stored flat (one array for all terms, sliced by `postingStarts`) so
/// that a 100,000-record corpus takes little memory and a query touches only
/// contiguous memory.
public struct SearchIndex: Sendable {
    static let k1: Float = 1.2
    static let b: Float = 0.75
    /// Field weights: the title says most about a question, the answer least (its
    /// wording differs per minister even when the question is the same).
    static let fieldWeights: [Float] = [3, 2, 1]

    var termIDs: [String: Int32]
    /// Postings of term `t` are `postingDocuments[postingStarts[t]..<postingStarts[t + 1]]`.
    var postingStarts: Column<Int32>
    var postingDocuments: Column<Int32>
    /// The saturated BM25F frequency `tf / (tf + k1)` of the term in the document
    /// (`tf` length-normalized per field), in fixed point (`weightScale` per unit,
    /// never 0): half the memory of a Float, and ranking needs no more precision.
    var postingWeights: Column<UInt16>
    static let weightScale: Float = 65535
    var documentCount: Int
    /// Per document: the score its own title and question terms give it (as if its
    /// question text were the query), as `Float` bit patterns. The yardstick of
    /// `Corpus.selfScore`.
    var selfScores: Column<UInt32>
    /// The average field lengths (title, question, answer) the stored weights were
    /// normalized by: an incremental update weighs new documents by the same ones.
    var fieldAverages: [Float] = [1, 1, 1]
    /// Documents added, changed or removed by incremental updates since these
    /// averages were computed: past a share of the corpus, a full rebuild is due.
    var updatedDocuments = 0

    public var termCount: Int { termIDs.count }

    public struct Hit: Sendable, Equatable {
        public let document: Int
        public let score: Double
    }

    /// The best `limit` documents for `text`, best first; ties go to the lower document.
    /// `excluding` removes documents from the ranking (the draft itself, say).
    public func search(_ text: String, limit: Int = 10, excluding: Set<Int> = []) -> [Hit] {
        var session: SearchSession?
        return search(text, limit: limit, excluding: excluding, session: &session)
    }

    /// The same search, continuing from `session`, the scores of an earlier query
    /// (nil, or of another index: searched afresh). Only the terms whose weight
    /// changed cost their postings, so a keystroke's search is cheap; the answer is
    /// exactly that of a fresh search (scores are sums of integers). Leaves this
    /// query's scores in `session`.
    public func search(_ text: String, limit: Int, excluding: Set<Int>, session: inout SearchSession?) -> [Hit] {
        var queryCounts: [Int32: Int] = [:]
        for (term, count) in Tokenizer.termCounts(in: text) {
            if let id = termIDs[term] { queryCounts[id, default: 0] += count }
        }
        return search(termCounts: queryCounts, limit: limit, excluding: excluding, session: &session)
    }

    func search(termCounts: [Int32: Int], limit: Int, excluding: Set<Int>, session: inout SearchSession?) -> [Hit] {
        guard documentCount > 0 else { return [] }
        var weights: [Int32: Int64] = [:]
        weights.reserveCapacity(termCounts.count)
        for (term, queryCount) in termCounts {
            let frequency = Int(postingStarts[Int(term) + 1] - postingStarts[Int(term)])
            weights[term] = Self.fixedQueryWeight(documents: documentCount, frequency: frequency, queryCount: queryCount)
        }
        var current = session.flatMap { $0.isOver(self) ? $0 : nil } ?? SearchSession(self)
        session = nil
        // What changed since the session's query: every term, for a fresh one.
        var changes: [(term: Int32, delta: Int64)] = []
        for (term, weight) in weights where current.weights[term] != weight {
            changes.append((term, weight &- (current.weights[term] ?? 0)))
        }
        for (term, weight) in current.weights where weights[term] == nil {
            changes.append((term, 0 &- weight))
        }
        for (term, delta) in changes {
            let start = Int(postingStarts[Int(term)])
            let end = Int(postingStarts[Int(term) + 1])
            postingDocuments.withUnsafeBufferPointer { documents in
                postingWeights.withUnsafeBufferPointer { stored in
                    current.scores.withUnsafeMutableBufferPointer { scores in
                        for p in start..<end {
                            scores[Int(documents[p])] &+= delta &* Int64(stored[p])
                        }
                    }
                }
            }
        }
        current.weights = weights
        if !changes.isEmpty { current.ranking = nil }
        defer { session = current }
        guard limit > 0, !weights.isEmpty else { return [] }
        // No score moved (the keystroke changed no indexed term): the same ranking.
        if changes.isEmpty, let last = current.ranking, last.limit == limit, last.excluding == excluding {
            return last.hits
        }
        // Every posting adds more than 0, so a document scored exactly when its score is above 0.
        var best = TopK(limit: limit)
        current.scores.withUnsafeBufferPointer { scores in
            for document in 0..<scores.count where scores[document] > 0 {
                if best.admits(scores[document]), !excluding.contains(document) {
                    best.insert(document, score: scores[document])
                }
            }
        }
        let hits = best.sorted.map { Hit(document: $0.document, score: Double($0.score) * Self.fixedPointUnit) }
        current.ranking = (limit, excluding, hits)
        return hits
    }

    /// Query weights in fixed point, so that a document's score is a sum of integers:
    /// exact, whatever the order the terms are added or taken away in.
    static let fixedPointScale = Double(1 << 40)
    static let fixedPointUnit: Double = 1 / fixedPointScale

    /// `queryWeight` in fixed point; at least 1, so a posting always adds to a score.
    static func fixedQueryWeight(documents: Int, frequency: Int, queryCount: Int) -> Int64 {
        let weight = Double(queryWeight(documents: documents, frequency: frequency, queryCount: queryCount))
        return max(1, Int64((weight * fixedPointScale).rounded()))
    }

    /// What one posting's stored weight is multiplied by: the term's idf, the
    /// query's count of it (with diminishing returns) and BM25's `k1 + 1`.
    static func queryWeight(documents: Int, frequency: Int, queryCount: Int) -> Float {
        queryWeight(idf: idf(documents: documents, frequency: frequency), countFactor: countFactor(queryCount))
    }

    /// The parts of `queryWeight`, for a build that weighs millions of postings with
    /// a few thousand idfs and counts: each `logf` once, the same float expression.
    @inline(__always)
    static func queryWeight(idf: Float, countFactor: Float) -> Float {
        idf * countFactor * (k1 + 1) / weightScale
    }

    static func idf(documents: Int, frequency: Int) -> Float {
        let n = Float(documents), documentFrequency = Float(frequency)
        return logf(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5))
    }

    /// The query's count of a term, with diminishing returns.
    static func countFactor(_ queryCount: Int) -> Float {
        1 + logf(Float(max(1, queryCount)))
    }

    /// What a text not in the index would score against itself, were it a document:
    /// each of its terms weighed as the index weighs a document's (title and question
    /// fields, saturated), with no length normalization (a draft has no place among
    /// the corpus's lengths). A term the corpus never uses counts with the idf of a
    /// term in no document: words no record has are the surest sign of a new question.
    func selfScore(title: String, question: String) -> Double {
        var counts: [String: FieldCounts] = [:]
        for (field, text) in [(0, title), (1, question)] {
            // Added at once, wrapping as adding one at a time would.
            for (term, count) in Tokenizer.termCounts(in: text) {
                counts[term, default: FieldCounts()].add(UInt16(truncatingIfNeeded: count), to: field)
            }
        }
        var score: Float = 0
        for (term, count) in counts {
            let frequency = termIDs[term].map { Int(postingStarts[Int($0) + 1] - postingStarts[Int($0)]) } ?? 0
            let weight = Float(count[0]) * Self.fieldWeights[0] + Float(count[1]) * Self.fieldWeights[1]
            let saturated = weight / (weight + Self.k1)
            score += Self.queryWeight(documents: documentCount, frequency: frequency, queryCount: count[0] + count[1])
                * saturated * Self.weightScale
        }
        return Double(score)
    }

    func selfScore(_ document: Int) -> Double {
        guard document >= 0, document < selfScores.count else { return 0 }
        return Double(Float(bitPattern: selfScores[document]))
    }
}

extension SearchIndex {
    /// Per field of a document: weight / (1 - b + b * length / average).
    static func lengthFactors(_ lengths: FieldCounts, averages: [Float]) -> (Float, Float, Float) {
        func factor(_ field: Int) -> Float {
            fieldWeights[field] / (1 - b + b * Float(lengths[field]) / averages[field])
        }
        return (factor(0), factor(1), factor(2))
    }

    /// A posting's stored weight: the saturated BM25F frequency in fixed point.
    static func storedWeight(_ counts: FieldCounts, _ factor: (Float, Float, Float)) -> UInt16 {
        let weight = Float(counts[0]) * factor.0 + Float(counts[1]) * factor.1 + Float(counts[2]) * factor.2
        let saturated = weight / (weight + k1)
        // At least 1: a term that occurs must never score as absent.
        return UInt16(max(1, min(Float(UInt16.max), roundedHalfAway(saturated * weightScale))))
    }

    /// `value.rounded()` (half away from zero) for 0 ≤ value < 2^31, without the
    /// call to `roundf` the build made per posting: the truncation is exact, and so is
    /// the difference.
    @inline(__always)
    static func roundedHalfAway(_ value: Float) -> Float {
        let truncated = Float(Int32(value))
        return value - truncated >= 0.5 ? truncated + 1 : truncated
    }
}

/// Keeps the `limit` highest scores seen; a sorted insertion into a small array,
/// which for limit 10 beats a heap.
struct TopK {
    let limit: Int
    private(set) var sorted: [(document: Int, score: Int64)] = []

    init(limit: Int) { self.limit = limit }

    /// Whether a score could enter: a cheap test before the exclusion lookup.
    func admits(_ score: Int64) -> Bool {
        sorted.count < limit || score >= (sorted.last?.score ?? 0)
    }

    mutating func insert(_ document: Int, score: Int64) {
        if sorted.count == limit, let last = sorted.last, !Self.ranks(score, document, before: last) { return }
        var index = sorted.count
        while index > 0, Self.ranks(score, document, before: sorted[index - 1]) { index -= 1 }
        sorted.insert((document, score), at: index)
        if sorted.count > limit { sorted.removeLast() }
    }

    private static func ranks(_ score: Int64, _ document: Int, before other: (document: Int, score: Int64)) -> Bool {
        score > other.score || (score == other.score && document < other.document)
    }
}

/// Builds a `SearchIndex` one document at a time. Field frequencies are kept raw
/// until `build()`, when the average field lengths are known.
///
/// Postings are collected flat, in document order (appending to one array per term
/// made the serial merge check and grow thousands of arrays), and sorted by term
/// in `build()` with one counting pass: within a term they stay in document order.
struct SearchIndexBuilder {
    private var termIDs: [String: Int32] = [:]
    /// Every document's postings, document by document: the term and its raw counts.
    private var postingTerms: [Int32] = []
    private var postingCounts: [FieldCounts] = []
    /// Where each document's postings start in `postingTerms`; one more at the end.
    private var documentStarts: [Int32] = [0]
    /// Per term: how many documents have it.
    private var termFrequencies: [Int32] = []
    private var fieldLengths: [FieldCounts] = []

    var documentCount: Int { fieldLengths.count }
    /// Postings are addressed by Int32 offsets.
    static let maximumPostings = Int(Int32.max)
    private var postingCount: Int { postingTerms.count }

    /// Whether a document with `bag`'s terms still fits the index's offsets.
    func fits(_ bag: TermBag) -> Bool {
        postingCount + bag.counts.count <= Self.maximumPostings && documentCount < Int(Int32.max)
    }

    /// The index-wide id of a worker's local term, a new one for a term new to the
    /// index (looked up once per distinct term per worker, not per term per document).
    mutating func globalID(for term: String) -> Int32 {
        if let existing = termIDs[term] { return existing }
        let id = Int32(termIDs.count)
        termIDs[term] = id
        termFrequencies.append(0)
        return id
    }

    /// Room for `documents` more documents with `postings` more postings.
    mutating func reserve(documents: Int, postings: Int) {
        postingTerms.reserveCapacity(postingTerms.count + postings)
        postingCounts.reserveCapacity(postingCounts.count + postings)
        documentStarts.reserveCapacity(documentStarts.count + documents)
        fieldLengths.reserveCapacity(fieldLengths.count + documents)
    }

    var postingTotal: Int { postingTerms.count }

    /// Adds the next document (its id is the number of documents added before it);
    /// `globalIDs` maps the bag's local term ids.
    mutating func add(_ bag: TermBag, globalIDs: [Int32]) {
        globalIDs.withUnsafeBufferPointer { globalIDs in
            termFrequencies.withUnsafeMutableBufferPointer { frequencies in
                for (local, counts) in bag.counts {
                    let id = globalIDs[Int(local)]
                    postingTerms.append(id)
                    postingCounts.append(counts)
                    frequencies[Int(id)] += 1
                }
            }
        }
        documentStarts.append(Int32(postingTerms.count))
        fieldLengths.append(bag.lengths)
    }

    /// Query counts below this have their `countFactor` looked up in the build.
    static let tabulatedCounts = 256

    consuming func build() -> SearchIndex {
        var averages: [Float] = [0, 0, 0]
        for lengths in fieldLengths {
            for field in 0..<3 { averages[field] += Float(lengths[field]) }
        }
        let count = Float(max(1, fieldLengths.count))
        averages = averages.map { max(1, $0 / count) }
        let factors = fieldLengths.map { SearchIndex.lengthFactors($0, averages: averages) }

        var starts: [Int32] = [0]
        starts.reserveCapacity(termFrequencies.count + 1)
        for frequency in termFrequencies { starts.append(starts[starts.count - 1] + frequency) }
        let total = postingTerms.count
        // Term by term, each term's documents in document order: a posting goes to
        // the next free place of its term. Every place gets exactly one posting (a
        // term has as many places as documents with it), so the arrays are not
        // zeroed first (160 MB at 100,000 questions).
        var next = starts.dropLast().map { Int($0) }
        var flatWeights: [UInt16] = []
        var asked: [UInt32] = []
        let flatDocuments = [Int32](unsafeUninitializedCapacity: total) { flatDocuments, documentsCount in
            flatWeights = [UInt16](unsafeUninitializedCapacity: total) { flatWeights, weightsCount in
                asked = [UInt32](unsafeUninitializedCapacity: total) { asked, askedCount in
                    postingTerms.withUnsafeBufferPointer { terms in
                        postingCounts.withUnsafeBufferPointer { counts in
                            for document in 0..<(documentStarts.count - 1) {
                                let factor = factors[document]
                                for posting in Int(documentStarts[document])..<Int(documentStarts[document + 1]) {
                                    let term = Int(terms[posting])
                                    let place = next[term]
                                    next[term] = place + 1
                                    flatDocuments[place] = Int32(document)
                                    flatWeights[place] = SearchIndex.storedWeight(counts[posting], factor)
                                    asked[place] = UInt32(counts[posting][0] + counts[posting][1])
                                }
                            }
                        }
                    }
                    askedCount = total
                }
                weightsCount = total
            }
            documentsCount = total
        }
        postingTerms = []
        postingCounts = []
        // The score each posting adds when the document's own question text is the
        // query, summed term by term (so every float sum is made in one order).
        // Each term's idf and each small count's factor are taken once, not per posting.
        let countFactors = (0..<Self.tabulatedCounts).map { SearchIndex.countFactor($0) }
        var selfScores = [Float](repeating: 0, count: fieldLengths.count)
        selfScores.withUnsafeMutableBufferPointer { selfScores in
            countFactors.withUnsafeBufferPointer { countFactors in
                for term in termFrequencies.indices {
                    let idf = SearchIndex.idf(documents: fieldLengths.count, frequency: Int(termFrequencies[term]))
                    for place in Int(starts[term])..<Int(starts[term + 1]) where asked[place] > 0 {
                        let count = Int(asked[place])
                        let countFactor = count < Self.tabulatedCounts ? countFactors[count] : SearchIndex.countFactor(count)
                        selfScores[Int(flatDocuments[place])] += SearchIndex.queryWeight(idf: idf, countFactor: countFactor)
                            * Float(flatWeights[place])
                    }
                }
            }
        }
        return SearchIndex(termIDs: termIDs, postingStarts: Column(starts), postingDocuments: Column(flatDocuments),
                           postingWeights: Column(flatWeights), documentCount: fieldLengths.count,
                           selfScores: Column(selfScores.map(\.bitPattern)), fieldAverages: averages)
    }
}

/// Term counts per field (title, question, answer).
struct FieldCounts: Sendable {
    var title: UInt16 = 0
    var question: UInt16 = 0
    var answer: UInt16 = 0

    var isEmpty: Bool { title == 0 && question == 0 && answer == 0 }

    subscript(field: Int) -> Int {
        switch field {
        case 0: return Int(title)
        case 1: return Int(question)
        default: return Int(answer)
        }
    }

    mutating func add(_ count: UInt16, to field: Int) {
        switch field {
        case 0: title &+= count
        case 1: question &+= count
        default: answer &+= count
        }
    }
}

/// The terms of one document (as a worker's local ids) with their counts per
/// field, and the field lengths.
struct TermBag: Sendable {
    var counts: [(Int32, FieldCounts)]
    var lengths: FieldCounts

    init(title: String, question: [String], answer: String?, interner: inout TermInterner) {
        var unused: [UInt64]? = nil
        self.init(title: title, question: question, answer: answer, interner: &interner, shingleWords: &unused)
    }

    /// With `shingleWords`, also the shingle hashes of the title's and the
    /// question's words, in order: `Shingles(text: title + "\n" + question...)` in
    /// the same pass.
    init(title: String, question: [String], answer: String?, interner: inout TermInterner,
         shingleWords: inout [UInt64]?) {
        var lengths = FieldCounts()
        interner.count(title, field: 0, lengths: &lengths, shingleWords: &shingleWords)
        for text in question { interner.count(text, field: 1, lengths: &lengths, shingleWords: &shingleWords) }
        var none: [UInt64]? = nil
        if let answer { interner.count(answer, field: 2, lengths: &lengths, shingleWords: &none) }
        counts = interner.takeCounts()
        self.lengths = lengths
    }
}

/// The word shingles of a text: every run of three consecutive content words
/// (lowercased, accents folded, stopwords and one-letter words dropped, as the
/// search tokenizes), each hashed to 32 bits; sorted, each once.
///
/// Two texts share a shingle only where they share three content words in a row,
/// so a near-verbatim copy shares nearly all of them whatever its layout (line
/// breaks, item markers, items run together), and a question asked in other words
/// shares few. Hashing works on the words' bytes: no string per word, so the
/// indexer can afford it for every record.
public struct Shingles: Sendable, Equatable {
    public static let width = 3
    /// Sorted ascending, no duplicates.
    public let hashes: [UInt32]

    public init(sortedHashes: [UInt32]) { hashes = sortedHashes }

    public init(text: String) {
        var words: [UInt64] = []
        Tokenizer.forEachWord(in: text) { word in
            let hash = Self.hash(word)
            if Self.keeps(hash) { words.append(hash) }
        }
        self.init(wordHashes: words)
    }

    /// From the `hash`es of the text's words that `keeps`, in order (the indexer
    /// has them from its own pass over the text).
    init(wordHashes words: [UInt64]) {
        var hashes: [UInt32] = []
        if words.count < Self.width {
            // A text of one or two words: one shingle of what there is.
            if !words.isEmpty { hashes.append(Self.combine(words[...])) }
        } else {
            hashes.reserveCapacity(words.count - Self.width + 1)
            for start in 0...(words.count - Self.width) {
                hashes.append(Self.combine(words[start..<(start + Self.width)]))
            }
        }
        hashes = Self.sortedAscending(hashes)
        var unique: [UInt32] = []
        unique.reserveCapacity(hashes.count)
        for hash in hashes where unique.last != hash { unique.append(hash) }
        self.hashes = unique
    }

    /// `values` ascending. Past a few dozen, by four passes of a byte each (LSD radix):
    /// the hashes are random, so a comparison sort mispredicts at most steps (a
    /// fiftieth of an index build's CPU went to sorting shingles).
    static func sortedAscending(_ values: [UInt32]) -> [UInt32] {
        guard values.count > 64 else { return values.sorted() }
        var source = values
        var target = [UInt32](repeating: 0, count: values.count)
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 256) { starts in
            for shift in stride(from: UInt32(0), to: 32, by: 8) {
                starts.initialize(repeating: 0)
                source.withUnsafeBufferPointer { source in
                    for value in source { starts[Int(value >> shift & 0xFF)] += 1 }
                    var total = 0
                    for digit in 0..<256 {
                        let count = starts[digit]
                        starts[digit] = total
                        total += count
                    }
                    target.withUnsafeMutableBufferPointer { target in
                        for value in source {
                            let digit = Int(value >> shift & 0xFF)
                            target[starts[digit]] = value
                            starts[digit] += 1
                        }
                    }
                }
                swap(&source, &target)
            }
        }
        // Four passes, four swaps: the last pass's output is `source`.
        return source
    }

    public var count: Int { hashes.count }
    public var isEmpty: Bool { hashes.isEmpty }

    /// How many hashes two sorted, duplicate-free lists share: one merge pass.
    static func sharedCount(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>) -> Int {
        var i = 0, j = 0, shared = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] {
                shared += 1
                i += 1
                j += 1
            } else if a[i] < b[j] {
                i += 1
            } else {
                j += 1
            }
        }
        return shared
    }

    /// FNV-1a over the word's bytes, then a final mix.
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash ^ (hash >> 31)
    }

    private static func combine(_ words: ArraySlice<UInt64>) -> UInt32 {
        var hash: UInt64 = 0x9E3779B97F4A7C15
        for word in words {
            hash = (hash ^ word) &* 0xBF58476D1CE4E5B9
            hash ^= hash >> 27
        }
        return UInt32(truncatingIfNeeded: hash ^ (hash >> 32))
    }

    /// Whether a word with this `hash` is in the shingles (stopwords are not).
    static func keeps(_ hash: UInt64) -> Bool { !stopwordHashes.contains(hash) }

    private static let stopwordHashes: Set<UInt64> = Set(Tokenizer.stopwords.map { word in
        var word = word
        return word.withUTF8 { hash($0) }
    })
}

/// How alike two shingle sets are, from the shared count and the two sizes.
public struct ShingleOverlap: Sendable, Equatable {
    public let shared: Int
    public let draftCount: Int
    public let recordCount: Int

    public init(shared: Int, draftCount: Int, recordCount: Int) {
        self.shared = shared
        self.draftCount = draftCount
        self.recordCount = recordCount
    }

    /// Below this many shingles on the smaller side, containment says little (a
    /// title-only record is contained in anything that names its subject).
    public static let minimumForContainment = 10

    /// The share of the smaller side's shingles found in the other (the overlap
    /// coefficient), so a draft that copies one of a record's questions, or copies a
    /// record and adds a question, still counts; Jaccard when the smaller side is
    /// too short for containment to mean much. 0...1.
    public var resemblance: Double {
        let smaller = min(draftCount, recordCount)
        guard smaller > 0 else { return 0 }
        if smaller >= Self.minimumForContainment { return Double(shared) / Double(smaller) }
        return Double(shared) / Double(draftCount + recordCount - shared)
    }
}

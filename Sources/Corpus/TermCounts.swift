extension Tokenizer {
    /// Each distinct term of `text` (those of `forEachTerm`, stopwords left out) with
    /// how often it occurs, in the order of first occurrence. A string is made per
    /// distinct term, not per occurrence: a 1 MB draft has 170,000 terms and a few
    /// thousand distinct ones, and the repetition check counts them at keystrokes.
    public static func termCounts(in text: String) -> [(term: String, count: Int)] {
        var counter = TermCounter()
        forEachWord(in: text) { word in
            if !stopwordBytes.contains(word) { counter.add(word) }
        }
        return counter.counts
    }
}

/// Counts byte strings in an open-addressing table: the bytes of each distinct term
/// once in an arena, an occurrence costs a hash of its bytes and a comparison.
private struct TermCounter {
    private var arena: [UInt8] = []
    private var starts: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    private var occurrences: [Int] = []
    /// Entry indices, -1 for an empty slot; a power of two, at most half full.
    private var slots = [Int](repeating: -1, count: 256)

    mutating func add(_ word: UnsafeBufferPointer<UInt8>) {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in word { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        hash ^= hash >> 29
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let entry = slots[slot]
            if hashes[entry] == hash, lengths[entry] == word.count,
               arena[starts[entry]..<(starts[entry] + word.count)].elementsEqual(word) {
                occurrences[entry] += 1
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = hashes.count
        starts.append(arena.count)
        lengths.append(word.count)
        hashes.append(hash)
        occurrences.append(1)
        arena.append(contentsOf: word)
        if hashes.count * 2 > slots.count { grow() }
    }

    private mutating func grow() {
        slots = [Int](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }

    var counts: [(term: String, count: Int)] {
        hashes.indices.map { entry in
            (String(decoding: arena[starts[entry]..<(starts[entry] + lengths[entry])], as: UTF8.self), occurrences[entry])
        }
    }
}

import Glibc

/// Gives the terms one worker meets dense local ids, and counts a document's terms
/// in an array indexed by them.
///
/// Indexing 100,000 questions meets some 50 million words. Each is looked up by
/// its bytes in an open-addressing table: no string is made and nothing hashed
/// twice for a word seen before, and whether it is a stopword is decided once,
/// when it is first seen. The same pass gives the words' shingle hashes (see
/// `Shingles`), remembered per term, so a record's text is tokenized once.
struct TermInterner {
    /// The terms by local id (stopwords get none).
    private(set) var terms: [String] = []
    private var table = ByteTable()
    private var scratch: [FieldCounts] = []
    private var touched: [Int32] = []
    /// Per local id: the term's `Shingles.hash`, or nil when the shingles leave it out.
    private var shingleHashes: [UInt64?] = []

    /// The local id of `word`, or nil for a stopword.
    mutating func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let id = table.value(for: word) { word in
            let term = String(decoding: word, as: UTF8.self)
            if Tokenizer.stopwords.contains(term) { return -1 }
            terms.append(term)
            scratch.append(FieldCounts())
            let hash = Shingles.hash(word)
            shingleHashes.append(Shingles.keeps(hash) ? hash : nil)
            return Int32(terms.count - 1)
        }
        return id < 0 ? nil : id
    }

    mutating func count(_ text: String, field: Int, lengths: inout FieldCounts) {
        var unused: [UInt64]? = nil
        count(text, field: field, lengths: &lengths, shingleWords: &unused)
    }

    /// Counts `text`'s terms in `field`; with `shingleWords`, also appends the
    /// shingle hash of each of its words the shingles keep, in order.
    mutating func count(_ text: String, field: Int, lengths: inout FieldCounts, shingleWords: inout [UInt64]?) {
        Tokenizer.forEachWord(in: text) { word in
            // Stopwords are in no shingle either.
            guard let id = self.id(word) else { return }
            if scratch[Int(id)].isEmpty { touched.append(id) }
            scratch[Int(id)].add(1, to: field)
            lengths.add(1, to: field)
            if shingleWords != nil, let hash = shingleHashes[Int(id)] { shingleWords?.append(hash) }
        }
    }

    /// The counts gathered since the last call, and a clean scratch for the next document.
    mutating func takeCounts() -> [(Int32, FieldCounts)] {
        let counts = touched.map { ($0, scratch[Int($0)]) }
        for id in touched { scratch[Int(id)] = FieldCounts() }
        touched.removeAll(keepingCapacity: true)
        return counts
    }
}

/// A hash table from short byte strings to `Int32` values: open addressing with
/// linear probing, keys stored once in one byte array.
struct ByteTable {
    /// 0: empty; otherwise the entry's index + 1 in the low 32 bits and the key's
    /// hash's high 32 bits above them, so a probe reads one word and compares keys
    /// only when the hashes agree.
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = [0]
    private var keyBytes: [UInt8] = []
    private var values: [Int32] = []

    var count: Int { values.count }

    /// The value stored for `key`, or the one `make` gives, stored for next time.
    mutating func value(for key: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Int32) -> Int32 {
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = 0
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            let mask = slots.count - 1
            slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let word = slots[slot]
                if word == 0 { return nil }
                if word & 0xFFFF_FFFF_0000_0000 == tag {
                    let entry = Int(word & 0xFFFF_FFFF) - 1
                    if keyEquals(entry, key) { return values[entry] }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        let value = make(key)
        slots[slot] = tag | UInt64(values.count + 1)
        hashes.append(hash)
        keyBytes.append(contentsOf: key)
        keyStarts.append(Int32(keyBytes.count))
        values.append(value)
        // At most half full, so probes stay short.
        if values.count * 2 > slots.count { grow() }
        return value
    }

    /// The key of the `entry`th value stored (entries are numbered in order of storing).
    func key(_ entry: Int) -> ArraySlice<UInt8> {
        keyBytes[Int(keyStarts[entry])..<Int(keyStarts[entry + 1])]
    }

    @inline(__always)
    private func keyEquals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        keyStarts.withUnsafeBufferPointer { starts in
            let start = Int(starts[entry])
            guard Int(starts[entry + 1]) - start == key.count else { return false }
            return keyBytes.withUnsafeBufferPointer { bytes in
                memcmp(bytes.baseAddress! + start, key.baseAddress!, key.count) == 0
            }
        }
    }

    private mutating func grow() {
        var larger = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry + 1)
        }
        slots = larger
    }

    /// FNV-1a with a final mix, so the low bits used for the slot depend on every byte.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in key { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
        return hash ^ (hash >> 29)
    }
}

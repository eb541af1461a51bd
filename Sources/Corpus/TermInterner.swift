/// Gives the terms one worker meets dense local ids, and counts a document's terms
/// in an array indexed by them.
///
/// Indexing 100,000 questions meets some 50 million words. Each is looked up by
/// its bytes in an open-addressing table: no string is made and nothing hashed
/// twice for a word seen before, and whether it is a stopword is decided once,
/// when it is first seen.
struct TermInterner {
    /// The terms by local id (stopwords get none).
    private(set) var terms: [String] = []
    private var table = ByteTable()
    private var scratch: [FieldCounts] = []
    private var touched: [Int32] = []

    /// The local id of `word`, or nil for a stopword.
    mutating func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32? {
        let id = table.value(for: word) { word in
            let term = String(decoding: word, as: UTF8.self)
            if Tokenizer.stopwords.contains(term) { return -1 }
            terms.append(term)
            scratch.append(FieldCounts())
            return Int32(terms.count - 1)
        }
        return id < 0 ? nil : id
    }

    mutating func count(_ text: String, field: Int, lengths: inout FieldCounts) {
        Tokenizer.forEachWord(in: text) { word in
            guard let id = self.id(word) else { return }
            if scratch[Int(id)].isEmpty { touched.append(id) }
            scratch[Int(id)].add(1, to: field)
            lengths.add(1, to: field)
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
    /// 0: empty; otherwise the entry's index + 1.
    private var slots = [Int32](repeating: 0, count: 1024)
    private var hashes: [UInt64] = []
    private var keyStarts: [Int32] = [0]
    private var keyBytes: [UInt8] = []
    private var values: [Int32] = []

    var count: Int { values.count }

    /// The value stored for `key`, or the one `make` gives, stored for next time.
    mutating func value(for key: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Int32) -> Int32 {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot]) - 1
            if entry < 0 { break }
            if hashes[entry] == hash, keyEquals(entry, key) { return values[entry] }
            slot = (slot + 1) & mask
        }
        let value = make(key)
        slots[slot] = Int32(values.count + 1)
        hashes.append(hash)
        keyBytes.append(contentsOf: key)
        keyStarts.append(Int32(keyBytes.count))
        values.append(value)
        // At most half full, so probes stay short.
        if values.count * 2 > slots.count { grow() }
        return value
    }

    private func keyEquals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(keyStarts[entry])
        guard Int(keyStarts[entry + 1]) - start == key.count else { return false }
        return keyBytes.withUnsafeBufferPointer { bytes in
            UnsafeBufferPointer(rebasing: bytes[start..<(start + key.count)]).elementsEqual(key)
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while larger[slot] != 0 { slot = (slot + 1) & mask }
            larger[slot] = Int32(entry + 1)
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

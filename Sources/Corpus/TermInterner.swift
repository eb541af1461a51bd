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
    /// How many of `terms` `takeNewTerms` has handed out.
    private var termsTaken = 0

    /// How many terms have local ids: the next new term's id.
    var termCount: Int { terms.count }

    /// The terms interned since the last call, by local id.
    mutating func takeNewTerms() -> [String] {
        defer { termsTaken = terms.count }
        return Array(terms[termsTaken...])
    }

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
    ///
    /// Two passes: the words become ids (the table may grow), then the ids are
    /// counted through pointers into arrays that no longer grow, so the 50 million
    /// words of a large corpus pay no copy-on-write check each.
    mutating func count(_ text: String, field: Int, lengths: inout FieldCounts, shingleWords: inout [UInt64]?) {
        var text = text
        text.withUTF8 { bytes in
            // A word takes two bytes and a separator, so there are at most n / 3 + 1.
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: bytes.count / 3 + 1) { ids in
                var found = 0
                Tokenizer.forEachWord(in: bytes) { word in
                    // Stopwords are counted nowhere and are in no shingle either.
                    if let id = self.id(word) {
                        ids[found] = id
                        found += 1
                    }
                }
                guard found > 0 else { return }
                lengths.add(UInt16(truncatingIfNeeded: found), to: field)
                let wantsShingles = shingleWords != nil
                var words = shingleWords ?? []
                shingleWords = nil // `words` is the only reference, so appending copies nothing
                if wantsShingles { words.reserveCapacity(words.count + found) }
                scratch.withUnsafeMutableBufferPointer { scratch in
                    shingleHashes.withUnsafeBufferPointer { shingleHashes in
                        for index in 0..<found {
                            let id = Int(ids[index])
                            if scratch[id].isEmpty { touched.append(Int32(id)) }
                            scratch[id].add(1, to: field)
                            if wantsShingles, let hash = shingleHashes[id] { words.append(hash) }
                        }
                    }
                }
                if wantsShingles { shingleWords = words }
            }
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
    @inline(__always)
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
                    if keyEquals(entry, key) { return values.withUnsafeBufferPointer { $0[entry] } }
                }
                slot = (slot + 1) & mask
            }
        }
        if let found { return found }
        return insert(key, hash: hash, slot: slot, value: make(key))
    }

    /// A new key at the empty `slot` its probe ended on: out of line, as it is rare.
    @inline(never)
    private mutating func insert(_ key: UnsafeBufferPointer<UInt8>, hash: UInt64, slot: Int, value: Int32) -> Int32 {
        slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(values.count + 1)
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
    func keyEquals(_ entry: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        keyStarts.withUnsafeBufferPointer { starts in
            let start = Int(starts[entry])
            guard Int(starts[entry + 1]) - start == key.count else { return false }
            return keyBytes.withUnsafeBufferPointer { bytes in
                // Most terms are short: compared in place, without a call to `memcmp`,
                // eight bytes at a time (a phrase's key is twenty bytes or more).
                let count = key.count
                guard count >= 8, let stored = bytes.baseAddress, let wanted = key.baseAddress else {
                    var index = 0
                    while index < count {
                        if bytes[start + index] != key[index] { return false }
                        index += 1
                    }
                    return true
                }
                let storedBytes = UnsafeRawPointer(stored + start)
                let wantedBytes = UnsafeRawPointer(wanted)
                var offset = 0
                while offset + 8 < count {
                    if storedBytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                        != wantedBytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                    offset += 8
                }
                // The last eight bytes, overlapping the chunk before when the count is no multiple of 8.
                return storedBytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == wantedBytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
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

    /// Eight bytes at a time, each step one wide multiply (FNV-1a took a multiply per
    /// byte, in a chain: a sixteenth of an index build). Low bits pick the slot, high
    /// bits are the tag; the value never leaves the table, so it may change freely.
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = key.count
        guard count > 0, let base = key.baseAddress else { return 0 }
        let bytes = UnsafeRawPointer(base)
        let seed: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        if count >= 8 {
            var hash = seed
            var offset = 0
            while offset + 8 < count {
                hash = mix(hash ^ bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self), 0xE703_7ED1_A0B4_28DB)
                offset += 8
            }
            // The last eight bytes, overlapping the chunk before when the count is no multiple of 8.
            return mix(hash, bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
        }
        let low: UInt64
        let high: UInt64
        if count >= 4 {
            low = UInt64(bytes.loadUnaligned(as: UInt32.self))
            high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
        } else {
            low = UInt64(key[0]) << 16 | UInt64(key[count >> 1]) << 8 | UInt64(key[count - 1])
            high = 0
        }
        return mix(seed ^ low, high)
    }

    /// The two halves of the 128-bit product of the (offset) arguments, folded.
    @inline(__always)
    private static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        let product = (a ^ 0xA076_1D64_78BD_642F).multipliedFullWidth(by: b ^ 0xE703_7ED1_A0B4_28DB)
        return product.high ^ product.low
    }
}

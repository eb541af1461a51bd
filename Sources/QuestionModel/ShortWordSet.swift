/// A fixed set of short words (at most 16 UTF-8 bytes, none empty, no zero byte),
/// asked about by a word's bytes: the stopwords and the language words, looked up
/// once per word of a text that may be 1 MB long. A word is packed into two integers
/// (zero-padded, so the packing is exact) and found in a small open-addressing table
/// with a multiplicative hash: no `Hasher`, no array or string per word.
public struct ShortWordSet: Sendable {
    public static let longestWord = 16

    private struct Key: Equatable {
        var low: UInt64
        var high: UInt64
    }

    /// Empty slots have `low == 0`: no word packs to that (a word is never empty).
    private let slots: [Key]
    private let shift: UInt64
    /// The longest word in the set: a longer one is not looked up.
    public let longestMember: Int
    public let count: Int

    /// Words longer than `longestWord` bytes (or empty) cannot be members: they are left out.
    public init<Words: Sequence>(_ words: Words) where Words.Element: StringProtocol {
        let keys = words.compactMap { word -> Key? in
            var word = String(word)
            return word.withUTF8 { Self.pack($0) }
        }
        var capacity = 16
        var bits: UInt64 = 4
        while capacity < keys.count * 4 {
            capacity *= 2
            bits += 1
        }
        var slots = [Key](repeating: Key(low: 0, high: 0), count: capacity)
        var count = 0
        var longest = 0
        let shift = 64 - bits
        for key in keys {
            var slot = Self.slot(key, shift: shift)
            while slots[slot].low != 0, slots[slot] != key { slot = (slot + 1) & (capacity - 1) }
            if slots[slot].low == 0 {
                slots[slot] = key
                count += 1
                longest = max(longest, Self.length(key))
            }
        }
        self.slots = slots
        self.shift = shift
        self.longestMember = longest
        self.count = count
    }

    public func contains(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard word.count <= longestMember, let key = Self.pack(word) else { return false }
        let mask = slots.count - 1
        var slot = Self.slot(key, shift: shift)
        return slots.withUnsafeBufferPointer { slots in
            while slots[slot].low != 0 {
                if slots[slot] == key { return true }
                slot = (slot + 1) & mask
            }
            return false
        }
    }

    public func contains(_ word: [UInt8]) -> Bool {
        word.withUnsafeBufferPointer { contains($0) }
    }

    public func contains(_ word: String) -> Bool {
        var word = word
        return word.withUTF8 { contains($0) }
    }

    /// The bytes in two little-endian integers, zero-padded; nil when empty, too long
    /// or holding a zero byte (the padding would make it ambiguous).
    @inline(__always)
    private static func pack(_ word: UnsafeBufferPointer<UInt8>) -> Key? {
        guard !word.isEmpty, word.count <= longestWord else { return nil }
        var low: UInt64 = 0, high: UInt64 = 0
        for (index, byte) in word.enumerated() {
            if byte == 0 { return nil }
            if index < 8 { low |= UInt64(byte) << (8 * UInt64(index)) } else { high |= UInt64(byte) << (8 * UInt64(index - 8)) }
        }
        return Key(low: low, high: high)
    }

    private static func length(_ key: Key) -> Int {
        (8 - key.low.leadingZeroBitCount / 8) + (key.high == 0 ? 0 : 8 - key.high.leadingZeroBitCount / 8)
    }

    @inline(__always)
    private static func slot(_ key: Key, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: ((key.low ^ (key.high &* 0x9E3779B97F4A7C15)) &* 0xBF58476D1CE4E5B9) >> shift)
    }
}

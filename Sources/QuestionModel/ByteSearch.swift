/// Finds the next byte of a kind eight bytes a step: each `UInt64` of text is
/// classified at once, a flag in the top bit of each byte, so the bytes of no interest
/// (most of a text) cost no branch each. The flags are exact: no carry or borrow
/// crosses from one byte into the next.
enum ByteSearch {
    /// The first ASCII digit in `bytes[from..<end]`, or `end`.
    static func firstDigit(_ bytes: [UInt8], from: Int, to end: Int) -> Int {
        first(bytes, from: from, to: end, flags: digits) { Bytes.isDigit($0) }
    }

    /// The first `?`, line end (`\n`, `\r`) or `g`/`G` in `bytes[from..<end]`, or `end`:
    /// what `QuestionSection.itemEnd` stops at between line starts.
    static func firstAskOrLineEnd(_ bytes: [UInt8], from: Int, to end: Int) -> Int {
        first(bytes, from: from, to: end, flags: { word in
            equal(word, UInt8(ascii: "?")) | equal(word, Bytes.newline) | equal(word, Bytes.carriageReturn)
                | equal(word | 0x2020_2020_2020_2020, UInt8(ascii: "g"))
        }, matches: { byte in
            byte == UInt8(ascii: "?") || byte == Bytes.newline || byte == Bytes.carriageReturn || byte | 0x20 == UInt8(ascii: "g")
        })
    }

    @inline(__always)
    private static func first(_ bytes: [UInt8], from: Int, to end: Int, flags: (UInt64) -> UInt64,
                              matches: (UInt8) -> Bool) -> Int {
        let end = min(end, bytes.count)
        guard from < end else { return end }
        return bytes.withUnsafeBufferPointer { buffer in
            let raw = UnsafeRawPointer(buffer.baseAddress!)
            var i = max(0, from)
            while i + 8 <= end {
                let found = flags(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                // Little-endian: the lowest flag is the first byte.
                if found != 0 { return i + found.trailingZeroBitCount >> 3 }
                i += 8
            }
            while i < end, !matches(buffer[i]) { i += 1 }
            return i
        }
    }

    private static let high: UInt64 = 0x8080_8080_8080_8080
    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F

    /// Top bit set in each byte of `word` equal to `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let x = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        // A byte of x is zero exactly when neither its low seven bits nor its top bit are set.
        return ~(((x & low7) &+ low7) | x | low7)
    }

    /// Top bit set in each byte of `word` that is an ASCII digit.
    @inline(__always)
    static func digits(_ word: UInt64) -> UInt64 {
        let low = word & low7
        // 0x30 ... 0x39: at least 0x30 (plus 0x50 reaches 0x80), below 0x3A (plus 0x46 does not).
        return (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ~word & high
    }
}

import SourceText

/// Byte-level helpers shared by the scanners (and by the checks, which scan the same
/// text). Everything here works on UTF-8 bytes and looks at a bounded number of bytes,
/// so callers stay linear.
public enum Bytes {
    // Computed, not stored: a stored `static let` read from another module goes
    // through a lazy-initialisation check on every call of the inlined helpers.
    @inlinable public static var space: UInt8 { 0x20 }
    @inlinable public static var tab: UInt8 { 0x09 }
    @inlinable public static var newline: UInt8 { 0x0A }
    @inlinable public static var carriageReturn: UInt8 { 0x0D }

    @inline(__always)
    static func isHorizontalSpace(_ byte: UInt8) -> Bool { byte == space || byte == tab }

    @inlinable @inline(__always)
    public static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }

    @inlinable @inline(__always)
    public static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inlinable @inline(__always)
    public static func isASCIILetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
    }

    @inline(__always)
    static func isASCIILowercase(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// Letters for word boundaries: ASCII letters and every byte of a multi-byte
    /// character, so `é` never splits a word.
    @inlinable @inline(__always)
    public static func isWordByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || isDigit(byte) || byte >= 0x80
    }

    @inlinable @inline(__always)
    public static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    /// The range with whitespace removed on both sides: ASCII whitespace, and the
    /// spaces and invisible characters of pasted text (`blankWidth`).
    @inlinable
    public static func trimmed(_ bytes: [UInt8], _ range: TextRange) -> TextRange {
        var start = max(0, range.start)
        var end = min(bytes.count, range.end)
        while start < end {
            if isWhitespace(bytes[start]) { start += 1; continue }
            let width = bytes[start] < 0x80 ? 0 : blankWidth(bytes, at: start)
            guard width > 0, start + width <= end else { break }
            start += width
        }
        while end > start {
            if isWhitespace(bytes[end - 1]) { end -= 1; continue }
            let width = bytes[end - 1] < 0x80 ? 0 : blankWidth(bytes, endingAt: end)
            guard width > 0, end - width >= start else { break }
            end -= width
        }
        return TextRange(start: start, end: end)
    }

    // MARK: Pasted text

    // Text pasted from a word processor carries characters that read as a plain space
    // (no-break spaces) or as nothing (soft hyphens, zero-width spaces). The scanners
    // never rewrite the text, so ranges stay offsets into what the user wrote: they ask
    // these functions instead, the one place that says what counts as a space, as
    // invisible, or as part of a word. Each looks at one character (at most 3 bytes).

    /// The width in bytes of a character that reads as a space, given its first three
    /// bytes (0 past the end): space, tab, no-break space U+00A0, the spaces U+2000
    /// ... U+200A, narrow no-break space U+202F, U+205F, ideographic space U+3000;
    /// else 0. Line breaks are not spaces.
    @inlinable @inline(__always)
    public static func spaceWidth(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Int {
        if b0 < 0x80 { return b0 == space || b0 == tab ? 1 : 0 }
        switch b0 {
        case 0xC2: return b1 == 0xA0 ? 2 : 0
        case 0xE2:
            if b1 == 0x80 { return b2 <= 0x8A && b2 >= 0x80 || b2 == 0xAF ? 3 : 0 }
            return b1 == 0x81 && b2 == 0x9F ? 3 : 0
        case 0xE3: return b1 == 0x80 && b2 == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// The width in bytes of a character that reads as nothing, given its first three
    /// bytes: soft hyphen U+00AD, zero-width space, non-joiner and joiner U+200B
    /// ... U+200D, the direction marks U+200E and U+200F, word joiner U+2060, and the
    /// zero-width no-break space (byte order mark) U+FEFF; else 0.
    @inlinable @inline(__always)
    public static func ignorableWidth(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Int {
        switch b0 {
        case 0xC2: return b1 == 0xAD ? 2 : 0
        case 0xE2:
            if b1 == 0x80 { return b2 >= 0x8B && b2 <= 0x8F ? 3 : 0 }
            return b1 == 0x81 && b2 == 0xA0 ? 3 : 0
        case 0xEF: return b1 == 0xBB && b2 == 0xBF ? 3 : 0
        default: return 0
        }
    }

    /// Punctuation outside ASCII, given a character's first three bytes: the Latin-1
    /// signs U+00A1 ... U+00BF (`«`, `»`, `§`, `°`; not `ª`, `µ`, `º`, the soft hyphen),
    /// and general punctuation U+2010 ... U+205E (dashes, curly quotes `‘’“”`, the
    /// bullet `•`, the ellipsis). They separate words as their ASCII kin do.
    @inlinable @inline(__always)
    public static func isPunctuation(_ b0: UInt8, _ b1: UInt8, _ b2: UInt8) -> Bool {
        switch b0 {
        case 0xC2: return b1 >= 0xA1 && b1 <= 0xBF && b1 != 0xAA && b1 != 0xAD && b1 != 0xB5 && b1 != 0xBA
        case 0xE2:
            if b1 == 0x80 { return b2 >= 0x90 && b2 != 0xAF }
            return b1 == 0x81 && b2 <= 0x9E
        default: return false
        }
    }

    /// `spaceWidth` of the character at `i`.
    @inlinable @inline(__always)
    public static func spaceWidth(_ bytes: [UInt8], at i: Int) -> Int {
        guard i >= 0, i < bytes.count else { return 0 }
        let b0 = bytes[i]
        if b0 < 0x80 { return b0 == space || b0 == tab ? 1 : 0 }
        return spaceWidth(b0, i + 1 < bytes.count ? bytes[i + 1] : 0, i + 2 < bytes.count ? bytes[i + 2] : 0)
    }

    /// `ignorableWidth` of the character at `i`.
    @inlinable @inline(__always)
    public static func ignorableWidth(_ bytes: [UInt8], at i: Int) -> Int {
        guard i >= 0, i < bytes.count, bytes[i] >= 0x80 else { return 0 }
        return ignorableWidth(bytes[i], i + 1 < bytes.count ? bytes[i + 1] : 0, i + 2 < bytes.count ? bytes[i + 2] : 0)
    }

    /// A space or an invisible character at `i`: what a scanner skips between words
    /// and around markers. 0 when there is none.
    @inlinable @inline(__always)
    public static func blankWidth(_ bytes: [UInt8], at i: Int) -> Int {
        guard i >= 0, i < bytes.count else { return 0 }
        let b0 = bytes[i]
        if b0 < 0x80 { return b0 == space || b0 == tab ? 1 : 0 }
        let b1 = i + 1 < bytes.count ? bytes[i + 1] : 0, b2 = i + 2 < bytes.count ? bytes[i + 2] : 0
        return max(spaceWidth(b0, b1, b2), ignorableWidth(b0, b1, b2))
    }

    /// The width of a space or invisible character that ends right before `end`.
    @inlinable
    public static func blankWidth(_ bytes: [UInt8], endingAt end: Int) -> Int {
        guard end > 0, end <= bytes.count else { return 0 }
        let last = bytes[end - 1]
        if last < 0x80 { return last == space || last == tab ? 1 : 0 }
        for width in 2...3 where end - width >= 0 && blankWidth(bytes, at: end - width) == width { return width }
        return 0
    }

    /// The first offset at or after `from` (and before `limit`) that is not a space
    /// or an invisible character.
    @inlinable
    public static func skipBlanks(_ bytes: [UInt8], from: Int, limit: Int) -> Int {
        var i = max(0, from)
        let limit = min(limit, bytes.count)
        while i < limit {
            let width = blankWidth(bytes, at: i)
            guard width > 0, i + width <= limit else { break }
            i += width
        }
        return i
    }

    /// True when `bytes[i]` belongs to a character of a word: ASCII letters and
    /// digits, and characters outside ASCII except spaces and punctuation (`é` is a
    /// letter; a no-break space, `’` and `•` are not). Invisible characters count as
    /// part of the word they stand in (`inbur<soft hyphen>gering` is one word).
    @inlinable @inline(__always)
    public static func isWordByte(_ bytes: [UInt8], at i: Int) -> Bool {
        let byte = bytes[i]
        if byte < 0x80 { return isASCIILetter(byte) || isDigit(byte) }
        return isWordCharacter(bytes, containing: i)
    }

    @usableFromInline
    static func isWordCharacter(_ bytes: [UInt8], containing i: Int) -> Bool {
        var start = i
        while start > 0, i - start < 3, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let b0 = bytes[start]
        let b1 = start + 1 < bytes.count ? bytes[start + 1] : 0, b2 = start + 2 < bytes.count ? bytes[start + 2] : 0
        return spaceWidth(b0, b1, b2) == 0 && !isPunctuation(b0, b1, b2)
    }

    /// Whether the character before `i` is part of a word (false at the start).
    @inlinable @inline(__always)
    public static func isWordByte(_ bytes: [UInt8], before i: Int) -> Bool {
        i > 0 && i <= bytes.count && isWordByte(bytes, at: i - 1)
    }

    static func string(_ bytes: [UInt8], _ range: TextRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of a range with every run of whitespace (line breaks and no-break
    /// spaces included) collapsed to one space and invisible characters dropped: how
    /// a hard-wrapped phrase reads.
    public static func collapsedString(_ bytes: [UInt8], _ range: TextRange) -> String {
        String(decoding: collapsed(bytes, range), as: UTF8.self)
    }

    /// The bytes of `collapsedString` (no string made: a citation compares them).
    static func collapsed(_ bytes: [UInt8], _ range: TextRange) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(range.length)
        var pendingSpace = false
        var i = max(0, range.start)
        let end = min(bytes.count, range.end)
        while i < end {
            let byte = bytes[i]
            if byte >= 0x80, ignorableWidth(bytes, at: i) > 0 {
                i += ignorableWidth(bytes, at: i)
                continue
            }
            if byte >= 0x80, spaceWidth(bytes, at: i) > 0 {
                pendingSpace = !out.isEmpty
                i += spaceWidth(bytes, at: i)
                continue
            }
            if isWhitespace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(space); pendingSpace = false }
                out.append(byte)
            }
            i += 1
        }
        return out
    }

    enum Search { case absent, found, unsure }

    /// Whether the ASCII `pattern` occurs in `bytes`, as `String.contains` would say:
    /// `.found` for a match between ASCII bytes (or the ends), `.unsure` when every
    /// match touches a byte outside ASCII (a combining mark could join the pattern's
    /// last letter into another character). A byte scan: no generic substring search.
    static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Search {
        guard let first = pattern.first, pattern.count <= bytes.count else { return .absent }
        var result = Search.absent
        var i = 0
        let last = bytes.count - pattern.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < pattern.count, bytes[i + k] == pattern[k] { k += 1 }
                if k == pattern.count {
                    let after = i + k
                    if (i == 0 || bytes[i - 1] < 0x80) && (after == bytes.count || bytes[after] < 0x80) { return .found }
                    result = .unsure
                }
            }
            i += 1
        }
        return result
    }

    /// True when `bytes[at...]` starts with `lowercasePattern`, ignoring ASCII case.
    @inline(__always)
    static func hasPrefix(_ bytes: [UInt8], at: Int, _ lowercasePattern: [UInt8]) -> Bool {
        guard at >= 0, at + lowercasePattern.count <= bytes.count else { return false }
        var k = 0
        while k < lowercasePattern.count {
            if lowercased(bytes[at + k]) != lowercasePattern[k] { return false }
            k += 1
        }
        return true
    }

    /// True when the range holds exactly `pattern` (case-sensitive) after trimming.
    static func equalsTrimmed(_ bytes: [UInt8], _ range: TextRange, _ pattern: [UInt8]) -> Bool {
        let core = trimmed(bytes, range)
        guard core.length == pattern.count else { return false }
        var k = 0
        while k < pattern.count {
            if bytes[core.start + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }

    /// Compares two ranges, treating runs of whitespace as one space.
    static func equalCollapsed(_ bytes: [UInt8], _ a: TextRange, _ b: TextRange) -> Bool {
        let first = trimmed(bytes, a), second = trimmed(bytes, b)
        var i = first.start, j = second.start
        let iEnd = first.end, jEnd = second.end
        func spaceAt(_ k: Int, _ end: Int) -> Int {
            isWhitespace(bytes[k]) ? 1 : min(end - k, blankWidth(bytes, at: k))
        }
        while i < iEnd && j < jEnd {
            let x = bytes[i], y = bytes[j]
            if spaceAt(i, iEnd) > 0 && spaceAt(j, jEnd) > 0 {
                while i < iEnd, spaceAt(i, iEnd) > 0 { i += spaceAt(i, iEnd) }
                while j < jEnd, spaceAt(j, jEnd) > 0 { j += spaceAt(j, jEnd) }
                continue
            }
            if x != y { return false }
            i += 1
            j += 1
        }
        return i == iEnd && j == jEnd
    }
}

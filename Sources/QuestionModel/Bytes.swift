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

    /// The range with ASCII whitespace removed on both sides.
    @inlinable
    public static func trimmed(_ bytes: [UInt8], _ range: TextRange) -> TextRange {
        var start = max(0, range.start)
        var end = min(bytes.count, range.end)
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        return TextRange(start: start, end: end)
    }

    static func string(_ bytes: [UInt8], _ range: TextRange) -> String {
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The text of a range with every run of whitespace (line breaks included)
    /// collapsed to one space: how a hard-wrapped phrase reads.
    static func collapsedString(_ bytes: [UInt8], _ range: TextRange) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.length)
        var pendingSpace = false
        var i = max(0, range.start)
        let end = min(bytes.count, range.end)
        while i < end {
            let byte = bytes[i]
            if isWhitespace(byte) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(space); pendingSpace = false }
                out.append(byte)
            }
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
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
        while i < iEnd && j < jEnd {
            let x = bytes[i], y = bytes[j]
            if isWhitespace(x) && isWhitespace(y) {
                while i < iEnd, isWhitespace(bytes[i]) { i += 1 }
                while j < jEnd, isWhitespace(bytes[j]) { j += 1 }
                continue
            }
            if x != y { return false }
            i += 1
            j += 1
        }
        return i == iEnd && j == jEnd
    }
}

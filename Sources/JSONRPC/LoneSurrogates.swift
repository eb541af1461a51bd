import Foundation

/// Repairs lone UTF-16 surrogate escapes in JSON text.
///
/// JavaScript's `JSON.stringify` and Python's `json.dumps` write half an emoji as
/// `"X\ud83dY"` (an editor that cut a surrogate pair in two sends that in an edit).
/// JSON allows the escape, but no string can hold it, so `JSONDecoder` rejects the
/// whole message, and a dropped edit leaves the document out of sync with the
/// editor. A lone surrogate is read as U+FFFD instead, as a UTF-16 decoder would:
/// `\ud83d` becomes `\ufffd`, the same six bytes, so nothing else moves.
enum LoneSurrogates {
    /// The text with every lone surrogate escape replaced, or nil when it has none.
    /// One linear pass; bytes outside strings and other escapes are left alone.
    static func repaired(_ body: Data) -> Data? {
        var bytes = [UInt8](body)
        var changed = false
        var inString = false
        var i = 0
        let count = bytes.count
        while i < count {
            let byte = bytes[i]
            guard inString else {
                if byte == quote { inString = true }
                i += 1
                continue
            }
            if byte == quote { inString = false; i += 1; continue }
            guard byte == backslash, i + 1 < count else { i += 1; continue }
            guard bytes[i + 1] == letterU, let unit = hexUnit(bytes, at: i + 2) else { i += 2; continue }
            switch unit {
            case 0xD800...0xDBFF:
                if i + 11 < count, bytes[i + 6] == backslash, bytes[i + 7] == letterU,
                   let low = hexUnit(bytes, at: i + 8), (0xDC00...0xDFFF).contains(low) {
                    i += 12 // a proper pair
                    continue
                }
                replace(&bytes, at: i)
                changed = true
            case 0xDC00...0xDFFF:
                replace(&bytes, at: i)
                changed = true
            default:
                break
            }
            i += 6
        }
        return changed ? Data(bytes) : nil
    }

    private static let quote = UInt8(ascii: "\"")
    private static let backslash = UInt8(ascii: "\\")
    private static let letterU = UInt8(ascii: "u")

    private static func replace(_ bytes: inout [UInt8], at index: Int) {
        for (offset, byte) in "\\ufffd".utf8.enumerated() { bytes[index + offset] = byte }
    }

    /// The four hex digits at `index`, or nil.
    private static func hexUnit(_ bytes: [UInt8], at index: Int) -> UInt16? {
        guard index + 4 <= bytes.count else { return nil }
        var value: UInt16 = 0
        for byte in bytes[index..<(index + 4)] {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }
}

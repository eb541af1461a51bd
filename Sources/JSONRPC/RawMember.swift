/// The raw text of a member of a JSON object, as it was sent: a request id must be
/// echoed exactly, and a number such as `18446744073709551617` or `1e308` does not
/// survive a round trip through `Int` or `Double`.
///
/// A linear scan of the top-level object only; nested values are skipped by
/// counting brackets outside strings. Call it on text that already parsed as JSON.
enum RawMember {
    /// The text of the last top-level member named `name` (written without escapes),
    /// or nil.
    static func text(of name: String, in bytes: [UInt8]) -> String? {
        let key = Array(name.utf8)
        var i = 0
        var found: Range<Int>?
        func skipSpace() {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        }
        skipSpace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "{") else { return nil }
        i += 1
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { break }
            let keyStart = i + 1
            skipString(bytes, &i)
            let keyRange = keyStart..<(i - 1)
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { break }
            i += 1
            skipSpace()
            let valueStart = i
            skipValue(bytes, &i)
            if keyRange.count == key.count, bytes[keyRange].elementsEqual(key) { found = valueStart..<i }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ",") else { break }
            i += 1
        }
        return found.map { String(decoding: bytes[$0], as: UTF8.self) }
    }

    /// From an opening quote to just past the closing one.
    private static func skipString(_ bytes: [UInt8], _ i: inout Int) {
        i += 1
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"): i += 2
            case UInt8(ascii: "\""): i += 1; return
            default: i += 1
            }
        }
    }

    private static func skipValue(_ bytes: [UInt8], _ i: inout Int) {
        var depth = 0
        while i < bytes.count {
            let byte = bytes[i]
            switch byte {
            case UInt8(ascii: "\""):
                skipString(bytes, &i)
                if depth == 0 { return }
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return }
                depth -= 1
                if depth == 0 { i += 1; return }
            case UInt8(ascii: ","), 0x20, 0x0A, 0x0D, 0x09:
                if depth == 0 { return }
            default:
                break
            }
            i += 1
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a corpus file's bytes into text: UTF-8 when valid, else Windows-1252 (the
/// usual encoding of older Belgian exports), and refuses binary files.
public enum TextDecoding {
    public enum Outcome: Equatable, Sendable {
        case utf8(String)
        case windows1252(String)
        case binary
    }

    public static func decode(_ bytes: [UInt8]) -> Outcome {
        if looksBinary(bytes) { return .binary }
        var body = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { body = bytes.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) { return .utf8(text) }
        return .windows1252(decodeWindows1252(body))
    }

    /// The bytes after any byte-order mark when `decode` would read them as UTF-8
    /// (exactly the bytes of its text), validated in place; nil otherwise.
    static func utf8Body(_ bytes: [UInt8]) -> [UInt8]? {
        if looksBinary(bytes) { return nil }
        let hasMark = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        guard (try? UTF8Span(validating: bytes.span.extracting((hasMark ? 3 : 0)...))) != nil else { return nil }
        return hasMark ? Array(bytes.dropFirst(3)) : bytes
    }

    /// A NUL byte, or many control characters, in the first 8 KB: not a text file.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let count = min(buffer.count, 8192)
            guard count > 0 else { return false }
            if memchr(buffer.baseAddress!, 0, count) != nil { return true }
            // An 8-bit count per run of 255 bytes (it cannot overflow) and no branch: the
            // compiler counts a vector of bytes per step. (An `Int` count went a byte at
            // a time: a twentieth of a whole index build.)
            var controls = 0
            var start = 0
            while start < count {
                let end = min(count, start + 255)
                var runControls: UInt8 = 0
                for index in start..<end {
                    let byte = buffer[index]
                    // 0x00...0x08 and 0x0E...0x1F: below 0x20, and not tab to carriage return.
                    runControls &+= (byte < 0x20 ? 1 : 0) & (byte &- 0x09 > 0x04 ? 1 : 0)
                }
                controls += Int(runControls)
                start = end
            }
            return controls * 20 > count
        }
    }

    static func decodeWindows1252<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F {
                let value = windows1252High[Int(byte - 0x80)]
                scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// 0x80...0x9F in Windows-1252; undefined positions map to themselves (C1 controls).
    private static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
}

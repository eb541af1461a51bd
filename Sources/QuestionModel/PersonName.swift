import SourceText

/// A person's name as written (`MAAIKE DE VREESE` in the parliament export,
/// `Maaike De Vreese` in a draft) with a display form in title case.
public struct PersonName: Sendable, Equatable {
    public let raw: String
    public let range: TextRange
    /// Title case: `Maaike De Vreese`, `Jean-Marc Nollet`, `D'Haeseleer`.
    public let displayName: String

    public init(raw: String, range: TextRange) {
        self.raw = raw
        self.range = range
        self.displayName = PersonName.titleCased(raw)
    }

    /// Upper case after a space, hyphen or apostrophe, lower case elsewhere. Names
    /// already in mixed case are left as written (`Van den Bossche` stays).
    public static func titleCased(_ name: String) -> String {
        if let ascii = asciiTitleCased(name) { return ascii }
        let hasLowercase = name.contains { $0.isLowercase }
        if hasLowercase { return name }
        var result = ""
        result.reserveCapacity(name.utf8.count)
        var startsWord = true
        for character in name {
            if character.isLetter {
                result += startsWord ? character.uppercased() : character.lowercased()
                startsWord = false
            } else {
                result.append(character)
                startsWord = character == " " || character == "-" || character == "'" || character == "\u{2019}"
            }
        }
        return result
    }

    /// `titleCased` for a name in ASCII (nearly every name), byte by byte: the same
    /// rule without a Unicode property lookup per character. Nil for other names.
    private static func asciiTitleCased(_ name: String) -> String? {
        var name = name
        return name.withUTF8 { bytes -> String? in
            var hasLowercase = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                if byte >= 0x61 && byte <= 0x7A { hasLowercase = true }
            }
            if hasLowercase { return String(decoding: bytes, as: UTF8.self) }
            var result = [UInt8]()
            result.reserveCapacity(bytes.count)
            var startsWord = true
            for byte in bytes {
                if Bytes.isASCIILetter(byte) {
                    // No lower case here: only capitals are lowered.
                    result.append(startsWord ? byte : byte | 0x20)
                    startsWord = false
                } else {
                    result.append(byte)
                    startsWord = byte == 0x20 || byte == 0x2D || byte == 0x27
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
    }
}

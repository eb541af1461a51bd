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
}

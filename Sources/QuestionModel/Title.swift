import SourceText

/// The title line `Onderwerp - Specificatie`.
public struct Title: Sendable, Equatable {
    /// The title, trimmed, as written.
    public let text: String
    public let range: TextRange
    /// `Inburgeringstrajecten` in `Inburgeringstrajecten  -  Stand van zaken`;
    /// nil when the title has no dash between spaces.
    public let subject: Located<String>?
    /// `Stand van zaken`; nil without a separator or when nothing follows it.
    public let specification: Located<String>?
    /// The dash with the spaces around it (`  -  `).
    public let separatorRange: TextRange?
    /// The separator is exactly ` - `, as drafts should write it.
    public let hasCanonicalSeparator: Bool

    /// Splits at the first `-`, `–` or `—` that has whitespace (a no-break space too)
    /// on both sides.
    static func make(_ bytes: [UInt8], _ lineRange: TextRange) -> Title? {
        let core = Bytes.trimmed(bytes, lineRange)
        guard !core.isEmpty else { return nil }
        var subject: Located<String>?
        var specification: Located<String>?
        var separator: TextRange?
        var isCanonical = false
        var i = core.start + 1
        while i < core.end - 1 {
            let dashWidth = Title.dashWidth(bytes, at: i, end: core.end)
            let spaceBefore = dashWidth > 0 ? Bytes.blankWidth(bytes, endingAt: i) : 0
            let spaceAfter = dashWidth > 0 && i + dashWidth < core.end ? Bytes.blankWidth(bytes, at: i + dashWidth) : 0
            if spaceBefore > 0, spaceAfter > 0, i - spaceBefore >= core.start {
                var separatorStart = i
                while separatorStart > core.start {
                    let width = Bytes.blankWidth(bytes, endingAt: separatorStart)
                    guard width > 0, separatorStart - width >= core.start else { break }
                    separatorStart -= width
                }
                let separatorEnd = Bytes.skipBlanks(bytes, from: i + dashWidth, limit: core.end)
                separator = TextRange(start: separatorStart, end: separatorEnd)
                // One space on each side; a no-break space reads as one.
                isCanonical = dashWidth == 1 && separatorStart == i - spaceBefore && separatorEnd == i + 1 + spaceAfter
                    && bytes[i - 1] != Bytes.tab && bytes[i + 1] != Bytes.tab
                let subjectRange = TextRange(start: core.start, end: separatorStart)
                if !subjectRange.isEmpty { subject = Located(Bytes.string(bytes, subjectRange), range: subjectRange) }
                let specificationRange = TextRange(start: separatorEnd, end: core.end)
                if !specificationRange.isEmpty {
                    specification = Located(Bytes.string(bytes, specificationRange), range: specificationRange)
                }
                break
            }
            i += 1
        }
        return Title(text: Bytes.string(bytes, core), range: core, subject: subject, specification: specification,
                     separatorRange: separator, hasCanonicalSeparator: isCanonical)
    }

    /// 1 for `-`, 3 for an en or em dash (E2 80 93 / E2 80 94), else 0.
    private static func dashWidth(_ bytes: [UInt8], at i: Int, end: Int) -> Int {
        if bytes[i] == UInt8(ascii: "-") { return 1 }
        if bytes[i] == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x93 || bytes[i + 2] == 0x94 { return 3 }
        return 0
    }

    // MARK: A title line with no blank line after it

    /// Words that make a line a lead-in to the questions (`Graag had ik volgende
    /// gegevens:`), never a title.
    private static let leadInWords: [[UInt8]] = [
        "ik", "graag", "gaarne", "gelieve", "volgende", "vraag", "vragen", "wil", "kan", "kunt", "hoeveel", "welke",
        "waarom", "wanneer", "hoe", "wat", "mijn",
    ].map { Array($0.utf8) }

    /// Whether `line`, followed directly by `next` (no blank line), reads as a title
    /// rather than the first line of the introduction: one short phrase (at most 120
    /// bytes, no sentence end inside it, not ending in `.` `?` `!` `;` `,`), starting
    /// with a capital, with no word of a lead-in (`ik`, `graag`, `vragen`), and the next
    /// line starts something new (a capital, a marker, a bullet) rather than
    /// continuing a hard-wrapped sentence in lower case.
    static func readsAsTitle(_ bytes: [UInt8], _ line: TextRange, before next: TextRange) -> Bool {
        guard !line.isEmpty, line.length <= 120, !next.isEmpty else { return false }
        let first = bytes[line.start], last = bytes[line.end - 1]
        guard !Bytes.isASCIILowercase(first), Bytes.isWordByte(bytes, at: line.start) else { return false }
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ";"), UInt8(ascii: ","):
            return false
        default:
            break
        }
        let nextStartsAnew = NumberedMarkers.lineStartMarker(bytes, next) != nil
            || NumberedMarkers.letterMarker(bytes, next) != nil || NumberedMarkers.bullet(bytes, next) != nil
            || !Bytes.isASCIILowercase(bytes[next.start])
        guard nextStartsAnew else { return false }
        var i = line.start
        while i < line.end {
            let byte = bytes[i]
            if byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!"),
               i + 1 < line.end, Bytes.blankWidth(bytes, at: i + 1) > 0 {
                return false
            }
            if Bytes.isASCIILetter(byte), !Bytes.isWordByte(bytes, before: i) {
                var end = i
                while end < line.end, Bytes.isWordByte(bytes, at: end) { end += 1 }
                if end - i <= 8, leadInWords.contains(where: { $0.count == end - i && Bytes.hasPrefix(bytes, at: i, $0) }) {
                    return false
                }
                i = end
                continue
            }
            i += 1
        }
        return true
    }
}

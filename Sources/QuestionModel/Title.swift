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
}

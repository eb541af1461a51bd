/// The three layouts one parser reads.
public enum DocumentKind: String, Sendable, Equatable, CaseIterable {
    /// A `.vraag` file being written: optional `key: value` lines, title, text.
    case draft
    /// The parliament export with a header (`title:`, `SCHRIFTELIJKE VRAAG`, `nr.`,
    /// `van`, `datum:`, `aan`, ..., `ANTWOORD`, `BIJLAGE`); also the kamer-2017 corpus.
    case headerExport
    /// The plain export: title on line 1 after one space, question, then the answer
    /// from a line that starts with a space.
    case plainExport

    public var isCorpusRecord: Bool { self != .draft }

    /// Decides the layout from the first lines. O(first lines).
    public static func detect(_ text: String) -> DocumentKind {
        detect(Lines(Array(text.utf8)))
    }

    /// The same from the text's UTF-8.
    public static func detect(utf8 bytes: [UInt8]) -> DocumentKind {
        detect(Lines(bytes))
    }

    static func detect(_ lines: Lines) -> DocumentKind {
        let bytes = lines.bytes
        let first = lines[0]
        let firstStart = first.start + (Bytes.hasPrefix(bytes, at: first.start, byteOrderMark) ? 3 : 0)
        if Bytes.hasPrefix(bytes, at: firstStart, titleKey) { return .headerExport }
        for line in 0..<min(lines.count, 14)
        where Bytes.equalsTrimmed(bytes, lines[line], schriftelijkeVraag) {
            return .headerExport
        }
        if firstStart + 1 < first.end, bytes[firstStart] == Bytes.space,
           !Bytes.isWhitespace(bytes[firstStart + 1]) {
            return .plainExport
        }
        return .draft
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
    private static let titleKey = Array("title:".utf8)
    private static let schriftelijkeVraag = Array("SCHRIFTELIJKE VRAAG".utf8)
}

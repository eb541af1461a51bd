import SourceText

/// Reads an answer body: the opening prose and the numbered parts.
enum AnswerSection {
    /// `readsParts`: false leaves the numbered parts unread (none, and the whole
    /// body as the opening): an index reads the body alone.
    static func make(lines: Lines, range: TextRange, bodyRange: TextRange, markerRange: TextRange?,
                     reference: AnswerReference?, addressee: PersonName?, allowsInline: Bool,
                     readsParts: Bool = true) -> Answer {
        let bytes = lines.bytes
        let markers = readsParts ? NumberedMarkers.find(in: lines, range: bodyRange, allowsInline: allowsInline) : []
        var parts: [AnswerPart] = []
        parts.reserveCapacity(markers.count)
        for (index, marker) in markers.enumerated() {
            let spanEnd = index + 1 < markers.count ? markers[index + 1].range.start : bodyRange.end
            let textRange = Bytes.trimmed(bytes, TextRange(start: marker.range.end, end: spanEnd))
            let partEnd = max(textRange.end, marker.range.end)
            parts.append(AnswerPart(number: marker.number, markerRange: marker.range,
                                    range: TextRange(start: marker.range.start, end: partEnd),
                                    text: Bytes.string(bytes, textRange), textRange: textRange))
        }
        let openingEnd = markers.first?.range.start ?? bodyRange.end
        return Answer(range: range, markerRange: markerRange, reference: reference, addressee: addressee,
                      body: TextBlock.make(bytes, bodyRange),
                      opening: TextBlock.make(bytes, TextRange(start: bodyRange.start, end: openingEnd)),
                      parts: parts)
    }

    private static let op = Array("op ".utf8)
    private static let nr = Array("nr".utf8)

    /// `op vraag nr. 123 van 26 januari 2024`, `op de vraag van 4 januari 2017`.
    static func reference(_ bytes: [UInt8], line: TextRange) -> AnswerReference? {
        let core = Bytes.trimmed(bytes, line)
        guard Bytes.hasPrefix(bytes, at: core.start, op) else { return nil }
        var number: Located<Int>?
        var i = core.start
        while i < core.end, number == nil {
            if Bytes.hasPrefix(bytes, at: i, nr), i == 0 || !Bytes.isWordByte(bytes[i - 1]) {
                var p = i + 2
                if p < core.end, bytes[p] == UInt8(ascii: ".") { p += 1 }
                while p < core.end, Bytes.isHorizontalSpace(bytes[p]) { p += 1 }
                let (value, end) = DateScanner.readNumber(bytes, p, core.end, maxDigits: 7)
                if (1...6).contains(end - p) { number = Located(value, range: TextRange(start: p, end: end)) }
            }
            i += 1
        }
        let date = DateScanner.mentions(in: bytes, range: core).first.flatMap { mention in
            mention.date.map { Located($0, range: mention.range) }
        }
        return AnswerReference(range: core, number: number, date: date)
    }
}

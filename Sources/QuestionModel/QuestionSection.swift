import SourceText

/// Splits the question part into introduction, numbered questions with sub-items, and
/// closing prose.
struct QuestionSection {
    var introduction: TextBlock?
    var items: [QuestionItem] = []
    var closing: TextBlock?

    init(lines: Lines, range: TextRange, allowsInline: Bool) {
        let bytes = lines.bytes
        let markers = NumberedMarkers.find(in: lines, range: range, allowsInline: allowsInline)
        guard let first = markers.first else {
            introduction = TextBlock.make(bytes, range)
            return
        }
        introduction = TextBlock.make(bytes, TextRange(start: range.start, end: first.range.start))
        items.reserveCapacity(markers.count)
        for (index, marker) in markers.enumerated() {
            let spanEnd = index + 1 < markers.count ? markers[index + 1].range.start : range.end
            let span = TextRange(start: marker.range.start, end: spanEnd)
            let end = QuestionSection.itemEnd(lines, span: span, bodyStart: marker.range.end)
            let textRange = Bytes.trimmed(bytes, TextRange(start: marker.range.end, end: end))
            let itemRange = TextRange(start: marker.range.start, end: max(end, marker.range.end))
            items.append(QuestionItem(
                number: marker.number, markerRange: marker.range, labelRange: marker.labelRange, range: itemRange,
                text: Bytes.string(bytes, textRange), textRange: textRange,
                subItems: QuestionSection.subItems(lines, in: TextRange(start: marker.range.end, end: itemRange.end))))
        }
        if let last = items.last {
            closing = TextBlock.make(bytes, TextRange(start: last.range.end, end: range.end))
        }
    }

    /// An item ends with the last paragraph that asks something (`?`, `graag`, or a
    /// sub-item): prose after it introduces the next question or closes the text
    /// (`004_*` puts context between questions 2 and 3). An item that asks nothing
    /// keeps everything up to the next marker.
    static func itemEnd(_ lines: Lines, span: TextRange, bodyStart: Int) -> Int {
        let bytes = lines.bytes
        var lastAsk = -1
        var atLineStart = false
        var i = bodyStart
        while i < span.end {
            // Inside a line only `?`, a line end and `graag` matter: skipped to the next.
            if !atLineStart {
                i = ByteSearch.firstAskOrLineEnd(bytes, from: i, to: span.end)
                guard i < span.end else { break }
            }
            let byte = bytes[i]
            if byte == UInt8(ascii: "?") {
                lastAsk = i
            } else if byte == Bytes.newline || byte == Bytes.carriageReturn {
                atLineStart = true
                i += 1
                continue
            } else if atLineStart {
                let blank = Bytes.blankWidth(bytes, at: i)
                if blank > 0 {
                    i += blank
                    continue
                }
                atLineStart = false
                // A sub-item or a bullet list entry belongs to the item it follows.
                let line = TextRange(start: i, end: lineEndOffset(bytes, from: i, limit: span.end))
                if NumberedMarkers.letterMarker(bytes, line) != nil || NumberedMarkers.bullet(bytes, line) != nil { lastAsk = i }
            }
            if (byte | 0x20) == UInt8(ascii: "g"), !Bytes.isWordByte(bytes, before: i),
               Bytes.hasPrefix(bytes, at: i, graag) {
                lastAsk = i
            }
            i += 1
        }
        guard lastAsk >= 0 else { return Bytes.trimmed(bytes, span).end }
        return Bytes.trimmed(bytes, TextRange(start: span.start, end: paragraphEnd(bytes, from: lastAsk, limit: span.end))).end
    }

    private static let graag = Array("graag".utf8)

    @inline(__always)
    private static func lineEndOffset(_ bytes: [UInt8], from: Int, limit: Int) -> Int {
        // Bounded: a letter marker or a bullet needs only its first few bytes.
        var i = from
        while i < limit, i - from < 8, bytes[i] != Bytes.newline, bytes[i] != Bytes.carriageReturn { i += 1 }
        return i
    }

    /// The offset of the line break before the next blank line (or `limit`).
    static func paragraphEnd(_ bytes: [UInt8], from: Int, limit: Int) -> Int {
        var i = from
        while i < limit {
            let byte = bytes[i]
            if byte == Bytes.newline || byte == Bytes.carriageReturn {
                var next = i + 1
                if byte == Bytes.carriageReturn, next < limit, bytes[next] == Bytes.newline { next += 1 }
                let k = Bytes.skipBlanks(bytes, from: next, limit: limit)
                if k >= limit || bytes[k] == Bytes.newline || bytes[k] == Bytes.carriageReturn { return i }
                i = next
            } else {
                i += 1
            }
        }
        return limit
    }

    /// Sub-items `a)` at the start of a line. One ends at the first line that ends in
    /// `;` `.` `?` `!`, before a blank line, or before the next sub-item.
    static func subItems(_ lines: Lines, in range: TextRange) -> [SubItem] {
        let bytes = lines.bytes
        var result: [SubItem] = []
        var line = lines.firstLine(startingAtOrAfter: range.start)
        var open: (marker: LetterMarker, end: Int)?
        var isClosed = false

        func finish() {
            guard let current = open else { return }
            let textRange = Bytes.trimmed(bytes, TextRange(start: current.marker.range.end, end: current.end))
            let itemRange = TextRange(start: current.marker.range.start, end: max(textRange.end, current.marker.range.end))
            result.append(SubItem(letter: Character(Unicode.Scalar(current.marker.letter)), markerRange: current.marker.range,
                                  labelRange: current.marker.labelRange, range: itemRange, text: Bytes.string(bytes, textRange), textRange: textRange))
            open = nil
        }

        while line < lines.count, lines[line].start < range.end {
            let content = TextRange(start: lines[line].start, end: min(lines[line].end, range.end))
            if let marker = NumberedMarkers.letterMarker(bytes, content) {
                finish()
                open = (marker, content.end)
                isClosed = false
            } else if Bytes.trimmed(bytes, content).isEmpty {
                if open != nil { finish() }
            } else if open != nil, !isClosed {
                open?.end = content.end
            }
            if open != nil, !isClosed, let last = lastVisibleByte(bytes, content) {
                switch last {
                case UInt8(ascii: ";"), UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"):
                    isClosed = true
                default:
                    break
                }
            }
            line += 1
        }
        finish()
        return result
    }

    private static func lastVisibleByte(_ bytes: [UInt8], _ range: TextRange) -> UInt8? {
        let core = Bytes.trimmed(bytes, range)
        return core.isEmpty ? nil : bytes[core.end - 1]
    }
}

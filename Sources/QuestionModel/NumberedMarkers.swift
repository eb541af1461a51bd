import SourceText

/// A `1.` marker found in a section.
struct NumberedMarker {
    let number: Int
    /// `1.`
    let range: TextRange
}

/// A `a)` marker found at the start of a line.
struct LetterMarker {
    let letter: UInt8
    let range: TextRange
}

/// Finds `1.` `2.` markers. A marker at the start of a line (after indentation) may
/// carry any number of one to three digits and is taken as written. Corpus text also
/// runs questions together (`...hoe?2. Zou er`, `vragen:1. het aantal`): with
/// `allowsInline`, a marker inside a line counts only when it is the next number
/// expected and follows `?` `:` `;`, or follows `.` `!` `)` and opens a sentence or a
/// sub-item. That keeps `artikel 3. de`, `fase 1. De` and `15.000` out.
enum NumberedMarkers {
    static func find(in lines: Lines, range: TextRange, allowsInline: Bool) -> [NumberedMarker] {
        let bytes = lines.bytes
        var markers: [NumberedMarker] = []
        var line = lines.firstLine(startingAtOrAfter: range.start)
        while line < lines.count, lines[line].start < range.end {
            let content = TextRange(start: lines[line].start, end: min(lines[line].end, range.end))
            var scanFrom = content.start
            if let marker = lineStartMarker(bytes, content) {
                markers.append(marker)
                scanFrom = marker.range.end
            }
            if allowsInline {
                var expected = (markers.last?.number ?? 0) + 1
                var i = scanFrom
                while i < content.end {
                    if Bytes.isDigit(bytes[i]), let marker = inlineMarker(bytes, at: i, in: content, expected: expected) {
                        markers.append(marker)
                        expected += 1
                        i = marker.range.end
                    } else {
                        i += 1
                    }
                }
            }
            line += 1
        }
        return markers
    }

    /// `12.` after indentation, followed by a space, a tab or the end of the line.
    static func lineStartMarker(_ bytes: [UInt8], _ content: TextRange) -> NumberedMarker? {
        var i = content.start
        while i < content.end, Bytes.isHorizontalSpace(bytes[i]) { i += 1 }
        let (number, digitsEnd) = DateScanner.readNumber(bytes, i, content.end, maxDigits: 4)
        guard (1...3).contains(digitsEnd - i), digitsEnd < content.end, bytes[digitsEnd] == UInt8(ascii: ".") else { return nil }
        let after = digitsEnd + 1
        guard after == content.end || Bytes.isHorizontalSpace(bytes[after]) else { return nil }
        return NumberedMarker(number: number, range: TextRange(start: i, end: after))
    }

    private static func inlineMarker(_ bytes: [UInt8], at i: Int, in content: TextRange, expected: Int) -> NumberedMarker? {
        guard i > content.start, !Bytes.isDigit(bytes[i - 1]) else { return nil }
        let (number, digitsEnd) = DateScanner.readNumber(bytes, i, content.end, maxDigits: 3)
        guard number == expected, digitsEnd - i <= 2, digitsEnd + 1 < content.end,
              bytes[digitsEnd] == UInt8(ascii: "."), Bytes.isHorizontalSpace(bytes[digitsEnd + 1]) else { return nil }
        var next = digitsEnd + 1
        while next < content.end, next - digitsEnd < 4, Bytes.isHorizontalSpace(bytes[next]) { next += 1 }
        guard next < content.end, !Bytes.isDigit(bytes[next]) else { return nil }
        var previous = i - 1
        while previous > content.start, i - previous < 4, Bytes.isHorizontalSpace(bytes[previous]) { previous -= 1 }
        let marker = NumberedMarker(number: number, range: TextRange(start: i, end: digitsEnd + 1))
        switch bytes[previous] {
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"):
            // After a question or in a list (`vragen:1. het aantal ...;2. het ...`).
            return marker
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: ")"):
            // After a sentence, only when a sentence or a sub-item follows: keeps
            // `ca. 2. de` out.
            let startsSentence = !Bytes.isASCIILowercase(bytes[next])
                || (next + 1 < content.end && bytes[next + 1] == UInt8(ascii: ")"))
            return startsSentence ? marker : nil
        default:
            return nil
        }
    }

    /// `a)` after indentation, followed by a space, a tab or the end of the line.
    static func letterMarker(_ bytes: [UInt8], _ content: TextRange) -> LetterMarker? {
        var i = content.start
        while i < content.end, Bytes.isHorizontalSpace(bytes[i]) { i += 1 }
        guard i + 1 < content.end, Bytes.isASCIILowercase(bytes[i]), bytes[i + 1] == UInt8(ascii: ")") else { return nil }
        let after = i + 2
        guard after == content.end || Bytes.isHorizontalSpace(bytes[after]) else { return nil }
        return LetterMarker(letter: bytes[i], range: TextRange(start: i, end: after))
    }
}

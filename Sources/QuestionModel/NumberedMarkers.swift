import SourceText

/// A `1.` marker found in a section (also `1)` and `(1)`).
struct NumberedMarker {
    let number: Int
    /// `1.`, `1)` or `(1)`
    let range: TextRange
    /// The digits alone: what a renumbering replaces, keeping the marker's style.
    let labelRange: TextRange
}

/// A `a)` marker found at the start of a line (also `a.` and `(a)`).
struct LetterMarker {
    let letter: UInt8
    let range: TextRange
    /// The letter alone.
    var labelRange: TextRange { TextRange(start: range.start + (range.length == 3 ? 1 : 0), end: range.start + (range.length == 3 ? 2 : 1)) }
}

/// Finds `1.` `2.` markers. A marker at the start of a line (after indentation) may
/// carry any number of one to three digits and is taken as written. Corpus text also
/// runs questions together (`...hoe?2. Zou er`, `vragen:1. het aantal`): with
/// `allowsInline`, a marker inside a line counts only when it is the next number
/// expected and follows `?` `:` `;`, or follows `.` `!` `)` and opens a sentence or a
/// sub-item. That keeps `artikel 3. de`, `fase 1. De` and `15.000` out.
public enum NumberedMarkers {
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
                // An inline marker starts with a digit: the bytes before the next one are skipped.
                var i = ByteSearch.firstDigit(bytes, from: scanFrom, to: content.end)
                while i < content.end {
                    if let marker = inlineMarker(bytes, at: i, in: content, expected: expected) {
                        markers.append(marker)
                        expected += 1
                        i = ByteSearch.firstDigit(bytes, from: marker.range.end, to: content.end)
                    } else {
                        i = ByteSearch.firstDigit(bytes, from: i + 1, to: content.end)
                    }
                }
            }
            line += 1
        }
        return markers
    }

    /// `12.` after indentation, followed by a space or the end of the line. Pasted
    /// lists also write `12)` and `(12)`; spaces include tabs and no-break spaces.
    static func lineStartMarker(_ bytes: [UInt8], _ content: TextRange) -> NumberedMarker? {
        let i = Bytes.skipBlanks(bytes, from: content.start, limit: content.end)
        let opens = i < content.end && bytes[i] == UInt8(ascii: "(")
        let digitsStart = opens ? i + 1 : i
        let (number, digitsEnd) = DateScanner.readNumber(bytes, digitsStart, content.end, maxDigits: 4)
        guard (1...3).contains(digitsEnd - digitsStart), digitsEnd < content.end else { return nil }
        let closer = bytes[digitsEnd]
        guard opens ? closer == UInt8(ascii: ")") : (closer == UInt8(ascii: ".") || closer == UInt8(ascii: ")")) else { return nil }
        let after = digitsEnd + 1
        guard isMarkerEnd(bytes, after, content.end) else { return nil }
        return NumberedMarker(number: number, range: TextRange(start: i, end: after),
                              labelRange: TextRange(start: digitsStart, end: digitsEnd))
    }

    /// A marker ends the line or is followed by a space (a tab, a no-break space).
    @inline(__always)
    private static func isMarkerEnd(_ bytes: [UInt8], _ after: Int, _ end: Int) -> Bool {
        after == end || (after < end && Bytes.isWhitespace(bytes[after])) || Bytes.blankWidth(bytes, at: after) > 0
    }

    private static func inlineMarker(_ bytes: [UInt8], at i: Int, in content: TextRange, expected: Int) -> NumberedMarker? {
        guard i > content.start, !Bytes.isDigit(bytes[i - 1]) else { return nil }
        let (number, digitsEnd) = DateScanner.readNumber(bytes, i, content.end, maxDigits: 3)
        guard number == expected, digitsEnd - i <= 2, digitsEnd + 1 < content.end,
              bytes[digitsEnd] == UInt8(ascii: "."), Bytes.blankWidth(bytes, at: digitsEnd + 1) > 0 else { return nil }
        let next = Bytes.skipBlanks(bytes, from: digitsEnd + 1, limit: min(content.end, digitsEnd + 10))
        guard next < content.end, !Bytes.isDigit(bytes[next]) else { return nil }
        var previous = i - 1
        while previous > content.start, i - previous < 10 {
            let width = Bytes.blankWidth(bytes, endingAt: previous + 1)
            guard width > 0, previous - width >= content.start else { break }
            previous -= width
        }
        let marker = NumberedMarker(number: number, range: TextRange(start: i, end: digitsEnd + 1),
                                    labelRange: TextRange(start: i, end: digitsEnd))
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

    /// `a)` after indentation, followed by a space or the end of the line; pasted
    /// lists also write `a.` and `(a)`.
    static func letterMarker(_ bytes: [UInt8], _ content: TextRange) -> LetterMarker? {
        let i = Bytes.skipBlanks(bytes, from: content.start, limit: content.end)
        let opens = i < content.end && bytes[i] == UInt8(ascii: "(")
        let letterAt = opens ? i + 1 : i
        guard letterAt + 1 < content.end, Bytes.isASCIILowercase(bytes[letterAt]) else { return nil }
        let closer = bytes[letterAt + 1]
        guard opens ? closer == UInt8(ascii: ")") : (closer == UInt8(ascii: ")") || closer == UInt8(ascii: ".")) else { return nil }
        let after = letterAt + 2
        guard isMarkerEnd(bytes, after, content.end) else { return nil }
        return LetterMarker(letter: bytes[letterAt], range: TextRange(start: i, end: after))
    }

    /// Whether `range` opens with a bullet (see `bullet`).
    public static func isBullet(_ bytes: [UInt8], _ range: TextRange) -> Bool { bullet(bytes, range) != nil }

    /// A bullet `-` or `•` (also `–`) opening a line, followed by a space: a list
    /// entry, as a word processor pastes it. Returns the bullet's range.
    static func bullet(_ bytes: [UInt8], _ content: TextRange) -> TextRange? {
        let i = Bytes.skipBlanks(bytes, from: content.start, limit: content.end)
        guard i < content.end else { return nil }
        var width = 0
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "*") {
            width = 1
        } else if bytes[i] == 0xE2, i + 2 < content.end, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA2 || bytes[i + 2] == 0x93 {
            width = 3
        }
        guard width > 0, i + width < content.end, Bytes.blankWidth(bytes, at: i + width) > 0 else { return nil }
        return TextRange(start: i, end: i + width)
    }
}

import SourceText

/// Finds dates in UTF-8 bytes. Hand-written and linear: every attempt reads a bounded
/// number of bytes, and the scan moves past every match.
public enum DateScanner {
    /// Every date in `text`, in order.
    public static func mentions(in text: String) -> [DateMention] {
        let bytes = Array(text.utf8)
        return mentions(in: bytes, range: TextRange(start: 0, end: bytes.count))
    }

    static func mentions(in bytes: [UInt8], range: TextRange) -> [DateMention] {
        var found: [DateMention] = []
        var i = max(0, range.start)
        let end = min(range.end, bytes.count)
        while i < end {
            let byte = bytes[i]
            guard Bytes.isDigit(byte), i == 0 || !isNumberByte(bytes[i - 1]) else {
                i += 1
                continue
            }
            if let match = match(bytes, at: i, limit: end) {
                found.append(match)
                i = match.range.end
            } else {
                // Skip the rest of this number: a date never starts inside one.
                i += 1
                while i < end, Bytes.isDigit(bytes[i]) { i += 1 }
            }
        }
        return found
    }

    @inline(__always)
    private static func isNumberByte(_ byte: UInt8) -> Bool {
        Bytes.isDigit(byte) || Bytes.isASCIILetter(byte)
    }

    /// Reads a date that starts exactly at `start` and ends at or before `limit`.
    static func match(_ bytes: [UInt8], at start: Int, limit: Int) -> DateMention? {
        let limit = min(limit, bytes.count)
        guard start >= 0, start < limit, Bytes.isDigit(bytes[start]) else { return nil }
        let (first, firstEnd) = readNumber(bytes, start, limit, maxDigits: 5)
        let firstDigits = firstEnd - start
        if firstDigits == 4 {
            return matchISO(bytes, start: start, year: first, at: firstEnd, limit: limit)
        }
        guard firstDigits <= 2, firstEnd < limit else { return nil }
        let separator = bytes[firstEnd]
        if separator == UInt8(ascii: "/") || separator == UInt8(ascii: "-") {
            return matchNumeric(bytes, start: start, day: first, separator: separator, at: firstEnd + 1, limit: limit)
        }
        return matchLong(bytes, start: start, day: first, dayDigits: firstDigits, at: firstEnd, limit: limit)
    }

    private static func matchNumeric(_ bytes: [UInt8], start: Int, day: Int, separator: UInt8, at: Int, limit: Int) -> DateMention? {
        let (month, monthEnd) = readNumber(bytes, at, limit, maxDigits: 3)
        guard (1...2).contains(monthEnd - at), monthEnd < limit, bytes[monthEnd] == separator else { return nil }
        let (year, yearEnd) = readNumber(bytes, monthEnd + 1, limit, maxDigits: 5)
        guard yearEnd - (monthEnd + 1) == 4, !continuesWord(bytes, yearEnd, limit),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return mention(start, yearEnd, .numeric, day, month, year, isCanonical: false)
    }

    private static func matchISO(_ bytes: [UInt8], start: Int, year: Int, at: Int, limit: Int) -> DateMention? {
        guard at < limit, bytes[at] == UInt8(ascii: "-") else { return nil }
        let (month, monthEnd) = readNumber(bytes, at + 1, limit, maxDigits: 3)
        guard (1...2).contains(monthEnd - at - 1), monthEnd < limit, bytes[monthEnd] == UInt8(ascii: "-") else { return nil }
        let (day, dayEnd) = readNumber(bytes, monthEnd + 1, limit, maxDigits: 3)
        guard (1...2).contains(dayEnd - monthEnd - 1), !continuesWord(bytes, dayEnd, limit),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return mention(start, dayEnd, .iso, day, month, year, isCanonical: false)
    }

    private static func matchLong(_ bytes: [UInt8], start: Int, day: Int, dayDigits: Int, at: Int, limit: Int) -> DateMention? {
        guard let monthStart = skipGap(bytes, at, limit), monthStart > at else { return nil }
        guard let (month, monthEnd) = readMonthName(bytes, monthStart, limit) else { return nil }
        guard let yearStart = skipGap(bytes, monthEnd, limit), yearStart > monthEnd else { return nil }
        let (year, yearEnd) = readNumber(bytes, yearStart, limit, maxDigits: 5)
        guard yearEnd - yearStart == 4, !continuesWord(bytes, yearEnd, limit) else { return nil }
        let isCanonical = day >= 1 && (dayDigits == 1 || day >= 10)
            && monthStart == at + 1 && bytes[at] == Bytes.space
            && yearStart == monthEnd + 1 && bytes[monthEnd] == Bytes.space
            && Bytes.isASCIILowercase(bytes[monthStart])
            && isAllLowercase(bytes, monthStart, monthEnd)
        return mention(start, yearEnd, .long, day, month, year, isCanonical: isCanonical)
    }

    private static func mention(_ start: Int, _ end: Int, _ form: DateForm, _ day: Int, _ month: Int, _ year: Int, isCanonical: Bool) -> DateMention {
        let date = DutchDate(year: year, month: month, day: day)
        return DateMention(range: TextRange(start: start, end: end), form: form, day: day, month: month,
                           year: year, date: date, isCanonical: isCanonical && date != nil)
    }

    /// Reads up to `maxDigits` digits; more digits than that make the caller reject it
    /// (the returned end then lies `maxDigits` bytes on).
    @inline(__always)
    static func readNumber(_ bytes: [UInt8], _ start: Int, _ limit: Int, maxDigits: Int) -> (Int, Int) {
        var value = 0
        var i = start
        while i < limit, i - start < maxDigits, Bytes.isDigit(bytes[i]) {
            value = value * 10 + Int(bytes[i] - 0x30)
            i += 1
        }
        return (value, i)
    }

    @inline(__always)
    private static func continuesWord(_ bytes: [UInt8], _ at: Int, _ limit: Int) -> Bool {
        at < limit && (Bytes.isDigit(bytes[at]) || Bytes.isASCIILetter(bytes[at]))
    }

    /// Skips the space between parts of a date: a few spaces (tabs, no-break spaces)
    /// and at most one line break, since hard-wrapped text splits `31` from
    /// `december 2024`.
    static func skipGap(_ bytes: [UInt8], _ start: Int, _ limit: Int) -> Int? {
        var i = start
        var lineBreaks = 0
        while i < limit, i - start < 16 {
            let byte = bytes[i]
            if byte == Bytes.newline || byte == Bytes.carriageReturn {
                if byte == Bytes.carriageReturn, i + 1 < limit, bytes[i + 1] == Bytes.newline { i += 1 }
                lineBreaks += 1
                if lineBreaks > 1 { return nil }
            } else {
                // Spaces, tabs, no-break spaces, invisible characters.
                let width = Bytes.blankWidth(bytes, at: i)
                guard width > 0, i + width <= limit else { break }
                i += width
                continue
            }
            i += 1
        }
        return i < limit ? i : nil
    }

    private static let monthPatterns: [[UInt8]] = DutchDate.monthNames.map { Array($0.utf8) }

    /// A Dutch month name, any case, followed by a non-letter.
    static func readMonthName(_ bytes: [UInt8], _ start: Int, _ limit: Int) -> (Int, Int)? {
        guard start < limit, Bytes.isASCIILetter(bytes[start]) else { return nil }
        for (index, pattern) in monthPatterns.enumerated() {
            let end = start + pattern.count
            if end <= limit, Bytes.hasPrefix(bytes, at: start, pattern),
               end == limit || !Bytes.isWordByte(bytes, at: end) {
                return (index + 1, end)
            }
        }
        return nil
    }

    private static func isAllLowercase(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i < end {
            if !Bytes.isASCIILowercase(bytes[i]) { return false }
            i += 1
        }
        return true
    }
}

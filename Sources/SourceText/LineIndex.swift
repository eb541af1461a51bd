/// Maps UTF-8 byte offsets to line/column pairs and back.
///
/// Lines end at `\n`, `\r\n` or `\r`, as LSP says. Columns may count UTF-8 bytes,
/// UTF-16 code units or Unicode scalars. Building the index is O(n); a lookup is
/// O(log lines + line length).
public struct LineIndex: Sendable {
    /// The text as UTF-8 bytes; always valid UTF-8 because it comes from a `String`.
    public let utf8: [UInt8]
    /// Byte offset of the first byte of every line; the first is always 0.
    public let lineStarts: [Int]

    public init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    public init(utf8: [UInt8]) {
        self.utf8 = utf8
        var starts = [0]
        var i = 0
        let n = utf8.count
        while i < n {
            let byte = utf8[i]
            if byte == 0x0A {
                starts.append(i + 1)
            } else if byte == 0x0D {
                if i + 1 < n, utf8[i + 1] == 0x0A { i += 1 }
                starts.append(i + 1)
            }
            i += 1
        }
        lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }
    public var utf8Count: Int { utf8.count }

    /// The line that holds `utf8Offset` (clamped into the text).
    public func line(containing utf8Offset: Int) -> Int {
        let offset = max(0, min(utf8Offset, utf8.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The bytes of `line` without its line terminator; an out-of-range line gives
    /// the empty range at the end of the text.
    public func contentRange(ofLine line: Int) -> TextRange {
        guard line >= 0, line < lineStarts.count else {
            return TextRange(start: utf8.count, end: utf8.count)
        }
        let start = lineStarts[line]
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : utf8.count
        if end > start, utf8[end - 1] == 0x0A { end -= 1 }
        if end > start, utf8[end - 1] == 0x0D { end -= 1 }
        return TextRange(start: start, end: end)
    }

    /// The line and column of `utf8Offset`, counting the column in `unit`.
    /// An offset inside a multi-byte character counts from that character's start.
    public func lineColumn(of utf8Offset: Int, in unit: ColumnUnit) -> LineColumn {
        let offset = max(0, min(utf8Offset, utf8.count))
        let line = line(containing: offset)
        let content = contentRange(ofLine: line)
        let stop = min(offset, content.end)
        var column = 0
        var i = content.start
        while i < stop {
            let width = Self.scalarWidth(utf8[i])
            if i + width > stop { break }
            column += Self.units(ofScalarWidth: width, in: unit)
            i += width
        }
        return LineColumn(line: line, column: column)
    }

    /// The byte offset of a line/column pair counted in `unit`.
    /// A line past the end gives the end of the text; a column past the end of its
    /// line gives the end of the line (before the terminator); a column inside a
    /// character (half a surrogate pair, say) gives that character's start.
    public func utf8Offset(of position: LineColumn, in unit: ColumnUnit) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return utf8.count }
        let content = contentRange(ofLine: position.line)
        var remaining = max(0, position.column)
        var i = content.start
        while i < content.end, remaining > 0 {
            let width = Self.scalarWidth(utf8[i])
            let units = Self.units(ofScalarWidth: width, in: unit)
            if units > remaining { break }
            remaining -= units
            i += width
        }
        return min(i, content.end)
    }

    /// A `TextRange` converted to a pair of line/columns.
    public func lineColumns(of range: TextRange, in unit: ColumnUnit) -> (start: LineColumn, end: LineColumn) {
        (lineColumn(of: range.start, in: unit), lineColumn(of: range.end, in: unit))
    }

    /// The length in `unit` of a stretch of UTF-8 bytes.
    public func count(_ range: TextRange, in unit: ColumnUnit) -> Int {
        var total = 0
        var i = max(0, range.start)
        let end = min(range.end, utf8.count)
        while i < end {
            let width = Self.scalarWidth(utf8[i])
            total += Self.units(ofScalarWidth: width, in: unit)
            i += width
        }
        return total
    }

    @inline(__always)
    static func scalarWidth(_ lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead >= 0xF0 { return 4 }
        if lead >= 0xE0 { return 3 }
        if lead >= 0xC0 { return 2 }
        return 1 // a stray continuation byte cannot occur in a String; count it alone
    }

    @inline(__always)
    static func units(ofScalarWidth width: Int, in unit: ColumnUnit) -> Int {
        switch unit {
        case .utf8: return width
        case .utf16: return width == 4 ? 2 : 1
        case .utf32: return 1
        }
    }
}

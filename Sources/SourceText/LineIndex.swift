/// Maps UTF-8 byte offsets to line/column pairs and back.
///
/// Lines end at `\n`, `\r\n` or `\r`, as LSP says. Columns may count UTF-8 bytes,
/// UTF-16 code units or Unicode scalars. Building the index is O(n); a lookup is
/// O(log n) plus a scan of at most one checkpoint block, however long the line, so
/// converting N positions on one line costs O(N + line length), never N × line length.
public struct LineIndex: Sendable {
    /// The text as UTF-8 bytes; always valid UTF-8 because it comes from a `String`.
    public let utf8: [UInt8]
    /// Byte offset of the first byte of every line; the first is always 0.
    public let lineStarts: [Int]
    /// For text with non-ASCII bytes: the UTF-16 units and the scalars that start
    /// before every `blockSize`-th byte, counted from the start of the text. Empty for
    /// ASCII text, where every unit is a byte.
    private let unitsBeforeBlock16: [Int]
    private let unitsBeforeBlock32: [Int]

    /// Bytes between checkpoints: a lookup scans at most this many.
    static let blockSize = 128

    public init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    public init(utf8: [UInt8]) {
        self.utf8 = utf8
        var starts = [0]
        var isASCII = true
        utf8.withUnsafeBufferPointer { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if byte == 0x0A {
                    starts.append(i + 1)
                } else if byte == 0x0D {
                    if i + 1 < n, bytes[i + 1] == 0x0A { i += 1 }
                    starts.append(i + 1)
                } else if byte >= 0x80 {
                    isASCII = false
                }
                i += 1
            }
        }
        lineStarts = starts
        if isASCII {
            unitsBeforeBlock16 = []
            unitsBeforeBlock32 = []
        } else {
            (unitsBeforeBlock16, unitsBeforeBlock32) = Self.checkpoints(utf8)
        }
    }

    private static func checkpoints(_ utf8: [UInt8]) -> ([Int], [Int]) {
        let blocks = utf8.count / blockSize + 1
        var units16 = [Int](repeating: 0, count: blocks)
        var units32 = [Int](repeating: 0, count: blocks)
        utf8.withUnsafeBufferPointer { bytes in
            var count16 = 0, count32 = 0
            for block in 0..<blocks {
                units16[block] = count16
                units32[block] = count32
                let end = min(bytes.count, (block + 1) * blockSize)
                var i = block * blockSize
                while i < end {
                    count16 += units16Starting(bytes[i])
                    count32 += units32Starting(bytes[i])
                    i += 1
                }
            }
        }
        return (units16, units32)
    }

    /// UTF-16 units of the scalar that starts with `byte`; 0 for a continuation byte.
    @inline(__always)
    static func units16Starting(_ byte: UInt8) -> Int {
        if byte < 0x80 { return 1 }
        if byte < 0xC0 { return 0 }
        return byte >= 0xF0 ? 2 : 1
    }

    @inline(__always)
    static func units32Starting(_ byte: UInt8) -> Int {
        byte < 0x80 || byte >= 0xC0 ? 1 : 0
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    private var isASCII: Bool { unitsBeforeBlock16.isEmpty }

    /// The `unit`s of every scalar that starts before `offset` (0...utf8.count).
    private func unitsBefore(_ offset: Int, in unit: ColumnUnit) -> Int {
        if unit == .utf8 || isASCII { return offset }
        let block = offset / Self.blockSize
        var i = block * Self.blockSize
        return utf8.withUnsafeBufferPointer { bytes in
            if unit == .utf16 {
                var total = unitsBeforeBlock16[block]
                while i < offset { total += Self.units16Starting(bytes[i]); i += 1 }
                return total
            }
            var total = unitsBeforeBlock32[block]
            while i < offset { total += Self.units32Starting(bytes[i]); i += 1 }
            return total
        }
    }

    /// `offset` moved back to the start of the character it falls in, not before `floor`.
    private func scalarStart(_ offset: Int, floor: Int) -> Int {
        var i = offset
        while i > floor, i < utf8.count, Self.isContinuation(utf8[i]) { i -= 1 }
        return i
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
        let stop = scalarStart(min(offset, content.end), floor: content.start)
        return LineColumn(line: line, column: unitsBefore(stop, in: unit) - unitsBefore(content.start, in: unit))
    }

    /// The byte offset of a line/column pair counted in `unit`.
    /// A line past the end gives the end of the text; a column past the end of its
    /// line gives the end of the line (before the terminator); a column inside a
    /// character (half a surrogate pair, say) gives that character's start.
    public func utf8Offset(of position: LineColumn, in unit: ColumnUnit) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < lineStarts.count else { return utf8.count }
        let content = contentRange(ofLine: position.line)
        let column = max(0, position.column)
        if unit == .utf8 || isASCII {
            let offset = content.start + min(column, content.end - content.start)
            return scalarStart(offset, floor: content.start)
        }
        // Start from the last checkpoint inside the line that is not past the column.
        let checkpoints = unit == .utf16 ? unitsBeforeBlock16 : unitsBeforeBlock32
        let target = unitsBefore(content.start, in: unit) + column
        var low = content.start / Self.blockSize + 1 // the first checkpoint after the line's start
        var high = content.end / Self.blockSize       // the last one not past its end
        var i = content.start
        var remaining = column
        if low <= high, checkpoints[low] <= target {
            while low < high {
                let mid = (low + high + 1) / 2
                if checkpoints[mid] <= target { low = mid } else { high = mid - 1 }
            }
            i = low * Self.blockSize
            remaining = target - checkpoints[low]
            // The rest of a character that straddles the checkpoint is counted already.
            while i < content.end, Self.isContinuation(utf8[i]) { i += 1 }
        }
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

    /// The length in `unit` of a stretch of UTF-8 bytes: the units of the characters
    /// that start inside it.
    public func count(_ range: TextRange, in unit: ColumnUnit) -> Int {
        let start = max(0, min(range.start, utf8.count))
        let end = max(start, min(range.end, utf8.count))
        return unitsBefore(end, in: unit) - unitsBefore(start, in: unit)
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

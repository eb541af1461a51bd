import SourceText

/// The lines of a text as byte ranges without their terminators (`\n`, `\r\n`, `\r`),
/// the same rule `LineIndex` uses. Built once per parse in O(n).
struct Lines {
    let bytes: [UInt8]
    /// Content range of every line, terminators excluded.
    let content: [TextRange]

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var ranges: [TextRange] = []
        var start = 0
        var i = 0
        let n = bytes.count
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            while i < n {
                // Eight bytes a step past those that end no line: no byte below 0x0E, so
                // neither `\n` nor `\r` (the test has no false negative).
                if i + 8 <= n {
                    let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    if (word &- 0x0E0E_0E0E_0E0E_0E0E) & ~word & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let byte = buffer[i]
                if byte == Bytes.newline || byte == Bytes.carriageReturn {
                    ranges.append(TextRange(start: start, end: i))
                    if byte == Bytes.carriageReturn, i + 1 < n, buffer[i + 1] == Bytes.newline { i += 1 }
                    start = i + 1
                }
                i += 1
            }
        }
        ranges.append(TextRange(start: start, end: n))
        content = ranges
    }

    var count: Int { content.count }

    subscript(line: Int) -> TextRange { content[line] }

    func isBlank(_ line: Int) -> Bool { Bytes.trimmed(bytes, content[line]).isEmpty }

    func trimmed(_ line: Int) -> TextRange { Bytes.trimmed(bytes, content[line]) }

    /// Number of spaces and tabs that open the line.
    func indentation(_ line: Int) -> Int {
        let range = content[line]
        var i = range.start
        while i < range.end, Bytes.isHorizontalSpace(bytes[i]) { i += 1 }
        return i - range.start
    }

    /// The last non-whitespace byte of the line, if any.
    func lastVisibleByte(_ line: Int) -> UInt8? {
        let core = trimmed(line)
        return core.isEmpty ? nil : bytes[core.end - 1]
    }

    /// The first line whose content starts at or after `offset` (lines are sorted).
    func firstLine(startingAtOrAfter offset: Int) -> Int {
        var low = 0, high = content.count
        while low < high {
            let mid = (low + high) / 2
            if content[mid].start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }
}

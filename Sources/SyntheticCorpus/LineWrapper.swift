/// Builds the text of a file as UTF-8 bytes and hard-wraps paragraphs the way the
/// PDF exports do: greedy, at spaces, each wrapped line optionally keeping its
/// trailing space (`seeds/000_*` keeps it, `seeds/004_*` does not).
struct LineWrapper {
    private(set) var bytes: [UInt8] = []
    let width: Int
    let keepsTrailingSpace: Bool

    init(width: Int, keepsTrailingSpace: Bool, capacity: Int = 6000) {
        self.width = width
        self.keepsTrailingSpace = keepsTrailingSpace
        bytes.reserveCapacity(capacity)
    }

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// One line as is, then a newline.
    mutating func line(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        bytes.append(0x0A)
    }

    /// Lines already laid out by another wrapper (the minister title, printed twice).
    mutating func appendRaw(_ other: LineWrapper) {
        bytes.append(contentsOf: other.bytes)
    }

    mutating func blankLine() {
        bytes.append(0x0A)
    }

    /// A paragraph wrapped to `width` columns (characters, not bytes). Words that
    /// would open a line looking like a list marker (`3.`, `b)`) stay on the
    /// previous line, so wrapping never invents a numbered question.
    mutating func paragraph(_ text: String, prefix: String = "") {
        let source = Array((prefix + text).utf8)
        var column = 0
        var lineStart = true
        var wordStart = 0
        while wordStart < source.count {
            var wordEnd = wordStart
            while wordEnd < source.count && source[wordEnd] != 0x20 { wordEnd += 1 }
            let word = source[wordStart..<wordEnd]
            let wordWidth = LineWrapper.columns(word)
            if lineStart {
                bytes.append(contentsOf: word)
                column = wordWidth
                lineStart = false
            } else if column + 1 + wordWidth > width && !LineWrapper.looksLikeMarker(word) {
                if keepsTrailingSpace { bytes.append(0x20) }
                bytes.append(0x0A)
                bytes.append(contentsOf: word)
                column = wordWidth
            } else {
                bytes.append(0x20)
                bytes.append(contentsOf: word)
                column += 1 + wordWidth
            }
            wordStart = wordEnd
            while wordStart < source.count && source[wordStart] == 0x20 { wordStart += 1 }
        }
        bytes.append(0x0A)
    }

    /// Characters, counting every UTF-8 lead byte once.
    static func columns(_ word: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in word where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// `12.`, `3)`, `b)`, `-`, `•`: what a parser could take for the start of an item.
    static func looksLikeMarker(_ word: ArraySlice<UInt8>) -> Bool {
        guard let last = word.last else { return false }
        let body = word.dropLast()
        if last == 0x2E || last == 0x29 { // "." or ")"
            if !body.isEmpty && body.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return true }
            if last == 0x29 && body.count == 1, let letter = body.first, letter >= 0x61 && letter <= 0x7A { return true }
        }
        return word.elementsEqual("-".utf8) || word.elementsEqual("•".utf8)
    }
}

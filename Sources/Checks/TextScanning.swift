import QuestionModel
import SourceText

/// Byte-level helpers for the rules: hand-written linear scans, no regular expressions.
/// The byte classes (`Bytes.isWhitespace`, `isWordByte`, ...) are the parser's own.
enum TextScanning {
    /// A word of running text: its range, its ASCII-lowercased bytes, and whether it
    /// opens a sentence (first in the range, or after `.` `?` `!` `:` `;` or `x)`).
    struct Word {
        let range: TextRange
        let lowercased: [UInt8]
        let startsSentence: Bool

        func `is`(_ word: String) -> Bool { lowercased.elementsEqual(word.utf8) }
    }

    static func words(_ bytes: [UInt8], in range: TextRange) -> [Word] {
        var result: [Word] = []
        forEachWord(bytes, in: range) { range, lowercased, startsSentence in
            result.append(Word(range: range, lowercased: lowercased, startsSentence: startsSentence))
        }
        return result
    }

    /// The words of `words(_:in:)`, one at a time: the lowercased bytes are a buffer
    /// reused for the next word, so a caller that keeps none allocates nothing per word.
    static func forEachWord(_ bytes: [UInt8], in range: TextRange,
                            _ body: (_ range: TextRange, _ lowercased: [UInt8], _ startsSentence: Bool) -> Void) {
        var lower: [UInt8] = []
        var startsSentence = true
        var i = max(0, range.start)
        let end = min(bytes.count, range.end)
        var atLineStart = true
        while i < end {
            let byte = bytes[i]
            if Bytes.isWordByte(bytes, at: i) {
                let start = i
                lower.removeAll(keepingCapacity: true)
                while i < end, Bytes.isWordByte(bytes, at: i) {
                    // A soft hyphen or zero-width space inside a word is not part of it.
                    let invisible = bytes[i] < 0x80 ? 0 : Bytes.ignorableWidth(bytes, at: i)
                    if invisible > 0 {
                        i += invisible
                        continue
                    }
                    lower.append(Bytes.lowercased(bytes[i]))
                    i += 1
                }
                atLineStart = false
                if lower.isEmpty { continue }
                // `a)` is a sub-item marker: what follows starts a sentence.
                if i < end, bytes[i] == UInt8(ascii: ")"), i - start == 1 {
                    startsSentence = true
                    i += 1
                    continue
                }
                body(TextRange(start: start, end: i), lower, startsSentence)
                startsSentence = false
                continue
            }
            switch byte {
            case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ":"), UInt8(ascii: ";"):
                startsSentence = true
            case Bytes.newline, Bytes.carriageReturn:
                atLineStart = true
            default:
                let blank = Bytes.blankWidth(bytes, at: i)
                if blank > 0 {
                    i += blank
                    continue
                }
                // A bullet (`-`, `•`) opening a line opens a list entry: a sentence.
                if atLineStart {
                    if NumberedMarkers.isBullet(bytes, TextRange(start: i, end: min(end, i + 8))) { startsSentence = true }
                    atLineStart = false
                }
            }
            i += 1
        }
    }

    // MARK: Does a text ask something?

    /// Words that make any sentence a request, wherever they stand.
    private static let requestWords: Set<[UInt8]> = Set([
        "graag", "gaarne", "gelieve", "verzoek", "verzoeke", "verzocht", "hoeveel", "hoeverre", "welke", "welk",
        "waarom",
    ].map { Array($0.utf8) })

    /// Words that make a request when they open a sentence: question words, the
    /// finite verbs of Dutch yes/no questions (`Kan de minister ...`), imperatives.
    private static let sentenceOpeners: Set<[UInt8]> = Set([
        "wat", "hoe", "wanneer", "wie", "waar", "waarop", "waaraan", "waarvoor", "waardoor", "waarmee", "waaruit",
        "kan", "kunt", "kunnen", "wil", "wilt", "zou", "zouden", "zal", "zullen", "is", "zijn", "heeft", "hebben",
        "werd", "werden", "wordt", "worden", "gaat", "plant", "acht", "ziet", "overweegt", "denkt", "bestaat",
        "bestaan", "komt", "klopt", "vindt", "beschikt", "geef", "bezorg", "licht", "verduidelijk",
    ].map { Array($0.utf8) })

    /// `vraag ik`, `ik vraag`, `verneem ik`, `wil ik`, `ik dring aan`: the author asks in
    /// the first person.
    private static let firstPersonVerbs: Set<[UInt8]> = Set(["vraag", "verneem", "wil", "wens", "dring"].map { Array($0.utf8) })
    private static let ik = Array("ik".utf8)

    /// True when the text asks something: a `?`, a request word (`graag`, `gelieve`,
    /// `hoeveel`), a sentence opened by a question word or an inverted verb
    /// (`Kan de minister ... meedelen.`), or `vraag ik` / `ik vraag`.
    static func asksSomething(_ bytes: [UInt8], in range: TextRange) -> Bool {
        var i = max(0, range.start)
        let end = min(bytes.count, range.end)
        while i < end {
            if bytes[i] == UInt8(ascii: "?") { return true }
            i += 1
        }
        let words = words(bytes, in: range)
        for (index, word) in words.enumerated() {
            if requestWords.contains(word.lowercased) { return true }
            if word.startsSentence, sentenceOpeners.contains(word.lowercased) { return true }
            if word.lowercased == ik {
                if index > 0, firstPersonVerbs.contains(words[index - 1].lowercased) { return true }
                if index + 1 < words.count, firstPersonVerbs.contains(words[index + 1].lowercased) { return true }
            }
        }
        return false
    }

    /// The last sentence of a range: after the last `.` `?` `!` that is followed by
    /// whitespace and not at the very end.
    static func lastSentence(_ bytes: [UInt8], in range: TextRange) -> TextRange {
        let core = Bytes.trimmed(bytes, range)
        var i = core.end - 1
        while i > core.start {
            let byte = bytes[i - 1]
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!")), Bytes.isWhitespace(bytes[i]) {
                return TextRange(start: i, end: core.end)
            }
            i -= 1
        }
        return core
    }

    // MARK: Paragraphs, lines, words

    /// Paragraphs (runs of non-blank lines) inside `range`, each trimmed.
    static func paragraphs(_ bytes: [UInt8], in range: TextRange) -> [TextRange] {
        var result: [TextRange] = []
        var paragraphStart: Int?
        var lastContentEnd = range.start
        var lineStart = max(0, range.start)
        let end = min(bytes.count, range.end)
        while lineStart < end {
            var lineEnd = lineStart
            while lineEnd < end, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
            let content = Bytes.trimmed(bytes, TextRange(start: lineStart, end: lineEnd))
            if content.isEmpty {
                if let start = paragraphStart { result.append(TextRange(start: start, end: lastContentEnd)) }
                paragraphStart = nil
            } else {
                if paragraphStart == nil { paragraphStart = content.start }
                lastContentEnd = content.end
            }
            var next = lineEnd
            if next < end, bytes[next] == 0x0D { next += 1 }
            if next < end, bytes[next] == 0x0A { next += 1 }
            if next == lineEnd { break }
            lineStart = next
        }
        if let start = paragraphStart { result.append(TextRange(start: start, end: lastContentEnd)) }
        return result
    }

    /// The whole line holding `offset`, from its first byte through its terminator:
    /// what a fix deletes to remove a line.
    static func fullLine(_ bytes: [UInt8], containing offset: Int) -> TextRange {
        var start = max(0, min(offset, bytes.count))
        while start > 0, bytes[start - 1] != 0x0A, bytes[start - 1] != 0x0D { start -= 1 }
        var end = max(0, min(offset, bytes.count))
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        if end < bytes.count, bytes[end] == 0x0D { end += 1 }
        if end < bytes.count, bytes[end] == 0x0A { end += 1 }
        return TextRange(start: start, end: end)
    }

    /// The whole line before the line that starts at `lineStart` (which is > 0).
    static func previousLine(_ bytes: [UInt8], before lineStart: Int) -> TextRange {
        var offset = max(0, min(lineStart, bytes.count) - 1)
        if offset > 0, bytes[offset] == 0x0A, bytes[offset - 1] == 0x0D { offset -= 1 }
        return fullLine(bytes, containing: offset)
    }

    /// The line ending the text uses: its first line break (`\r\n`, `\r` or `\n`).
    static func lineEnding(_ bytes: [UInt8]) -> String {
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A { return "\n" }
            if bytes[i] == 0x0D { return i + 1 < bytes.count && bytes[i + 1] == 0x0A ? "\r\n" : "\r" }
            i += 1
        }
        return "\n"
    }

    /// The start of the line holding `offset`.
    static func lineStart(_ bytes: [UInt8], containing offset: Int) -> Int {
        fullLine(bytes, containing: offset).start
    }

    /// The byte offset of the character at `characterIndex` in `text`, which starts
    /// at byte `start`; the end of the text when it has fewer characters.
    static func byteOffset(ofCharacter characterIndex: Int, in text: String, start: Int) -> Int {
        var offset = start
        var count = 0
        for character in text {
            if count == characterIndex { return offset }
            offset += character.utf8.count
            count += 1
        }
        return offset
    }

    /// Whitespace runs (no-break spaces included) collapsed to one space, invisible
    /// characters dropped, ends trimmed: `Bytes.collapsedString`.
    static func collapsingWhitespace(_ text: String) -> String {
        let bytes = Array(text.utf8)
        return Bytes.collapsedString(bytes, TextRange(start: 0, end: bytes.count))
    }

    /// Names compare case-insensitively with whitespace collapsed.
    static func nameKey(_ name: String) -> String { collapsingWhitespace(name).lowercased() }
}

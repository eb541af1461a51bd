import SourceText

/// Reads the header lines of both layouts into `Metadata`.
struct HeaderParser {
    let lines: Lines
    var metadata = Metadata()
    var issues: [ParseIssue] = []
    /// The first line after the header.
    var nextLine = 0
    /// Keys already read: a set, so a text of a million header lines stays linear.
    private var seenKeys: Set<HeaderKey> = []

    init(lines: Lines) {
        self.lines = lines
    }

    private var bytes: [UInt8] { lines.bytes }

    // MARK: Export header

    private static let exportKeys: [(pattern: [UInt8], key: HeaderKey)] = [
        (Array("title:".utf8), .title),
        (Array("thema link:".utf8), .themeLink),
        (Array("thema:".utf8), .theme),
        (Array("pdf link:".utf8), .pdfLink),
        (Array("datum:".utf8), .date),
    ]
    private static let schriftelijkeVraag = Array("SCHRIFTELIJKE VRAAG".utf8)

    /// `title:` ... `aan NAME` + office lines. Stops at the first line that is not a
    /// header line, and right after the office.
    mutating func parseExportHeader() {
        var line = 0
        // A byte order mark belongs to no field.
        let bomSkip = Bytes.hasPrefix(bytes, at: 0, DocumentKind.byteOrderMark) ? 3 : 0
        lineLoop: while line < lines.count {
            let content = lines[line]
            let start = content.start + (line == 0 ? bomSkip : 0)
            let core = Bytes.trimmed(bytes, TextRange(start: start, end: content.end))
            if core.isEmpty { break }
            for (pattern, key) in HeaderParser.exportKeys where Bytes.hasPrefix(bytes, at: core.start, pattern) {
                add(key, keyEnd: core.start + pattern.count, line: core)
                line += 1
                continue lineLoop
            }
            if Bytes.equalsTrimmed(bytes, core, HeaderParser.schriftelijkeVraag) {
                add(.documentKind, keyEnd: core.start, line: core, valueStart: core.start)
            } else if startsWithWord(core, "nr."), DateScanner.readNumber(bytes, afterSpaces(core.start + 3, core), core.end, maxDigits: 7).1 > afterSpaces(core.start + 3, core) {
                add(.number, keyEnd: core.start + 3, line: core)
            } else if startsWithWordAndSpace(core, "van") {
                add(.author, keyEnd: core.start + 3, line: core)
            } else if startsWithWordAndSpace(core, "aan") {
                add(.addressee, keyEnd: core.start + 3, line: core)
                line = readOffice(after: line)
                break
            } else {
                break
            }
            line += 1
        }
        nextLine = line
        finishRange()
    }

    /// Case-sensitive: the export writes `nr.`, `van`, `aan` in lower case.
    private func startsWithWord(_ core: TextRange, _ pattern: StaticString) -> Bool {
        let count = pattern.utf8CodeUnitCount
        guard core.start + count <= core.end else { return false }
        let utf8 = pattern.utf8Start
        for k in 0..<count where bytes[core.start + k] != utf8[k] { return false }
        return true
    }

    /// `word`, then a space of any kind: a header pasted through a word processor
    /// has a no-break space after `van`, `aan` and `nr.`.
    private func startsWithWordAndSpace(_ core: TextRange, _ word: StaticString) -> Bool {
        let end = core.start + word.utf8CodeUnitCount
        return startsWithWord(core, word) && afterSpaces(end, core) > end
    }

    /// Past the spaces of any kind (tab, no-break space, ...) from `from`.
    private func afterSpaces(_ from: Int, _ core: TextRange) -> Int {
        var i = min(from, core.end)
        while i < core.end {
            let width = Bytes.spaceWidth(bytes, at: i)
            guard width > 0, i + width <= core.end else { break }
            i += width
        }
        return i
    }

    /// The office: the `aan` value itself when it names an office (kamer-2017), and up
    /// to three following upper-case lines that are not the title. Returns the next line.
    private mutating func readOffice(after aanLine: Int) -> Int {
        let addressee = metadata.lines.last { $0.key == .addressee }
        var officeStart: Int?
        var officeEnd = 0
        var officeLineStart = 0
        if let addressee, HeaderParser.namesOffice(addressee.value) {
            metadata.minister = nil
            officeStart = addressee.valueRange.start
            officeEnd = addressee.valueRange.end
            officeLineStart = addressee.lineRange.start
        }
        var line = aanLine + 1
        var officeLines = 0
        while line < lines.count, officeLines < 3 {
            let core = lines.trimmed(line)
            guard isUpperCaseLine(core), !isTitleLine(core), !HeaderParser.isSectionMarker(bytes, core) else { break }
            if officeStart == nil {
                officeStart = core.start
                officeLineStart = core.start
            }
            officeEnd = core.end
            officeLines += 1
            line += 1
        }
        if let officeStart {
            let valueRange = TextRange(start: officeStart, end: officeEnd)
            let value = Bytes.collapsedString(bytes, valueRange)
            metadata.ministerOffice = Located(value, range: valueRange)
            if officeLines > 0 {
                metadata.lines.append(HeaderLine(key: .addresseeOffice, keyRange: TextRange(start: officeLineStart, end: officeLineStart),
                                                 valueRange: valueRange, lineRange: TextRange(start: officeLineStart, end: officeEnd),
                                                 value: value))
            }
        }
        return line
    }

    private static let sectionMarkers = ["ANTWOORD", "BIJLAGE", "BIJLAGEN"].map { Array($0.utf8) }

    static func isSectionMarker(_ bytes: [UInt8], _ range: TextRange) -> Bool {
        sectionMarkers.contains { Bytes.equalsTrimmed(bytes, range, $0) }
    }

    static func namesOffice(_ value: String) -> Bool {
        var value = value
        let found = value.withUTF8 { bytes -> Bool? in
            var decided: Bool? = false
            for word in officeWords {
                switch Bytes.find(word, in: bytes) {
                case .absent: continue
                case .found: return true
                case .unsure: decided = nil
                }
            }
            return decided
        }
        // A match next to a character outside ASCII (a combining mark) is decided by
        // `String.contains`, which compares whole characters.
        return found ?? (value.contains("MINISTER") || value.contains("STAATSSECRETARIS") || value.contains("Minister"))
    }

    private static let officeWords = ["MINISTER", "STAATSSECRETARIS", "Minister"].map { Array($0.utf8) }

    /// At least two letters and no lower-case letter (ASCII or Latin-1 `à`..`ÿ`).
    func isUpperCaseLine(_ core: TextRange) -> Bool {
        var letters = 0
        var i = core.start
        while i < core.end {
            let byte = bytes[i]
            if Bytes.isASCIILowercase(byte) { return false }
            if byte == 0xC3, i + 1 < core.end, bytes[i + 1] >= 0x9F { return false }
            if Bytes.isASCIILetter(byte) { letters += 1 }
            i += 1
        }
        return letters >= 2
    }

    /// The body's title line repeats `title:` (with `  -  ` for ` - `).
    func isTitleLine(_ core: TextRange) -> Bool {
        guard let title = metadata.line(.title) else { return false }
        return Bytes.equalCollapsed(bytes, core, title.valueRange)
    }

    // MARK: Draft header

    private static let draftKeys: [(pattern: [UInt8], key: HeaderKey)] = [
        (Array("aan:".utf8), .addressee),
        (Array("van:".utf8), .author),
        (Array("thema:".utf8), .theme),
        (Array("datum:".utf8), .date),
        (Array("nr:".utf8), .number),
        (Array("nr.:".utf8), .number),
        (Array("nummer:".utf8), .number),
    ]

    /// `key: value` lines at the top of a draft, any case; blank lines before them are
    /// skipped. The header ends at the first other line.
    mutating func parseDraftHeader() {
        var line = 0
        var firstContentLine: Int?
        let bomSkip = Bytes.hasPrefix(bytes, at: 0, DocumentKind.byteOrderMark) ? 3 : 0
        lineLoop: while line < lines.count {
            let content = lines[line]
            let core = Bytes.trimmed(bytes, TextRange(start: content.start + (line == 0 ? bomSkip : 0), end: content.end))
            if core.isEmpty {
                if !metadata.lines.isEmpty { break }
                line += 1
                continue
            }
            if firstContentLine == nil { firstContentLine = line }
            for (pattern, key) in HeaderParser.draftKeys where Bytes.hasPrefix(bytes, at: core.start, pattern) {
                add(key, keyEnd: core.start + pattern.count, line: core)
                line += 1
                continue lineLoop
            }
            break
        }
        nextLine = metadata.lines.isEmpty ? (firstContentLine ?? line) : line
        finishRange()
    }

    // MARK: Fields

    private mutating func add(_ key: HeaderKey, keyEnd: Int, line core: TextRange, valueStart: Int? = nil) {
        let valueRange = Bytes.trimmed(bytes, TextRange(start: valueStart ?? keyEnd, end: core.end))
        let value = Bytes.string(bytes, valueRange)
        let headerLine = HeaderLine(key: key, keyRange: TextRange(start: core.start, end: keyEnd),
                                    valueRange: valueRange, lineRange: core, value: value)
        guard seenKeys.insert(key).inserted else {
            issues.append(ParseIssue(.duplicateHeaderKey(key), range: core))
            metadata.lines.append(headerLine)
            return
        }
        metadata.lines.append(headerLine)
        let located = Located(value, range: valueRange)
        switch key {
        case .title: metadata.titleLine = located
        case .theme: metadata.theme = located
        case .pdfLink: metadata.pdfLink = located
        case .themeLink: metadata.themeLink = located
        case .documentKind, .addresseeOffice: break
        case .author: metadata.author = PersonName(raw: value, range: valueRange)
        case .addressee:
            if !HeaderParser.namesOffice(value) { metadata.minister = PersonName(raw: value, range: valueRange) }
            else { metadata.ministerOffice = located }
        case .number:
            let (number, end) = DateScanner.readNumber(bytes, valueRange.start, valueRange.end, maxDigits: 7)
            if end == valueRange.end, (1...6).contains(end - valueRange.start) {
                metadata.number = Located(number, range: valueRange)
            } else {
                issues.append(ParseIssue(.invalidHeaderNumber, range: valueRange))
            }
        case .date:
            if let match = DateScanner.match(bytes, at: valueRange.start, limit: valueRange.end),
               match.range.end == valueRange.end, let date = match.date {
                metadata.date = Located(date, range: valueRange)
            } else {
                issues.append(ParseIssue(.invalidHeaderDate, range: valueRange))
            }
        }
    }

    private mutating func finishRange() {
        guard let first = metadata.lines.first, let last = metadata.lines.last else { return }
        metadata.range = TextRange(start: first.lineRange.start, end: max(last.lineRange.end, first.lineRange.end))
    }
}

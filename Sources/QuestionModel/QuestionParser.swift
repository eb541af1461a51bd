import SourceText

/// Builds a `Question` from bytes: finds the layout's sections by lines, then lets
/// `QuestionSection`, `AnswerSection`, `CitationScanner` and `DateScanner` read them.
struct QuestionParser {
    let bytes: [UInt8]
    let lines: Lines
    /// Also every date of the whole text, the issues only the checks read (impossible
    /// dates, a control character) and the answer's numbered parts (for the outline,
    /// folding and highlighting); an index has no use for them.
    let scansForChecks: Bool

    init(bytes: [UInt8], scansForChecks: Bool = true) {
        self.bytes = bytes
        self.lines = Lines(bytes)
        self.scansForChecks = scansForChecks
    }

    private static let antwoord = Array("ANTWOORD".utf8)
    private static let bijlage = Array("BIJLAGE".utf8)
    private static let bijlagen = Array("BIJLAGEN".utf8)
    private static let van = Array("van ".utf8)

    func parse(as requestedKind: DocumentKind?) -> Question {
        let kind = requestedKind ?? DocumentKind.detect(lines)
        var question = Question(kind: kind)
        switch kind {
        case .headerExport: parseHeaderExport(into: &question)
        case .plainExport: parsePlainExport(into: &question)
        case .draft: parseDraft(into: &question)
        }
        scanWholeText(into: &question)
        return question
    }

    // MARK: Layouts

    private func parseHeaderExport(into question: inout Question) {
        var header = HeaderParser(lines: lines)
        header.parseExportHeader()
        question.metadata = header.metadata
        question.issues = header.issues

        var line = header.nextLine
        while line < lines.count, lines.isBlank(line) { line += 1 }
        guard line < lines.count else { return }
        // A record cut short after its header has no title line.
        let isSectionMarker = HeaderParser.isSectionMarker(bytes, lines[line])
        if !isSectionMarker { question.title = Title.make(bytes, lines[line]) }
        let bodyStartLine = isSectionMarker ? line : line + 1

        let answerLine = firstLine(from: bodyStartLine, equalTo: QuestionParser.antwoord)
        let annexLine = firstAnnexLine(from: answerLine ?? bodyStartLine)
        let questionEndLine = answerLine ?? annexLine ?? lines.count
        let signatureLine = self.signatureLine(before: questionEndLine, after: bodyStartLine,
                                               minister: question.metadata.minister)
        let questionEnd = lineStartOffset(signatureLine ?? questionEndLine)
        if let signatureLine {
            question.signature = TextBlock.make(bytes, TextRange(start: lineStartOffset(signatureLine),
                                                                 end: lineStartOffset(questionEndLine)))
        }
        readQuestionPart(TextRange(start: lineStartOffset(bodyStartLine), end: questionEnd), allowsInline: true, into: &question)

        if let answerLine {
            var bodyLine = answerLine + 1
            var reference: AnswerReference?
            var addressee: PersonName?
            if bodyLine < lines.count, let found = AnswerSection.reference(bytes, line: lines[bodyLine]) {
                reference = found
                bodyLine += 1
            } else {
                question.issues.append(ParseIssue(.missingAnswerReference, range: lines.trimmed(answerLine)))
            }
            if bodyLine < lines.count {
                let core = lines.trimmed(bodyLine)
                if Bytes.hasPrefix(bytes, at: core.start, QuestionParser.van) {
                    let nameRange = Bytes.trimmed(bytes, TextRange(start: core.start + 4, end: core.end))
                    addressee = PersonName(raw: Bytes.string(bytes, nameRange), range: nameRange)
                    bodyLine += 1
                }
            }
            let answerEnd = lineStartOffset(annexLine ?? lines.count)
            let bodyStart = min(lineStartOffset(bodyLine), answerEnd)
            question.answer = AnswerSection.make(
                lines: lines, range: Bytes.trimmed(bytes, TextRange(start: lines[answerLine].start, end: answerEnd)),
                bodyRange: TextRange(start: bodyStart, end: answerEnd), markerRange: lines.trimmed(answerLine),
                reference: reference, addressee: addressee, allowsInline: true, readsParts: scansForChecks)
        }
        if let annexLine { question.annex = annex(at: annexLine) }
    }

    private func parsePlainExport(into question: inout Question) {
        question.title = Title.make(bytes, lines[0])
        let answerLine = plainAnswerLine()
        let annexLine = firstAnnexLine(from: answerLine ?? 1)
        let questionEndLine = answerLine ?? annexLine ?? lines.count
        readQuestionPart(TextRange(start: lineStartOffset(1), end: lineStartOffset(questionEndLine)),
                         allowsInline: true, into: &question)
        if let answerLine {
            let answerEnd = lineStartOffset(annexLine ?? lines.count)
            let range = TextRange(start: lines[answerLine].start, end: answerEnd)
            question.answer = AnswerSection.make(lines: lines, range: Bytes.trimmed(bytes, range), bodyRange: range,
                                                 markerRange: nil, reference: nil, addressee: nil, allowsInline: true,
                                                 readsParts: scansForChecks)
        }
        if let annexLine { question.annex = annex(at: annexLine) }
    }

    private func parseDraft(into question: inout Question) {
        var header = HeaderParser(lines: lines)
        header.parseDraftHeader()
        question.metadata = header.metadata
        question.issues = header.issues

        var line = header.nextLine
        while line < lines.count, lines.isBlank(line) { line += 1 }
        guard line < lines.count else { return }
        // A draft may paste an answer or annex below the question.
        let answerLine = firstLine(from: line, equalTo: QuestionParser.antwoord)
        let annexLine = firstAnnexLine(from: answerLine ?? line)
        let questionEndLine = answerLine ?? annexLine ?? lines.count

        var bodyStartLine = line
        if isDraftTitle(line, questionEndLine: questionEndLine) {
            question.title = Title.make(bytes, lines[line])
            bodyStartLine = line + 1
        }
        readQuestionPart(TextRange(start: lineStartOffset(bodyStartLine), end: lineStartOffset(questionEndLine)),
                         allowsInline: false, into: &question)
        if let answerLine {
            let answerEnd = lineStartOffset(annexLine ?? lines.count)
            question.answer = AnswerSection.make(
                lines: lines, range: Bytes.trimmed(bytes, TextRange(start: lines[answerLine].start, end: answerEnd)),
                bodyRange: TextRange(start: lineStartOffset(answerLine + 1), end: answerEnd),
                markerRange: lines.trimmed(answerLine), reference: nil, addressee: nil, allowsInline: false,
                readsParts: scansForChecks)
        }
        if let annexLine { question.annex = annex(at: annexLine) }
    }

    // MARK: Pieces

    private func readQuestionPart(_ range: TextRange, allowsInline: Bool, into question: inout Question) {
        let range = TextRange(start: range.start, end: max(range.start, range.end))
        let section = QuestionSection(lines: lines, range: range, allowsInline: allowsInline)
        question.introduction = section.introduction
        question.numberedQuestions = section.items
        question.closing = section.closing
        let trimmed = Bytes.trimmed(bytes, range)
        question.questionRange = trimmed.isEmpty ? nil : trimmed
    }

    /// A draft's first line is its title when it stands alone (a one-line paragraph
    /// that is not a numbered question), when it has the ` - ` of a title, or when it
    /// reads as a title although the introduction or `1.` follows without a blank
    /// line (`Title.readsAsTitle`). A title with a colon is still a title: the checks
    /// say what is wrong with it.
    private func isDraftTitle(_ line: Int, questionEndLine: Int) -> Bool {
        guard line < questionEndLine else { return false }
        let content = lines[line]
        if NumberedMarkers.lineStartMarker(bytes, content) != nil || NumberedMarkers.letterMarker(bytes, content) != nil
            || NumberedMarkers.bullet(bytes, content) != nil {
            return false
        }
        let standsAlone = line + 1 >= questionEndLine || lines.isBlank(line + 1)
        if standsAlone { return true }
        guard content.length <= 200, let title = Title.make(bytes, content) else { return false }
        return title.separatorRange != nil || Title.readsAsTitle(bytes, lines.trimmed(line), before: lines.trimmed(line + 1))
    }

    /// Plain export: the answer starts at a line opening with a space right after a
    /// line that ends in `?` (a leading space alone is not enough: `004_*` has one
    /// inside the question). Failing that, after a line that ends a sentence.
    private func plainAnswerLine() -> Int? {
        var fallback: Int?
        var line = 2
        while line < lines.count {
            let content = lines[line]
            if content.length > 1, Bytes.isHorizontalSpace(bytes[content.start]), !lines.isBlank(line) {
                switch lines.lastVisibleByte(line - 1) {
                case UInt8(ascii: "?"):
                    return line
                case UInt8(ascii: "."), UInt8(ascii: "!"):
                    if fallback == nil { fallback = line }
                default:
                    break
                }
            }
            line += 1
        }
        return fallback
    }

    /// The signature before `ANTWOORD`: upper-case lines starting with the minister's name.
    private func signatureLine(before endLine: Int, after startLine: Int, minister: PersonName?) -> Int? {
        guard let minister else { return nil }
        let header = HeaderParser(lines: lines)
        let name = Array(minister.raw.utf8)
        var line = endLine - 1
        var found: Int?
        while line >= startLine, endLine - line <= 5, header.isUpperCaseLine(lines.trimmed(line)) {
            if Bytes.equalsTrimmed(bytes, lines[line], name) { found = line }
            line -= 1
        }
        return found
    }

    private func annex(at line: Int) -> Annex {
        let marker = lines.trimmed(line)
        let range = Bytes.trimmed(bytes, TextRange(start: marker.start, end: bytes.count))
        return Annex(range: range, markerRange: marker,
                     content: TextBlock.make(bytes, TextRange(start: marker.end, end: bytes.count)))
    }

    private func firstLine(from start: Int, equalTo pattern: [UInt8]) -> Int? {
        var line = max(0, start)
        while line < lines.count {
            if Bytes.equalsTrimmed(bytes, lines[line], pattern) { return line }
            line += 1
        }
        return nil
    }

    private func firstAnnexLine(from start: Int) -> Int? {
        var line = max(0, start)
        while line < lines.count {
            if Bytes.equalsTrimmed(bytes, lines[line], QuestionParser.bijlage)
                || Bytes.equalsTrimmed(bytes, lines[line], QuestionParser.bijlagen) { return line }
            line += 1
        }
        return nil
    }

    /// The offset where `line` starts; the end of the text past the last line.
    private func lineStartOffset(_ line: Int) -> Int {
        line < lines.count ? lines[line].start : bytes.count
    }

    // MARK: Whole-text scans

    private func scanWholeText(into question: inout Question) {
        let whole = TextRange(start: 0, end: bytes.count)
        if scansForChecks {
            question.dates = DateScanner.mentions(in: bytes, range: whole)
            for mention in question.dates where !mention.isValid {
                question.issues.append(ParseIssue(.impossibleDate, range: mention.range))
            }
        }
        // The header and the answer's reference line are metadata, not citations.
        let excluded = [question.metadata.range, question.answer?.reference?.range].compactMap { $0 }
        question.citations = CitationScanner.citations(in: bytes, range: whole, excluding: excluded)
        if scansForChecks, let offset = firstControlCharacter() {
            question.issues.append(ParseIssue(.controlCharacter, range: TextRange(start: offset, end: offset + 1)))
        }
    }

    private func firstControlCharacter() -> Int? {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x20, byte != Bytes.tab, byte != Bytes.newline, byte != Bytes.carriageReturn, byte != 0x0C { return i }
            if byte == 0x7F { return i }
            i += 1
        }
        return nil
    }
}

import QuestionModel

/// What indexing needs from a record's full text, which is not kept.
struct ExtractedText: Sendable {
    var terms: TermBag
    var abbreviations: [(shortForm: String, longForm: String)]
}

/// Distils a parsed question into a `Record` and the terms the search index needs.
enum RecordBuilder {
    static let excerptLength = 400
    static let questionPreviewLength = 300

    static func make(_ question: Question, text: String, source: RecordSource) -> (Record, ExtractedText) {
        let metadata = question.metadata
        let title = question.title?.text ?? metadata.titleLine?.value ?? ""
        let questionTexts = question.numberedQuestions.map(\.text)
        let introduction = question.introduction?.text ?? ""
        let answerText = question.answer?.body?.text
        let cited = question.citations.compactMap { citation -> QuestionReference? in
            guard citation.kind == .writtenQuestion, let number = citation.number, let date = citation.date else { return nil }
            return QuestionReference(number: number, date: date)
        }
        var wordCount = 0
        for text in [introduction] + questionTexts { wordCount += countWords(text) }

        let record = Record(
            source: source,
            kind: question.kind,
            number: metadata.number?.value,
            date: metadata.date?.value,
            title: collapseWhitespace(title),
            subject: question.title?.subject.map { collapseWhitespace($0.value) },
            author: metadata.author?.displayName,
            minister: metadata.minister?.displayName,
            ministerOffice: metadata.ministerOffice?.value,
            theme: metadata.theme?.value,
            pdfLink: metadata.pdfLink?.value,
            introductionExcerpt: excerpt(introduction, length: excerptLength),
            questions: questionTexts.map { excerpt($0, length: questionPreviewLength) },
            answerExcerpt: answerText.map { excerpt($0, length: excerptLength) },
            citedQuestions: Array(Set(cited)).sorted(),
            questionWordCount: wordCount)
        let bag = TermBag(title: title, question: [introduction] + questionTexts, answer: answerText)
        return (record, ExtractedText(terms: bag, abbreviations: AbbreviationFinder.definitions(in: text)))
    }

    /// The text on one line, cut at a word boundary near `length` characters.
    static func excerpt(_ text: String, length: Int) -> String {
        let flat = collapseWhitespace(text)
        guard flat.count > length else { return flat }
        var cut = flat.prefix(length)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        return cut + " …"
    }

    static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    static func countWords(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let isSpace = byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
            if !isSpace && !inWord { count += 1 }
            inWord = !isSpace
        }
        return count
    }
}

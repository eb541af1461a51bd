import QuestionModel

/// What indexing needs from a record's full text, which is not kept.
struct ExtractedText: Sendable {
    var terms: TermBag
    var abbreviations: [(shortForm: String, longForm: String)]
    /// The shingles of the whole question text (title and question part).
    var shingles: Shingles
}

/// How much of a record's text the corpus keeps for previews (in UTF-8 bytes), so
/// that a draft can be cut the same way when it is compared with records.
public enum RecordPreviewLimits {
    /// Previews show the first questions; the rest are counted, not kept.
    public static let questions = 3
    public static let questionLength = 200
    public static let introductionLength = 200
    public static let answerLength = 240
    /// Titles and header fields are kept up to this many bytes: a file with a 3.4 MB
    /// title line must not make a 3.4 MB cache.
    public static let fieldLength = 1_000

    /// A text cut as the corpus cuts its previews: whitespace collapsed, at a word
    /// boundary at most `length` bytes in.
    public static func excerpt(_ text: String, length: Int) -> String {
        RecordBuilder.excerpt(text, length: length)
    }
}

/// Distils a parsed question into the fields of a record and the terms the search
/// index needs. Runs on the loader's parallel workers, so it does all the per-text
/// work (tokenizing, finding abbreviations) and leaves only merging to the index.
enum RecordBuilder {
    static let introductionExcerptLength = RecordPreviewLimits.introductionLength
    static let questionExcerptLength = RecordPreviewLimits.questionLength
    static let answerExcerptLength = RecordPreviewLimits.answerLength
    static let keptQuestions = RecordPreviewLimits.questions

    /// Parses `text` (for the index: `Question.parseForIndex`) and distils it.
    static func make(parsing text: String, source: RecordSource,
                     interner: inout TermInterner) -> (RecordFields, ExtractedText) {
        make(parsingUTF8: Array(text.utf8), source: source, interner: &interner)
    }

    /// The same from valid UTF-8 bytes (a file read as they are).
    static func make(parsingUTF8 bytes: [UInt8], source: RecordSource,
                     interner: inout TermInterner) -> (RecordFields, ExtractedText) {
        make(Question.parseForIndex(utf8: bytes), utf8: bytes, source: source, interner: &interner)
    }

    /// `question` parsed from `bytes`, the record's whole text.
    static func make(_ question: Question, utf8 bytes: [UInt8], source: RecordSource,
                     interner: inout TermInterner) -> (RecordFields, ExtractedText) {
        let metadata = question.metadata
        let title = question.title?.text ?? metadata.titleLine?.value ?? ""
        let questionTexts = question.numberedQuestions.map(\.text)
        let introduction = question.introduction?.text ?? ""
        let answerText = question.answer?.body?.text
        let cited = question.citations.compactMap { citation -> QuestionReference? in
            guard citation.kind == .writtenQuestion, let number = citation.number, let date = citation.date else { return nil }
            return QuestionReference(number: number, date: date)
        }
        var wordCount = countWords(introduction)
        for text in questionTexts { wordCount += countWords(text) }

        let fields = RecordFields(
            source: source,
            kind: question.kind,
            number: metadata.number?.value,
            date: metadata.date?.value,
            title: capped(title),
            subject: question.title?.subject.map { capped($0.value) },
            author: metadata.author.map { capped($0.displayName) },
            minister: metadata.minister.map { capped($0.displayName) },
            ministerOffice: metadata.ministerOffice.map { capped($0.value) },
            theme: metadata.theme.map { capped($0.value) },
            pdfLink: metadata.pdfLink.map { capped($0.value) },
            introductionExcerpt: excerpt(introduction, length: introductionExcerptLength),
            questions: questionTexts.prefix(keptQuestions).map { excerpt($0, length: questionExcerptLength) },
            questionCount: questionTexts.count,
            answerExcerpt: answerText.map { excerpt($0, length: answerExcerptLength) },
            citedQuestions: Array(Set(cited)).sorted(),
            questionWordCount: wordCount)
        // The whole question part (sub-items and closing too), as the repetition check
        // reads a draft: both sides are judged on the same text.
        let whole = QuestionText.parts(of: question, utf8: bytes)
        // One pass gives the terms and the words of the shingles of title + "\n" + body.
        var shingleWords: [UInt64]? = []
        let bag = TermBag(title: title, question: [whole.body], answer: answerText, interner: &interner,
                          shingleWords: &shingleWords)
        return (fields, ExtractedText(terms: bag, abbreviations: bytes.withUnsafeBufferPointer { AbbreviationFinder.definitions(inUTF8: $0) },
                                      shingles: Shingles(wordHashes: shingleWords ?? [])))
    }

    /// A title or header field on one line, cut (as an excerpt) only past `fieldLength`.
    static func capped(_ text: String) -> String {
        let line = collapseWhitespace(text)
        return line.utf8.count <= RecordPreviewLimits.fieldLength ? line : excerpt(line, length: RecordPreviewLimits.fieldLength)
    }

    /// The text on one line, cut at a word boundary at most `length` bytes in.
    static func excerpt(_ text: String, length: Int) -> String {
        var bytes = collapsedBytes(text, limit: length + 1)
        guard bytes.count > length else { return String(decoding: bytes, as: UTF8.self) }
        var cut = length
        while cut > 0, bytes[cut] != 0x20 { cut -= 1 }
        if cut == 0 {
            // One long word: cut before a UTF-8 continuation byte.
            cut = length
            while cut > 0, bytes[cut] & 0xC0 == 0x80 { cut -= 1 }
        }
        bytes.removeSubrange(cut...)
        return String(decoding: bytes, as: UTF8.self) + " …"
    }

    /// Runs of ASCII whitespace and control characters become one space; the ends
    /// are trimmed. Byte-based: linear and allocation-light.
    static func collapseWhitespace(_ text: String) -> String {
        String(decoding: collapsedBytes(text), as: UTF8.self)
    }

    /// Collapsed bytes, stopping once `limit` bytes are out (an excerpt needs no more).
    private static func collapsedBytes(_ text: String, limit: Int = .max) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            // Written in place, no capacity check per byte: never more bytes than read,
            // nor more than `limit` and the one space before the last byte.
            let capacity = limit >= bytes.count ? bytes.count : limit + 1
            return [UInt8](unsafeUninitializedCapacity: capacity) { result, written in
                var count = 0
                var pendingSpace = false
                for byte in bytes {
                    if count >= limit { break }
                    if byte <= 0x20 || byte == 0x7F {
                        pendingSpace = count > 0
                    } else {
                        if pendingSpace {
                            result[count] = 0x20
                            count += 1
                        }
                        pendingSpace = false
                        result[count] = byte
                        count += 1
                    }
                }
                written = count
            }
        }
    }

    static func countWords(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            // A word starts at a byte that is no space after one that is (or at the
            // start): counted without a branch or a state carried from byte to byte,
            // in 8-bit counts per run of 255 bytes, so the compiler counts a vector at a time.
            @inline(__always) func space(_ byte: UInt8) -> UInt8 {
                (byte == 0x20 ? 1 : 0) | (byte == 0x0A ? 1 : 0) | (byte == 0x0D ? 1 : 0) | (byte == 0x09 ? 1 : 0)
            }
            guard let first = bytes.first else { return 0 }
            var count = Int(1 - space(first))
            var start = 1
            while start < bytes.count {
                let end = min(bytes.count, start + 255)
                var starts: UInt8 = 0
                for index in start..<end { starts &+= space(bytes[index - 1]) & (1 - space(bytes[index])) }
                count += Int(starts)
                start = end
            }
            return count
        }
    }
}

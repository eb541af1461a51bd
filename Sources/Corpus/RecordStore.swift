import QuestionModel

/// All records of a corpus in columns: one byte buffer for every string, and flat
/// arrays for numbers, dates and citations. Compact in memory (no object per
/// record or per string) and written to and read from the index cache as raw
/// memory, which is what makes a 100,000-record corpus reopen quickly.
final class RecordStore: Sendable {
    enum Field: Int, CaseIterable {
        case source, title, subject, author, minister, ministerOffice, theme, pdfLink, introduction, questions, answer
    }

    static let fieldCount = Field.allCases.count
    /// Separates the questions inside the `questions` field.
    static let questionSeparator: UInt8 = 0x1F

    let count: Int
    let text: Column<UInt8>
    /// Field `f` of record `r` is `text[spans[r * fieldCount + f] ..< spans[r * fieldCount + f + 1]]`.
    let spans: Column<UInt32>
    /// Bit `f` set: field `f` is present (an absent field and an empty one differ).
    let presence: Column<UInt16>
    /// -1 for none.
    let numbers: Column<Int32>
    /// `yyyymmdd`, 0 for none.
    let dates: Column<Int32>
    /// Low 7 bits: `DocumentKind` index; high bit: the source is an embedded seed.
    let kinds: Column<UInt8>
    let questionCounts: Column<Int32>
    let wordCounts: Column<Int32>
    /// The citations of record `r` are `citedStarts[r] ..< citedStarts[r + 1]`.
    let citedStarts: Column<Int32>
    let citedNumbers: Column<Int32>
    let citedDates: Column<Int32>

    init(count: Int, text: Column<UInt8>, spans: Column<UInt32>, presence: Column<UInt16>, numbers: Column<Int32>,
         dates: Column<Int32>, kinds: Column<UInt8>, questionCounts: Column<Int32>, wordCounts: Column<Int32>,
         citedStarts: Column<Int32>, citedNumbers: Column<Int32>, citedDates: Column<Int32>) {
        self.count = count
        self.text = text
        self.spans = spans
        self.presence = presence
        self.numbers = numbers
        self.dates = dates
        self.kinds = kinds
        self.questionCounts = questionCounts
        self.wordCounts = wordCounts
        self.citedStarts = citedStarts
        self.citedNumbers = citedNumbers
        self.citedDates = citedDates
    }

    /// Whether the columns agree with each other, so no read can go out of bounds.
    /// Checked on every store read from the cache.
    var isConsistent: Bool {
        // A count from a corrupt cache may be anything: bound it before multiplying.
        guard count >= 0, count < spans.count else { return false }
        let spanCount = count * Self.fieldCount + 1
        guard spans.count == spanCount, spans.first == 0, Int(spans.last ?? 0) == text.count,
              presence.count == count, numbers.count == count, dates.count == count, kinds.count == count,
              questionCounts.count == count, wordCounts.count == count, citedStarts.count == count + 1,
              citedStarts.first == 0, Int(citedStarts.last ?? -1) == citedNumbers.count,
              citedDates.count == citedNumbers.count else { return false }
        guard spans.isNondecreasing, citedStarts.isNondecreasing else { return false }
        let kindCount = DocumentKind.allCases.count
        return kinds.withUnsafeBufferPointer { kinds in kinds.allSatisfy { Int($0 & 0x7F) < kindCount } }
    }

    // MARK: Reading

    func has(_ field: Field, _ record: Int) -> Bool { presence[record] & (1 << field.rawValue) != 0 }

    func string(_ field: Field, _ record: Int) -> String? {
        guard has(field, record) else { return nil }
        return text.string(range(field, record))
    }

    /// Where field `field` of `record` lies in `text`.
    func range(_ field: Field, _ record: Int) -> Range<Int> {
        let slot = record * Self.fieldCount + field.rawValue
        return Int(spans[slot])..<Int(spans[slot + 1])
    }

    func strings(_ field: Field, _ record: Int) -> [String] {
        guard has(field, record) else { return [] }
        let range = range(field, record)
        return text.withUnsafeBufferPointer { text in
            UnsafeBufferPointer(rebasing: text[range])
                .split(separator: Self.questionSeparator, omittingEmptySubsequences: false)
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }

    func isEmbedded(_ record: Int) -> Bool { kinds[record] & 0x80 != 0 }
    func kind(_ record: Int) -> DocumentKind { DocumentKind.allCases[Int(kinds[record] & 0x7F)] }
    func number(_ record: Int) -> Int? { numbers[record] < 0 ? nil : Int(numbers[record]) }
    func date(_ record: Int) -> DutchDate? { Self.unpack(dates[record]) }
    func questionCount(_ record: Int) -> Int { Int(questionCounts[record]) }
    func questionWordCount(_ record: Int) -> Int { Int(wordCounts[record]) }

    func citedQuestions(_ record: Int) -> [QuestionReference] {
        (Int(citedStarts[record])..<Int(citedStarts[record + 1])).compactMap { index in
            Self.unpack(citedDates[index]).map { QuestionReference(number: Int(citedNumbers[index]), date: $0) }
        }
    }

    static func pack(_ date: DutchDate?) -> Int32 {
        guard let date else { return 0 }
        return Int32(date.year * 10_000 + date.month * 100 + date.day)
    }

    static func unpack(_ packed: Int32) -> DutchDate? {
        guard packed > 0 else { return nil }
        let value = Int(packed)
        return DutchDate(year: value / 10_000, month: value / 100 % 100, day: value % 100)
    }
}

/// Appends records to the columns of a future `RecordStore`.
struct RecordStoreBuilder {
    private var count = 0
    private var text: [UInt8] = []
    private var spans: [UInt32] = [0]
    private var presence: [UInt16] = []
    private var numbers: [Int32] = []
    private var dates: [Int32] = []
    private var kinds: [UInt8] = []
    private var questionCounts: [Int32] = []
    private var wordCounts: [Int32] = []
    private var citedStarts: [Int32] = [0]
    private var citedNumbers: [Int32] = []
    private var citedDates: [Int32] = []
    /// Field offsets are UInt32: the store's text may not grow past this.
    var maximumTextBytes = Int(UInt32.max)

    /// Whether `fields` still fit the columns' types: totals are checked before
    /// anything is narrowed.
    func fits(_ fields: RecordFields) -> Bool {
        let source: String
        switch fields.source {
        case .file(let path): source = path
        case .embedded(let name): source = name
        }
        var bytes = source.utf8.count + fields.title.utf8.count + fields.introductionExcerpt.utf8.count
        for field in [fields.subject, fields.author, fields.minister, fields.ministerOffice, fields.theme,
                      fields.pdfLink, fields.answerExcerpt] {
            bytes += field?.utf8.count ?? 0
        }
        for question in fields.questions { bytes += question.utf8.count + 1 }
        return bytes <= maximumTextBytes - text.count && count < Int(Int32.max)
            && fields.citedQuestions.count <= Int(Int32.max) - citedNumbers.count
    }

    mutating func append(_ fields: RecordFields) {
        var present: UInt16 = 0
        func put(_ field: RecordStore.Field, _ value: String?) {
            if let value {
                present |= 1 << field.rawValue
                text.append(contentsOf: value.utf8)
            }
            spans.append(UInt32(text.count))
        }
        switch fields.source {
        case .file(let path): put(.source, path)
        case .embedded(let name): put(.source, name)
        }
        put(.title, fields.title)
        put(.subject, fields.subject)
        put(.author, fields.author)
        put(.minister, fields.minister)
        put(.ministerOffice, fields.ministerOffice)
        put(.theme, fields.theme)
        put(.pdfLink, fields.pdfLink)
        put(.introduction, fields.introductionExcerpt)
        // The separator cannot occur inside: excerpts have their control characters collapsed.
        put(.questions, fields.questions.isEmpty ? nil
            : fields.questions.joined(separator: String(UnicodeScalar(RecordStore.questionSeparator))))
        put(.answer, fields.answerExcerpt)
        presence.append(present)
        numbers.append(fields.number.map { Int32(clamping: $0) } ?? -1)
        dates.append(RecordStore.pack(fields.date))
        let kindIndex = UInt8(DocumentKind.allCases.firstIndex(of: fields.kind) ?? 0)
        if case .embedded = fields.source { kinds.append(kindIndex | 0x80) } else { kinds.append(kindIndex) }
        questionCounts.append(Int32(clamping: fields.questionCount))
        wordCounts.append(Int32(clamping: fields.questionWordCount))
        for cited in fields.citedQuestions {
            citedNumbers.append(Int32(clamping: cited.number))
            citedDates.append(RecordStore.pack(cited.date))
        }
        citedStarts.append(Int32(citedNumbers.count))
        count += 1
    }

    /// What the builder holds: records, bytes of text, citations.
    var sizes: (records: Int, textBytes: Int, citations: Int) { (count, text.count, citedNumbers.count) }

    /// Room for `records` more records with `textBytes` and `citations` more: an
    /// update reserves its columns once instead of growing them by doubling.
    mutating func reserve(records: Int, textBytes: Int, citations: Int) {
        text.reserveCapacity(text.count + textBytes)
        spans.reserveCapacity(spans.count + records * RecordStore.fieldCount)
        for column in [\RecordStoreBuilder.numbers, \.dates, \.questionCounts, \.wordCounts] {
            self[keyPath: column].reserveCapacity(count + records)
        }
        presence.reserveCapacity(count + records)
        kinds.reserveCapacity(count + records)
        citedStarts.reserveCapacity(count + records + 1)
        citedNumbers.reserveCapacity(citedNumbers.count + citations)
        citedDates.reserveCapacity(citedDates.count + citations)
    }

    /// Appends records `range` of `store` as they are, their bytes and columns
    /// copied in bulk and their offsets moved: what an incremental update keeps.
    /// False, with nothing appended, when they do not fit the columns' types.
    @discardableResult
    mutating func append(_ store: RecordStore, records range: Range<Int>) -> Bool {
        guard !range.isEmpty else { return true }
        let fieldCount = RecordStore.fieldCount
        let firstSpan = range.lowerBound * fieldCount, lastSpan = range.upperBound * fieldCount
        let textStart = Int(store.spans[firstSpan]), textEnd = Int(store.spans[lastSpan])
        let citedStart = Int(store.citedStarts[range.lowerBound]), citedEnd = Int(store.citedStarts[range.upperBound])
        guard textEnd - textStart <= maximumTextBytes - text.count, count <= Int(Int32.max) - range.count,
              citedEnd - citedStart <= Int(Int32.max) - citedNumbers.count else { return false }
        let textShift = Int64(text.count) - Int64(textStart)
        store.text.withUnsafeBufferPointer { text.append(contentsOf: UnsafeBufferPointer(rebasing: $0[textStart..<textEnd])) }
        store.spans.withUnsafeBufferPointer { theirs in
            for slot in (firstSpan + 1)...lastSpan { spans.append(UInt32(Int64(theirs[slot]) + textShift)) }
        }
        func copy<Element>(_ column: Column<Element>, _ slice: Range<Int>, into array: inout [Element]) {
            column.withUnsafeBufferPointer { array.append(contentsOf: UnsafeBufferPointer(rebasing: $0[slice])) }
        }
        copy(store.presence, range, into: &presence)
        copy(store.numbers, range, into: &numbers)
        copy(store.dates, range, into: &dates)
        copy(store.kinds, range, into: &kinds)
        copy(store.questionCounts, range, into: &questionCounts)
        copy(store.wordCounts, range, into: &wordCounts)
        let citedShift = Int32(citedNumbers.count) - Int32(citedStart)
        store.citedStarts.withUnsafeBufferPointer { theirs in
            for record in (range.lowerBound + 1)...range.upperBound { citedStarts.append(theirs[record] + citedShift) }
        }
        copy(store.citedNumbers, citedStart..<citedEnd, into: &citedNumbers)
        copy(store.citedDates, citedStart..<citedEnd, into: &citedDates)
        count += range.count
        return true
    }

    func build() -> RecordStore {
        RecordStore(count: count, text: Column(text), spans: Column(spans), presence: Column(presence),
                    numbers: Column(numbers), dates: Column(dates), kinds: Column(kinds),
                    questionCounts: Column(questionCounts), wordCounts: Column(wordCounts),
                    citedStarts: Column(citedStarts), citedNumbers: Column(citedNumbers),
                    citedDates: Column(citedDates))
    }
}

import SourceText

/// Finds citations of questions and meetings in UTF-8 bytes.
///
/// A hand-written matcher tried at each word start near a digit; every attempt reads a
/// bounded number of bytes (a committee name at most `maximumNameLength`), so a scan
/// is linear.
public enum CitationScanner {
    /// Every citation in `text`, in order, none overlapping.
    public static func citations(in text: String) -> [Citation] {
        let bytes = Array(text.utf8)
        return citations(in: bytes, range: TextRange(start: 0, end: bytes.count))
    }

    static let maximumNameLength = 160

    /// How far a citation's first digit (of its number or date) can lie past its start:
    /// `tijdens de vergadering van de commissie` (45 + 79 bytes with the longest gaps),
    /// a name up to `maximumNameLength`, then `van` and a date start (39). The longest
    /// written question reaches its digits within 138. A gap (`DateScanner.skipGap`)
    /// is at most 18 bytes. Changing the readers' grammar means checking this figure.
    static let maximumReach = 45 + 79 + (maximumNameLength - 1) + 39

    /// The citations in `range`, except those that overlap a range of `excluded`
    /// (metadata that reads like one): those are matched, so the next citation starts
    /// after them, but not built.
    static func citations(in bytes: [UInt8], range: TextRange, excluding excluded: [TextRange] = []) -> [Citation] {
        citations(in: bytes, range: range, excluding: excluded, skippingToAnchors: true)
    }

    /// With `skippingToAnchors` false, every candidate word start is tried: the plain
    /// scan, which tests compare the skipping one with.
    static func citations(in bytes: [UInt8], range: TextRange, excluding excluded: [TextRange] = [],
                          skippingToAnchors: Bool) -> [Citation] {
        var found: [Citation] = []
        let end = min(range.end, bytes.count)
        var i = max(0, range.start)
        let reader = Reader(bytes: bytes, limit: end, excluded: excluded)
        bytes.withUnsafeBufferPointer { buffer in
            // Every citation has a digit (`anchor`) within `maximumReach` of its start, so
            // only word starts at most that far before an anchor are tried (a fifth of
            // the text of a question).
            var anchor = skippingToAnchors ? -1 : end
            while i < end {
                if anchor < i {
                    anchor = nextAnchor(buffer, in: bytes, from: i, end: end)
                    guard anchor < end else { break }
                    i = max(i, anchor - maximumReach)
                }
                // Straight to the next word start of ASCII letters whose length and first
                // letter are those of a first word (most words are not): a citation can
                // start nowhere else.
                i = nextCandidate(buffer, from: i, before: min(anchor + 1, end), end: end)
                guard i <= anchor, i < end else { continue }
                if !Bytes.isWordByte(bytes, before: i), startsCandidate(bytes, i, end),
                   let match = reader.questionCitation(at: i) ?? reader.meetingCitation(at: i) {
                    if case .citation(let citation) = match { found.append(citation) }
                    i = match.range.end
                    continue
                }
                i += 1
            }
        }
        return found
    }

    /// The first offset at or after `from` of a digit that can start a citation's
    /// number or date; `end` when there is none. Sixteen bytes a step, as two `UInt64`
    /// whose digits are flagged at once: a digit that starts a number is rare (one in
    /// a hundred bytes), and only those are looked at one by one (`isAnchor`).
    @inline(__always)
    private static func nextAnchor(_ bytes: UnsafeBufferPointer<UInt8>, in text: [UInt8], from: Int, end: Int) -> Int {
        guard from < end, let base = bytes.baseAddress else { return end }
        let raw = UnsafeRawPointer(base)
        var chunk = from
        while chunk + 16 <= end {
            let low = digitStarts(raw.loadUnaligned(fromByteOffset: chunk, as: UInt64.self))
            let high = digitStarts(raw.loadUnaligned(fromByteOffset: chunk + 8, as: UInt64.self))
            if low | high != 0 {
                var starts = low
                while starts != 0 {
                    let start = chunk + starts.trailingZeroBitCount >> 3
                    if isDigitStart(bytes, start), isAnchor(bytes, in: text, start, end) { return start }
                    starts &= starts - 1
                }
                starts = high
                while starts != 0 {
                    let start = chunk + 8 + starts.trailingZeroBitCount >> 3
                    if isDigitStart(bytes, start), isAnchor(bytes, in: text, start, end) { return start }
                    starts &= starts - 1
                }
            }
            chunk += 16
        }
        while chunk < end {
            if isDigitStart(bytes, chunk), isAnchor(bytes, in: text, chunk, end) { return chunk }
            chunk += 1
        }
        return end
    }

    /// Per byte of `word` (little-endian), the top bit set when the byte is an ASCII
    /// digit and the byte before it in `word` is not (the first byte's flag only says
    /// it is a digit).
    @inline(__always)
    private static func digitStarts(_ word: UInt64) -> UInt64 {
        let digits = ByteSearch.digits(word)
        return digits & ~(digits << 8)
    }

    /// A digit at `at` after a byte that is no ASCII letter or digit.
    @inline(__always)
    private static func isDigitStart(_ bytes: UnsafeBufferPointer<UInt8>, _ at: Int) -> Bool {
        bytes[at] &- 0x30 < 10 && !(at > 0 && isASCIILetterOrDigit(bytes[at - 1]))
    }

    /// Whether the digit at `digit` can be the first of a citation's number (after
    /// `nr` or `nummer`) or date (after `van` or `op`, and a date indeed starts there):
    /// the keyword ends at most 19 bytes before (`.` and a gap, whose bytes are no ASCII
    /// letters or digits). The letters before the keyword are not checked. `bytes` are
    /// `text`'s.
    private static func isAnchor(_ bytes: UnsafeBufferPointer<UInt8>, in text: [UInt8], _ digit: Int, _ end: Int) -> Bool {
        var last = digit - 1
        let lowest = max(0, digit - 20)
        while last >= lowest, !isASCIILetterOrDigit(bytes[last]) { last -= 1 }
        guard last >= lowest, isASCIILetter(bytes[last]) else { return false }
        func endsWith(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard last + 1 - count >= 0 else { return false }
            let pattern = word.utf8Start
            for k in 0..<count where bytes[last + 1 - count + k] | 0x20 != pattern[k] { return false }
            return true
        }
        if endsWith("nr") || endsWith("nummer") { return true }
        guard endsWith("van") || endsWith("op") else { return false }
        return DateScanner.match(text, at: digit, limit: end) != nil
    }

    /// The first offset at or after `from` and before `before` where a run of ASCII
    /// letters starts (no ASCII letter or digit before it) whose length and first
    /// letter match a word of `firstWords`; `before` when there is none. The word is
    /// measured up to `end`. The caller still checks the byte before (outside ASCII)
    /// and the word itself.
    ///
    /// Eight bytes a step: their letters and digits are classified at once in a
    /// `UInt64` (a flag in each byte's top bit), so only word starts are visited, one
    /// by one; a byte loop went through every byte with a branch or two each.
    @inline(__always)
    private static func nextCandidate(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, before: Int, end: Int) -> Int {
        guard from < before, let base = bytes.baseAddress else { return before }
        let raw = UnsafeRawPointer(base)
        var previousIsLetterOrDigit = from > 0 && isASCIILetterOrDigit(bytes[from - 1])
        var chunk = from
        while chunk < before, chunk + 8 <= end {
            let (letters, lettersOrDigits) = classify(raw.loadUnaligned(fromByteOffset: chunk, as: UInt64.self))
            // A word starts at a letter after a byte that is neither letter nor digit.
            var starts = letters & ~(lettersOrDigits << 8 | (previousIsLetterOrDigit ? 0x80 : 0))
            while starts != 0 {
                let start = chunk + starts.trailingZeroBitCount >> 3
                if startsCandidateWord(bytes, start, end) { return min(start, before) }
                starts &= starts - 1
            }
            previousIsLetterOrDigit = lettersOrDigits >> 63 != 0
            chunk += 8
        }
        guard chunk < before else { return before }
        for start in chunk..<before where isASCIILetter(bytes[start]) {
            if start > 0, isASCIILetterOrDigit(bytes[start - 1]) { continue }
            if startsCandidateWord(bytes, start, end) { return start }
        }
        return before
    }

    /// Per byte of `word` (little-endian), the top bit set when the byte is an ASCII
    /// letter, and when it is an ASCII letter or digit (`ByteSearch.digits`). No carry
    /// crosses a byte: the sums are of bytes below 0x80 and constants below 0x20.
    @inline(__always)
    private static func classify(_ word: UInt64) -> (letters: UInt64, lettersOrDigits: UInt64) {
        let tops: UInt64 = 0x8080_8080_8080_8080
        let ascii = ~word & tops
        let low = word & 0x7F7F_7F7F_7F7F_7F7F
        let folded = low | 0x2020_2020_2020_2020
        // 0x61 ... 0x7A after folding: a letter of either case.
        let letters = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505) & ascii
        return (letters, letters | ByteSearch.digits(word))
    }

    /// Whether the letters at the word start `start` have the first letter and the
    /// length of a word of `firstWords`. The length is read from the letters' flags
    /// of the eight bytes from `start` (a loop to the word's end mispredicted once a
    /// word); only a word of eight letters or more is measured on byte by byte.
    @inline(__always)
    private static func startsCandidateWord(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        var length = 1
        if start + 8 <= end, let base = bytes.baseAddress {
            let word = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: start, as: UInt64.self)
            let notLetters = ~classify(word).letters & 0x8080_8080_8080_8080
            length = notLetters == 0 ? 8 : notLetters.trailingZeroBitCount >> 3
        }
        while start + length < end, length <= 20, isASCIILetter(bytes[start + length]) { length += 1 }
        return startsFirstWord(bytes[start], length: length)
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 }

    @inline(__always)
    private static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool { (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 }

    /// Whether a word of `firstWords` has this first letter (either case) and this
    /// length: per length, the first letters as bits of `letter - "a"`.
    @inline(__always)
    private static func startsFirstWord(_ first: UInt8, length: Int) -> Bool {
        let letters: UInt32
        switch length {
        case 2: letters = 0x42100
        case 4: letters = 0x1000
        case 5: letters = 0x200000
        case 6: letters = 0x2000
        case 7: letters = 0x80001
        case 8: letters = 0x8000
        case 9: letters = 0x4
        case 11: letters = 0x200000
        case 13: letters = 0x40000
        case 20: letters = 0x4
        default: return false
        }
        return letters >> UInt32((first | 0x20) &- 0x61) & 1 == 1
    }

    /// The words a citation can start with (see `Reader.questionCitation` and
    /// `Reader.meetingCitation`).
    private static let firstWords: [[UInt8]] = [
        "mijn", "schriftelijke", "sv", "vraag", "actuele", "nr", "nummer",
        "in", "tijdens", "vergadering", "commissie", "commissievergadering", "plenaire",
    ].map { Array($0.utf8) }

    /// Whether the letters at `start` are a word a citation can start with: a cheap
    /// filter, so the readers (which build a large result) run for few words.
    @inline(__always)
    private static func startsCandidate(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        var wordEnd = start
        while wordEnd < end, wordEnd - start <= 20, Bytes.isASCIILetter(bytes[wordEnd]) { wordEnd += 1 }
        let length = wordEnd - start
        for word in firstWords where word.count == length {
            var k = 0
            while k < length, Bytes.lowercased(bytes[start + k]) == word[k] { k += 1 }
            if k == length { return true }
        }
        return false
    }
}

/// What a reader matched: a citation, or the range of one that overlaps an excluded
/// range, not built (its strings cost more than the matching).
private enum Match {
    case citation(Citation)
    case excluded(TextRange)

    var range: TextRange {
        switch self {
        case .citation(let citation): citation.range
        case .excluded(let range): range
        }
    }
}

/// The matching machinery: small functions that each read one piece and return where
/// it ends, or nil.
private struct Reader {
    let bytes: [UInt8]
    let limit: Int
    let excluded: [TextRange]

    func isExcluded(_ range: TextRange) -> Bool {
        excluded.contains { $0.start < range.end && range.start < $0.end }
    }

    // MARK: Pieces

    /// The end of `word` (lower-case ASCII) when it is written at `at` as a whole word.
    func word(_ word: StaticString, at: Int) -> Int? {
        let count = word.utf8CodeUnitCount
        guard at >= 0, at + count <= limit else { return nil }
        let pattern = word.utf8Start
        for k in 0..<count where Bytes.lowercased(bytes[at + k]) != pattern[k] { return nil }
        let end = at + count
        return end < limit && Bytes.isWordByte(bytes, at: end) ? nil : end
    }

    /// The start of the next word after at least one whitespace byte.
    func gap(after at: Int) -> Int? {
        guard let next = DateScanner.skipGap(bytes, at, limit), next > at else { return nil }
        return next
    }

    /// `word` after a gap.
    func next(_ word: StaticString, after at: Int) -> Int? {
        guard let start = gap(after: at) else { return nil }
        return self.word(word, at: start)
    }

    /// `nr. 118`, `nr.118`, `nr 118`, `nummer 118` starting at `at`.
    func numberPhrase(at: Int) -> (value: Int, range: TextRange)? {
        var digitsStart: Int
        if let end = word("nr", at: at) {
            var p = end
            if p < limit, bytes[p] == UInt8(ascii: ".") { p += 1 }
            if p < limit, Bytes.isDigit(bytes[p]) { digitsStart = p } else if let q = gap(after: p) { digitsStart = q } else { return nil }
        } else if let end = word("nummer", at: at), let q = gap(after: end) {
            digitsStart = q
        } else {
            return nil
        }
        let (value, digitsEnd) = DateScanner.readNumber(bytes, digitsStart, limit, maxDigits: 7)
        let count = digitsEnd - digitsStart
        guard (1...6).contains(count), !(digitsEnd < limit && Bytes.isWordByte(bytes, at: digitsEnd)) else { return nil }
        return (value, TextRange(start: digitsStart, end: digitsEnd))
    }

    /// A date right at `at`.
    func date(at: Int) -> DateMention? {
        guard at < limit, Bytes.isDigit(bytes[at]) else { return nil }
        return DateScanner.match(bytes, at: at, limit: limit)
    }

    /// `van DATE` (or `op DATE` when `allowOp`) after a gap.
    func datePhrase(after at: Int, allowOp: Bool) -> DateMention? {
        guard let start = gap(after: at) else { return nil }
        let keywordEnd = word("van", at: start) ?? (allowOp ? word("op", at: start) : nil)
        guard let keywordEnd, let dateStart = gap(after: keywordEnd) else { return nil }
        return date(at: dateStart)
    }

    // MARK: Questions

    /// Written questions, requests for explanation and topical questions.
    func questionCitation(at start: Int) -> Match? {
        var p = start
        var isOwn = false
        if let end = word("mijn", at: p), let q = gap(after: end) {
            isOwn = true
            p = q
            if let adjectiveEnd = word("eerdere", at: p) ?? word("vorige", at: p), let r = gap(after: adjectiveEnd) { p = r }
        }
        let kind: CitationKind
        var kindEnd: Int
        var needsNumber = false
        var needsDate = false
        if let end = word("schriftelijke", at: p), let vraagEnd = next("vraag", after: end) {
            kind = .writtenQuestion
            kindEnd = vraagEnd
        } else if let end = word("sv", at: p) {
            kind = .writtenQuestion
            kindEnd = end
            needsNumber = true
        } else if let end = word("vraag", at: p) {
            if let omEnd = next("om", after: end), let uitlegEnd = next("uitleg", after: omEnd) {
                kind = .requestForExplanation
                kindEnd = uitlegEnd
            } else {
                kind = .writtenQuestion
                kindEnd = end
                needsNumber = true
            }
        } else if let end = word("actuele", at: p), let vraagEnd = next("vraag", after: end) {
            kind = .topicalQuestion
            kindEnd = vraagEnd
        } else if !isOwn, numberPhrase(at: p) != nil {
            // `nr. 118 van 10/01/2023`: only with a date, since `nr.` alone numbers anything.
            kind = .writtenQuestion
            kindEnd = p
            needsNumber = true
            needsDate = true
        } else {
            return nil
        }

        var end = kindEnd
        var number: (value: Int, range: TextRange)?
        let numberStart = kindEnd == p ? p : gap(after: kindEnd)
        if let numberStart, let found = numberPhrase(at: numberStart) {
            number = found
            end = found.range.end
        }
        let dateMention = datePhrase(after: end, allowOp: false)
        if let dateMention { end = dateMention.range.end }

        guard number != nil || dateMention != nil,
              !needsNumber || number != nil,
              !needsDate || dateMention != nil else { return nil }

        let range = TextRange(start: start, end: end)
        guard !isExcluded(range) else { return .excluded(range) }
        // Appended in place, into room made once: a long draft cites thousands of times.
        var canonical = ""
        canonical.reserveCapacity(64)
        if isOwn { canonical += "mijn " }
        switch kind {
        case .requestForExplanation: canonical += "vraag om uitleg"
        case .topicalQuestion: canonical += "actuele vraag"
        default: canonical += "schriftelijke vraag"
        }
        if let number {
            canonical += " nr. "
            canonical += String(number.value)
        }
        if let dateMention {
            canonical += " van "
            canonical += canonicalDateText(dateMention)
        }
        return .citation(makeCitation(kind: kind, range: range, number: number, dateMention: dateMention,
                                      isOwn: isOwn, committee: nil, canonicalText: canonical))
    }

    // MARK: Meetings

    /// `in de vergadering van de Commissie X van DATE`, `in de commissie op DATE`,
    /// `plenaire vergadering van DATE`.
    func meetingCitation(at start: Int) -> Match? {
        var p = start
        if let end = word("in", at: p) ?? word("tijdens", at: p) {
            guard let deEnd = next("de", after: end), let q = gap(after: deEnd) else { return nil }
            p = q
        }
        let kind: CitationKind
        var afterKeyword: Int
        if let end = word("vergadering", at: p) {
            guard let vanEnd = next("van", after: end), let deEnd = next("de", after: vanEnd),
                  let q = gap(after: deEnd) else { return nil }
            if let commissieEnd = word("commissie", at: q) {
                kind = .committeeMeeting
                afterKeyword = commissieEnd
            } else if let plenaireEnd = word("plenaire", at: q) {
                kind = .plenaryMeeting
                afterKeyword = plenaireEnd
            } else {
                return nil
            }
        } else if let end = word("commissie", at: p) ?? word("commissievergadering", at: p) {
            kind = .committeeMeeting
            afterKeyword = end
        } else if let end = word("plenaire", at: p) {
            kind = .plenaryMeeting
            afterKeyword = next("vergadering", after: end) ?? end
        } else {
            return nil
        }

        // The committee's name runs until `van DATE` or `op DATE`; give up at the end of
        // a sentence or after `maximumNameLength` bytes.
        var nameEnd = afterKeyword
        var cursor = afterKeyword
        let nameLimit = min(limit, afterKeyword + CitationScanner.maximumNameLength)
        while cursor < nameLimit {
            if let dateMention = datePhrase(after: cursor, allowOp: true) {
                let range = TextRange(start: start, end: dateMention.range.end)
                guard !isExcluded(range) else { return .excluded(range) }
                var committee: (String, TextRange)?
                if kind == .committeeMeeting, nameEnd > afterKeyword {
                    let nameRange = Bytes.trimmed(bytes, TextRange(start: afterKeyword, end: nameEnd))
                    committee = (Bytes.collapsedString(bytes, nameRange), nameRange)
                }
                let canonical = Bytes.collapsedString(bytes, TextRange(start: start, end: dateMention.range.start))
                    + " " + canonicalDateText(dateMention)
                return .citation(makeCitation(kind: kind, range: range, number: nil, dateMention: dateMention,
                                              isOwn: false, committee: committee, canonicalText: canonical))
            }
            guard kind == .committeeMeeting, let wordStart = gap(after: cursor), wordStart < nameLimit else { return nil }
            var q = wordStart
            while q < nameLimit, !Bytes.isWhitespace(bytes[q]), Bytes.spaceWidth(bytes, at: q) == 0 {
                switch bytes[q] {
                case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: ";"),
                     UInt8(ascii: ":"), UInt8(ascii: "("), UInt8(ascii: ")"):
                    return nil
                default:
                    q += 1
                }
            }
            guard q > wordStart else { return nil }
            nameEnd = q
            cursor = q
        }
        return nil
    }

    // MARK: Building

    private func canonicalDateText(_ mention: DateMention) -> String {
        mention.date?.canonicalText ?? Bytes.collapsedString(bytes, mention.range)
    }

    private func makeCitation(kind: CitationKind, range: TextRange, number: (value: Int, range: TextRange)?,
                              dateMention: DateMention?, isOwn: Bool, committee: (String, TextRange)?,
                              canonicalText: String) -> Citation {
        let written = Bytes.collapsed(bytes, range)
        return Citation(kind: kind, range: range, text: Bytes.string(bytes, range),
                        number: number?.value, numberRange: number?.range,
                        date: dateMention?.date, dateRange: dateMention?.range, dateMention: dateMention,
                        isOwnQuestion: isOwn, committeeName: committee?.0, committeeNameRange: committee?.1,
                        canonicalText: canonicalText,
                        isCanonical: CitationScanner.equalIgnoringFirstLetterCase(written, canonicalText))
    }
}

extension CitationScanner {
    /// A citation that opens a sentence may start with a capital. `written` is the
    /// collapsed text of the citation.
    static func equalIgnoringFirstLetterCase(_ written: [UInt8], _ canonical: String) -> Bool {
        // ASCII on both sides (nearly always): the strings are equal exactly when their
        // bytes are (no ASCII text is canonically equivalent to another), and an ASCII
        // character lowercases to its ASCII lowercase. Compared without a string.
        if let equal = canonical.utf8.withContiguousStorageIfAvailable({ canonical -> Bool? in
            guard written.allSatisfy({ $0 < 0x80 }), canonical.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let first = written.first, let canonicalFirst = canonical.first else { return written.isEmpty && canonical.isEmpty }
            return written.count == canonical.count && Bytes.lowercased(first) == canonicalFirst
                && written.dropFirst().elementsEqual(canonical.dropFirst())
        }), let equal { return equal }
        return equalIgnoringFirstLetterCase(String(decoding: written, as: UTF8.self), canonical)
    }

    /// The same on strings: Unicode's equality, a first character lowercased.
    static func equalIgnoringFirstLetterCase(_ written: String, _ canonical: String) -> Bool {
        guard let first = written.first, let canonicalFirst = canonical.first else { return written == canonical }
        return written.dropFirst() == canonical.dropFirst() && first.lowercased() == String(canonicalFirst)
    }
}

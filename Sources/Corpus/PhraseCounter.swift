import Dispatch
import Foundation
import QuestionModel

/// Counts multi-word terms (`lokale besturen`, `Agentschap Integratie en
/// Inburgering`) in a sample of records: two to four words inside one sentence, the
/// first and last not stopwords, written at least twice.
///
/// A word is a run of letters, digits and inner hyphens (`Character` properties);
/// punctuation ends a sentence. Phrases are counted by their folded bytes
/// (`PhraseTally`), so the millions of phrases in a 100,000-question corpus's
/// sample make no string each; the sample's files are read and parsed in parallel.
enum PhraseCounter {
    static func frequentPhrases(in records: RecordList, sampleSize: Int, limit: Int,
                                readsFullText: Bool) -> [PrefixIndex.Entry] {
        let stride = max(1, records.count / max(1, sampleSize))
        let sample = Array(Swift.stride(from: 0, to: records.count, by: stride))
        let texts = sampleTexts(records, sample, readsFullText: readsFullText)
        // Two halves of the sample tallied at once, the second then added to the first:
        // the same counts and spellings as one tally of the whole, in half the time.
        let halves = UnsafeResults<PhraseTally>(count: 2)
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            var tally = PhraseTally()
            for record in (half == 0 ? 0..<(texts.count / 2) : (texts.count / 2)..<texts.count) {
                for text in texts[record] { tally.add(text) }
            }
            halves.set(half, tally)
        }
        let tallies = halves.values()
        var tally = tallies[0]
        tally.add(tallies[1])
        let (counts, surfaces) = tally.frequent()
        var frequent = counts
        // `Agentschap Integratie` (nearly) always inside `Agentschap Integratie en
        // Inburgering`: keep the longer term alone.
        for (key, count) in frequent {
            // Keys are words one space apart: a run of words is a slice of the key.
            let words = key.split(separator: " ")
            guard words.count >= 3 else { continue }
            for length in 2..<words.count {
                for start in 0...(words.count - length) {
                    let shorter = String(key[words[start].startIndex..<words[start + length - 1].endIndex])
                    if let shorterCount = frequent[shorter], shorterCount > 0, count * 5 >= shorterCount * 4 {
                        frequent[shorter] = -1
                    }
                }
            }
        }
        return frequent.filter { $0.value > 0 }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            .prefix(limit)
            .map { key, count in
                let text = surfaces[key] ?? key
                return PrefixIndex.Entry(text: text, detail: nil, count: count, kind: isAgency(text) ? .agency : .term)
            }
    }

    /// The texts of each sampled record, in sample order: read and parsed in parallel.
    private static func sampleTexts(_ records: RecordList, _ sample: [Int], readsFullText: Bool) -> [[String]] {
        let seeds = readsFullText ? Dictionary(EmbeddedSeeds.files.map { ($0.name, $0.text) }, uniquingKeysWith: { first, _ in first }) : [:]
        let results = UnsafeResults<[String]>(count: sample.count)
        DispatchQueue.concurrentPerform(iterations: sample.count) { position in
            let record = records[sample[position]]
            let texts = readsFullText ? fullTexts(record, seeds: seeds) : nil
            results.set(position, texts ?? [record.title, record.introductionExcerpt, record.answerExcerpt ?? ""] + record.questions)
        }
        return results.values()
    }

    /// Title, introduction, questions and answer of the record's full text; nil when
    /// its file cannot be read (the previews are used then).
    private static func fullTexts(_ record: Record, seeds: [String: String]) -> [String]? {
        let bytes: [UInt8]
        switch record.source {
        case .embedded(let name):
            guard let seed = seeds[name] else { return nil }
            bytes = Array(seed.utf8)
        case .file(let path):
            guard let read = CorpusFileReader.textBytes(path) else { return nil }
            bytes = read
        }
        // The index's parse: the checks' scans (dates, control characters) come after
        // the sections are read and change none of these texts.
        return talliedTexts(Question.parseForIndex(utf8: bytes))
    }

    /// The parts of a record's text whose phrases are counted.
    static func talliedTexts(_ question: Question) -> [String] {
        [question.title?.text, question.introduction?.text, question.closing?.text, question.answer?.body?.text]
            .compactMap { $0 } + question.numberedQuestions.map(\.text)
    }

    static func isAgency(_ text: String) -> Bool {
        let first = text.prefix { $0 != " " }.lowercased()
        return first.hasPrefix("agentschap") || first == "departement" || first == "dienst"
            || first == "vlaams" && text.lowercased().contains("agentschap")
    }

    /// Word lists per sentence, by `Character`: the definition of words and
    /// sentences. `PhraseTally` reads most texts faster on their bytes, to the same
    /// result, and asks this for the others.
    static func sentences(_ text: String) -> [[Substring]] {
        var result: [[Substring]] = []
        var current: [Substring] = []
        var wordStart: String.Index?
        var index = text.startIndex
        func endWord() {
            if let start = wordStart { current.append(text[start..<index]) }
            wordStart = nil
        }
        while index < text.endIndex {
            let character = text[index]
            if character.isLetter || character.isNumber || (character == "-" && wordStart != nil) {
                if wordStart == nil { wordStart = index }
            } else {
                endWord()
                if !character.isWhitespace {
                    // Punctuation ends a phrase.
                    if !current.isEmpty { result.append(current) }
                    current = []
                }
            }
            index = text.index(after: index)
        }
        endWord()
        if !current.isEmpty { result.append(current) }
        return result
    }
}

/// Phrase counts by folded key (`lokale besturen`), with the spelling each is shown
/// in: the first seen, or the first from mid-sentence in lower case when the first
/// seen opens with a capital (`lokale besturen`, not `Lokale besturen`).
///
/// Spellings are kept as bytes (`spellings`), and strings made only for the
/// phrases seen twice: most phrases of a sample are seen once.
struct PhraseTally {
    private var table = ByteTable()
    /// Per phrase id (the table's values: ids in order of first sight).
    private var counts: [Int] = []
    /// The spelling shown, an index into `spellings`.
    private var shown: [Int] = []
    private var shownIsUppercase: [Bool] = []
    /// The first spelling from mid-sentence that opens in lower case (-1: none yet):
    /// what a tally before this one takes when its own spelling opens with a capital
    /// (`add(_:)`).
    private var firstLowercase: [Int] = []
    private var spellings = Spellings()

    /// The current sentence's words, and their bytes as written and as keyed, each
    /// one space apart: a phrase's key and spelling are one slice of these, never
    /// copied together from its words.
    private var words: [Word] = []
    private var sentenceSurfaces: [UInt8] = []
    private var sentenceKeys: [UInt8] = []

    private struct Word {
        /// The word as written (in `sentenceSurfaces`), and lowercased and folded
        /// (`PrefixIndex.fold`, in `sentenceKeys`).
        var surface: Range<Int>
        var key: Range<Int>
        /// At least three characters, not a stopword, at least one letter.
        var isContent: Bool
        var opensUppercase: Bool
        var opensLowercase: Bool
    }

    /// Byte strings one after another, each found by its number.
    private struct Spellings {
        var bytes: [UInt8] = []
        var starts: [Int] = [0]

        subscript(spelling: Int) -> ArraySlice<UInt8> { bytes[starts[spelling]..<starts[spelling + 1]] }

        /// Ends the spelling whose bytes were appended since the last one ended; its number.
        mutating func close() -> Int {
            starts.append(bytes.count)
            return starts.count - 2
        }

        mutating func append(_ spelling: ArraySlice<UInt8>) -> Int {
            bytes.append(contentsOf: spelling)
            return close()
        }
    }

    /// Counts the phrases of `text`'s sentences.
    mutating func add(_ text: String) {
        var text = text
        let done = text.withUTF8 { bytes -> Bool in
            guard Self.clustersAreScalars(bytes) else { return false }
            scan(bytes)
            return true
        }
        if done { return }
        for sentence in PhraseCounter.sentences(text) {
            for word in sentence { addWord(Array(word.utf8)[...], fast: false) }
            endSentence()
        }
    }

    /// Adds the counts of `later`, a tally of the texts after this one's: the result
    /// is the tally of all the texts in order, spellings included.
    mutating func add(_ later: PhraseTally) {
        for laterID in later.counts.indices {
            let next = Int32(counts.count)
            let id = Int(later.table.key(laterID).withUnsafeBufferPointer { table.value(for: $0) { _ in next } })
            let laterLowercase = later.firstLowercase[laterID]
            if id == counts.count {
                counts.append(later.counts[laterID])
                shown.append(spellings.append(later.spellings[later.shown[laterID]]))
                shownIsUppercase.append(later.shownIsUppercase[laterID])
                firstLowercase.append(laterLowercase < 0 ? -1 : spellings.append(later.spellings[laterLowercase]))
            } else {
                counts[id] += later.counts[laterID]
                guard laterLowercase >= 0, shownIsUppercase[id] || firstLowercase[id] < 0 else { continue }
                let lowercase = spellings.append(later.spellings[laterLowercase])
                if shownIsUppercase[id] {
                    shown[id] = lowercase
                    shownIsUppercase[id] = false
                }
                if firstLowercase[id] < 0 { firstLowercase[id] = lowercase }
            }
        }
    }

    /// Phrases seen at least twice, by key, with their spellings.
    func frequent() -> (counts: [String: Int], surfaces: [String: String]) {
        var frequentCounts: [String: Int] = [:]
        var frequentSurfaces: [String: String] = [:]
        for id in counts.indices where counts[id] >= 2 {
            let key = String(decoding: table.key(id), as: UTF8.self)
            frequentCounts[key] = counts[id]
            frequentSurfaces[key] = String(decoding: spellings[shown[id]], as: UTF8.self)
        }
        return (frequentCounts, frequentSurfaces)
    }

    // MARK: Bytes

    /// Whether every character of the text is one Unicode scalar (a `\r\n` aside):
    /// no combining marks, joiners, emoji sequences or scripts that cluster. Then a
    /// scalar's properties are its character's, and the bytes can be read directly.
    private static func clustersAreScalars(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                continue
            }
            let (scalar, width) = decode(bytes, at: i)
            guard isStandalone(scalar) else { return false }
            i += width
        }
        return true
    }

    /// Scalars that never join a neighbour into one character: Latin (U+0080 ...
    /// U+02FF), general punctuation and spaces except the joiners (U+2000 ... U+206F),
    /// the euro sign.
    private static func isStandalone(_ scalar: UInt32) -> Bool {
        scalar < 0x300 || (scalar >= 0x2000 && scalar <= 0x206F && scalar != 0x200C && scalar != 0x200D) || scalar == 0x20AC
    }

    /// The scalar starting at `i` of valid UTF-8 and its width.
    @inline(__always)
    private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let byte = bytes[i]
        if byte < 0xE0 {
            return (UInt32(byte & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F), 2)
        } else if byte < 0xF0 {
            return (UInt32(byte & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F), 3)
        }
        return (UInt32(byte & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6
                | UInt32(bytes[i + 3] & 0x3F), 4)
    }

    private enum Kind { case wordCharacter, hyphen, space, punctuation }

    /// `PhraseCounter.sentences` on bytes whose characters are scalars.
    private mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) {
        var wordStart = -1
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            var width = 1
            let kind: Kind
            if byte < 0x80 {
                if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
                    kind = .wordCharacter
                } else if byte == UInt8(ascii: "-") {
                    kind = .hyphen
                } else if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    kind = .space
                } else {
                    kind = .punctuation
                }
            } else {
                let (value, scalarWidth) = Self.decode(bytes, at: i)
                width = scalarWidth
                let properties = Unicode.Scalar(value).map(\.properties)
                if let properties, properties.isAlphabetic || properties.numericType != nil {
                    kind = .wordCharacter
                } else if properties?.isWhitespace == true {
                    kind = .space
                } else {
                    kind = .punctuation
                }
            }
            switch kind {
            case .wordCharacter:
                if wordStart < 0 { wordStart = i }
            case .hyphen where wordStart >= 0:
                break
            case .space, .hyphen, .punctuation:
                if wordStart >= 0 {
                    addWord(UnsafeBufferPointer(rebasing: bytes[wordStart..<i]))
                    wordStart = -1
                }
                if kind != .space { endSentence() }
            }
            i += width
        }
        if wordStart >= 0 { addWord(UnsafeBufferPointer(rebasing: bytes[wordStart..<bytes.count])) }
        endSentence()
    }

    private mutating func addWord(_ bytes: UnsafeBufferPointer<UInt8>) {
        // ASCII and Latin-1 letters (`C3 xx`) are read here; other words as strings.
        var i = 0
        var simple = true
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
            } else if bytes[i] == 0xC3, i + 1 < bytes.count {
                i += 2
            } else {
                simple = false
                break
            }
        }
        addWord(bytes, fast: simple)
    }

    private mutating func addWord<Bytes: Collection>(_ bytes: Bytes, fast: Bool) where Bytes.Element == UInt8 {
        if !words.isEmpty {
            sentenceSurfaces.append(0x20)
            sentenceKeys.append(0x20)
        }
        let surfaceStart = sentenceSurfaces.count
        sentenceSurfaces.append(contentsOf: bytes)
        let surface = surfaceStart..<sentenceSurfaces.count
        let keyStart = sentenceKeys.count
        let word: Word
        if fast {
            // Lowercased (`À` → `à`), then folded as `PrefixIndex.fold` folds.
            var characters = 0
            var allASCII = true
            var index = surface.lowerBound
            while index < surface.upperBound {
                let byte = sentenceSurfaces[index]
                characters += 1
                if byte < 0x80 {
                    sentenceKeys.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
                    index += 1
                } else {
                    allASCII = false
                    var second = sentenceSurfaces[index + 1]
                    if second >= 0x80 && second <= 0x9E && second != 0x97 { second += 0x20 }
                    let base = PrefixIndex.latin1Base[Int(second) - 0x80]
                    if base != 0 {
                        sentenceKeys.append(base)
                    } else {
                        sentenceKeys.append(0xC3)
                        sentenceKeys.append(second)
                    }
                    index += 2
                }
            }
            let keyRange = keyStart..<sentenceKeys.count
            // Words hold letters, digits and hyphens: a letter is an ASCII letter or `C3 xx`.
            var hasLetter = !allASCII
            if allASCII {
                for index in keyRange where sentenceKeys[index] &- 0x61 < 26 { hasLetter = true; break }
            }
            // Looked up by its bytes: a string per word was a tenth of the tally.
            let isStopword = allASCII && keyRange.count <= Tokenizer.stopwordBytes.longestMember
                && sentenceKeys.withUnsafeBufferPointer { Tokenizer.stopwordBytes.contains(UnsafeBufferPointer(rebasing: $0[keyRange])) }
            let first = sentenceSurfaces[surface.lowerBound]
            let second = surface.count > 1 ? sentenceSurfaces[surface.lowerBound + 1] : 0
            word = Word(surface: surface, key: keyRange,
                        isContent: characters >= 3 && !isStopword && hasLetter,
                        opensUppercase: (first >= 0x41 && first <= 0x5A)
                            || (first == 0xC3 && second >= 0x80 && second <= 0x9E && second != 0x97),
                        opensLowercase: (first >= 0x61 && first <= 0x7A)
                            || (first == 0xC3 && second >= 0x9F && second <= 0xBF && second != 0xB7))
        } else {
            let text = String(decoding: sentenceSurfaces[surface], as: UTF8.self)
            let lowered = text.lowercased()
            sentenceKeys.append(contentsOf: PrefixIndex.fold(lowered).utf8)
            word = Word(surface: surface, key: keyStart..<sentenceKeys.count,
                        isContent: lowered.count >= 3 && !Tokenizer.stopwords.contains(lowered)
                            && lowered.contains(where: \.isLetter),
                        opensUppercase: text.first?.isUppercase == true,
                        opensLowercase: text.first?.isLowercase == true)
        }
        words.append(word)
    }

    /// Counts the sentence's phrases: two to four words, the first and last content words.
    private mutating func endSentence() {
        // Moved out while read, so the counts can change meanwhile; kept for their capacity.
        var words: [Word] = []
        var keys: [UInt8] = []
        var surfaces: [UInt8] = []
        swap(&words, &self.words)
        swap(&keys, &sentenceKeys)
        swap(&surfaces, &sentenceSurfaces)
        defer {
            words.removeAll(keepingCapacity: true)
            keys.removeAll(keepingCapacity: true)
            surfaces.removeAll(keepingCapacity: true)
            swap(&words, &self.words)
            swap(&keys, &sentenceKeys)
            swap(&surfaces, &sentenceSurfaces)
        }
        guard words.count >= 2 else { return }
        keys.withUnsafeBufferPointer { keys in
            for start in words.indices where words[start].isContent {
                for end in (start + 1)..<min(start + 4, words.count) where words[end].isContent {
                    let key = UnsafeBufferPointer(rebasing: keys[words[start].key.lowerBound..<words[end].key.upperBound])
                    let next = Int32(counts.count)
                    let id = Int(table.value(for: key) { _ in next })
                    let opensLowercaseMidSentence = start > 0 && words[start].opensLowercase
                    let spelling = words[start].surface.lowerBound..<words[end].surface.upperBound
                    if id == counts.count {
                        let shownSpelling = spellings.append(surfaces[spelling])
                        counts.append(1)
                        shown.append(shownSpelling)
                        shownIsUppercase.append(words[start].opensUppercase)
                        firstLowercase.append(opensLowercaseMidSentence ? shownSpelling : -1)
                    } else {
                        counts[id] += 1
                        if opensLowercaseMidSentence, shownIsUppercase[id] || firstLowercase[id] < 0 {
                            let lowercase = spellings.append(surfaces[spelling])
                            if shownIsUppercase[id] {
                                shown[id] = lowercase
                                shownIsUppercase[id] = words[start].opensUppercase
                            }
                            if firstLowercase[id] < 0 { firstLowercase[id] = lowercase }
                        }
                    }
                }
            }
        }
    }
}

import QuestionModel

/// Splits text into search terms: lowercase, accents folded (`geïnde` → `geinde`),
/// letters and digits only, Dutch stopwords and one-letter words dropped.
/// Linear in the input; works on UTF-8 bytes.
public enum Tokenizer {
    /// Calls `body` with each term of `text`, in order.
    public static func forEachTerm(in text: String, keepStopwords: Bool = false, _ body: (String) -> Void) {
        forEachWord(in: text) { word in
            if keepStopwords || !stopwordBytes.contains(word) { body(String(decoding: word, as: UTF8.self)) }
        }
    }

    /// The terms of `terms(in:)` as one byte string, each term followed by a zero
    /// byte (a term never holds one): equal exactly when the terms are, and made
    /// without a string per term (a 1 MB draft has 170,000 of them).
    public static func termKey(in text: String) -> [UInt8] {
        var key: [UInt8] = []
        key.reserveCapacity(text.utf8.count)
        forEachWord(in: text) { word in
            guard !stopwordBytes.contains(word) else { return }
            key.append(contentsOf: word)
            key.append(0)
        }
        return key
    }

    public static func terms(in text: String, keepStopwords: Bool = false) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text, keepStopwords: keepStopwords) { terms.append($0) }
        return terms
    }

    /// The longest term kept: longer runs of letters are noise (URLs, OCR debris).
    static let maximumTermLength = 40

    /// Calls `body` with the UTF-8 of each term of `text`, stopwords included, in a
    /// buffer valid only during the call: the indexer looks terms up by their bytes
    /// and makes no string for a term it has seen before.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(in: $0, body) }
    }

    /// The same, over UTF-8 bytes. Inlined, so the indexer's `body` is too.
    @inline(__always)
    static func forEachWord(in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        asciiTermBytes.withUnsafeBufferPointer { ascii in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: maximumTermLength) { word in
                scan(bytes, ascii: ascii, word: word, body)
            }
        }
    }

    /// Per ASCII byte: the byte a term has for it (letters lowercased, digits as they
    /// are), or 0 for a separator. One load instead of three range tests per byte.
    private static let asciiTermBytes: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: return UInt8(byte)
        case 0x41...0x5A: return UInt8(byte + 0x20)
        default: return 0
        }
    }

    @inline(__always)
    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, ascii: UnsafeBufferPointer<UInt8>,
                             word: UnsafeMutableBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Counts past the capacity, so an overlong run is recognised and dropped.
        var length = 0
        @inline(__always) func append(_ byte: UInt8) {
            if length < maximumTermLength { word[length] = byte }
            length += 1
        }
        @inline(__always) func flush() {
            if length >= 2 && length <= maximumTermLength { body(UnsafeBufferPointer(rebasing: word[..<length])) }
            length = 0
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                let termByte = ascii[Int(byte)]
                if termByte != 0 { append(termByte) } else { flush() }
                i += 1
            } else if byte == 0xC3, i + 1 < n, let folded = foldLatin1(bytes[i + 1]) {
                // é, ë, ï, ö, ... (U+00C0...U+00FF) fold to their base letter.
                append(folded)
                i += 2
            } else if Bytes.ignorableWidth(byte, i + 1 < n ? bytes[i + 1] : 0, i + 2 < n ? bytes[i + 2] : 0) > 0 {
                // A soft hyphen or zero-width space inside a word is not there.
                i += Bytes.ignorableWidth(byte, i + 1 < n ? bytes[i + 1] : 0, i + 2 < n ? bytes[i + 2] : 0)
            } else {
                // Any other non-ASCII character (dashes, quotes, emoji) separates words.
                flush()
                i += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            }
        }
        flush()
    }

    /// The base letter of a UTF-8 `C3 xx` character (U+00C0...U+00FF), lowercased;
    /// nil for × and ÷.
    @inline(__always)
    private static func foldLatin1(_ second: UInt8) -> UInt8? {
        guard second >= 0x80, second <= 0xBF else { return nil }
        let folded = latin1Folding[Int(second - 0x80)]
        return folded == 0 ? nil : folded
    }

    private static let latin1Folding: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo\u{0}ouuuuyts".utf8)
        + Array("aaaaaaaceeeeiiiidnooooo\u{0}ouuuuyty".utf8)

    /// `stopwords`, looked up by a term's bytes.
    static let stopwordBytes = ShortWordSet(stopwords)

    /// Frequent Dutch function words: they carry no meaning for similarity.
    public static let stopwords: Set<String> = [
        "aan", "al", "alle", "als", "ben", "bij", "dan", "dat", "de", "deze", "die", "dit", "door", "dus", "een",
        "en", "er", "had", "heb", "hebben", "heeft", "hem", "het", "hier", "hij", "hoe", "hun", "ik", "in", "is",
        "je", "kan", "kon", "kunnen", "maar", "me", "met", "mij", "mijn", "na", "naar", "niet", "nog", "nu", "of",
        "om", "omdat", "ons", "onze", "ook", "op", "over", "te", "tot", "toe", "u", "uit", "van", "veel", "voor",
        "want", "was", "wat", "we", "wel", "werd", "wie", "wij", "wil", "worden", "wordt", "zal", "ze", "zei",
        "zich", "zij", "zijn", "zo", "zoals", "zou", "zouden", "ze", "welke", "waar", "wanneer", "werden", "geen",
        "meer", "dit", "daar", "daarbij", "hierbij", "hierover", "waarom", "welk", "elk", "elke", "graag", "minister",
        "vraag", "vragen", "kan", "kunt", "u", "uw", "zowel", "tussen", "binnen", "onder", "sinds", "reeds",
    ]
}

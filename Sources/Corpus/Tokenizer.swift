/// Splits text into search terms: lowercase, accents folded (`geïnde` → `geinde`),
/// letters and digits only, Dutch stopwords and one-letter words dropped.
/// Linear in the input; works on UTF-8 bytes.
public enum Tokenizer {
    /// Calls `body` with each term of `text`, in order.
    public static func forEachTerm(in text: String, keepStopwords: Bool = false, _ body: (String) -> Void) {
        var utf8 = text.utf8
        let handled: Void? = utf8.withContiguousStorageIfAvailable { buffer in
            scan(buffer, keepStopwords: keepStopwords, body)
        }
        if handled == nil {
            utf8 = String(text).utf8
            Array(utf8).withUnsafeBufferPointer { scan($0, keepStopwords: keepStopwords, body) }
        }
    }

    public static func terms(in text: String, keepStopwords: Bool = false) -> [String] {
        var terms: [String] = []
        forEachTerm(in: text, keepStopwords: keepStopwords) { terms.append($0) }
        return terms
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, keepStopwords: Bool, _ body: (String) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(32)
        func flush() {
            if word.count >= 2 && word.count <= 40 {
                let term = String(decoding: word, as: UTF8.self)
                if keepStopwords || !stopwords.contains(term) { body(term) }
            }
            word.removeAll(keepingCapacity: true)
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                if (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) {
                    word.append(byte)
                } else if byte >= 0x41 && byte <= 0x5A {
                    word.append(byte + 0x20)
                } else {
                    flush()
                }
                i += 1
            } else if byte == 0xC3, i + 1 < n, let folded = foldLatin1(bytes[i + 1]) {
                // é, ë, ï, ö, ... (U+00C0...U+00FF) fold to their base letter.
                word.append(folded)
                i += 2
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

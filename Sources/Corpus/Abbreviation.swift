#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An abbreviation with its expansion as the corpus writes it:
/// `Agentschap Integratie en Inburgering (AgII)`.
public struct Abbreviation: Hashable, Sendable {
    public let shortForm: String
    public let longForm: String
    /// How many times the corpus defines it this way.
    public let count: Int

    public init(shortForm: String, longForm: String, count: Int) {
        self.shortForm = shortForm
        self.longForm = longForm
        self.count = count
    }
}

/// Finds `long form (SHORT)` definitions in running text with the algorithm of
/// Schwartz and Hearst (2003): the short form's letters must appear, in order and
/// from the end, in the words before the parenthesis, its first letter at the start
/// of a word. Linear in the text; the look-back window is a few words.
public enum AbbreviationFinder {
    public static func definitions(in text: String) -> [(shortForm: String, longForm: String)] {
        var text = text
        return text.withUTF8 { definitions(inUTF8: $0) }
    }

    /// The same in UTF-8 bytes (a corpus file's, as read).
    static func definitions(inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> [(shortForm: String, longForm: String)] {
        var found: [(String, String)] = []
        guard let base = bytes.baseAddress else { return found }
        var i = 0
        while i < bytes.count {
            // Straight to the next parenthesis (`memchr` reads many bytes a step).
            guard let open = memchr(base + i, Int32(UInt8(ascii: "(")), bytes.count - i) else { break }
            i = UnsafeRawPointer(open) - UnsafeRawPointer(base)
            var close = i + 1
            var capitals = 0
            while close < bytes.count, close - i <= 24, bytes[close] != UInt8(ascii: ")"),
                  bytes[close] != UInt8(ascii: "("), bytes[close] > 0x20 {
                // A capital is an ASCII one or starts with a non-ASCII byte.
                if bytes[close] &- 0x41 < 26 || bytes[close] >= 0xC0 { capitals += 1 }
                close += 1
            }
            guard close < bytes.count, bytes[close] == UInt8(ascii: ")") else { i += 1; continue }
            // No short form has fewer than two capitals: most parentheses are rejected
            // here, before their characters are decoded.
            if capitals >= 2 {
                let shortForm = Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[(i + 1)..<close]), as: UTF8.self))
                if isShortForm(shortForm[...]) {
                    // Only the few words before the parenthesis matter: decode just those.
                    var start = max(0, i - 200)
                    while start > 0, start < i, bytes[start] & 0xC0 == 0x80 { start += 1 }
                    let window = Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                    if let longForm = longForm(for: shortForm, before: window.count, in: window) {
                        found.append((String(shortForm), longForm))
                    }
                }
            }
            i = close + 1
        }
        return found
    }

    /// 2 to 10 characters, starting with a letter, with at least two capitals:
    /// `AgII`, `BBT`, `VMRI`, not `(a)` or `(2023)`.
    static func isShortForm(_ candidate: ArraySlice<Character>) -> Bool {
        guard (2...10).contains(candidate.count), let first = candidate.first, first.isLetter else { return false }
        return candidate.filter(\.isUppercase).count >= 2 && candidate.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" }
    }

    private static func longForm(for shortForm: [Character], before open: Int, in characters: [Character]) -> String? {
        // The window: at most min(|short| + 5, 2 |short|) words before the parenthesis,
        // within the sentence.
        let maximumWords = min(shortForm.count + 5, shortForm.count * 2)
        var start = open
        var words = 0
        var inWord = false
        while start > 0 {
            let character = characters[start - 1]
            if character == "." || character == ":" || character == ";" || character == "(" || character == ")" || character == "\n" && start >= 2 && characters[start - 2] == "\n" {
                break
            }
            if character.isWhitespace {
                if inWord { words += 1; inWord = false; if words == maximumWords { break } }
            } else {
                inWord = true
            }
            start -= 1
        }
        let window = Array(characters[start..<open])
        var s = shortForm.count - 1
        var l = window.count - 1
        while s >= 0 {
            let wanted = Character(shortForm[s].lowercased())
            guard wanted.isLetter || wanted.isNumber else { s -= 1; continue }
            while l >= 0 {
                let matches = Character(window[l].lowercased()) == wanted
                let atWordStart = l == 0 || !(window[l - 1].isLetter || window[l - 1].isNumber)
                if matches && (s > 0 || atWordStart) { break }
                l -= 1
            }
            if l < 0 { return nil }
            l -= 1
            s -= 1
        }
        let longForm = String(window[(l + 1)...]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        // The long form must be longer than the short form and not just repeat it.
        guard longForm.count > shortForm.count, longForm.lowercased() != String(shortForm).lowercased() else { return nil }
        return longForm
    }
}

/// Counts definitions over the corpus and keeps, per short form, the expansion the
/// corpus uses most.
struct AbbreviationCollector {
    private var counts: [String: [String: Int]] = [:]

    mutating func collect(_ definitions: [(shortForm: String, longForm: String)]) {
        for definition in definitions {
            counts[definition.shortForm, default: [:]][definition.longForm, default: 0] += 1
        }
    }

    /// `count` definitions of `shortForm` as `longForm` at once.
    mutating func collect(_ shortForm: String, _ longForm: String, count: Int) {
        counts[shortForm, default: [:]][longForm, default: 0] += count
    }

    func result() -> [Abbreviation] {
        counts.map { shortForm, expansions in
            let best = expansions.max { ($0.value, $1.key) < ($1.value, $0.key) }!
            return Abbreviation(shortForm: shortForm, longForm: best.key, count: expansions.values.reduce(0, +))
        }
        .sorted { ($0.count, $1.shortForm) > ($1.count, $0.shortForm) }
    }
}

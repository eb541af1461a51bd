import XCTest
@testable import SyntheticCorpus

/// One corpus shared by the tests: big enough for every feature to occur, small
/// enough to render in a second. Built once; never mutated.
enum TestCorpus {
    static let corpus = GeneratedCorpus(configuration: CorpusConfiguration(seed: 20_240_126, count: 2500))
    static let files = corpus.files()

    /// Text with every run of whitespace collapsed, so a citation wrapped over two
    /// lines reads as one.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}

/// A small independent reader of Dutch dates, so the tests do not trust the
/// generator's own formatting code.
enum DateReader {
    static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                         "september", "oktober", "november", "december"]

    /// `6 januari 2023`, `06/01/2023`, `06-01-2023`; nil when malformed or nonexistent.
    static func read(_ text: String) -> CalendarDate? {
        let words = text.split(separator: " ")
        if words.count == 3, let day = Int(words[0]), let monthIndex = months.firstIndex(of: String(words[1])),
           let year = Int(words[2]), words[0].first != "0" {
            return CalendarDate(year: year, month: monthIndex + 1, day: day)
        }
        for separator in ["/", "-"] {
            let parts = text.split(separator: Character(separator))
            if parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]),
               parts[2].count == 4 {
                return CalendarDate(year: year, month: month, day: day)
            }
        }
        return nil
    }
}

/// Every `nr. N van DATE` in a text, with the words just before it.
struct CitationMatch {
    let prefix: String
    let number: Int
    let date: CalendarDate?
    let dateText: String

    static let pattern = try? NSRegularExpression(
        pattern: #"((?:\S+ ){0,2})nr\. (\d+) van (\d{1,2} [a-z]+ \d{4}|\d{2}/\d{2}/\d{4}|\d{2}-\d{2}-\d{4})"#)

    static func all(in text: String) -> [CitationMatch] {
        guard let pattern else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return pattern.matches(in: text, range: range).compactMap { match in
            guard let prefixRange = Range(match.range(at: 1), in: text),
                  let numberRange = Range(match.range(at: 2), in: text),
                  let dateRange = Range(match.range(at: 3), in: text),
                  let number = Int(text[numberRange]) else { return nil }
            let dateText = String(text[dateRange])
            return CitationMatch(prefix: String(text[prefixRange]), number: number,
                                 date: DateReader.read(dateText), dateText: dateText)
        }
    }
}

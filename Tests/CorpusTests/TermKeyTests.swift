import Corpus
import XCTest

/// `Tokenizer.termKey` is what the repetition memo compares: it must be equal exactly
/// when the terms are.
final class TermKeyTests: XCTestCase {
    private func expectedKey(_ text: String) -> [UInt8] {
        Tokenizer.terms(in: text).flatMap { Array($0.utf8) + [0] }
    }

    func testTheKeyIsTheTermsEachEndedByAZeroByte() {
        for text in ["", "De minister van Onderwijs, geïnde BEDRAGEN: 2024?", "a b c", "het de en van",
                     "Hoeveel\u{00AD}heid — één x ÿ", "zie nr. 12 van 3 maart 2023"] {
            XCTAssertEqual(Tokenizer.termKey(in: text), expectedKey(text), text)
        }
    }

    func testStopwordsAndOneLetterWordsLeaveTheKeyAsItIs() {
        let key = Tokenizer.termKey(in: "Hoeveel scholen telt Vlaanderen")
        XCTAssertEqual(Tokenizer.termKey(in: "Hoeveel  scholen, x telt het Vlaanderen?"), key)
        XCTAssertNotEqual(Tokenizer.termKey(in: "Hoeveel scholen telt Vlaanderenx"), key)
        // Terms are kept apart: joining two words changes the key.
        XCTAssertNotEqual(Tokenizer.termKey(in: "Hoeveel scholentelt Vlaanderen"), key)
    }
}

/// `Tokenizer.termCounts` counts what `forEachTerm` gives, distinct terms in the
/// order they first occur.
final class TermCountsTests: XCTestCase {
    private func expected(_ text: String) -> [(String, Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        Tokenizer.forEachTerm(in: text) { term in
            if counts[term] == nil { order.append(term) }
            counts[term, default: 0] += 1
        }
        return order.map { ($0, counts[$0]!) }
    }

    private func assertCounts(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        let counts = Tokenizer.termCounts(in: text)
        XCTAssertEqual(counts.map(\.term), expected(text).map(\.0), file: file, line: line)
        XCTAssertEqual(counts.map(\.count), expected(text).map(\.1), file: file, line: line)
    }

    func testCountsEqualTheTermsOneByOne() {
        assertCounts("")
        assertCounts("De minister, de MINISTER en geïnde geinde bedragen: 2024, 2024? x y")
        // Thousands of distinct terms (the table grows) and long ones.
        var text = ""
        for number in 0..<5000 { text += "term\(number % 3000) woord\(number) " }
        text += String(repeating: "a", count: 40) + " " + String(repeating: "b", count: 41)
        assertCounts(text)
    }
}

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

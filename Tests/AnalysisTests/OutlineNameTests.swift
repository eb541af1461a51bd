@testable import Analysis
import TestSupport
import XCTest

/// The byte-wise first words of an ASCII text are the character-wise ones.
final class OutlineNameTests: XCTestCase {
    private static let pieces = ["a", "Kan", "de", " ", "  ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "?", "1.",
                                 "minister,", "x\r\n\r\n", "é", "e\u{0301}", "中", "😀", "\u{00A0}", "\u{2003}"]

    func testASCIIFirstWordsAreTheCharacterFirstWords() {
        var random = SplitMix64(seed: 60)
        var asciiAnswers = 0
        for round in 0..<3_000 {
            let nonASCII = round % 3 == 0
            let pieces = nonASCII ? Self.pieces : Self.pieces.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
            let text = (0..<random.below(40)).map { _ in pieces[random.below(pieces.count)] }.joined()
            let limit = random.below(25)
            let expected = Outline.characterFirstWords(text, limit: limit)
            if let ascii = Outline.asciiFirstWords(text, limit: limit) {
                asciiAnswers += 1
                XCTAssertEqual(ascii, expected, "\(text.debugDescription) limit \(limit)")
            }
            XCTAssertEqual(Outline.firstWords(text, limit: limit), expected, "\(text.debugDescription) limit \(limit)")
        }
        XCTAssertGreaterThan(asciiAnswers, 1_500, "the byte path answers for ASCII texts")
    }
}

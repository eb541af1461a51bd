@testable import QuestionModel
import TestSupport
import XCTest

/// Whether a citation is written in its canonical form is decided on bytes when both
/// sides are ASCII: the same answer as Unicode string equality with the first letter
/// lowercased.
final class CitationCanonicalFormTests: XCTestCase {
    func testTheByteComparisonAgreesWithTheStringOne() {
        var random = SplitMix64(seed: 2023)
        // ASCII letters of both cases, a Kelvin sign (canonically equivalent to `K`),
        // a precomposed and a decomposed `é`, a combining accent, spaces.
        let alphabet = ["a", "A", "k", "K", "\u{212A}", "é", "e\u{301}", "\u{301}", " ", "v", "V", "1"]
        func text() -> String {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
        var equalSeen = 0
        for _ in 0..<20_000 {
            let (written, canonical) = (text(), text())
            let expected = CitationScanner.equalIgnoringFirstLetterCase(written, canonical)
            XCTAssertEqual(CitationScanner.equalIgnoringFirstLetterCase(Array(written.utf8), canonical), expected,
                           "\(Array(written.unicodeScalars)) vs \(Array(canonical.unicodeScalars))")
            if expected { equalSeen += 1 }
        }
        XCTAssertGreaterThan(equalSeen, 100, "the cases must include equal pairs")
    }

    func testCapitalAtTheStartIsCanonical() {
        let citations = CitationScanner.citations(in: "Schriftelijke vraag nr. 12 van 3 maart 2023 en SV nr. 4 van 3/3/2023.")
        XCTAssertEqual(citations.map(\.isCanonical), [true, false])
        XCTAssertEqual(citations.map(\.canonicalText), ["schriftelijke vraag nr. 12 van 3 maart 2023",
                                                        "schriftelijke vraag nr. 4 van 3 maart 2023"])
    }
}

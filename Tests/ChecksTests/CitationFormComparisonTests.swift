@testable import Checks
import TestSupport
import XCTest

/// citation-form compares a citation with its canonical form on bytes when both are
/// ASCII: the same answer as comparing the strings, first letters in either case.
final class CitationFormComparisonTests: XCTestCase {
    private func strings(_ written: String, _ canonical: String) -> Bool {
        guard let first = written.first, let canonicalFirst = canonical.first else { return written == canonical }
        return written.dropFirst() == canonical.dropFirst() && first.lowercased() == canonicalFirst.lowercased()
    }

    func testTheByteComparisonAgreesWithTheStringOne() {
        var random = SplitMix64(seed: 118)
        let alphabet = ["a", "A", "k", "K", "\u{212A}", "é", "É", "e\u{301}", "\u{301}", " ", "t", "T", "1"]
        func text() -> String {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
        }
        var equalSeen = 0
        for _ in 0..<20_000 {
            let (written, canonical) = (text(), text())
            let expected = strings(written, canonical)
            XCTAssertEqual(CitationFormRule.sameIgnoringFirstLetterCase(written, canonical), expected,
                           "\(Array(written.unicodeScalars)) vs \(Array(canonical.unicodeScalars))")
            if expected { equalSeen += 1 }
        }
        XCTAssertGreaterThan(equalSeen, 100, "the cases must include equal pairs")
    }
}

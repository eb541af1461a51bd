@testable import Checks
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// `Silence.excerpt` of a long range collapses only its start: the same excerpt as
/// collapsing the whole range.
final class SilenceExcerptTests: XCTestCase {
    private func wholeExcerpt(_ range: TextRange, _ bytes: [UInt8]) -> String {
        let flagged = Bytes.collapsedString(bytes, range)
        return flagged.count > 60 ? String(flagged.prefix(60)) + "…" : flagged
    }

    func testTheExcerptOfAnyRangeIsTheWholeRangesOne() {
        var random = SplitMix64(seed: 1_000_000)
        // Words, runs of spaces and line breaks, no-break and zero-width spaces, soft
        // hyphens, accents and combining marks, emoji.
        let pieces = ["woord", "é", "e\u{301}", " ", "      ", "\n\n", "\u{A0}", "\u{200B}", "\u{AD}", "😀", "nr. 12",
                      String(repeating: " ", count: 1500), String(repeating: "\u{200B}", count: 400)]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...400, using: &random) { text += pieces.randomElement(using: &random)! }
            let bytes = Array(text.utf8)
            let start = Int.random(in: 0...bytes.count, using: &random)
            let end = Int.random(in: start...bytes.count, using: &random)
            let range = TextRange(start: start, end: end)
            XCTAssertEqual(Silence.excerpt(of: range, in: bytes), wholeExcerpt(range, bytes), "\(range) of \(bytes.count)")
        }
    }

    func testALongRangeStartingWithBlanksStillGetsItsWords() {
        let text = String(repeating: " \u{200B}\n", count: 2000) + String(repeating: "Hoeveel kost het? ", count: 100)
        let bytes = Array(text.utf8)
        let range = TextRange(start: 0, end: bytes.count)
        XCTAssertEqual(Silence.excerpt(of: range, in: bytes), wholeExcerpt(range, bytes))
        XCTAssertTrue(Silence.excerpt(of: range, in: bytes).hasPrefix("Hoeveel kost het?"))
    }
}

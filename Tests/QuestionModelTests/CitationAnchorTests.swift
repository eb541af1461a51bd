@testable import QuestionModel
import SourceText
import TestSupport
import XCTest

/// The scanner tries word starts only within `maximumReach` before a digit that can
/// start a citation's number or date. It must find what trying every word start finds.
final class CitationAnchorTests: XCTestCase {
    /// The longest gap `DateScanner.skipGap` takes: fifteen spaces and a zero-width space.
    private static let longestGap = String(repeating: " ", count: 15) + "\u{200B}"

    private func assertSameAsEveryWordStart(_ text: String, _ range: TextRange? = nil,
                                            file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        let range = range ?? TextRange(start: 0, end: bytes.count)
        let skipping = CitationScanner.citations(in: bytes, range: range)
        let everyStart = CitationScanner.citations(in: bytes, range: range, skippingToAnchors: false)
        XCTAssertEqual(skipping, everyStart, "\(text.debugDescription) in \(range)", file: file, line: line)
    }

    /// The farthest a meeting citation's date can lie from its start, with the longest
    /// gaps and name: exactly `maximumReach`, and found.
    func testLongestMeetingCitationReachesItsDateAtMaximumReach() throws {
        let gap = Self.longestGap
        let words = ["Tijdens", "de", "vergadering", "van", "de", "commissie"]
        // A name that ends one byte before the name's limit, then the date phrase.
        let name = " " + String(repeating: "x", count: CitationScanner.maximumNameLength - 2)
        let citation = words.joined(separator: gap) + name + gap + "van" + gap + "3 mei 2023"
        for lead in ["", "Tekst zonder cijfers, ", String(repeating: "woorden zonder cijfers ", count: 40)] {
            let text = lead + citation + " en verder."
            let found = CitationScanner.citations(in: text)
            XCTAssertEqual(found.map(\.text), [citation])
            let first = try XCTUnwrap(found.first)
            let dateStart = try XCTUnwrap(first.dateRange).start
            XCTAssertEqual(dateStart - first.range.start, CitationScanner.maximumReach)
            XCTAssertEqual(first.committeeName, String(name.dropFirst()))
            assertSameAsEveryWordStart(text)
        }
    }

    /// The farthest a written question's number can lie from its start.
    func testLongestQuestionCitationIsFound() {
        let gap = Self.longestGap
        let citation = ["Mijn", "eerdere", "vraag", "om", "uitleg", "nummer", "123456"].joined(separator: gap)
        let text = String(repeating: "niets hier ", count: 50) + citation
        XCTAssertEqual(CitationScanner.citations(in: text).map(\.text), [citation])
        XCTAssertEqual(CitationScanner.citations(in: text).first?.number, 123_456)
        assertSameAsEveryWordStart(text)
    }

    func testCitationsAtTheEdgesOfTheTextAndOfTheRange() {
        let citation = "SV nr.118"
        XCTAssertEqual(CitationScanner.citations(in: citation).map(\.number), [118])
        XCTAssertEqual(CitationScanner.citations(in: "7 " + citation).map(\.number), [118])
        XCTAssertEqual(CitationScanner.citations(in: "nr. 5 van 10/01/2023").map(\.text), ["nr. 5 van 10/01/2023"])
        let text = "Zie vraag nr. 12 van 3 maart 2023, 4 en in de commissie op 4 april 2023"
        let bytes = Array(text.utf8)
        for start in 0...bytes.count {
            for end in stride(from: bytes.count, through: start, by: -1) {
                assertSameAsEveryWordStart(text, TextRange(start: start, end: end))
            }
        }
    }

    func testTextsWithoutCandidatesOrDigits() {
        for length in [0, 1, 7, 8, 15, 16, 17, 31, 32, 33, 100] {
            XCTAssertEqual(CitationScanner.citations(in: String(repeating: "9", count: length)), [])
            XCTAssertEqual(CitationScanner.citations(in: String(repeating: "é", count: length)), [])
            let words = String(String(repeating: "in vraag nr van op ", count: 10).prefix(length))
            XCTAssertEqual(CitationScanner.citations(in: words), [])
            assertSameAsEveryWordStart(words + "12")
        }
    }

    /// Generated texts (`generatedCitationTexts`), whole and cut at random.
    func testGeneratedTextsFindWhatEveryWordStartFinds() {
        var random = SplitMix64(seed: 11)
        for text in generatedCitationTexts(count: 3000, seed: 7) {
            let count = text.utf8.count
            assertSameAsEveryWordStart(text)
            let start = random.below(count + 1)
            assertSameAsEveryWordStart(text, TextRange(start: start, end: start + random.below(count - start + 1)))
        }
    }
}

/// Texts for comparing scans: citations of every kind with gaps of every sort (line
/// breaks, no-break spaces, invisible characters, the longest), capitals, non-ASCII
/// words, digits that start nothing, and stretches without a digit longer than
/// `maximumReach`.
func generatedCitationTexts(count: Int, seed: UInt64) -> [String] {
    let pieces = [
        "schriftelijke vraag", "Schriftelijke Vraag", "SV", "sv", "vraag", "vraag om uitleg", "actuele vraag",
        "mijn", "Mijn eerdere", "nr.", "nr", "NR.", "nummer", "nr.118", "van", "op", "Van", "in de", "In de",
        "tijdens de", "vergadering van de", "commissie", "Commissie", "commissievergadering", "plenaire",
        "plenaire vergadering", "10 januari 2023", "3 MAART 2024", "31 februari 2023", "10/01/2023",
        "1-2-2024", "2024-01-26", "118", "1234567", "2014", "12", "Binnenlands Bestuur", "en", "de", "é",
        "Geëvalueerd", "café", ".", ",", "(", ")", ";", "x", String(repeating: "lang", count: 30),
        String(repeating: "in de vraag van de commissie ", count: 14),
    ]
    let longestGap = String(repeating: " ", count: 15) + "\u{200B}"
    let gaps = [" ", " ", " ", "\n", "\r\n", "\u{00A0}", "\t", "\u{200B}", "  \n ", "", "\n\n", longestGap]
    var random = SplitMix64(seed: seed)
    return (0..<count).map { _ in
        var text = ""
        for _ in 0..<random.below(40) {
            text += pieces[random.below(pieces.count)]
            text += gaps[random.below(gaps.count)]
        }
        return text
    }
}

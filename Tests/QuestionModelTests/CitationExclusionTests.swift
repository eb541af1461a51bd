@testable import QuestionModel
import SourceText
import TestSupport
import XCTest

/// Citations that overlap an excluded range (the header, the answer's reference) are
/// matched but not built: the result is the whole scan's without them.
final class CitationExclusionTests: XCTestCase {
    private func assertExcludes(_ text: String, _ excluded: [TextRange], file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(text.utf8)
        let whole = TextRange(start: 0, end: bytes.count)
        let expected = CitationScanner.citations(in: bytes, range: whole).filter { citation in
            !excluded.contains { $0.start < citation.range.end && citation.range.start < $0.end }
        }
        XCTAssertEqual(CitationScanner.citations(in: bytes, range: whole, excluding: excluded), expected,
                       "\(text.debugDescription) without \(excluded)", file: file, line: line)
    }

    func testAnExcludedCitationStillEndsWhereItEnds() {
        // `vraag nr. 2 van 3 maart 2023` inside the excluded one is not found instead.
        let text = "schriftelijke vraag nr. 2 van 3 maart 2023 en SV nr. 4"
        let citations = CitationScanner.citations(in: Array(text.utf8), range: TextRange(start: 0, end: text.utf8.count),
                                                  excluding: [TextRange(start: 0, end: 5)])
        XCTAssertEqual(citations.map(\.text), ["SV nr. 4"])
        assertExcludes(text, [TextRange(start: 0, end: 5)])
        assertExcludes(text, [TextRange(start: 41, end: 42)])
        assertExcludes(text, [TextRange(start: 42, end: 47)])
        assertExcludes("in de commissie op 4 april 2023 en nr. 5 van 1/1/2023", [TextRange(start: 3, end: 4)])
    }

    func testGeneratedTexts() {
        var random = SplitMix64(seed: 3)
        for text in generatedCitationTexts(count: 1000, seed: 5) {
            let count = text.utf8.count
            let ranges = (0..<random.below(3)).map { _ in
                let start = random.below(count + 1)
                return TextRange(start: start, end: start + random.below(min(60, count - start) + 1))
            }
            assertExcludes(text, ranges)
        }
    }
}

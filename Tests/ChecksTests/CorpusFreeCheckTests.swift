import Checks
import Corpus
import QuestionModel
import XCTest

/// Without a corpus the checker runs the structure rules alone: the corpus rules
/// would call every citation unknown.
final class CorpusFreeCheckTests: XCTestCase {
    private let draft = """
        aan: Gwendolyn Rutten

        Inburgering  -  Stand van zaken

        Ik verwijs naar mijn schriftelijke vraag nr. 99999 van 3 maart 2020 en naar vraag nr. 12.

        1. Hoeveel inburgeraars zijn er?
        3. Waarom zijn het er niet meer?

        """

    func testTheCorpusRulesWaitForTheCorpus() throws {
        let today = try XCTUnwrap(DutchDate(year: 2024, month: 2, day: 1))
        let all = Checker().check(text: draft, corpus: .empty, today: today).map(\.code)
        let structure = Checker(usesCorpus: false).check(text: draft, corpus: .empty, today: today).map(\.code)
        XCTAssertTrue(all.contains(.citationDateMissing), "\(all)")
        XCTAssertTrue(structure.contains(.numbering), "\(structure)")
        XCTAssertFalse(structure.contains { $0.needsCorpus }, "\(structure)")
        XCTAssertEqual(structure, all.filter { !$0.needsCorpus })
    }
}

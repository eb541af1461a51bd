import QuestionModel
import XCTest

final class SubmissionTextTests: XCTestCase {
    func testHeaderDroppedLinesJoinedItemsKept() {
        let draft = """
            aan: Gwendolyn Rutten\r
            thema: Integratie\r
            \r
            Inburgering - Attesten\r
            \r
            Een inleiding die over twee\r
            regels loopt, met een zachte\u{AD} afbreking.\r
            \r
            1. Hoeveel attesten waren er\r
            in 2023?\r
            2. Kan de minister opsplitsen:\r
            a) per sector;\r
            b) per provincie?\r
            """
        XCTAssertEqual(SubmissionText.make(draft), """
            Inburgering - Attesten

            Een inleiding die over twee regels loopt, met een zachte afbreking.

            1. Hoeveel attesten waren er in 2023?
            2. Kan de minister opsplitsen:
            a) per sector;
            b) per provincie?
            """)
    }

    func testDraftWithoutHeaderOrTitleKeepsItsText() {
        XCTAssertEqual(SubmissionText.make("Kan de minister\nzeggen waarom?"), "Kan de minister zeggen waarom?")
        XCTAssertEqual(SubmissionText.make(""), "")
    }
}

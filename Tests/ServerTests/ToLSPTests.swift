import Analysis
import QuestionModel
@testable import Server
import SourceText
import XCTest

/// The one "to LSP" place: semantic tokens in the client's column unit.
final class ToLSPTests: XCTestCase {
    func testSemanticTokensCountInTheClientsUnit() {
        let text = "Titel - Test\n\nÉén 😀 mijn vraag\r\nnr. 5 van 1 maart 2023.\n"
        let snapshot = AnalysisSnapshot(document: DocumentSnapshot(path: "a.vraag", text: text), corpus: .empty,
                                        today: DutchDate(year: 2024, month: 6, day: 1)!)
        let tokens = snapshot.semanticTokens()
        XCTAssertEqual(Array(ToLSP.semanticTokens(tokens, lineIndex: snapshot.lineIndex, unit: .utf16).prefix(10)),
                       [2, 7, 10, 3, 0, 1, 0, 3, 3, 0])
        XCTAssertEqual(Array(ToLSP.semanticTokens(tokens, lineIndex: snapshot.lineIndex, unit: .utf8).prefix(2)), [2, 11],
                       "É and é are two bytes each, 😀 four")
        XCTAssertEqual(Array(ToLSP.semanticTokens(tokens, lineIndex: snapshot.lineIndex, unit: .utf32).prefix(2)), [2, 6])
    }
}

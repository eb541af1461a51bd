import QuestionModel
@testable import Analysis
import SourceText
import XCTest

/// When terms are offered in running text, and what a term must start with to
/// replace the typed text (issue 14, item 3).
final class CompletionTriggerTests: XCTestCase {
    private let body = "aan: X\n\nTitel - Test\n\n"

    private func situation(_ marked: String, _ trigger: CompletionTrigger) -> CompletionSituation {
        let parts = marked.components(separatedBy: "‸")
        precondition(parts.count == 2, "one cursor marker")
        let text = parts.joined()
        return CompletionContextDetector.situation(at: parts[0].utf8.count, in: Question.parse(text),
                                                   lineIndex: LineIndex(text), trigger: trigger)
    }

    private func typed(_ situation: CompletionSituation) -> [String] {
        guard case .runningText(let candidates) = situation else { return [] }
        return candidates.map(\.typed)
    }

    func testATypedSpaceOffersNoTermsButAnExplicitRequestDoes() {
        XCTAssertEqual(situation(body + "Inleiding.\n\n2. Kan de ‸", .triggerCharacter), .nothing)
        XCTAssertEqual(situation(body + "dat het aantal ‸", .triggerCharacter), .nothing)
        XCTAssertEqual(typed(situation(body + "dat het aantal ‸", .invoked)), ["dat het aantal ", "het aantal ", "aantal "])
    }

    func testAutomaticTermsNeedThreeTypedCharacters() {
        XCTAssertEqual(situation(body + "het aantal in‸", .triggerCharacter), .nothing)
        XCTAssertEqual(typed(situation(body + "het aantal inb‸", .triggerCharacter)), ["het aantal inb", "aantal inb", "inb"])
        XCTAssertEqual(typed(situation(body + "over é😀‸", .triggerCharacter)), [], "two characters, not three")
        XCTAssertEqual(typed(situation(body + "over éé‸", .invoked)), ["over éé", "éé"])
        XCTAssertEqual(situation(body + "over éé‸", .triggerCharacter), .nothing, "two characters, four bytes")
    }

    func testOpenersStayAfterATypedSpace() {
        guard case .itemOpener("", _, false) = situation(body + "Inleiding.\n\n3. ‸", .triggerCharacter) else {
            return XCTFail("openers at the start of an item")
        }
    }

    func testTriggerKinds() {
        XCTAssertEqual(CompletionTrigger(triggerKind: 2), .triggerCharacter)
        XCTAssertEqual(CompletionTrigger(triggerKind: 1), .invoked)
        XCTAssertEqual(CompletionTrigger(triggerKind: 3), .invoked, "a list being typed on")
        XCTAssertEqual(CompletionTrigger(triggerKind: nil), .invoked, "a client without context")
    }

    func testContinuationKeyKeepsTheTrailingSpace() {
        func key(_ typed: String) -> String {
            RunningTextCandidate(typed: typed, replace: TextRange(start: 0, end: 0), isSingleWord: false).continuationKey
        }
        XCTAssertEqual(key("de "), "de ")
        XCTAssertEqual(key("Kan  De "), "kan de ")
        XCTAssertEqual(key("Oekraïense"), "oekraiense")
    }
}

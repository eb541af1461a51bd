import Checks
import QuestionModel
import XCTest

/// The title is recognised when no blank line follows it and when it ends in a colon;
/// `title-format` or `title-punctuation` then says what is wrong, and no placeholder
/// title is offered above it.
final class TitleDetectionTests: XCTestCase {
    private func codes(_ text: String) -> [RuleCode] { check(text).map(\.code) }

    func testTitleFollowedDirectlyByTheIntroduction() {
        let text = "aan: Gwendolyn Rutten\n\nInburgeringsattesten: erkenning door werkgevers\n"
            + "Werkgevers kennen het attest nog te weinig.\n\n1. Hoeveel werkgevers vroegen het attest?\n"
        let question = Question.parse(text)
        XCTAssertEqual(question.title?.text, "Inburgeringsattesten: erkenning door werkgevers")
        XCTAssertEqual(question.introduction?.text, "Werkgevers kennen het attest nog te weinig.")
        XCTAssertEqual(codes(text), [.titleFormat])
        assertFix(.titleFormat, before: text, after: text.replacingOccurrences(of: "attesten: erkenning", with: "attesten - erkenning"))
    }

    func testTitleFollowedDirectlyByTheFirstQuestion() {
        let text = "aan: Gwendolyn Rutten\n\nInburgeringsattesten\n1. Hoeveel werkgevers vroegen het attest?\n"
        XCTAssertEqual(Question.parse(text).title?.text, "Inburgeringsattesten")
        XCTAssertEqual(codes(text), [.titleFormat, .introductionMissing])
        let titled = "aan: Gwendolyn Rutten\n\nErkenning van inburgeringsattesten door werkgevers\n"
            + "Werkgevers kennen het attest nog te weinig.\n\n1. Hoeveel werkgevers vroegen het attest?\n"
        XCTAssertEqual(codes(titled), [.titleFormat])
    }

    func testTitleEndingInAColon() {
        let blankAfter = "aan: Gwendolyn Rutten\n\nInburgeringsattesten - Erkenning door werkgevers:\n\n"
            + "Werkgevers kennen het attest nog te weinig.\n\n1. Hoeveel werkgevers vroegen het attest?\n"
        XCTAssertEqual(codes(blankAfter), [.titlePunctuation])
        assertFix(.titlePunctuation, before: blankAfter,
                  after: blankAfter.replacingOccurrences(of: "werkgevers:\n", with: "werkgevers\n"))
        let noBlank = "aan: Gwendolyn Rutten\n\nInburgeringsattesten:\nWerkgevers kennen het attest nog te weinig.\n\n"
            + "1. Hoeveel werkgevers vroegen het attest?\n"
        XCTAssertEqual(Question.parse(noBlank).title?.text, "Inburgeringsattesten:")
        XCTAssertEqual(codes(noBlank), [.titleFormat, .titlePunctuation])
    }

    /// No placeholder above a real title: `title-missing` (and its fix) only when
    /// there is none.
    func testNoPlaceholderAboveARealTitle() {
        for text in [
            "aan: X\n\nInburgeringsattesten: erkenning door werkgevers\nWerkgevers kennen het attest niet.\n\n1. Hoeveel?\n",
            "aan: X\n\nInburgeringsattesten - Erkenning door werkgevers:\n1. Hoeveel werkgevers vroegen het attest?\n",
        ] {
            XCTAssertFalse(codes(text).contains(.titleMissing), text)
        }
    }

    /// Still no title: a lead-in that asks, and a hard-wrapped first sentence.
    func testIntroductionsAreNotTakenForTitles() {
        let leadIn = "aan: X\n\nGraag had ik volgende gegevens:\n1. het aantal dossiers;\n2. het aantal attesten.\n"
        XCTAssertNil(Question.parse(leadIn).title)
        XCTAssertTrue(codes(leadIn).contains(.titleMissing))
        let wrapped = "aan: X\n\nIn de beleidsnota staat dat de minister een plan heeft om de\nwerkgevers te informeren.\n\n"
            + "1. Hoeveel werkgevers vroegen het attest?\n"
        XCTAssertNil(Question.parse(wrapped).title)
        let sentence = "aan: X\n\nWerkgevers kennen het attest niet. Het is nieuw\nEn onbekend.\n\n1. Hoeveel?\n"
        XCTAssertNil(Question.parse(sentence).title)
        let question = "aan: X\n\nKennen werkgevers het attest?\n1. Hoeveel werkgevers vroegen het attest?\n"
        XCTAssertNil(Question.parse(question).title)
    }
}

import Checks
import Corpus
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// One test per reference rule, against the embedded seeds: `002_*` is nr. 123 van 26
/// januari 2024 by Maaike De Vreese to Gwendolyn Rutten; the other seeds have no number.
final class ReferenceRuleTests: XCTestCase {
    private var clean: String { (try? TestData.example("clean.vraag")) ?? "" }

    func testCitationUnknown() throws {
        let text = try TestData.example("citation-unknown.vraag")
        assertFinding(.citationUnknown, in: text, at: "schriftelijke vraag nr. 999 van 3 maart 2023")
        assertNoFinding(.citationUnknown, in: clean)
        // Without a corpus nothing is known, so nothing is unknown.
        assertNoFinding(.citationUnknown, in: text, corpus: .empty)
        // A known number on another date is `citation-date-mismatch`'s business.
        assertNoFinding(.citationUnknown, in: try TestData.example("citation-date-mismatch.vraag"))
    }

    func testCitationDateMismatch() throws {
        let text = try TestData.example("citation-date-mismatch.vraag")
        let finding = assertFinding(.citationDateMismatch, in: text, at: "27 januari 2024")
        XCTAssertEqual(finding?.related.map(\.record.number), [123])
        XCTAssertEqual(finding?.related.first.map { TestData.seedsCorpus.records[$0.recordIndex].number }, 123)
        assertNoFinding(.citationDateMismatch, in: clean)
        assertFix(.citationDateMismatch, before: text,
                  after: text.replacingOccurrences(of: "27 januari 2024", with: "26 januari 2024"))
    }

    func testCitationDateMissing() throws {
        let text = try TestData.example("citation-date-missing.vraag")
        assertFinding(.citationDateMissing, in: text, at: "schriftelijke vraag nr. 123")
        assertNoFinding(.citationDateMissing, in: clean)
        assertFix(.citationDateMissing, before: text,
                  after: text.replacingOccurrences(of: "nr. 123", with: "nr. 123 van 26 januari 2024"))
        // An unknown number: still a finding, but no date to offer.
        let unknown = text.replacingOccurrences(of: "nr. 123", with: "nr. 77")
        XCTAssertEqual(assertFinding(.citationDateMissing, in: unknown, at: "schriftelijke vraag nr. 77")?.fixes, [])
    }

    func testDateImpossible() throws {
        let text = try TestData.example("date-impossible.vraag")
        assertFinding(.dateImpossible, in: text, at: "31 februari 2023")
        assertNoFinding(.dateImpossible, in: clean)
        assertFix(.dateImpossible, before: text,
                  after: text.replacingOccurrences(of: "31 februari 2023", with: "28 februari 2023"))
        // A leap year, a numeric date, and a header date.
        assertFix(.dateImpossible, before: "datum: 30/02/2024\n\nTitel - Spec\n\nTekst.\n\n1. Wie?\n",
                  after: "datum: 29 februari 2024\n\nTitel - Spec\n\nTekst.\n\n1. Wie?\n")
        assertFinding(.dateImpossible, in: "Titel - Spec\n\nOp 31 april 2023 gebeurde het.\n\n1. Wie?\n", at: "31 april 2023")
    }

    func testCitationDateFuture() throws {
        let text = try TestData.example("citation-date-future.vraag")
        assertFinding(.citationDateFuture, in: text, at: "3 maart 2032")
        assertNoFinding(.citationDateFuture, in: clean)
        // `today` decides: the same text checked in 2033 is fine.
        let later = Checker().check(text: text, corpus: TestData.seedsCorpus, today: DutchDate(year: 2033, month: 1, day: 1)!)
        XCTAssertFalse(later.contains { $0.code == .citationDateFuture })
        // A meeting ahead is normal: `wordt besproken in de commissie op ...`.
        assertNoFinding(.citationDateFuture, in: "Titel - Spec\n\nHet ontwerp wordt besproken in de commissie op 12 maart 2031.\n\n1. Wie?\n")
    }

    func testCitationForm() throws {
        let text = try TestData.example("citation-form.vraag")
        assertFinding(.citationForm, in: text, at: "SV nr. 123 van 26/01/2024")
        assertNoFinding(.citationForm, in: clean)
        assertFix(.citationForm, before: text, after: text.replacingOccurrences(
            of: "SV nr. 123 van 26/01/2024", with: "schriftelijke vraag nr. 123 van 26 januari 2024"))
        // At the start of a sentence the canonical form is capitalised.
        assertFix(.citationForm, before: "Titel - Spec\n\nTekst. Vraag nr. 123 van 26-01-2024 gaf cijfers.\n\n1. Wie?\n",
                  after: "Titel - Spec\n\nTekst. Schriftelijke vraag nr. 123 van 26 januari 2024 gaf cijfers.\n\n1. Wie?\n")
        // Line breaks inside a citation are fine.
        assertNoFinding(.citationForm, in: "Titel - Spec\n\nIn schriftelijke vraag nr. 123 van\n26 januari 2024 staat het.\n\n1. Wie?\n")
    }

    func testCitationAuthor() throws {
        let text = try TestData.example("citation-author.vraag")
        let finding = assertFinding(.citationAuthor, in: text, at: "mijn schriftelijke vraag nr. 123 van 26 januari 2024")
        XCTAssertTrue(finding?.message.contains("Maaike De Vreese") == true, finding?.message ?? "")
        XCTAssertEqual(finding?.related.map(\.record.number), [123])
        assertNoFinding(.citationAuthor, in: clean)
        assertFix(.citationAuthor, before: text, after: text.replacingOccurrences(of: "op mijn schriftelijke", with: "op de schriftelijke"))
        // Without `van:` the author is unknown: nothing to compare.
        assertNoFinding(.citationAuthor, in: text.replacingOccurrences(of: "van: Jan Peeters\n", with: ""))
    }

    func testCitationsInAnAnswerAreNeverChecked() throws {
        // `001_*` and `003_*` cite meetings in their answers; `002_*` names its own
        // number on the answer's reference line. None of that is checked.
        for prefix in ["001", "002", "003"] {
            let text = try TestData.seed(prefix)
            let question = Question.parse(text)
            let answer = try XCTUnwrap(question.answer?.range)
            let found = Checker().check(question: question, text: text, corpus: TestData.seedsCorpus, today: TestData.today)
            XCTAssertFalse(found.contains { $0.range.end > answer.start }, "\(prefix): \(found.map(\.code))")
        }
    }
}

import Checks
import Corpus
import QuestionModel
import TestSupport
import XCTest

/// What each seed gets, parsed with `Question.parse` (so as the corpus record it is)
/// and checked against the seeds corpus. No false alarms on the question parts: the
/// only findings are citations of questions the five seeds do not hold.
final class SeedFindingsTests: XCTestCase {
    private func codes(_ prefix: String) throws -> [RuleCode] {
        let text = try TestData.seed(prefix)
        return Checker().check(question: Question.parse(text), text: text, corpus: TestData.seedsCorpus,
                               today: TestData.today).map(\.code)
    }

    func testGedetineerden000() throws {
        // Cites `mijn schriftelijke vraag nr. 118 van 10 januari 2023`, which is not
        // among the seeds. Canonical form, so no `citation-form`; the plain export has
        // no author, so no `citation-author`.
        XCTAssertEqual(try codes("000"), [.citationUnknown])
    }

    func testNietVerplichteInburgeraars001() throws {
        // Its three questions are in prose, unnumbered: `questions-unnumbered` is a
        // drafting rule and does not run on records. The meeting it cites is in the
        // answer, which is never checked.
        XCTAssertEqual(try codes("001"), [])
    }

    func testInburgeringstrajecten002() throws {
        // Cites `mijn schriftelijke vraag nr. 113 van 6 januari 2023`, not among the
        // seeds. Sub-items a) to g) are in order; item 1 ends in `.` but asks with
        // `Kan de minister` and `graag`.
        XCTAssertEqual(try codes("002"), [.citationUnknown])
    }

    func testBegrotingstoelichting003() throws {
        // No introduction, but every numbered item opens with its own context
        // paragraph, so `introduction-missing` stays silent; ten items numbered 1-10.
        XCTAssertEqual(try codes("003"), [])
    }

    func testWervingBijRechthebbenden004() throws {
        // The OCR damage (`AgIl`, `officiéle`, `o0.a.`, lost bullets `. Lokale`) is all
        // in the answer or harmless to the rules; the leading-space line inside the
        // question (` parallelle samenleving`) does not end the question part.
        XCTAssertEqual(try codes("004"), [])
    }

    func testSeedsAsDraftsGetOnlyTheirCitations() throws {
        // Pasted into a `.vraag` file (title and question part), the seeds read as
        // drafts: the drafting rules run too. Checked without a corpus.
        let expected: [String: Set<RuleCode>] = [
            "000": [.titleSeparator],
            "001": [.questionsUnnumbered, .titleSeparator],
            "003": [.titleSeparator],
            "004": [],
        ]
        for (prefix, codes) in expected {
            let question = Question.parse(try TestData.seed(prefix))
            let text = try TestData.seed(prefix)
            let questionPart = text.slice(question.questionRange!)
            let draft = (question.title?.text ?? "") + "\n\n" + questionPart + "\n"
            let found = Set(Checker().check(text: draft, as: .draft, corpus: .empty, today: TestData.today).map(\.code))
            XCTAssertEqual(found, codes, "seed \(prefix) as a draft, no corpus")
        }
    }
}

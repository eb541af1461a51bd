import Checks
import Corpus
import QuestionModel
import SourceText
import TestSupport
import XCTest

final class RepetitionRuleTests: XCTestCase {
    func testRepetitionOfAnAnsweredSeed() throws {
        let text = try TestData.example("repetition.vraag")
        let finding = assertFinding(.repetition, in: text, at: "Inburgeringstrajecten - Stand van zaken")
        XCTAssertEqual(finding?.related.count, 1)
        XCTAssertEqual(finding?.related.first?.record.number, 123)
        XCTAssertEqual(finding?.related.first.map { TestData.seedsCorpus.records[$0.recordIndex].title },
                       "Inburgeringstrajecten - Stand van zaken")
        XCTAssertEqual(finding?.severity, .information)
        assertNoFinding(.repetition, in: try TestData.example("clean.vraag"))
        // The fix cites the answered question; a draft that cites it is no repetition.
        assertFix(.repetition, before: text, after: text.replacingOccurrences(
            of: "\nIk wil graag", with: "\nDeze vraag volgt op schriftelijke vraag nr. 123 van 26 januari 2024.\n\nIk wil graag"))
    }

    /// A draft made of a seed's question text fires, for every seed; an unrelated
    /// draft does not (the calibration of the 60 percent threshold).
    func testEverySeedsQuestionTextIsRecognised() throws {
        for (index, record) in TestData.seedsCorpus.records.enumerated() {
            let question = Question.parse(try TestData.seed(String(record.source.description.dropFirst(6).prefix(3))))
            var draft = (question.title?.text ?? "") + "\n\n" + (question.introduction?.text ?? "") + "\n\n"
            for item in question.numberedQuestions { draft += "\(item.number). \(item.text)\n" }
            // Drop the seeds' own citations: the fix test covers citing.
            let found = findings(.repetition, in: draft)
            XCTAssertEqual(found.count, 1, "seed \(record.source)")
            XCTAssertEqual(found.first?.related.first?.recordIndex, index, "seed \(record.source)")
        }
        let unrelated = """
            Fietspaden - Onderhoud langs gewestwegen

            Veel fietspaden langs gewestwegen liggen er slecht bij: wortelopschot, putten en
            losliggende tegels maken ze gevaarlijk.

            1. Hoeveel kilometer fietspad langs gewestwegen werd in 2023 heraangelegd?
            2. Welk budget trekt de minister uit voor het onderhoud in 2024?
            """
        assertNoFinding(.repetition, in: unrelated)
        // Same theme as the seeds, other questions: still no repetition.
        assertNoFinding(.repetition, in: try TestData.example("clean.vraag"))
    }

    func testThresholdIsConfigurable() throws {
        // Only the first question of `002_*`: a partial match.
        let full = try TestData.example("repetition.vraag")
        let text = String(full[..<full.range(of: "2. Kan de minister")!.lowerBound])
        let message = try XCTUnwrap(findings(.repetition, in: text).first?.message)
        let percent = try XCTUnwrap(Int(message.components(separatedBy: "%")[0].components(separatedBy: " ").last ?? ""))
        XCTAssertTrue((60..<100).contains(percent), message)
        var configuration = CheckConfiguration()
        configuration.rules[.repetition] = RuleSetting(limit: percent)
        XCTAssertEqual(findings(.repetition, in: text, configuration: configuration).count, 1)
        configuration.rules[.repetition] = RuleSetting(limit: percent + 1)
        assertNoFinding(.repetition, in: text, configuration: configuration)
        configuration.rules[.repetition] = RuleSetting(limit: 1)
        XCTAssertEqual(findings(.repetition, in: try TestData.example("clean.vraag"), configuration: configuration).count, 1)
    }

    func testRecordsAreNotCheckedForRepetition() throws {
        // A corpus record is not a draft: it never repeats itself.
        let text = try TestData.seed("002")
        let found = Checker().check(question: Question.parse(text), text: text, corpus: TestData.seedsCorpus, today: TestData.today)
        XCTAssertFalse(found.contains { $0.code == .repetition })
    }

    func testExcludedRecordsAreSkipped() throws {
        let text = try TestData.example("repetition.vraag")
        let index = try XCTUnwrap(TestData.seedsCorpus.records.firstIndex { $0.number == 123 })
        let found = Checker().check(question: Question.parse(text), text: text, corpus: TestData.seedsCorpus,
                                    today: TestData.today, excludingRecords: [index])
        XCTAssertFalse(found.contains { $0.code == .repetition })
    }
}

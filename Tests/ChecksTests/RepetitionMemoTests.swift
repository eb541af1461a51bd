import Checks
import Corpus
import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// The server checks each draft with a `RepetitionMemo` of its own: the findings must
/// be exactly those of a check without one, keystroke after keystroke, and a memo
/// must never answer for another corpus, another file or other limits.
final class RepetitionMemoTests: XCTestCase {
    private func check(_ text: String, memo: RepetitionMemo?, corpus: Corpus = TestData.seedsCorpus,
                       configuration: CheckConfiguration = .default, path: String? = nil) -> [Finding] {
        Checker(configuration: configuration, repetitionMemo: memo)
            .check(question: Question.parse(text, as: .draft), text: text, corpus: corpus, today: TestData.today,
                   documentPath: path)
    }

    /// The repetition example typed in from nothing, then taken apart again, a few
    /// characters at a time: copy, rewording and nothing, in turn.
    func testEveryKeystrokeGivesTheFindingsOfACheckWithoutMemo() throws {
        let text = try TestData.example("repetition.vraag")
        let characters = Array(text)
        let memo = RepetitionMemo()
        var graded: Set<Severity> = []
        var steps = Array(stride(from: 0, through: characters.count, by: 7))
        steps += steps.reversed()
        for end in steps {
            let draft = String(characters[..<end])
            let withMemo = check(draft, memo: memo)
            XCTAssertEqual(withMemo, check(draft, memo: nil), "after \(end) characters")
            // The same text again: the kept decision.
            XCTAssertEqual(check(draft, memo: memo), withMemo, "again after \(end) characters")
            graded.formUnion(withMemo.filter { $0.code == .repetition }.map(\.severity))
        }
        XCTAssertTrue(graded.contains(.warning), "the whole example is a copy of seed nr. 123")
    }

    /// Only the terms count: spaces, line breaks and punctuation keep the decision,
    /// and the findings (ranges, fix) still follow the text.
    func testAKeptDecisionStillFollowsTheText() throws {
        let text = try TestData.example("repetition.vraag")
        let memo = RepetitionMemo()
        let first = check(text, memo: memo).filter { $0.code == .repetition }
        XCTAssertEqual(first.count, 1)
        let moved = "\n\n" + text.replacingOccurrences(of: "\n1.", with: "\n\n1.") + " ,"
        XCTAssertEqual(check(moved, memo: memo), check(moved, memo: nil))
        XCTAssertNotEqual(check(moved, memo: memo).first { $0.code == .repetition }?.range, first.first?.range)
    }

    /// Another corpus, another file, other limits: decided again.
    func testAKeptDecisionIsNotReusedForOtherInputs() throws {
        let text = try TestData.example("repetition.vraag")
        let memo = RepetitionMemo()
        XCTAssertFalse(check(text, memo: memo).filter { $0.code == .repetition }.isEmpty)
        // A corpus without the seed it copies.
        let other = CorpusLoader().load([])
        XCTAssertEqual(check(text, memo: memo, corpus: other), check(text, memo: nil, corpus: other))
        XCTAssertTrue(check(text, memo: memo, corpus: other).filter { $0.code == .repetition }.isEmpty)
        // Back on the seeds, the draft read from the very file of the seed it copies.
        let record = try XCTUnwrap(TestData.seedsCorpus.records.first { $0.number == 123 })
        if let path = record.source.filePath {
            XCTAssertEqual(check(text, memo: memo, path: path), check(text, memo: nil, path: path))
        }
        // A copy threshold above any overlap: at most a rewording.
        let flemish = Profile.flemishParliament
        let strict = CheckConfiguration(profile: Profile(
            id: flemish.id, displayName: flemish.displayName, wordLimit: flemish.wordLimit,
            titleLengthLimit: flemish.titleLengthLimit, maximumQuestions: flemish.maximumQuestions,
            requiresAddressee: flemish.requiresAddressee, repetitionThreshold: flemish.repetitionThreshold,
            repetitionCopyThreshold: 101))
        XCTAssertEqual(check(text, memo: memo, configuration: strict), check(text, memo: nil, configuration: strict))
        XCTAssertNotEqual(check(text, memo: memo, configuration: strict).first { $0.code == .repetition }?.severity,
                          .warning)
    }
}

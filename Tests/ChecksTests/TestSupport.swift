import Checks
import Corpus
import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

extension TestData {
    /// The embedded seeds, loaded once: the corpus every rule test checks against.
    static let seedsCorpus = CorpusLoader().load([.embeddedSeeds])

    /// A fixed "today", so tests do not depend on the clock.
    static let today = DutchDate(year: 2024, month: 6, day: 1)!
}

/// Checks `text` as a draft (unless it is a corpus layout) against the seeds.
func check(_ text: String, configuration: CheckConfiguration = .default, corpus: Corpus = TestData.seedsCorpus,
           today: DutchDate = TestData.today) -> [Finding] {
    Checker(configuration: configuration).check(text: text, corpus: corpus, today: today)
}

func findings(_ code: RuleCode, in text: String, configuration: CheckConfiguration = .default,
              corpus: Corpus = TestData.seedsCorpus) -> [Finding] {
    check(text, configuration: configuration, corpus: corpus).filter { $0.code == code }
}

/// Asserts that `code` fires exactly once on `text`, on exactly `expected`; returns it.
@discardableResult
func assertFinding(_ code: RuleCode, in text: String, at expected: String,
                   configuration: CheckConfiguration = .default, corpus: Corpus = TestData.seedsCorpus,
                   file: StaticString = #filePath, line: UInt = #line) -> Finding? {
    let found = findings(code, in: text, configuration: configuration, corpus: corpus)
    guard found.count == 1, let finding = found.first else {
        XCTFail("expected one \(code) finding, got \(found.count): \(found.map { text.slice($0.range) })", file: file, line: line)
        return nil
    }
    XCTAssertEqual(text.slice(finding.range), expected, "range of \(code)", file: file, line: line)
    XCTAssertFalse(finding.message.isEmpty, file: file, line: line)
    return finding
}

func assertNoFinding(_ code: RuleCode, in text: String, configuration: CheckConfiguration = .default,
                     corpus: Corpus = TestData.seedsCorpus, file: StaticString = #filePath, line: UInt = #line) {
    let found = findings(code, in: text, configuration: configuration, corpus: corpus)
    XCTAssertTrue(found.isEmpty, "unexpected \(code): \(found.map { text.slice($0.range) })", file: file, line: line)
}

/// Applies the first fix of the one `code` finding in `before`, asserts the result is
/// `after`, and that checking `after` no longer reports `code`.
func assertFix(_ code: RuleCode, before: String, after: String, fixIndex: Int = 0,
               configuration: CheckConfiguration = .default, corpus: Corpus = TestData.seedsCorpus,
               file: StaticString = #filePath, line: UInt = #line) {
    let found = findings(code, in: before, configuration: configuration, corpus: corpus)
    guard let finding = found.first, finding.fixes.count > fixIndex else {
        XCTFail("no \(code) finding with a fix \(fixIndex) in: \(before)", file: file, line: line)
        return
    }
    let fixed = finding.fixes[fixIndex].applied(to: before)
    XCTAssertEqual(fixed, after, "text after the fix ‘\(finding.fixes[fixIndex].title)’", file: file, line: line)
    let remaining = findings(code, in: fixed, configuration: configuration, corpus: corpus)
    XCTAssertTrue(remaining.isEmpty, "\(code) still fires after its fix: \(remaining.map(\.message))", file: file, line: line)
}

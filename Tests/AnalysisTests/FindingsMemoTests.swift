@testable import Analysis
import Checks
import Corpus
import QuestionModel
import TestSupport
import XCTest

/// The server keeps each open document's last findings (`FindingsMemo`) for the other
/// requests of the same version. Kept findings must be exactly a fresh check's, and
/// never answer for another text, path, corpus, configuration, day or corpus state.
final class FindingsMemoTests: XCTestCase {
    private static let corpus = CorpusLoader().load([.embeddedSeeds])
    private static let today = DutchDate(year: 2024, month: 6, day: 1)!

    private func snapshot(_ text: String, path: String = "/w/a.vraag", corpus: Corpus = corpus,
                          configuration: Configuration = .default, today: DutchDate = today,
                          usesCorpus: Bool = true, memo: FindingsMemo? = nil) -> AnalysisSnapshot {
        var snapshot = AnalysisSnapshot(document: DocumentSnapshot(path: path, text: text), corpus: corpus,
                                        configuration: configuration, today: today, usesCorpus: usesCorpus)
        snapshot.findingsMemo = memo
        return snapshot
    }

    /// The memo filled by `first`, then asked for `second`: `second`'s own findings,
    /// which differ from `first`'s (else the case would prove nothing).
    private func assertNotServedAcross(_ first: AnalysisSnapshot, _ second: AnalysisSnapshot, _ what: String,
                                       file: StaticString = #filePath, line: UInt = #line) {
        let memo = FindingsMemo()
        var first = first, second = second
        let fresh = second.findings()
        XCTAssertNotEqual(first.findings(), fresh, "\(what): the two checks must differ", file: file, line: line)
        first.findingsMemo = memo
        second.findingsMemo = memo
        _ = first.findings()
        XCTAssertNil(memo.findings(for: second.findingsKey), what, file: file, line: line)
        XCTAssertEqual(second.findings(), fresh, what, file: file, line: line)
    }

    func testTheSameCheckIsServedAndEqualsAFreshOne() throws {
        let text = try TestData.example("citation-date-future.vraag")
        let memo = FindingsMemo()
        let fresh = snapshot(text).findings()
        XCTAssertFalse(fresh.isEmpty)
        XCTAssertEqual(snapshot(text, memo: memo).findings(), fresh)
        XCTAssertEqual(memo.findings(for: snapshot(text).findingsKey), fresh, "kept")
        // The same text in storage of its own (another version with the same text) is the same check.
        let copy = String(decoding: Array(text.utf8), as: UTF8.self)
        XCTAssertEqual(memo.findings(for: snapshot(copy).findingsKey), fresh)
        XCTAssertEqual(snapshot(copy, memo: memo).findings(), fresh)
    }

    func testAnotherTextIsCheckedAgain() throws {
        let text = try TestData.example("citation-date-future.vraag")
        assertNotServedAcross(snapshot(text), snapshot(text.replacingOccurrences(of: "2032", with: "2022")), "text")
    }

    func testAnotherDayIsCheckedAgain() throws {
        let text = try TestData.example("citation-date-future.vraag")
        assertNotServedAcross(snapshot(text), snapshot(text, today: DutchDate(year: 2040, month: 1, day: 1)!), "today")
    }

    func testAnotherConfigurationIsCheckedAgain() throws {
        let text = try TestData.example("citation-date-future.vraag")
        var configuration = Configuration.default
        configuration.checks.rules[.citationDateFuture] = RuleSetting(severity: .off)
        assertNotServedAcross(snapshot(text), snapshot(text, configuration: configuration), "configuration")
    }

    func testAnotherCorpusOrNoCorpusYetIsCheckedAgain() throws {
        let text = try TestData.example("repetition.vraag")
        assertNotServedAcross(snapshot(text), snapshot(text, corpus: .empty), "corpus")
        // Another load of the same files is another corpus in memory: checked again, with the same result.
        let memo = FindingsMemo()
        let findings = snapshot(text, memo: memo).findings()
        let reloaded = CorpusLoader().load([.embeddedSeeds])
        XCTAssertNil(memo.findings(for: snapshot(text, corpus: reloaded).findingsKey))
        XCTAssertEqual(snapshot(text, corpus: reloaded, memo: memo).findings(), findings)
        assertNotServedAcross(snapshot(text), snapshot(text, usesCorpus: false), "corpus not in use yet")
    }

    /// Silences are per draft path: the same text at another path has its own findings.
    func testAnotherPathIsCheckedAgain() throws {
        let text = try TestData.example("citation-date-future.vraag")
        let finding = try XCTUnwrap(snapshot(text).findings().first { $0.code == .citationDateFuture })
        var configuration = Configuration.default
        configuration.silences[try XCTUnwrap(Configuration.silenceKey("/w/a.vraag"))] = [Silence(finding, in: Array(text.utf8))]
        assertNotServedAcross(snapshot(text, configuration: configuration),
                              snapshot(text, path: "/w/b.vraag", configuration: configuration), "path")
    }
}

import Checks
import Foundation
import QuestionModel
import TestSupport
import XCTest

/// `not-dutch`: an information when a text is clearly not Dutch, never on Dutch text.
final class NotDutchTests: XCTestCase {
    func testFrenchCitationLineGetsTheFinding() throws {
        let text = "question écrite n° 123 du 26 janvier 2024\n"
        let finding = try XCTUnwrap(assertFinding(.notDutch, in: text, at: "question écrite n° 123 du 26 janvier 2024"))
        XCTAssertEqual(finding.severity, .information)
        XCTAssertTrue(finding.message.contains("Nederlands"), finding.message)
        XCTAssertTrue(finding.message.contains("The checks assume Dutch"), finding.message)
    }

    func testFrenchAndEnglishDrafts() {
        let english = "aan: Gwendolyn Rutten\n\nIntegration certificates - Recognition by employers\n\n"
            + "Following written question no. 123, I would like to know how many employers ask for the certificate.\n\n"
            + "1. How many employers asked for the certificate in 2023?\n2. Will the minister start a campaign with the employers?\n"
        assertFinding(.notDutch, in: english, at: "Integration certificates - Recognition by employers")
        let german = "Integrationsbescheinigungen - Anerkennung\n\nWie viele Arbeitgeber kennen die Bescheinigung und ist das auch für die Ministerin ein Thema?\n"
        XCTAssertEqual(findings(.notDutch, in: german).count, 1)
    }

    /// Dutch that quotes another language stays silent, and so do short Dutch drafts.
    func testDutchDraftsAreNotFlagged() throws {
        let quoting = try TestData.example("clean.vraag")
            + "\nHet rapport ‘The future of work and the role of employers’ van de OESO zegt dat ook.\n"
        assertNoFinding(.notDutch, in: quoting)
        assertNoFinding(.notDutch, in: "Fietspaden - Onderhoud\n\n1. Hoeveel?\n")
        for name in try FileManager.default.contentsOfDirectory(atPath: TestData.examplesFolder.path)
            where name.hasSuffix(".vraag") && name != "not-dutch.vraag" {
            assertNoFinding(.notDutch, in: try TestData.example(name))
        }
    }

    /// No record of the real corpus (3,811 Dutch questions of the federal Chamber) and
    /// no seed is flagged.
    func testNoKamerRecordOrSeedIsFlagged() throws {
        let folder = TestData.kamerCorpus.path
        guard FileManager.default.fileExists(atPath: folder) else {
            throw XCTSkip("../shared/corpora/kamer-2017 is not beside the repository")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        XCTAssertEqual(names.count, 3811)
        let checker = Checker(configuration: CheckConfiguration(rules: Dictionary(uniqueKeysWithValues:
            RuleCode.allCases.map { ($0, RuleSetting(severity: $0 == .notDutch ? nil : .off)) })))
        var flagged: [String] = []
        for name in names {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            if !checker.check(text: text, corpus: TestData.seedsCorpus, today: TestData.today).isEmpty { flagged.append(name) }
        }
        for prefix in ["000", "001", "002", "003", "004"] {
            if !checker.check(text: try TestData.seed(prefix), corpus: TestData.seedsCorpus, today: TestData.today).isEmpty {
                flagged.append(prefix)
            }
        }
        XCTAssertEqual(flagged, [])
    }
}

import Checks
import Corpus
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// One test per structure rule: it fires on its example at the exact range, stays
/// silent on `examples/clean.vraag`, and its fix makes it go away.
final class StructureRuleTests: XCTestCase {
    /// A missing example fails the test: it must not pass on an empty text.
    private var clean: String {
        do { return try TestData.example("clean.vraag") } catch {
            XCTFail("\(error)")
            return ""
        }
    }
    private let europeanParliament = CheckConfiguration(profile: .europeanParliament)

    func testCleanExampleHasNoFindings() throws {
        let text = try TestData.example("clean.vraag")
        XCTAssertEqual(check(text).map(\.code), [])
        XCTAssertEqual(check(text, configuration: europeanParliament).map(\.code), [])
    }

    func testTitleMissing() throws {
        let text = try TestData.example("title-missing.vraag")
        assertFinding(.titleMissing, in: text,
                      at: "Werkgevers kennen het inburgeringsattest nog te weinig. Het attest toont aan dat een")
        assertNoFinding(.titleMissing, in: clean)
        assertFix(.titleMissing, before: text, after: text.replacingOccurrences(
            of: "\nWerkgevers kennen", with: "\nOnderwerp - Specificatie\n\nWerkgevers kennen"))
        // An empty draft, and a draft that is only a header.
        assertFinding(.titleMissing, in: "", at: "")
        assertFix(.titleMissing, before: "aan: Gwendolyn Rutten",
                  after: "aan: Gwendolyn Rutten\n\nOnderwerp - Specificatie\n")
    }

    func testTitleFormat() throws {
        let text = try TestData.example("title-format.vraag")
        assertFinding(.titleFormat, in: text, at: "Inburgeringsattesten: erkenning door werkgevers")
        assertNoFinding(.titleFormat, in: clean)
        assertFix(.titleFormat, before: text, after: text.replacingOccurrences(
            of: "Inburgeringsattesten: erkenning", with: "Inburgeringsattesten - erkenning"))
        // Without a colon there is no fix, but still a finding.
        let noSeparator = "Inburgeringsattesten bij werkgevers\n\nTekst.\n\n1. Hoeveel?\n"
        XCTAssertEqual(assertFinding(.titleFormat, in: noSeparator, at: "Inburgeringsattesten bij werkgevers")?.fixes, [])
        assertFinding(.titleFormat, in: "Inburgeringsattesten -\n\nTekst.\n\n1. Hoeveel?\n", at: "Inburgeringsattesten -")
    }

    func testTitleSeparator() throws {
        let text = try TestData.example("title-separator.vraag")
        assertFinding(.titleSeparator, in: text, at: "  -  ")
        assertNoFinding(.titleSeparator, in: clean)
        assertFix(.titleSeparator, before: text, after: text.replacingOccurrences(of: "  -  ", with: " - "))
        assertFinding(.titleSeparator, in: "Inburgering – Attesten\n\nTekst.\n\n1. Hoeveel?\n", at: " – ")
    }

    func testTitleTooLong() throws {
        let text = try TestData.example("title-too-long.vraag")
        // The title has 123 characters (one `é`): the range starts at character 101.
        assertFinding(.titleTooLong, in: text, at: "tor en de social profit")
        assertNoFinding(.titleTooLong, in: clean)
        var configuration = CheckConfiguration()
        configuration.rules[.titleTooLong] = RuleSetting(limit: 123)
        assertNoFinding(.titleTooLong, in: text, configuration: configuration)
        configuration.rules[.titleTooLong] = RuleSetting(limit: 40)
        assertFinding(.titleTooLong, in: clean, at: "rkgevers", configuration: configuration)
    }

    func testTitlePunctuation() throws {
        let text = try TestData.example("title-punctuation.vraag")
        assertFinding(.titlePunctuation, in: text, at: "?")
        assertNoFinding(.titlePunctuation, in: clean)
        assertFix(.titlePunctuation, before: text, after: text.replacingOccurrences(of: "het attest?\n", with: "het attest\n"))
        assertFix(.titlePunctuation, before: "Attesten - Stand van zaken .\n\nTekst.\n\n1. Hoeveel?\n",
                  after: "Attesten - Stand van zaken\n\nTekst.\n\n1. Hoeveel?\n")
    }

    func testAddresseeMissing() throws {
        let text = try TestData.example("addressee-missing.vraag")
        assertFinding(.addresseeMissing, in: text, at: "Inburgering - Erkenning van attesten in andere lidstaten",
                      configuration: europeanParliament)
        assertNoFinding(.addresseeMissing, in: text, configuration: .default)
        assertNoFinding(.addresseeMissing, in: clean, configuration: europeanParliament)
        assertFix(.addresseeMissing, before: text, after: "aan: Naam van de adressaat\n\n" + text,
                  configuration: europeanParliament)
    }

    func testIntroductionMissing() throws {
        let text = try TestData.example("introduction-missing.vraag")
        assertFinding(.introductionMissing, in: text, at: "1.")
        assertNoFinding(.introductionMissing, in: clean)
        // Context in the first item's own opening paragraph counts (as in `003_*`).
        assertNoFinding(.introductionMissing, in: """
            Begroting 2023 - Inburgering

            1. Op 1 juli 2022 werd het decreet goedgekeurd.

            Kan de minister de impact toelichten?
            """)
    }

    func testQuestionsMissing() throws {
        let text = try TestData.example("questions-missing.vraag")
        assertFinding(.questionsMissing, in: text, at: """
            Werkgevers kennen het inburgeringsattest nog te weinig. Het attest toont aan dat een
            nieuwkomer het traject heeft afgerond.
            """)
        assertNoFinding(.questionsMissing, in: clean)
        assertNoFinding(.questionsMissing, in: try TestData.example("questions-unnumbered.vraag"))
        assertFinding(.questionsMissing, in: "Inburgering - Attesten\n", at: "Inburgering - Attesten")
    }

    func testQuestionsUnnumbered() throws {
        let text = try TestData.example("questions-unnumbered.vraag")
        assertFinding(.questionsUnnumbered, in: text, at: "Hoeveel werkgevers vroegen in 2023 naar een inburgeringsattest?")
        assertNoFinding(.questionsUnnumbered, in: clean)
        assertFix(.questionsUnnumbered, before: text, after: text.replacingOccurrences(
            of: "\nHoeveel werkgevers", with: "\n1. Hoeveel werkgevers"))
    }

    func testNumbering() throws {
        let text = try TestData.example("numbering.vraag")
        let finding = assertFinding(.numbering, in: text, at: "4.")
        XCTAssertTrue(finding?.message.contains("nummer 3 ontbreekt") == true, finding?.message ?? "")
        assertNoFinding(.numbering, in: clean)
        assertFix(.numbering, before: text, after: text.replacingOccurrences(of: "4. Overweegt", with: "3. Overweegt"))

        let intro = "Inburgering - Attesten\n\nTekst.\n\n"
        // A repeat, disorder, a start other than 1: one finding at the first marker off,
        // and one fix that renumbers everything.
        let repeated = intro + "1. Wie?\n2. Wat?\n2. Waar?\n3. Hoe?\n"
        XCTAssertTrue(assertFinding(.numbering, in: repeated, at: "2.")?.message.contains("twee keer") == true)
        XCTAssertEqual(check(repeated).first { $0.code == .numbering }.map { repeated.slice($0.range) }, "2.")
        XCTAssertEqual(findings(.numbering, in: repeated).first?.range.start, repeated.utf8Offset(of: "2. Waar"))
        assertFix(.numbering, before: repeated, after: intro + "1. Wie?\n2. Wat?\n3. Waar?\n4. Hoe?\n")
        let disordered = intro + "1. Wie?\n3. Wat?\n2. Waar?\n"
        assertFix(.numbering, before: disordered, after: intro + "1. Wie?\n2. Wat?\n3. Waar?\n")
        let startsAtTwo = intro + "2. Wie?\n3. Wat?\n"
        XCTAssertTrue(assertFinding(.numbering, in: startsAtTwo, at: "2.")?.message.contains("begint bij 2.") == true)
        assertFix(.numbering, before: startsAtTwo, after: intro + "1. Wie?\n2. Wat?\n")
    }

    func testSubItemOrder() throws {
        let text = try TestData.example("sub-item-order.vraag")
        assertFinding(.subItemOrder, in: text, at: "c)")
        assertNoFinding(.subItemOrder, in: clean)
        assertFix(.subItemOrder, before: text, after: text
            .replacingOccurrences(of: "c) per provincie", with: "b) per provincie")
            .replacingOccurrences(of: "d) per grootte", with: "c) per grootte"))
    }

    func testItemAsksNothing() throws {
        let text = try TestData.example("item-asks-nothing.vraag")
        assertFinding(.itemAsksNothing, in: text, at: "2. Het attest wordt sinds 2022 uitgereikt door de agentschappen.")
        assertNoFinding(.itemAsksNothing, in: clean)
        // Requests without a question mark, as the seeds write them, are questions.
        let intro = "Inburgering - Attesten\n\nTekst.\n\n"
        for request in [
            "1. Graag een overzicht per provincie.",
            "1. Gelieve de cijfers per jaar te bezorgen.",
            "1. Kan de minister de cijfers per provincie meedelen.",
            "1. Hoeveel attesten werden in 2023 uitgereikt.",
            "1. Welke initiatieven nam de minister in 2023.",
            "1. Ik vraag de minister om een overzicht per jaar.",
            "1. Kan de minister een overzicht geven van het aantal uitnodigingen:\na) per agentschap;\nb) per provincie.",
        ] {
            assertNoFinding(.itemAsksNothing, in: intro + request + "\n")
        }
        // Items that list what the introduction's last sentence asks for.
        assertNoFinding(.itemAsksNothing, in: """
            Inburgering - Attesten

            Graag had ik volgende gegevens per jaar:

            1. het aantal uitgereikte attesten;
            2. het aantal attesten per provincie.
            """)
    }

    func testItemEmpty() throws {
        let text = try TestData.example("item-empty.vraag")
        assertFinding(.itemEmpty, in: text, at: "2.")
        assertNoFinding(.itemEmpty, in: clean)
        assertFix(.itemEmpty, before: text, after: text.replacingOccurrences(of: "2.\n", with: ""))
        let emptySubItem = "Inburgering - Attesten\n\nTekst.\n\n1. Graag een overzicht:\na) per jaar;\nb)\n"
        assertFinding(.itemEmpty, in: emptySubItem, at: "b)")
        assertFix(.itemEmpty, before: emptySubItem, after: "Inburgering - Attesten\n\nTekst.\n\n1. Graag een overzicht:\na) per jaar;\n")
    }

    func testWordLimit() throws {
        let text = try TestData.example("word-limit.vraag")
        let finding = singleFinding(.wordLimit, in: text, configuration: europeanParliament)
        // The range starts at the 201st word and runs to the end of the question part.
        if let finding {
            XCTAssertTrue(text.slice(finding.range).hasPrefix("waar ze aan toe zijn."))
            XCTAssertTrue(text.slice(finding.range).hasSuffix("volgens welke timing?"))
            XCTAssertTrue(finding.message.contains("256 woorden"), finding.message)
        }
        assertNoFinding(.wordLimit, in: text, configuration: .default)
        assertNoFinding(.wordLimit, in: clean, configuration: europeanParliament)
        var tight = CheckConfiguration()
        tight.rules[.wordLimit] = RuleSetting(limit: 5)
        // Markers do not count as words: `1.` is skipped.
        assertFinding(.wordLimit, in: "Titel - Spec\n\nEen twee drie.\n\n1. Vier vijf zes?\n",
                      at: "zes?", configuration: tight)
    }

    func testTooManyQuestions() throws {
        let text = try TestData.example("too-many-questions.vraag")
        assertFinding(.tooManyQuestions, in: text, at: "4. Overweegt de Commissie een aanbeveling aan de lidstaten?",
                      configuration: europeanParliament)
        assertNoFinding(.tooManyQuestions, in: text, configuration: .default)
        assertNoFinding(.tooManyQuestions, in: clean, configuration: europeanParliament)
    }
}

extension String {
    func utf8Offset(of needle: String) -> Int? {
        guard let found = range(of: needle) else { return nil }
        return utf8.distance(from: utf8.startIndex, to: found.lowerBound)
    }
}

/// The one finding of `code`, for findings whose range the caller checks piecewise.
func singleFinding(_ code: RuleCode, in text: String, configuration: CheckConfiguration,
                   file: StaticString = #filePath, line: UInt = #line) -> Finding? {
    let found = findings(code, in: text, configuration: configuration)
    XCTAssertEqual(found.count, 1, "expected one \(code) finding", file: file, line: line)
    return found.first
}

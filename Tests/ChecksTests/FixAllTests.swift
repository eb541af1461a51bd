import Checks
import Corpus
import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// `source.fixAll`: certain fixes only, to a fixed point, in the document's line ending.
final class FixAllTests: XCTestCase {
    private func fixAll(_ text: String) -> String {
        Checker().fixAll(text: text, corpus: TestData.seedsCorpus, today: TestData.today)
    }

    /// Findings left after fixAll that a certain fix could still remove.
    private func fixableLeft(_ text: String) -> [String] {
        check(text).filter { $0.fixes.contains(where: \.isCertain) }.map { "\($0.code): \($0.message)" }
    }

    func testGuessesAreNotApplied() throws {
        // A placeholder title, the last day of the month, another cited date, `mijn` -> `de`.
        for name in ["title-missing", "date-impossible", "citation-date-mismatch", "citation-author", "repetition",
                     "addressee-missing", "questions-unnumbered", "citation-date-missing"] {
            let text = try TestData.example("\(name).vraag")
            let configuration = ExamplesTests.europeanParliamentExamples.contains(name)
                ? CheckConfiguration(profile: .europeanParliament) : .default
            let found = check(text, configuration: configuration)
            XCTAssertFalse(found.isEmpty, name)
            // The guess is still offered on its own.
            let fixes = found.flatMap(\.fixes)
            XCTAssertFalse(fixes.isEmpty, "\(name) offers a quick fix")
            XCTAssertFalse(fixes.contains(where: \.isCertain), "\(name): \(fixes.map(\.title))")
            XCTAssertEqual(Checker(configuration: configuration).fixAll(text: text, corpus: TestData.seedsCorpus,
                                                                        today: TestData.today), text, name)
        }
    }

    /// The issue's draft: a placeholder title above nothing, 31 februari, a cited date,
    /// and an empty item between numbered ones.
    func testFixAllOnADraftWithSeveralDefects() {
        let text = """
            aan: Gwendolyn Rutten
            van: Jan Peeters

            Inburgeringsattesten: erkenning door werkgevers?

            In opvolging van SV nr. 123 van 26/01/2024 en van mijn schriftelijke vraag nr. 123 van 27 januari 2024
            vraag ik naar de cijfers van 31 februari 2023.

            1. Hoeveel werkgevers kennen het attest?

            2.

            4. Overweegt de minister een campagne:
            a) per sector;
            c) per provincie?

            5. Wanneer start die campagne?

            """
        let fixed = fixAll(text)
        XCTAssertEqual(fixed, """
            aan: Gwendolyn Rutten
            van: Jan Peeters

            Inburgeringsattesten - erkenning door werkgevers

            In opvolging van schriftelijke vraag nr. 123 van 26 januari 2024 en van mijn schriftelijke vraag nr. 123 van 27 januari 2024
            vraag ik naar de cijfers van 31 februari 2023.

            1. Hoeveel werkgevers kennen het attest?

            2. Overweegt de minister een campagne:
            a) per sector;
            b) per provincie?

            3. Wanneer start die campagne?

            """)
        XCTAssertEqual(fixAll(fixed), fixed, "idempotent")
        XCTAssertEqual(fixableLeft(fixed), [])
        // What is left are the guesses, for the member: the date and the cited date.
        XCTAssertEqual(Set(check(fixed).map(\.code)), [.dateImpossible, .citationDateMismatch])
    }

    func testRemovingAnEmptyItemRenumbersTheRest() {
        let text = "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Hoeveel?\n\n2. Waar?\n\n3.\n\n4. Wanneer?\n\n5. Hoe?\n"
        let finding = try? XCTUnwrap(findings(.itemEmpty, in: text).first)
        let fix = finding?.fixes.first
        XCTAssertEqual(fix?.isCertain, true)
        let fixed = fix?.applied(to: text) ?? ""
        XCTAssertEqual(fixed, "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Hoeveel?\n\n2. Waar?\n\n3. Wanneer?\n\n4. Hoe?\n")
        XCTAssertEqual(check(fixed).map(\.code), [])
        // A sub-item: the ones after it are relettered.
        let subItems = "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Graag een overzicht:\na) per provincie;\nb)\nc) per gemeente.\n"
        assertFix(.itemEmpty, before: subItems,
                  after: "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Graag een overzicht:\na) per provincie;\nb) per gemeente.\n")
    }

    func testFixesKeepTheLineEnding() throws {
        let crlf = try TestData.example("title-missing.vraag").replacingOccurrences(of: "\n", with: "\r\n")
        let titleFix = try XCTUnwrap(findings(.titleMissing, in: crlf).first?.fixes.first)
        XCTAssertEqual(titleFix.edits.first?.newText, "Onderwerp - Specificatie\r\n\r\n")
        let applied = titleFix.applied(to: crlf)
        XCTAssertFalse(applied.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "no bare LF: \(applied.debugDescription)")
        let empty = "Fietspaden - Onderhoud\r\n\r\nDe paden zijn slecht.\r\n\r\n1. Hoeveel?\r\n\r\n2.\r\n\r\n3. Wanneer?\r\n"
        let fixed = fixAll(empty)
        XCTAssertEqual(fixed, "Fietspaden - Onderhoud\r\n\r\nDe paden zijn slecht.\r\n\r\n1. Hoeveel?\r\n\r\n2. Wanneer?\r\n")
    }

    /// fixAll(fixAll(x)) == fixAll(x), and nothing certain is left: over the examples,
    /// the seeds and generated drafts with several defects each.
    func testFixAllIsIdempotentAndComplete() throws {
        var texts: [String] = []
        let examples = try FileManager.default.contentsOfDirectory(atPath: TestData.examplesFolder.path)
            .filter { $0.hasSuffix(".vraag") }.sorted()
        texts += try examples.map { try TestData.example($0) }
        texts += try ["000", "001", "002", "003", "004"].map { try TestData.seed($0) }
        var generator = DraftGenerator(seed: 14)
        texts += (0..<150).map { _ in generator.next() }
        var changed = 0
        for text in texts {
            let once = fixAll(text)
            if once != text { changed += 1 }
            XCTAssertEqual(fixAll(once), once, "not idempotent:\n\(text)")
            XCTAssertEqual(fixableLeft(once), [], "left fixable:\n\(once)")
            // The fix removes nothing but defects: every question and sub-item asked is still there.
            func asked(_ text: String) -> [String] {
                Question.parse(text).numberedQuestions.filter { !$0.text.isEmpty }.flatMap { item in
                    [String(item.text.prefix { $0 != "\n" && $0 != "\r\n" })] + item.subItems.map(\.text).filter { !$0.isEmpty }
                }
            }
            XCTAssertEqual(asked(once), asked(text))
        }
        XCTAssertGreaterThan(changed, 100, "the generated drafts have defects to fix")
    }
}

/// Drafts with random certain and uncertain defects: skipped, repeated and empty
/// numbers, sub-items out of order or empty, a title with a colon, end punctuation or
/// a double-spaced dash, a non-canonical citation, an impossible date, CRLF, pasted
/// no-break spaces. Deterministic for a seed.
struct DraftGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 6364136223846793005 &+ 1442695040888963407 }

    private mutating func random(_ bound: Int) -> Int {
        state = state &* 6364136223846793005 &+ 1442695040888963407
        return Int((state >> 33) % UInt64(bound))
    }

    private mutating func chance(_ percent: Int) -> Bool { random(100) < percent }

    mutating func next() -> String {
        let titles = ["Inburgeringsattesten - Erkenning door werkgevers", "Fietspaden - Onderhoud",
                      "Kinderopvang - Wachtlijsten"]
        var title = titles[random(titles.count)]
        switch random(5) {
        case 0: title = title.replacingOccurrences(of: " - ", with: ": ")
        case 1: title += "?"
        case 2: title = title.replacingOccurrences(of: " - ", with: "  -  ")
        case 3: title += "."
        default: break
        }
        var lines = ["aan: Gwendolyn Rutten", "van: Jan Peeters", "", title, ""]
        var introduction = "Het beleid roept vragen op."
        if chance(40) { introduction += " Zie SV nr. 123 van 26/01/2024." }
        if chance(20) { introduction += " Ik verwijs naar de cijfers van 31 april 2023." }
        lines += [introduction, ""]
        let count = 2 + random(5)
        var number = 1
        for index in 0..<count {
            var marker = number
            if chance(15) { marker += 1 + random(2) }
            if chance(8), index > 0 { marker = number - 1 }
            number = marker + 1
            let style = random(4)
            let label = style == 1 ? "\(marker))" : style == 2 ? "(\(marker))" : "\(marker)."
            if chance(12) {
                lines += [label, ""]
                continue
            }
            let separator = chance(20) ? "\u{00A0}" : " "
            if chance(35) {
                lines.append(label + separator + "Kan de minister een overzicht geven:")
                var letters = Array("abcd".prefix(2 + random(3)))
                if chance(30) { letters.swapAt(0, letters.count - 1) }
                for (position, letter) in letters.enumerated() {
                    let last = position == letters.count - 1
                    lines.append(chance(10) && !last ? "\(letter))" : "\(letter)) per jaar \(position + 1)\(last ? "?" : ";")")
                }
            } else {
                lines.append(label + separator + "Hoeveel dossiers waren er in 202\(index)?")
            }
            lines.append("")
        }
        let text = lines.joined(separator: "\n")
        return chance(30) ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    }
}

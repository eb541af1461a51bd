import Checks
import Corpus
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// Text pasted from a word processor: no-break spaces, tabs, soft hyphens, zero-width
/// spaces, curly quotes, CRLF and other list markers read as their plain equivalents,
/// while every range still points into the text as written.
final class PastedTextTests: XCTestCase {
    static let nbsp = "\u{00A0}", narrowNBSP = "\u{202F}", softHyphen = "\u{00AD}", zeroWidth = "\u{200B}"

    /// A draft with defects a pasted copy must keep: a skipped number, a cited number
    /// on the wrong date, an item that asks nothing, a title ending in `?`.
    static let plain = """
        aan: Gwendolyn Rutten
        van: Jan Peeters
        datum: 4 maart 2024

        Inburgeringsattesten - Erkennen werkgevers het attest?

        In opvolging van schriftelijke vraag nr. 123 van 27 januari 2024 wil ik nagaan hoe
        werkgevers het "inburgeringsattest" gebruiken bij een aanwerving. Het attest toont aan dat een
        nieuwkomer het traject heeft afgerond.

        1. Hoeveel werkgevers vroegen in 2023 naar een inburgeringsattest bij een sollicitatie?

        2. Kan de minister een overzicht geven van de initiatieven om werkgevers te informeren:
        a) per sector;
        b) per provincie;
        c) per jaar?

        4. Het attest wordt sinds 2022 uitgereikt door de agentschappen.

        5. Overweegt de minister een campagne met de werkgeversorganisaties?

        """

    /// The same draft as a word processor pastes it.
    static var pasted: String {
        plain
            .replacingOccurrences(of: "2. Kan", with: "2.\(nbsp)Kan")
            .replacingOccurrences(of: "a) per", with: "a)\tper")
            .replacingOccurrences(of: "b) per", with: "b)\(nbsp)per")
            .replacingOccurrences(of: "c) per", with: "c)\(narrowNBSP)per")
            .replacingOccurrences(of: "nr. 123", with: "nr.\(nbsp)123")
            .replacingOccurrences(of: "27 januari 2024", with: "27\(nbsp)januari\(nbsp)2024")
            .replacingOccurrences(of: "aanwerving", with: "aan\(softHyphen)wer\(softHyphen)ving")
            .replacingOccurrences(of: "Hoeveel", with: "Hoe\(softHyphen)veel")
            .replacingOccurrences(of: "werkgevers het", with: "werk\(zeroWidth)gevers het")
            .replacingOccurrences(of: "\"inburgeringsattest\"", with: "“inburgeringsattest”")
            .replacingOccurrences(of: "4. Het", with: "4.\tHet")
            .replacingOccurrences(of: "Erkennen werkgevers", with: "Erkennen\(nbsp)werkgevers")
            .replacingOccurrences(of: "\n", with: "\r\n")
    }

    private struct Seen: Equatable, CustomStringConvertible {
        let code: RuleCode, severity: Severity, message: String
        var description: String { "\(code) \(severity): \(message)" }
    }

    private func seen(_ text: String) -> [Seen] {
        check(text).map { Seen(code: $0.code, severity: $0.severity, message: $0.message) }
    }

    func testPastedDraftGetsExactlyTheFindingsOfItsPlainTwin() {
        let plain = seen(Self.plain)
        XCTAssertEqual(Set(plain.map(\.code)),
                       [.titlePunctuation, .numbering, .itemAsksNothing, .citationDateMismatch], "\(plain)")
        XCTAssertEqual(seen(Self.pasted), plain)
    }

    func testPastedDraftKeepsRangesIntoTheTextAsWritten() throws {
        let text = Self.pasted
        let question = Question.parse(text)
        XCTAssertEqual(question.numberedQuestions.map(\.number), [1, 2, 4, 5])
        XCTAssertEqual(question.numberedQuestions[1].subItems.map(\.letter), ["a", "b", "c"])
        XCTAssertEqual(text.slice(question.numberedQuestions[1].subItems[1].markerRange), "b)")
        XCTAssertEqual(text.slice(question.numberedQuestions[1].subItems[1].textRange), "per provincie;")
        XCTAssertEqual(text.slice(question.numberedQuestions[2].markerRange), "4.")
        // The citation resolves: number and date read through the no-break spaces.
        let citation = try XCTUnwrap(question.citations.first)
        XCTAssertEqual(citation.number, 123)
        XCTAssertEqual(citation.date, DutchDate(year: 2024, month: 1, day: 27))
        XCTAssertEqual(text.slice(citation.range), "schriftelijke vraag nr.\(Self.nbsp)123 van 27\(Self.nbsp)januari\(Self.nbsp)2024")
        let mismatch = try XCTUnwrap(check(text).first { $0.code == .citationDateMismatch })
        XCTAssertEqual(text.slice(mismatch.range), "27\(Self.nbsp)januari\(Self.nbsp)2024")
        XCTAssertEqual(mismatch.fixes.first?.edits.first?.newText, "26 januari 2024")
    }

    /// The report: a no-break space after `b)` hid the sub-item, so `sub-item-order`
    /// fired and the fix turned `b)` into a second `a)`.
    func testNoBreakSpaceAfterASubItemMarker() {
        let text = "Fietspaden - Onderhoud\n\nDe fietspaden liggen er slecht bij.\n\n"
            + "1. Kan de minister een overzicht geven:\n" + "a)\(Self.nbsp)per provincie;\n"
            + "b)\(Self.nbsp)per gemeente?\n" + "2.\(Self.nbsp)Wanneer start de minister met het herstel?\n"
        XCTAssertEqual(check(text).map(\.code), [])
        let question = Question.parse(text)
        XCTAssertEqual(question.numberedQuestions.map(\.number), [1, 2])
        XCTAssertEqual(question.numberedQuestions.first?.subItems.map(\.letter), ["a", "b"])
    }

    func testCitationWithANoBreakSpaceAfterNr() throws {
        let citation = try XCTUnwrap(CitationScanner.citations(in: "Zie vraag nr.\(Self.nbsp)123 van 26 januari 2024.").first)
        XCTAssertEqual(citation.number, 123)
        XCTAssertEqual(citation.date, DutchDate(year: 2024, month: 1, day: 26))
        XCTAssertTrue(citation.isCanonical == false)
        // After a no-break space a citation still starts a word.
        let after = CitationScanner.citations(in: "Zie\(Self.nbsp)schriftelijke vraag nr. 12 van 3 maart 2023.")
        XCTAssertEqual(after.map(\.number), [12])
        // Written with a no-break space, the canonical form is canonical.
        let canonical = try XCTUnwrap(CitationScanner.citations(
            in: "schriftelijke vraag nr.\(Self.nbsp)123 van 26\(Self.narrowNBSP)januari 2024").first)
        XCTAssertTrue(canonical.isCanonical)
    }

    /// `1)`, `(1)` number questions as `1.` does; `a.`, `(a)` letter sub-items as `a)`
    /// does; `•` bullets read as `-` bullets. Each variant gets the findings of `1.`/`a)`.
    func testOtherListMarkersReadAsTheirPlainEquivalents() {
        let plain = """
            Fietspaden - Onderhoud

            De fietspaden liggen er slecht bij.

            1. Kan de minister een overzicht geven:
            a) per provincie;
            c) per gemeente?

            3. Wanneer start het herstel?
            - in het voorjaar;
            - in het najaar?

            """
        let variants: [(String, String) -> String] = [
            { text, _ in text.replacingOccurrences(of: "1. ", with: "1) ").replacingOccurrences(of: "3. ", with: "3) ") },
            { text, _ in text.replacingOccurrences(of: "1. ", with: "(1) ").replacingOccurrences(of: "3. ", with: "(3) ") },
            { text, _ in text.replacingOccurrences(of: "a) ", with: "a. ").replacingOccurrences(of: "c) ", with: "c. ") },
            { text, _ in text.replacingOccurrences(of: "a) ", with: "(a) ").replacingOccurrences(of: "c) ", with: "(c) ") },
            { text, _ in text.replacingOccurrences(of: "- in", with: "•\tin") },
        ]
        let expected = seen(plain)
        XCTAssertEqual(expected.map(\.code), [.subItemOrder, .numbering])
        for (index, variant) in variants.enumerated() {
            let text = variant(plain, "")
            XCTAssertEqual(seen(text), expected, "variant \(index):\n\(text)")
            let question = Question.parse(text)
            XCTAssertEqual(question.numberedQuestions.map(\.number), [1, 3], "variant \(index)")
            XCTAssertEqual(question.numberedQuestions.first?.subItems.map(\.letter), ["a", "c"], "variant \(index)")
        }
    }

    /// Fixes replace the number or the letter only, so a marker keeps its style.
    func testRenumberingAndReletteringKeepTheMarkerStyle() {
        assertFix(.numbering, before: "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n(1) Hoeveel?\n(3) Wanneer?\n",
                  after: "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n(1) Hoeveel?\n(2) Wanneer?\n")
        assertFix(.subItemOrder,
                  before: "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Graag een overzicht:\n(a) per provincie;\n(c) per gemeente.\n",
                  after: "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Graag een overzicht:\n(a) per provincie;\n(b) per gemeente.\n")
    }

    func testInvisibleCharactersInsideWordsDoNotSplitThem() {
        // A request word with a soft hyphen still asks; a no-break space separates words.
        let text = "Fietspaden - Onderhoud\n\nDe paden zijn slecht.\n\n1. Hoe\(Self.softHyphen)veel fietspaden zijn hersteld.\n"
            + "2. Kan\(Self.nbsp)de minister het herstel versnellen.\n"
        assertNoFinding(.itemAsksNothing, in: text)
        // Word count: a no-break space separates, a soft hyphen or zero-width space does not.
        let words = (1...30).map { _ in "woord" }
        let plainDraft = "Fietspaden - Onderhoud\n\n" + words.joined(separator: " ") + "\n\n1. Hoeveel?\n"
        let pastedDraft = "Fietspaden - Onderhoud\n\n"
            + words.map { _ in "wo\(Self.softHyphen)o\(Self.zeroWidth)rd" }.joined(separator: Self.nbsp) + "\n\n1. Hoeveel?\n"
        let limit = CheckConfiguration(rules: [.wordLimit: RuleSetting(limit: 20)])
        XCTAssertEqual(findings(.wordLimit, in: plainDraft, configuration: limit).map(\.message),
                       findings(.wordLimit, in: pastedDraft, configuration: limit).map(\.message))
        XCTAssertEqual(findings(.wordLimit, in: plainDraft, configuration: limit).count, 1)
    }

    func testTitleSeparatorWithANoBreakSpaceIsCanonical() {
        let title = Question.parse("Fietspaden\(Self.nbsp)- Onderhoud\n\nDe paden.\n").title
        XCTAssertEqual(title?.subject?.value, "Fietspaden")
        XCTAssertEqual(title?.specification?.value, "Onderhoud")
        XCTAssertEqual(title?.hasCanonicalSeparator, true)
        XCTAssertEqual(Question.parse("Fietspaden\t- Onderhoud\n\nDe paden.\n").title?.hasCanonicalSeparator, false)
    }

    /// The repetition rule compares terms: a soft hyphen must not split one.
    func testRepetitionOfAPastedCopy() throws {
        let plain = try TestData.example("repetition.vraag")
        let pasted = plain.replacingOccurrences(of: "inburgering", with: "inbur\(Self.softHyphen)gering")
            .replacingOccurrences(of: " de ", with: " de\(Self.nbsp)").replacingOccurrences(of: "\n", with: "\r\n")
        XCTAssertNotEqual(plain, pasted)
        XCTAssertEqual(seen(pasted), seen(plain))
        XCTAssertEqual(seen(plain).map(\.code), [.repetition])
    }

    func testBytesClassifyPastedCharacters() {
        let bytes = Array("a\u{00A0}b\u{202F}c\u{00AD}d\u{200B}e’f•g\u{FEFF}h é".utf8)
        XCTAssertEqual(Bytes.spaceWidth(bytes, at: 1), 2)
        XCTAssertEqual(Bytes.spaceWidth(bytes, at: 4), 3)
        XCTAssertEqual(Bytes.ignorableWidth(bytes, at: 8), 2)
        XCTAssertEqual(Bytes.ignorableWidth(bytes, at: 11), 3)
        XCTAssertFalse(Bytes.isWordByte(bytes, at: 2), "the second byte of a no-break space")
        XCTAssertTrue(Bytes.isWordByte(bytes, at: 9), "a soft hyphen stands inside its word")
        XCTAssertFalse(Bytes.isWordByte(bytes, at: 16), "a curly apostrophe separates words")
        XCTAssertFalse(Bytes.isWordByte(bytes, at: 20), "a bullet separates words")
        XCTAssertTrue(Bytes.isWordByte(bytes, at: bytes.count - 1), "é is a letter")
        XCTAssertEqual(Bytes.trimmed(bytes, TextRange(start: 1, end: 3)), TextRange(start: 3, end: 3))
        XCTAssertEqual(Bytes.blankWidth(bytes, endingAt: 3), 2)
        let padded = Array("\u{00A0}\u{200B} tekst\u{202F}\t".utf8)
        XCTAssertEqual(String(decoding: padded[Bytes.trimmed(padded, TextRange(start: 0, end: padded.count)).start..<Bytes.trimmed(padded, TextRange(start: 0, end: padded.count)).end], as: UTF8.self), "tekst")
    }
}

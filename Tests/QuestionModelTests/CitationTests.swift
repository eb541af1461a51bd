import QuestionModel
import SourceText
import TestSupport
import XCTest

/// One `check` per form: the text, and what the single citation in it must say.
final class CitationTests: XCTestCase {
    private struct Expected {
        var kind: CitationKind = .writtenQuestion
        var written: String
        var number: Int?
        var date: String?
        var isOwn = false
        var isCanonical: Bool
        var canonical: String
        var committee: String?
    }

    private func check(_ text: String, _ expected: Expected, file: StaticString = #filePath, line: UInt = #line) {
        let citations = CitationScanner.citations(in: text)
        guard citations.count == 1, let citation = citations.first else {
            XCTFail("expected one citation in \(text.debugDescription), found \(citations.map(\.text))", file: file, line: line)
            return
        }
        XCTAssertEqual(citation.kind, expected.kind, file: file, line: line)
        XCTAssertEqual(text.slice(citation.range), expected.written, file: file, line: line)
        XCTAssertEqual(citation.text, expected.written, file: file, line: line)
        XCTAssertEqual(citation.number, expected.number, file: file, line: line)
        XCTAssertEqual(text.slice(citation.numberRange), expected.number.map(String.init), file: file, line: line)
        XCTAssertEqual(citation.date?.isoText, expected.date, file: file, line: line)
        XCTAssertEqual(citation.isOwnQuestion, expected.isOwn, file: file, line: line)
        XCTAssertEqual(citation.isCanonical, expected.isCanonical, file: file, line: line)
        XCTAssertEqual(citation.canonicalText, expected.canonical, file: file, line: line)
        XCTAssertEqual(citation.committeeName, expected.committee, file: file, line: line)
    }

    private func checkNone(_ text: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(CitationScanner.citations(in: text).map(\.text), [], text, file: file, line: line)
    }

    // MARK: Written questions

    func testCanonicalOwnQuestion() {
        check("In zijn antwoord op mijn schriftelijke vraag nr. 118 van 10 januari 2023 geeft de minister aan",
              Expected(written: "mijn schriftelijke vraag nr. 118 van 10 januari 2023", number: 118, date: "2023-01-10",
                       isOwn: true, isCanonical: true, canonical: "mijn schriftelijke vraag nr. 118 van 10 januari 2023"))
    }

    func testWithDeAndAtTheStartOfASentence() {
        check("op de schriftelijke vraag nr. 118 van 10 januari 2023.",
              Expected(written: "schriftelijke vraag nr. 118 van 10 januari 2023", number: 118, date: "2023-01-10",
                       isCanonical: true, canonical: "schriftelijke vraag nr. 118 van 10 januari 2023"))
        check("Schriftelijke vraag nr. 118 van 10 januari 2023 bleef onbeantwoord.",
              Expected(written: "Schriftelijke vraag nr. 118 van 10 januari 2023", number: 118, date: "2023-01-10",
                       isCanonical: true, canonical: "schriftelijke vraag nr. 118 van 10 januari 2023"))
        check("Mijn eerdere schriftelijke vraag nr. 7 van 2 mei 2023",
              Expected(written: "Mijn eerdere schriftelijke vraag nr. 7 van 2 mei 2023", number: 7, date: "2023-05-02",
                       isOwn: true, isCanonical: false, canonical: "mijn schriftelijke vraag nr. 7 van 2 mei 2023"))
    }

    func testShortForms() {
        check("zie vraag nr. 123 van 26 januari 2024",
              Expected(written: "vraag nr. 123 van 26 januari 2024", number: 123, date: "2024-01-26",
                       isCanonical: false, canonical: "schriftelijke vraag nr. 123 van 26 januari 2024"))
        check("zie SV nr. 118.",
              Expected(written: "SV nr. 118", number: 118, isCanonical: false, canonical: "schriftelijke vraag nr. 118"))
        check("zie nr. 118 van 10/01/2023.",
              Expected(written: "nr. 118 van 10/01/2023", number: 118, date: "2023-01-10",
                       isCanonical: false, canonical: "schriftelijke vraag nr. 118 van 10 januari 2023"))
        check("mijn schriftelijke vraag nr. 118 van 10-01-2023",
              Expected(written: "mijn schriftelijke vraag nr. 118 van 10-01-2023", number: 118, date: "2023-01-10",
                       isOwn: true, isCanonical: false, canonical: "mijn schriftelijke vraag nr. 118 van 10 januari 2023"))
        check("mijn schriftelijke vraag nr 118 van 10 januari 2023",
              Expected(written: "mijn schriftelijke vraag nr 118 van 10 januari 2023", number: 118, date: "2023-01-10",
                       isOwn: true, isCanonical: false, canonical: "mijn schriftelijke vraag nr. 118 van 10 januari 2023"))
        check("schriftelijke vraag nummer 118",
              Expected(written: "schriftelijke vraag nummer 118", number: 118,
                       isCanonical: false, canonical: "schriftelijke vraag nr. 118"))
        check("schriftelijke vraag nr.118 van 6 januari 2023",
              Expected(written: "schriftelijke vraag nr.118 van 6 januari 2023", number: 118, date: "2023-01-06",
                       isCanonical: false, canonical: "schriftelijke vraag nr. 118 van 6 januari 2023"))
    }

    func testCaseInsensitive() {
        check("SCHRIFTELIJKE VRAAG NR. 118 VAN 10 JANUARI 2023",
              Expected(written: "SCHRIFTELIJKE VRAAG NR. 118 VAN 10 JANUARI 2023", number: 118, date: "2023-01-10",
                       isCanonical: false, canonical: "schriftelijke vraag nr. 118 van 10 januari 2023"))
    }

    func testNumberWithoutDateAndDateWithoutNumber() {
        check("mijn schriftelijke vraag nr. 118 is nog niet beantwoord",
              Expected(written: "mijn schriftelijke vraag nr. 118", number: 118, isOwn: true,
                       isCanonical: true, canonical: "mijn schriftelijke vraag nr. 118"))
        check("mijn schriftelijke vraag nr. 118 van de vorige maand",
              Expected(written: "mijn schriftelijke vraag nr. 118", number: 118, isOwn: true,
                       isCanonical: true, canonical: "mijn schriftelijke vraag nr. 118"))
        check("mijn schriftelijke vraag van 10 januari 2023",
              Expected(written: "mijn schriftelijke vraag van 10 januari 2023", date: "2023-01-10", isOwn: true,
                       isCanonical: true, canonical: "mijn schriftelijke vraag van 10 januari 2023"))
    }

    func testHardWrappedCitationIsCanonical() {
        check("in opvolging van mijn schriftelijke vraag nr. 113 van 6 januari\n2023, de laatste stand",
              Expected(written: "mijn schriftelijke vraag nr. 113 van 6 januari\n2023", number: 113, date: "2023-01-06",
                       isOwn: true, isCanonical: true, canonical: "mijn schriftelijke vraag nr. 113 van 6 januari 2023"))
    }

    func testImpossibleDateKeepsItsRange() throws {
        let text = "mijn schriftelijke vraag nr. 118 van 31 februari 2023"
        let citation = try XCTUnwrap(CitationScanner.citations(in: text).first)
        XCTAssertNil(citation.date)
        assertSlice(text, citation.dateRange, "31 februari 2023")
        XCTAssertEqual(citation.dateMention?.isValid, false)
        XCTAssertEqual(citation.canonicalText, "mijn schriftelijke vraag nr. 118 van 31 februari 2023")
    }

    func testNotCitations() {
        checkNone("nr. 118")
        checkNone("decreet nr. 5 is goedgekeurd")
        checkNone("een vraag van 10 januari 2023")
        checkNone("de schriftelijke vraag van de heer Peeters")
        checkNone("schriftelijke vragen")
        checkNone("een actuele vraag over de begroting")
        checkNone("in de commissie Binnenlands Bestuur, Integratie en Inburgering, besproken worden")
        checkNone("in de commissie van de toekomst")
        checkNone("SV 118")
        checkNone("vraag nr. 1234567")
        checkNone("xschriftelijke vraagnr. 2")
    }

    /// The scanner classifies eight bytes a step: a citation is found at every offset
    /// from a step's start, after every kind of byte that may stand before a word,
    /// and not where its first word is glued to a letter, a digit or a non-ASCII character.
    func testCitationsAtEveryAlignmentAndAfterEveryKindOfByte() {
        let citation = "Schriftelijke vraag nr. 118 van 10 januari 2023"
        let meeting = "commissievergadering van 2 mei 2023"
        for padding in 0..<17 {
            let lead = String(repeating: "x", count: padding)
            for before in [" ", "\n", "(", "'", "-", "/"] {
                let text = lead + before + citation + " en " + meeting + "."
                let found = CitationScanner.citations(in: text)
                XCTAssertEqual(found.map(\.text), [citation, meeting], text.debugDescription)
                XCTAssertEqual(found.first.map { text.slice($0.range) }, citation)
            }
            for glued in ["a", "Z", "7", "é"] {
                let text = lead + " " + glued + citation
                XCTAssertEqual(CitationScanner.citations(in: text).map(\.text), ["vraag nr. 118 van 10 januari 2023"],
                               text.debugDescription)
            }
        }
        // First words' letters at lengths that are no first word's.
        checkNone("12345 vraagg 118 van 10 januari 2023")
        checkNone("1234567 svv 118 van 10 januari 2023")
        checkNone("12345678 commissievergaderingen van 10 januari 2023")
    }

    // MARK: Other kinds

    func testRequestForExplanationAndTopicalQuestion() {
        check("in mijn vraag om uitleg nr. 1234 van 3 maart 2023",
              Expected(kind: .requestForExplanation, written: "mijn vraag om uitleg nr. 1234 van 3 maart 2023", number: 1234,
                       date: "2023-03-03", isOwn: true, isCanonical: true, canonical: "mijn vraag om uitleg nr. 1234 van 3 maart 2023"))
        check("de actuele vraag van 8 februari 2023",
              Expected(kind: .topicalQuestion, written: "actuele vraag van 8 februari 2023", date: "2023-02-08",
                       isCanonical: true, canonical: "actuele vraag van 8 februari 2023"))
        check("Actuele Vraag nr. 45",
              Expected(kind: .topicalQuestion, written: "Actuele Vraag nr. 45", number: 45,
                       isCanonical: false, canonical: "actuele vraag nr. 45"))
    }

    func testMeetings() {
        check("Zoals in de vergadering van de Commissie Binnenlands Bestuur, Gelijke Kansen en \nInburgering van 1 december 2020 werd aangegeven",
              Expected(kind: .committeeMeeting,
                       written: "in de vergadering van de Commissie Binnenlands Bestuur, Gelijke Kansen en \nInburgering van 1 december 2020",
                       date: "2020-12-01", isCanonical: true,
                       canonical: "in de vergadering van de Commissie Binnenlands Bestuur, Gelijke Kansen en Inburgering van 1 december 2020",
                       committee: "Binnenlands Bestuur, Gelijke Kansen en Inburgering"))
        check("de bespreking in de commissie op 15 november 2022.",
              Expected(kind: .committeeMeeting, written: "in de commissie op 15 november 2022", date: "2022-11-15",
                       isCanonical: true, canonical: "in de commissie op 15 november 2022"))
        check("tijdens de commissievergadering van 15/11/2022",
              Expected(kind: .committeeMeeting, written: "tijdens de commissievergadering van 15/11/2022", date: "2022-11-15",
                       isCanonical: false, canonical: "tijdens de commissievergadering van 15 november 2022"))
        check("zoals gezegd in de plenaire vergadering van 8 februari 2023.",
              Expected(kind: .plenaryMeeting, written: "in de plenaire vergadering van 8 februari 2023", date: "2023-02-08",
                       isCanonical: true, canonical: "in de plenaire vergadering van 8 februari 2023"))
        check("De plenaire vergadering van 8 februari 2023",
              Expected(kind: .plenaryMeeting, written: "plenaire vergadering van 8 februari 2023", date: "2023-02-08",
                       isCanonical: true, canonical: "plenaire vergadering van 8 februari 2023"))
    }

    func testCommitteeNameMayContainVanAndStopsAtSentenceEnd() throws {
        let text = "in de Commissie voor Wonen van het Parlement van 3 mei 2023"
        let citation = try XCTUnwrap(CitationScanner.citations(in: text).first)
        XCTAssertEqual(citation.committeeName, "voor Wonen van het Parlement")
        assertSlice(text, citation.committeeNameRange, "voor Wonen van het Parlement")
        checkNone("in de commissie Wonen. Van 3 mei 2023 dateert")
    }

    func testSeveralCitationsInOrder() {
        let text = "Na SV nr. 1 en mijn schriftelijke vraag nr. 2 van 3 maart 2023 kwam in de commissie op 4 april 2023 het debat."
        let citations = CitationScanner.citations(in: text)
        XCTAssertEqual(citations.map(\.kind), [.writtenQuestion, .writtenQuestion, .committeeMeeting])
        XCTAssertEqual(citations.map(\.number), [1, 2, nil])
        XCTAssertEqual(citations.map(\.text),
                       ["SV nr. 1", "mijn schriftelijke vraag nr. 2 van 3 maart 2023", "in de commissie op 4 april 2023"])
        XCTAssertTrue(zip(citations, citations.dropFirst()).allSatisfy { $0.range.end <= $1.range.start })
    }

    func testHeaderAndAnswerReferenceAreNotCitations() throws {
        let question = Question.parse(try TestData.seed("002"))
        XCTAssertEqual(question.citations.map(\.number), [113], "`nr. 123` and `op vraag nr. 123 ...` are metadata")
    }
}

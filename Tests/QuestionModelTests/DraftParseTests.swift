import QuestionModel
import SourceText
import TestSupport
import XCTest

final class DraftParseTests: XCTestCase {
    static let fullDraft = """
        aan: Gwendolyn Rutten
        van: Maaike De Vreese
        thema: Integratie en Inburgering
        datum: 26 januari 2024
        nr: 123

        Inburgeringstrajecten - Stand van zaken

        Het Vlaamse inburgeringsbeleid legt de nadruk op zelfredzaamheid. Daarom vraag ik,
        in opvolging van mijn schriftelijke vraag nr. 113 van 6 januari 2023, de stand van zaken.

        1. Kan de minister een overzicht geven van het aantal trajecten:
           a) per agentschap;
           b) per provincie
              en per gemeente?
        2. Hoeveel attesten werden behaald in 2023?

        Ik dank de minister voor het antwoord.
        """

    func testDraftWithHeaderLines() throws {
        let text = Self.fullDraft
        let question = Question.parse(text)
        XCTAssertEqual(question.kind, .draft)
        XCTAssertEqual(question.issues, [])

        let metadata = question.metadata
        XCTAssertEqual(metadata.lines.map(\.key), [.addressee, .author, .theme, .date, .number])
        XCTAssertEqual(metadata.minister?.raw, "Gwendolyn Rutten")
        XCTAssertEqual(metadata.minister?.displayName, "Gwendolyn Rutten")
        assertSlice(text, metadata.minister?.range, "Gwendolyn Rutten")
        XCTAssertEqual(metadata.author?.displayName, "Maaike De Vreese")
        XCTAssertEqual(metadata.theme?.value, "Integratie en Inburgering")
        XCTAssertEqual(metadata.date?.value, DutchDate(year: 2024, month: 1, day: 26))
        assertSlice(text, metadata.date?.range, "26 januari 2024")
        XCTAssertEqual(metadata.number?.value, 123)
        assertSlice(text, metadata.line(.addressee)?.keyRange, "aan:")
        assertSlice(text, metadata.line(.number)?.lineRange, "nr: 123")
        assertSlice(text, metadata.range, startsWith: "aan: Gwendolyn", endsWith: "nr: 123")

        let title = try XCTUnwrap(question.title)
        assertSlice(text, title.range, "Inburgeringstrajecten - Stand van zaken")
        XCTAssertEqual(title.subject?.value, "Inburgeringstrajecten")
        XCTAssertEqual(title.specification?.value, "Stand van zaken")
        XCTAssertTrue(title.hasCanonicalSeparator)

        assertSlice(text, question.introduction?.range, startsWith: "Het Vlaamse", endsWith: "de stand van zaken.")
        XCTAssertEqual(question.citations.map { text.slice($0.range) }, ["mijn schriftelijke vraag nr. 113 van 6 januari 2023"])

        let items = question.numberedQuestions
        XCTAssertEqual(items.map(\.number), [1, 2])
        XCTAssertEqual(items[0].subItems.map(\.letter), ["a", "b"])
        assertSlice(text, items[0].subItems[0].markerRange, "a)")
        assertSlice(text, items[0].subItems[0].range, "a) per agentschap;")
        assertSlice(text, items[0].subItems[1].range, "b) per provincie\n      en per gemeente?")
        XCTAssertEqual(items[0].subItems[1].text, "per provincie\n      en per gemeente?")
        assertSlice(text, items[1].range, "2. Hoeveel attesten werden behaald in 2023?")
        XCTAssertEqual(items[1].text, "Hoeveel attesten werden behaald in 2023?")
        assertSlice(text, question.closing?.range, "Ik dank de minister voor het antwoord.")
        XCTAssertNil(question.answer)
        XCTAssertNil(question.annex)
    }

    func testDraftWithoutHeaderOrTitle() {
        let text = """
            In de begroting 2023 staat een nieuw filmpje.
            Het kostte 15.000 euro.

            1. Wanneer wordt het getoond?
            """
        let question = Question.parse(text)
        XCTAssertEqual(question.kind, .draft)
        XCTAssertEqual(question.metadata, Metadata())
        XCTAssertNil(question.title, "a paragraph of two lines is an introduction")
        assertSlice(text, question.introduction?.range, "In de begroting 2023 staat een nieuw filmpje.\nHet kostte 15.000 euro.")
        XCTAssertEqual(question.numberedQuestions.map(\.number), [1])
    }

    func testDraftThatStartsWithAQuestion() {
        let question = Question.parse("1. Hoeveel?\n2. Waarom?\n")
        XCTAssertNil(question.title)
        XCTAssertNil(question.introduction)
        XCTAssertEqual(question.numberedQuestions.map(\.text), ["Hoeveel?", "Waarom?"])
    }

    func testTitleOnTheFirstLineOfAParagraph() {
        let text = "Gedetineerden - Inburgering\nIn de begroting staat een filmpje.\n1. Wanneer?"
        let question = Question.parse(text)
        XCTAssertEqual(question.title?.text, "Gedetineerden - Inburgering")
        XCTAssertEqual(question.introduction?.text, "In de begroting staat een filmpje.")
    }

    func testDraftWithoutNumbering() {
        let text = "Gedetineerden - Inburgering\n\nHoeveel gedetineerden tekenden een contract?\nWat is de timing?\n"
        let question = Question.parse(text)
        XCTAssertEqual(question.numberedQuestions, [])
        assertSlice(text, question.introduction?.range, "Hoeveel gedetineerden tekenden een contract?\nWat is de timing?")
        XCTAssertNil(question.closing)
    }

    func testNumberingWithGapsRepeatsAndDisorderIsReportedAsWritten() {
        let text = "Titel - Specificatie\n\n1. Een?\n3. Drie?\n3. Nog eens drie?\n2. Twee?\n"
        let question = Question.parse(text)
        XCTAssertEqual(question.numberedQuestions.map(\.number), [1, 3, 3, 2])
        assertSlice(text, question.numberedQuestions[2].range, "3. Nog eens drie?")
    }

    func testNumbersThatAreNoMarkers() {
        // A year ending a sentence at the start of a line, a thousands separator,
        // and a four-digit number are not question numbers.
        let text = "Titel - Specificatie\n\nIn het jaar\n2023. Daarna 15.000 euro.\n1.5 miljoen\n1. Echte vraag?\n"
        let question = Question.parse(text)
        XCTAssertEqual(question.numberedQuestions.map(\.number), [1])
    }

    func testCRLFLineEnds() throws {
        let text = Self.fullDraft.replacingOccurrences(of: "\n", with: "\r\n")
        let question = Question.parse(text)
        XCTAssertEqual(question.issues, [])
        XCTAssertEqual(question.metadata.date?.value, DutchDate(year: 2024, month: 1, day: 26))
        assertSlice(text, question.metadata.line(.number)?.lineRange, "nr: 123")
        assertSlice(text, question.title?.range, "Inburgeringstrajecten - Stand van zaken")
        assertSlice(text, question.title?.specification?.range, "Stand van zaken")
        let items = question.numberedQuestions
        XCTAssertEqual(items.map(\.number), [1, 2])
        assertSlice(text, items[0].subItems[0].range, "a) per agentschap;")
        assertSlice(text, items[0].subItems[1].range, "b) per provincie\r\n      en per gemeente?")
        assertSlice(text, items[1].range, "2. Hoeveel attesten werden behaald in 2023?")
        assertSlice(text, question.closing?.range, "Ik dank de minister voor het antwoord.")
        XCTAssertEqual(question.citations.count, 1)
    }

    func testOldMacLineEnds() {
        let text = "Titel - Specificatie\r\rInleiding.\r1. Vraag?\r2. Nog een?"
        let question = Question.parse(text)
        XCTAssertEqual(question.title?.text, "Titel - Specificatie")
        XCTAssertEqual(question.numberedQuestions.map(\.text), ["Vraag?", "Nog een?"])
    }

    func testMultiByteCharactersBeforeACitation() throws {
        let text = "Café - Overzicht\n\nCafé 😀 — zie mijn schriftelijke vraag nr. 118 van 10 januari 2023.\n1. Hoeveel?"
        let question = Question.parse(text)
        let citation = try XCTUnwrap(question.citations.first)
        let lineStart = try XCTUnwrap(text.utf8Offset(of: "Café 😀"))
        // "Café 😀 — zie " is 19 UTF-8 bytes, 14 UTF-16 units, 13 scalars.
        XCTAssertEqual(citation.range.start, lineStart + 19)
        XCTAssertEqual(citation.range.start, text.utf8Offset(of: "mijn schriftelijke"))
        assertSlice(text, citation.range, "mijn schriftelijke vraag nr. 118 van 10 januari 2023")
        let index = LineIndex(text)
        XCTAssertEqual(index.lineColumn(of: citation.range.start, in: .utf16), LineColumn(line: 2, column: 14))
        XCTAssertEqual(index.lineColumn(of: citation.range.start, in: .utf32), LineColumn(line: 2, column: 13))
        XCTAssertEqual(index.lineColumn(of: citation.range.end, in: .utf16), LineColumn(line: 2, column: 14 + 52))
        let dateRange = try XCTUnwrap(citation.dateRange)
        XCTAssertEqual(index.lineColumn(of: dateRange.start, in: .utf16), LineColumn(line: 2, column: 14 + 37))
        XCTAssertEqual(question.title?.subject?.value, "Café")
    }

    func testInvalidHeaderValuesAreIssuesNotFailures() throws {
        let text = "datum: 31 februari 2024\nnr: 12a\nthema: Wonen\nthema: Energie\n\nTitel - Specificatie\n"
        let question = Question.parse(text)
        XCTAssertNil(question.metadata.date)
        XCTAssertNil(question.metadata.number)
        XCTAssertEqual(question.metadata.theme?.value, "Wonen", "the first of a repeated key counts")
        XCTAssertEqual(question.metadata.lines.count, 4)
        XCTAssertEqual(question.issues.map(\.kind),
                       [.invalidHeaderDate, .invalidHeaderNumber, .duplicateHeaderKey(.theme), .impossibleDate])
        assertSlice(text, question.issues[0].range, "31 februari 2024")
        assertSlice(text, question.issues[1].range, "12a")
        assertSlice(text, question.issues[2].range, "thema: Energie")
        XCTAssertEqual(question.title?.text, "Titel - Specificatie")
    }

    func testHeaderKeysAnyCaseAndEnDashTitle() {
        let text = "Aan: GWENDOLYN RUTTEN\nDatum: 26/01/2024\n\nOnderwerp – Specificatie\n"
        let question = Question.parse(text)
        XCTAssertEqual(question.metadata.minister?.displayName, "Gwendolyn Rutten")
        XCTAssertEqual(question.metadata.date?.value, DutchDate(year: 2024, month: 1, day: 26))
        XCTAssertEqual(question.title?.subject?.value, "Onderwerp")
        XCTAssertEqual(question.title?.specification?.value, "Specificatie")
        assertSlice(text, question.title?.separatorRange, " – ")
        XCTAssertEqual(question.title?.hasCanonicalSeparator, false)
    }

    func testTitleWithoutSeparator() {
        let question = Question.parse("Inburgering\n\nTekst.\n")
        XCTAssertEqual(question.title?.text, "Inburgering")
        XCTAssertNil(question.title?.subject)
        XCTAssertNil(question.title?.separatorRange)
    }

    func testEmptyAndBlankDrafts() {
        for text in ["", "\n", "   \n\n  ", "aan: X\n"] {
            let question = Question.parse(text)
            XCTAssertEqual(question.kind, .draft)
            XCTAssertNil(question.title)
            XCTAssertNil(question.introduction)
            XCTAssertEqual(question.numberedQuestions, [])
        }
    }

    func testKindDetectionAndHint() throws {
        XCTAssertEqual(DocumentKind.detect(try TestData.seed("002")), .headerExport)
        XCTAssertEqual(DocumentKind.detect(try TestData.seed("004")), .plainExport)
        XCTAssertEqual(DocumentKind.detect(Self.fullDraft), .draft)
        XCTAssertEqual(DocumentKind.detect("Titel - X\n\n1. Vraag?"), .draft)
        XCTAssertEqual(DocumentKind.detect("\u{FEFF}title: X\nSCHRIFTELIJKE VRAAG\n"), .headerExport)
        let forced = Question.parse(try TestData.seed("000"), as: .draft)
        XCTAssertEqual(forced.kind, .draft)
        XCTAssertNil(forced.answer, "a draft has no answer without an ANTWOORD line")
        XCTAssertTrue(DocumentKind.plainExport.isCorpusRecord)
        XCTAssertFalse(DocumentKind.draft.isCorpusRecord)
    }

    func testDraftWithPastedAnswer() {
        let text = "Titel - Spec\n\n1. Vraag?\nANTWOORD\n1. Antwoord.\nBIJLAGE\nTabel\n"
        let question = Question.parse(text)
        XCTAssertEqual(question.numberedQuestions.map(\.number), [1])
        XCTAssertEqual(question.answer?.parts.map(\.text), ["Antwoord."])
        XCTAssertEqual(question.annex?.content?.text, "Tabel")
    }

    func testPersonDisplayNames() {
        XCTAssertEqual(PersonName.titleCased("MAAIKE DE VREESE"), "Maaike De Vreese")
        XCTAssertEqual(PersonName.titleCased("JEAN-MARC NOLLET"), "Jean-Marc Nollet")
        XCTAssertEqual(PersonName.titleCased("CAROLINE CASSART-MAILLEUX"), "Caroline Cassart-Mailleux")
        XCTAssertEqual(PersonName.titleCased("FILIP D'HAESELEER"), "Filip D'Haeseleer")
        XCTAssertEqual(PersonName.titleCased("ÉLISE ÇELIK"), "Élise Çelik")
        XCTAssertEqual(PersonName.titleCased("Koen Van den Heuvel"), "Koen Van den Heuvel")
    }
}

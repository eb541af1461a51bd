import QuestionModel
import SourceText
import TestSupport
import XCTest

/// The full parse of each seed. Ranges are checked by slicing the text.
final class SeedParseTests: XCTestCase {
    func testHeaderExport002() throws {
        let text = try TestData.seed("002")
        let question = Question.parse(text)
        XCTAssertEqual(question.kind, .headerExport)
        XCTAssertEqual(question.issues, [])

        let metadata = question.metadata
        XCTAssertEqual(metadata.number?.value, 123)
        assertSlice(text, metadata.number?.range, "123")
        XCTAssertEqual(metadata.date?.value, DutchDate(year: 2024, month: 1, day: 26))
        assertSlice(text, metadata.date?.range, "26 januari 2024")
        XCTAssertEqual(metadata.author?.raw, "MAAIKE DE VREESE")
        XCTAssertEqual(metadata.author?.displayName, "Maaike De Vreese")
        assertSlice(text, metadata.author?.range, "MAAIKE DE VREESE")
        XCTAssertEqual(metadata.minister?.displayName, "Gwendolyn Rutten")
        assertSlice(text, metadata.minister?.range, "GWENDOLYN RUTTEN")
        XCTAssertEqual(metadata.ministerOffice?.value,
                       "VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING, VLAAMS MINISTER VAN BINNENLANDS BESTUUR, BESTUURSZAKEN, INBURGERING EN GELIJKE KANSEN")
        assertSlice(text, metadata.ministerOffice?.range, startsWith: "VICEMINISTER-PRESIDENT", endsWith: "EN GELIJKE KANSEN")
        XCTAssertEqual(metadata.theme?.value, "Integratie en Inburgering")
        assertSlice(text, metadata.theme?.range, "Integratie en Inburgering")
        XCTAssertEqual(metadata.pdfLink?.value, "https://docs.vlaamsparlement.be/pfile?id=2038554")
        XCTAssertEqual(metadata.themeLink?.value.hasPrefix("https://www.vlaamsparlement.be/"), true)
        XCTAssertEqual(metadata.titleLine?.value, "Inburgeringstrajecten - Stand van zaken")
        XCTAssertEqual(metadata.lines.map(\.key),
                       [.title, .theme, .pdfLink, .themeLink, .documentKind, .number, .author, .date, .addressee, .addresseeOffice])
        assertSlice(text, metadata.line(.date)?.keyRange, "datum:")
        assertSlice(text, metadata.line(.addressee)?.keyRange, "aan")
        assertSlice(text, metadata.range, startsWith: "title: Inburgeringstrajecten", endsWith: "INBURGERING EN GELIJKE KANSEN")

        let title = try XCTUnwrap(question.title)
        XCTAssertEqual(title.text, "Inburgeringstrajecten  -  Stand van zaken")
        assertSlice(text, title.range, "Inburgeringstrajecten  -  Stand van zaken")
        XCTAssertEqual(title.subject?.value, "Inburgeringstrajecten")
        assertSlice(text, title.subject?.range, "Inburgeringstrajecten")
        XCTAssertEqual(title.specification?.value, "Stand van zaken")
        assertSlice(text, title.specification?.range, "Stand van zaken")
        assertSlice(text, title.separatorRange, "  -  ")
        XCTAssertFalse(title.hasCanonicalSeparator)

        assertSlice(text, question.introduction?.range, startsWith: "Het Vlaamse inburgeringsbeleid", endsWith: "contracten en attesten.")

        let items = question.numberedQuestions
        XCTAssertEqual(items.map(\.number), [1, 2])
        assertSlice(text, items[0].markerRange, "1.")
        assertSlice(text, items[0].range, startsWith: "1. Kan de minister een overzicht geven van het aantal uitgestuurde",
                    endsWith: "c) een indeling per provincie.")
        XCTAssertEqual(items[0].subItems.map(\.letter), ["a", "b", "c"])
        assertSlice(text, items[0].subItems[0].markerRange, "a)")
        assertSlice(text, items[0].subItems[0].range,
                    "a) graag een indeling in enerzijds het aantal personen dat zich effectief aanmeldt en \nanderzijds het aantal personen dat zich niet aanmeldt;")
        XCTAssertEqual(items[0].subItems[1].text, "een indeling per agentschap;")
        XCTAssertEqual(items[1].subItems.map(\.letter), ["a", "b", "c", "d", "e", "f", "g"])
        assertSlice(text, items[1].subItems[5].range, "f) een indeling van inburgeraars per doelgroep: verplicht, rechthebbend en \nonbepaald;")
        assertSlice(text, items[1].subItems[6].range, startsWith: "g) een indeling op basis van verblijfsreden", endsWith: "overige, onbepaald)?")
        assertSlice(text, items[1].range, startsWith: "2. Kan de minister", endsWith: "in een Excel-bestand?")
        XCTAssertTrue(items[1].text.hasPrefix("Kan de minister een overzicht geven van het aantal inburgeraars"))
        XCTAssertNil(question.closing)
        assertSlice(text, question.questionRange, startsWith: "Het Vlaamse", endsWith: "Excel-bestand?")

        XCTAssertEqual(question.citations.count, 1)
        let citation = question.citations[0]
        XCTAssertEqual(citation.kind, .writtenQuestion)
        assertSlice(text, citation.range, "mijn schriftelijke vraag nr. 113 van 6 januari 2023")
        XCTAssertEqual(citation.number, 113)
        assertSlice(text, citation.numberRange, "113")
        XCTAssertEqual(citation.date, DutchDate(year: 2023, month: 1, day: 6))
        assertSlice(text, citation.dateRange, "6 januari 2023")
        XCTAssertTrue(citation.isOwnQuestion)
        XCTAssertTrue(citation.isCanonical)

        assertSlice(text, question.signature?.range, startsWith: "GWENDOLYN RUTTEN\nVICEMINISTER", endsWith: "EN GELIJKE KANSEN")

        let answer = try XCTUnwrap(question.answer)
        assertSlice(text, answer.markerRange, "ANTWOORD")
        assertSlice(text, answer.reference?.range, "op vraag nr. 123 van 26 januari 2024")
        XCTAssertEqual(answer.reference?.number?.value, 123)
        XCTAssertEqual(answer.reference?.date?.value, DutchDate(year: 2024, month: 1, day: 26))
        XCTAssertEqual(answer.addressee?.displayName, "Maaike De Vreese")
        assertSlice(text, answer.body?.range, startsWith: "De cijfers geven", endsWith: "2e, 2f en 2g.")
        assertSlice(text, answer.opening?.range, startsWith: "De cijfers geven", endsWith: "onder voorbehoud.")
        XCTAssertEqual(answer.parts.map(\.number), [1, 2])
        assertSlice(text, answer.parts[0].range, startsWith: "1. Zie bijlage tabblad 1.", endsWith: "niet opgenomen.")
        XCTAssertEqual(answer.parts[1].text, "Zie bijlage tabbladen 2ab, 2c, 2d, 2e, 2f en 2g.")
        assertSlice(text, answer.range, startsWith: "ANTWOORD", endsWith: "2f en 2g.")

        let annex = try XCTUnwrap(question.annex)
        assertSlice(text, annex.markerRange, "BIJLAGE")
        XCTAssertEqual(annex.content?.text, "Stand van zaken inburgeringstrajecten")

        XCTAssertEqual(question.dates.map { text.slice($0.range) },
                       ["26 januari 2024", "6 januari 2023", "26 januari 2024", "31/1/2024"])
        XCTAssertEqual(question.dates.last?.date, DutchDate(year: 2024, month: 1, day: 31))
    }

    /// The header pasted through a word processor: no-break spaces after `nr.`, `van`,
    /// `aan` and `datum:` read as the spaces they replace (a record was left without
    /// its number, author and minister, and so never found by `nr. 123`).
    func testHeaderExportWithNoBreakSpaces() throws {
        let text = try TestData.seed("002")
        var pasted = text
        for key in ["nr. ", "van ", "aan ", "datum: "] {
            pasted = pasted.replacingOccurrences(of: "\n" + key, with: "\n" + key.dropLast() + "\u{00A0}")
        }
        XCTAssertNotEqual(pasted, text)
        let original = Question.parse(text).metadata, metadata = Question.parse(pasted).metadata
        XCTAssertEqual(metadata.number?.value, 123)
        XCTAssertEqual(metadata.date?.value, original.date?.value)
        XCTAssertEqual(metadata.author?.displayName, "Maaike De Vreese")
        XCTAssertEqual(metadata.minister?.displayName, "Gwendolyn Rutten")
        XCTAssertEqual(metadata.ministerOffice?.value, original.ministerOffice?.value)
        XCTAssertEqual(Question.parse(pasted).title?.text, Question.parse(text).title?.text)
    }

    func testPlainExport000() throws {
        let text = try TestData.seed("000")
        let question = Question.parse(text)
        XCTAssertEqual(question.kind, .plainExport)
        XCTAssertEqual(question.issues, [])
        XCTAssertEqual(question.metadata, Metadata())

        XCTAssertEqual(question.title?.subject?.value, "Gedetineerden")
        XCTAssertEqual(question.title?.specification?.value, "Inburgering")
        assertSlice(text, question.title?.range, "Gedetineerden  -  Inburgering")
        assertSlice(text, question.introduction?.range, startsWith: "In de beleids- en begrotingstoelichting (BBT)",
                    endsWith: "getoond kan worden.")

        let items = question.numberedQuestions
        XCTAssertEqual(items.map(\.number), [1, 2, 3])
        assertSlice(text, items[0].range, startsWith: "1. Werd al bekeken", endsWith: "hierover gepland?")
        assertSlice(text, items[2].range, startsWith: "3. Hoeveel gedetineerden", endsWith: "te willen beginnen?")
        XCTAssertTrue(items.allSatisfy { $0.subItems.isEmpty })

        XCTAssertEqual(question.citations.count, 1)
        let citation = question.citations[0]
        assertSlice(text, citation.range, "mijn schriftelijke vraag nr. 118 van 10 januari 2023")
        XCTAssertEqual(citation.number, 118)
        XCTAssertEqual(citation.date, DutchDate(year: 2023, month: 1, day: 10))
        XCTAssertTrue(citation.isOwnQuestion)

        let answer = try XCTUnwrap(question.answer)
        XCTAssertNil(answer.markerRange)
        XCTAssertNil(answer.reference)
        XCTAssertNil(answer.opening)
        assertSlice(text, answer.body?.range, startsWith: "1. Het Agentschap Integratie", endsWith: "aan te vatten.")
        XCTAssertEqual(answer.parts.map(\.number), [1, 2, 3])
        assertSlice(text, answer.parts[0].range, startsWith: "1. Het Agentschap", endsWith: "met de bevoegde diensten.")
        assertSlice(text, answer.parts[1].range, startsWith: "2. Gedetineerden kunnen geen", endsWith: "van gedetineerden.")
        assertSlice(text, answer.parts[2].range, startsWith: "3. De ondertekening", endsWith: "aan te vatten.")
        XCTAssertNil(question.annex)
    }

    func testPlainExport001WithoutNumbering() throws {
        let text = try TestData.seed("001")
        let question = Question.parse(text)
        XCTAssertEqual(question.kind, .plainExport)
        XCTAssertEqual(question.title?.subject?.value, "Niet-verplichte inburgeraars")
        XCTAssertEqual(question.title?.specification?.value, "Aanmoediging inburgeringstraject")
        XCTAssertEqual(question.numberedQuestions, [])
        assertSlice(text, question.introduction?.range, startsWith: "Het moet de betrachting", endsWith: "wat is de timing ervan?")

        let answer = try XCTUnwrap(question.answer)
        XCTAssertEqual(answer.parts, [])
        assertSlice(text, answer.body?.range, startsWith: "Zoals in de vergadering", endsWith: "hebben afgelegd.")
        XCTAssertEqual(answer.opening, answer.body)

        XCTAssertEqual(question.citations.count, 1)
        let meeting = question.citations[0]
        XCTAssertEqual(meeting.kind, .committeeMeeting)
        assertSlice(text, meeting.range,
                    "in de vergadering van de Commissie Binnenlands Bestuur, Gelijke Kansen en \nInburgering van 1 december 2020")
        XCTAssertEqual(meeting.committeeName, "Binnenlands Bestuur, Gelijke Kansen en Inburgering")
        XCTAssertEqual(meeting.date, DutchDate(year: 2020, month: 12, day: 1))
        assertSlice(text, meeting.dateRange, "1 december 2020")
        XCTAssertNil(meeting.number)
        XCTAssertTrue(meeting.isCanonical)
    }

    func testPlainExport003() throws {
        let text = try TestData.seed("003")
        let question = Question.parse(text)
        XCTAssertEqual(question.kind, .plainExport)
        let title = try XCTUnwrap(question.title)
        XCTAssertEqual(title.subject?.value, "Beleids- en begrotingstoelichting 2023")
        XCTAssertEqual(title.specification?.value, "Gelijke kansen, inburgering en integratie")
        assertSlice(text, title.separatorRange, "  -   ")
        XCTAssertNil(question.introduction, "003 opens with question 1")

        let items = question.numberedQuestions
        XCTAssertEqual(items.map(\.number), Array(1...10))
        assertSlice(text, items[0].range, startsWith: "1. Op 1 juli 2022", endsWith: "na oprichting?")
        assertSlice(text, items[6].range, startsWith: "7. Er is een kredietevolutie", endsWith: "doorfacturatie te wijten?")
        assertSlice(text, items[9].range, startsWith: "10. Op het vlak", endsWith: "concrete timing daarvoor?")
        assertSlice(text, items[9].markerRange, "10.")

        let answer = try XCTUnwrap(question.answer)
        XCTAssertEqual(answer.parts.map(\.number), Array(1...10))
        XCTAssertEqual(answer.parts[0].text,
                       "Hiervoor verwijs ik naar de bespreking van de Beleids- en Begrotingstoelichting in de \ncommissie op 15 november 2022.")
        assertSlice(text, answer.parts[9].range, startsWith: "10. Beide projecten", endsWith: "de toekomst na 2024.")

        XCTAssertEqual(question.citations.count, 4)
        for citation in question.citations {
            XCTAssertEqual(citation.kind, .committeeMeeting)
            XCTAssertEqual(citation.date, DutchDate(year: 2022, month: 11, day: 15))
            XCTAssertNil(citation.committeeName)
            XCTAssertEqual(citation.canonicalText, "in de commissie op 15 november 2022")
            XCTAssertTrue(citation.isCanonical, "a line break counts as a space")
        }
        assertSlice(text, question.citations[0].range, "in de \ncommissie op 15 november 2022")
        XCTAssertTrue(question.citations.allSatisfy { answer.range.contains($0.range) })

        // Dates in every form, also split over two lines.
        let dates = question.dates.map { text.slice($0.range) }
        XCTAssertTrue(dates.contains("31 \ndecember 2024"))
        XCTAssertTrue(dates.contains("01/11/2021"))
        XCTAssertTrue(dates.contains("1/1/2022"))
        XCTAssertTrue(question.dates.allSatisfy(\.isValid))
    }

    func testPlainExport004FindsTheAnswerDespiteAnIndentedQuestionLine() throws {
        let text = try TestData.seed("004")
        let question = Question.parse(text)
        XCTAssertEqual(question.kind, .plainExport)
        XCTAssertTrue(question.title?.hasCanonicalSeparator ?? false)
        XCTAssertEqual(question.title?.subject?.value, "Inburgeringstraject")
        XCTAssertEqual(question.title?.specification?.value, "Werving bij rechthebbenden")
        assertSlice(text, question.introduction?.range, startsWith: "Naar aanleiding", endsWith: "te bereiken.")

        let items = question.numberedQuestions
        XCTAssertEqual(items.map(\.number), [1, 2, 3, 4, 5, 6])
        // Context paragraphs between questions belong to no question.
        assertSlice(text, items[1].range, startsWith: "2. Welke specifieke", endsWith: "hernieuwd inburgeringstraject?")
        assertSlice(text, items[3].range, startsWith: "4. Hoe kijkt", endsWith: "voor lokale besturen?")
        assertSlice(text, items[5].range, startsWith: "6. Op welke manier", endsWith: "naar het inburgeringstraject?")

        // The trap: ` parallelle samenleving te vermijden.` is question text.
        let trap = try XCTUnwrap(text.utf8Offset(of: " parallelle samenleving"))
        XCTAssertTrue(question.questionRange?.touches(trap) ?? false)
        let answer = try XCTUnwrap(question.answer)
        assertSlice(text, answer.body?.range, startsWith: "1. In Vlaanderen ontvangen", endsWith: "verder onderzocht.")
        XCTAssertGreaterThan(answer.range.start, trap)
        // Parts 5 and 6 lost their numbers in OCR (`. Lokale besturen`): they stay in part 4.
        XCTAssertEqual(answer.parts.map(\.number), [1, 2, 3, 4])
        XCTAssertEqual(question.citations, [])
    }

    func testSeedsParseTheSameWithTheirKindGiven() throws {
        for text in try TestData.allSeeds() {
            let detected = Question.parse(text)
            XCTAssertEqual(Question.parse(text, as: detected.kind), detected)
            XCTAssertEqual(Question.parse(utf8: Array(text.utf8)), detected)
        }
    }
}

import Corpus
import QuestionModel
import XCTest

/// Every lookup of the corpus over the five seeds.
final class SeedCorpusTests: XCTestCase {
    let corpus = Fixtures.seedCorpus

    func testAllSeedsLoadWithoutWarnings() {
        XCTAssertEqual(corpus.count, 5)
        XCTAssertEqual(corpus.warnings, [])
        XCTAssertEqual(corpus.records.filter(\.hasAnswer).count, 5)
    }

    func testLookupByNumberAndDate() throws {
        let found = corpus.records(number: 123, date: Fixtures.date("26 januari 2024"))
        XCTAssertEqual(found.map(\.title), ["Inburgeringstrajecten - Stand van zaken"])
        let record = try XCTUnwrap(found.first)
        XCTAssertEqual(record.author, "Maaike De Vreese")
        XCTAssertEqual(record.minister, "Gwendolyn Rutten")
        XCTAssertEqual(record.theme, "Integratie en Inburgering")
        XCTAssertEqual(record.pdfLink, "https://docs.vlaamsparlement.be/pfile?id=2038554")
        XCTAssertEqual(record.questions.count, 2)
        XCTAssertEqual(record.source, .embedded(name: "002_e03af9a1a96cd0dc.txt"))
        XCTAssertTrue(record.answerExcerpt?.hasPrefix("De cijfers geven") ?? false)
        XCTAssertTrue(corpus.records(number: 123, date: Fixtures.date("27 januari 2024")).isEmpty)
    }

    func testLookupByNumberAloneForDidYouMean() {
        XCTAssertEqual(corpus.records(number: 123).compactMap(\.date), [Fixtures.date("26 januari 2024")])
        XCTAssertTrue(corpus.records(number: 999).isEmpty)
    }

    func testLookupByAuthorMinisterAndTheme() {
        XCTAssertEqual(corpus.records(author: "maaike de vreese").count, 1)
        XCTAssertEqual(corpus.records(author: "MAAIKE  DE VREESE").count, 1)
        XCTAssertEqual(corpus.records(minister: "Gwendolyn Rutten").count, 1)
        XCTAssertEqual(corpus.records(theme: "Integratie en Inburgering").count, 1)
        XCTAssertEqual(corpus.authors.map(\.name), ["Maaike De Vreese"])
    }

    func testCitationGraph() {
        let citing113 = corpus.records(citing: QuestionReference(number: 113, date: Fixtures.date("6 januari 2023")))
        XCTAssertEqual(citing113.map(\.title), ["Inburgeringstrajecten - Stand van zaken"])
        let citing118 = corpus.records(citing: QuestionReference(number: 118, date: Fixtures.date("10 januari 2023")))
        XCTAssertEqual(citing118.map(\.title), ["Gedetineerden - Inburgering"])
    }

    func testAParaphraseFindsItsSeedFirst() {
        let paraphrases = [
            ("Hoe wil de minister het introductiefilmpje over inburgering tonen in de gevangenissen, en hoeveel gedetineerden ondertekenden een contract?",
             "Gedetineerden - Inburgering"),
            ("Hoe moedigt de minister nieuwkomers aan die niet verplicht zijn tot inburgering? Welke domeinen en welke timing?",
             "Niet-verplichte inburgeraars - Aanmoediging inburgeringstraject"),
            ("Graag cijfers over uitnodigingen voor het startgesprek, contracten en attesten per agentschap en per provincie.",
             "Inburgeringstrajecten - Stand van zaken"),
            ("Welke middelen gaan naar het Mensenrechteninstituut en naar Maxipac en Jobroad in de begroting?",
             "Beleids- en begrotingstoelichting 2023 - Gelijke kansen, inburgering en integratie"),
            ("Hoe spoort het agentschap rechthebbenden en diasporagroepen aan om een inburgeringstraject te volgen, samen met lokale besturen?",
             "Inburgeringstraject - Werving bij rechthebbenden"),
        ]
        for (query, title) in paraphrases {
            XCTAssertEqual(corpus.search(query, limit: 3).first?.record.title, title, query)
        }
    }

    func testSearchIsRankedAndLimited() {
        let results = corpus.search("inburgeringstraject", limit: 2)
        XCTAssertEqual(results.count, 2)
        XCTAssertGreaterThanOrEqual(results[0].score, results[1].score)
        XCTAssertTrue(corpus.search("", limit: 10).isEmpty)
        XCTAssertTrue(corpus.search("xyzzy onbestaand", limit: 10).isEmpty)
        XCTAssertEqual(corpus.search("inburgeringstraject", limit: 10, excluding: [0]).contains { $0.index == 0 }, false)
    }

    func testAbbreviationsAsTheCorpusWritesThem() {
        XCTAssertEqual(corpus.abbreviation("AgII")?.longForm, "Agentschap Integratie en Inburgering")
        XCTAssertEqual(corpus.abbreviation("VMRI")?.longForm, "Vlaams Mensenrechteninstituut")
        XCTAssertEqual(corpus.abbreviation("BBT")?.longForm, "beleids- en begrotingstoelichting")
    }

    func testEmbeddedSeedsAreTheSeedsFolderByteForByte() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixtures.seeds.path).sorted()
        XCTAssertEqual(EmbeddedSeeds.files.map(\.name), files, "run scripts/embed-seeds.sh after changing seeds/")
        for (name, text) in EmbeddedSeeds.files {
            let onDisk = try Data(contentsOf: Fixtures.seeds.appendingPathComponent(name))
            XCTAssertEqual(Data(text.utf8), onDisk, "\(name) differs: run scripts/embed-seeds.sh")
        }
    }
}

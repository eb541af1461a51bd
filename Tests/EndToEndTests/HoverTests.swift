import Foundation
import JSONRPC
import XCTest

/// Hover over stdio against the embedded seeds: citations, dates, abbreviations, in
/// Markdown or plain text as the client asks.
final class HoverTests: XCTestCase {
    static let markdownClient: JSONValue = ["textDocument": ["hover": ["contentFormat": ["markdown", "plaintext"]]]]

    static let draft = MarkedText("""
        aan: Gwendolyn Rutten
        datum: 26 janu1️⃣ari 2024

        Inburgering - Stand van zaken

        Één 😀 vraag: in opvolging van mijn schriftelijke vraag nr. 113 van 6 januari 2023 en
        van vraag nr. 123 van 26 januari 2024 vraag ik het Agentschap (Ag2️⃣II) om cijfers.
        Ook vraag nr. 123 van 26 januari 2023 en de vergadering van 3️⃣31 februari 2023.

        1. Hoeveel trajecten werden gestart op vrijdag 4️⃣5 januari 2024?

        """)

    func testCitationPreviewAndUnknownCitation() throws {
        let session = try EditingSession(capabilities: Self.markdownClient)
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/hover.vraag"
        session.server.open(uri, Self.draft.text)

        // The seed's own citation: nr. 113 is not in the seeds corpus.
        let unknown = try session.request("textDocument/hover", uri, position(5, 61))
        XCTAssertEqual(unknown["contents"]?["kind"], "markdown")
        let unknownText = unknown["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(unknownText.contains("nr. 113 van 6 januari 2023 staat niet in het corpus"), unknownText)
        XCTAssertTrue(unknownText.contains("nummer 113 is onbekend"), unknownText)
        // The range is the whole citation, in UTF-16 units after `Één 😀`.
        XCTAssertEqual(unknown["range"], range(5, 31, 5, 82))

        let known = try session.request("textDocument/hover", uri, position(6, 17))
        let knownText = known["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(knownText.contains("**Inburgeringstrajecten - Stand van zaken**"), knownText)
        XCTAssertTrue(knownText.contains("Schriftelijke vraag nr. 123 van vrijdag 26 januari 2024"), knownText)
        XCTAssertTrue(knownText.contains("Maaike De Vreese → Gwendolyn Rutten"), knownText)
        XCTAssertTrue(knownText.contains("Thema: Integratie en Inburgering"), knownText)
        XCTAssertTrue(knownText.contains("1. Kan de minister een overzicht geven"), knownText)
        XCTAssertTrue(knownText.contains("**Antwoord:** De cijfers geven de situatie weer"), knownText)
        XCTAssertTrue(knownText.contains("[pdf](https://docs.vlaamsparlement.be/pfile?id=2038554)"), knownText)

        // Same number, wrong year: the closest match is named.
        let mismatch = try session.request("textDocument/hover", uri, position(7, 15))
        let mismatchText = mismatch["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(mismatchText.contains("op een andere datum"), mismatchText)
        XCTAssertTrue(mismatchText.contains("nr. 123 van 26 januari 2024"), mismatchText)
        try session.finish()
    }

    func testPlainTextForClientsWithoutMarkdown() throws {
        let session = try EditingSession(capabilities: ["textDocument": ["hover": ["contentFormat": ["plaintext"]]]])
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/plain.vraag"
        session.server.open(uri, Self.draft.text)
        let hover = try session.request("textDocument/hover", uri, position(6, 17))
        XCTAssertEqual(hover["contents"]?["kind"], "plaintext")
        let text = hover["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(text.hasPrefix("Inburgeringstrajecten - Stand van zaken\n"), text)
        XCTAssertFalse(text.contains("**"), text)
        XCTAssertTrue(text.contains("pdf: https://docs.vlaamsparlement.be/pfile?id=2038554"), text)
        try session.finish()
    }

    func testDatesAndAbbreviations() throws {
        let session = try EditingSession(capabilities: Self.markdownClient)
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/dates.vraag"
        session.server.open(uri, Self.draft.text)

        // The header date: weekday and the answer's due date, 20 working days later.
        let header = try session.request("textDocument/hover", uri, Self.draft["1️⃣"])
        let headerText = header["contents"]?["value"]?.stringValue ?? ""
        XCTAssertTrue(headerText.contains("vrijdag 26 januari 2024"), headerText)
        XCTAssertTrue(headerText.contains("Antwoord verwacht uiterlijk vrijdag 23 februari 2024"), headerText)
        XCTAssertEqual(header["range"], range(1, 7, 1, 22))

        let inText = try session.request("textDocument/hover", uri, Self.draft["4️⃣"])
        let inTextValue = inText["contents"]?["value"]?.stringValue ?? ""
        XCTAssertEqual(inTextValue, "vrijdag 5 januari 2024")

        let impossible = try session.request("textDocument/hover", uri, Self.draft["3️⃣"])
        XCTAssertTrue(impossible["contents"]?["value"]?.stringValue?.contains("februari 2023 heeft geen dag 31") ?? false,
                      "\(impossible)")

        let abbreviation = try session.request("textDocument/hover", uri, Self.draft["2️⃣"])
        XCTAssertTrue(abbreviation["contents"]?["value"]?.stringValue?.hasPrefix("**AgII**: Agentschap Integratie en Inburgering") ?? false,
                      "\(abbreviation)")

        // Nothing to say on an ordinary word.
        XCTAssertEqual(try session.request("textDocument/hover", uri, position(3, 3)), .null)
        try session.finish()
    }
}

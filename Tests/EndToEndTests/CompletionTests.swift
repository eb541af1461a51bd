import Foundation
import JSONRPC
import XCTest

/// Completion over stdio against the embedded seeds, at UTF-16 positions after
/// multi-byte characters.
final class CompletionTests: XCTestCase {
    static let richClient: JSONValue = ["textDocument": ["completion": ["completionItem": [
        "snippetSupport": true, "documentationFormat": ["markdown", "plaintext"],
    ]]]]

    private func complete(_ session: EditingSession, _ uri: String, _ position: JSONValue,
                          file: StaticString = #filePath, line: UInt = #line) throws -> (items: [JSONValue], isIncomplete: Bool?) {
        let result = try session.request("textDocument/completion", uri, position, file: file, line: line)
        return (result["items"]?.arrayValue ?? [], result["isIncomplete"]?.boolValue)
    }

    private func labels(_ items: [JSONValue]) -> [String] { items.compactMap { $0["label"]?.stringValue } }

    func testQuestionNumbersAfterVraagNr() throws {
        let session = try EditingSession(capabilities: Self.richClient)
        try session.waitForCorpus(records: 5)
        let draft = MarkedText("""
            Inburgering - Cijfers

            Één 😀 verwijzing: mijn schriftelijke vraag nr. 121️⃣
            Zie vraag nr.2️⃣
            En nr. 123 van 26 j3️⃣

            """)
        let uri = "file:///tmp/complete-number.vraag"
        session.server.open(uri, draft.text)

        let (items, isIncomplete) = try complete(session, uri, draft["1️⃣"])
        XCTAssertEqual(isIncomplete, true)
        let first = try XCTUnwrap(items.first)
        XCTAssertEqual(first["label"], "123 van 26 januari 2024")
        XCTAssertEqual(first["detail"], "Inburgeringstrajecten - Stand van zaken")
        XCTAssertEqual(first["filterText"], "123 van 26 januari 2024 Inburgeringstrajecten - Stand van zaken")
        // Replaces the `12` typed after `nr. `: UTF-16 columns 48 to 50 after `Één 😀`.
        XCTAssertEqual(first["textEdit"], ["range": range(2, 48, 2, 50), "newText": "123 van 26 januari 2024"])
        XCTAssertEqual(first["documentation"]?["kind"], "markdown")
        XCTAssertTrue(first["documentation"]?["value"]?.stringValue?.contains("Maaike De Vreese → Gwendolyn Rutten") ?? false)

        // Right after the dot: a space comes with the number.
        let (afterDot, _) = try complete(session, uri, draft["2️⃣"])
        XCTAssertEqual(afterDot.first?["textEdit"]?["newText"], " 123 van 26 januari 2024")
        XCTAssertEqual(afterDot.first?["textEdit"]?["range"], range(3, 13, 3, 13))

        // Part of the date typed: still offered, the whole typed text replaced.
        let (partial, _) = try complete(session, uri, draft["3️⃣"])
        XCTAssertEqual(partial.first?["textEdit"], ["range": range(4, 7, 4, 19), "newText": "123 van 26 januari 2024"])
        try session.finish()
    }

    func testTitleWordsAfterNrAndResolve() throws {
        let session = try EditingSession(capabilities: Self.richClient)
        try session.waitForCorpus(records: 5)
        let uri = "file:///tmp/complete-title.vraag"
        let draft = MarkedText("Titel - Test\n\nZie vraag nr. inburgering1️⃣\n")
        session.server.open(uri, draft.text)
        let (items, _) = try complete(session, uri, draft["1️⃣"])
        XCTAssertEqual(labels(items), ["123 van 26 januari 2024"], "only numbered records can be cited")

        // Resolve adds the preview to an item that has none.
        var bare = try XCTUnwrap(items.first)
        if case .object(var object) = bare { object["documentation"] = nil; bare = .object(object) }
        let resolved = try session.server.request("completionItem/resolve", bare)["result"]
        XCTAssertTrue(resolved?["documentation"]?["value"]?.stringValue?.contains("Inburgeringstrajecten - Stand van zaken") ?? false,
                      "\(String(describing: resolved))")
        try session.finish()
    }

    func testHeaderValuesAndTitleSubjects() throws {
        let session = try EditingSession(capabilities: Self.richClient)
        try session.waitForCorpus(records: 5)
        let draft = MarkedText("""
            aan: Gw1️⃣
            van: vree2️⃣
            thema: 3️⃣

            Inburg4️⃣

            """)
        let uri = "file:///tmp/complete-header.vraag"
        session.server.open(uri, draft.text)

        let (ministers, _) = try complete(session, uri, draft["1️⃣"])
        XCTAssertEqual(ministers.first?["label"], "Gwendolyn Rutten")
        XCTAssertTrue(ministers.first?["detail"]?.stringValue?.hasPrefix("VICEMINISTER-PRESIDENT VAN DE VLAAMSE REGERING") ?? false)
        XCTAssertEqual(ministers.first?["textEdit"], ["range": range(0, 5, 0, 7), "newText": "Gwendolyn Rutten"])

        let (authors, _) = try complete(session, uri, draft["2️⃣"])
        XCTAssertEqual(labels(authors), ["Maaike De Vreese"], "found by the last name")

        let (themes, _) = try complete(session, uri, draft["3️⃣"])
        XCTAssertEqual(labels(themes), ["Integratie en Inburgering"])

        let (subjects, _) = try complete(session, uri, draft["4️⃣"])
        XCTAssertEqual(Set(labels(subjects)), ["Inburgeringstrajecten", "Inburgeringstraject"])
        XCTAssertEqual(subjects.first?["textEdit"]?["range"], range(4, 0, 4, 6))
        try session.finish()
    }

    func testSnippetTermsAbbreviationsAndOpeners() throws {
        let session = try EditingSession(capabilities: Self.richClient)
        try session.waitForCorpus(records: 5)
        let draft = MarkedText("""
            Inburgering - Lokale besturen

            Ik las over é😀 mijn schriftelijke vr1️⃣ en over de lokale be2️⃣ en het AgI3️⃣ en Agentschap Integr5️⃣

            1. Hoe4️⃣

            """)
        let uri = "file:///tmp/complete-text.vraag"
        session.server.open(uri, draft.text)

        let (phrase, _) = try complete(session, uri, draft["1️⃣"])
        XCTAssertEqual(phrase.first?["insertTextFormat"], 2)
        XCTAssertEqual(phrase.first?["textEdit"]?["newText"], "schriftelijke vraag nr. ${1:nummer} van ${2:datum}")
        XCTAssertEqual(phrase.first?["textEdit"]?["range"], range(2, 21, 2, 37))

        let (terms, _) = try complete(session, uri, draft["2️⃣"])
        XCTAssertEqual(terms.first?["label"], "lokale besturen")
        XCTAssertEqual(terms.first?["textEdit"]?["range"], range(2, 49, 2, 58), "replaces both words")

        let (abbreviations, _) = try complete(session, uri, draft["3️⃣"])
        XCTAssertEqual(abbreviations.first?["label"], "AgII")
        XCTAssertEqual(abbreviations.first?["detail"], "Agentschap Integratie en Inburgering")

        let (agencies, _) = try complete(session, uri, draft["5️⃣"])
        XCTAssertEqual(agencies.first?["label"], "Agentschap Integratie en Inburgering")
        XCTAssertEqual(agencies.first?["kind"], 9, "an agency is a module")

        let (openers, _) = try complete(session, uri, draft["4️⃣"])
        XCTAssertEqual(labels(openers), ["Hoeveel …?", "Hoe …?"])
        XCTAssertEqual(openers.first?["textEdit"], ["range": range(4, 3, 4, 6), "newText": "Hoeveel ${1}?"])
        try session.finish()
    }

    func testPlainTextWithoutSnippetSupport() throws {
        let session = try EditingSession()
        try session.waitForCorpus(records: 5)
        let draft = MarkedText("Titel - Test\n\nZie mijn Schriftelijke1️⃣\n\n1. Kan2️⃣\n")
        let uri = "file:///tmp/complete-plain.vraag"
        session.server.open(uri, draft.text)
        let (phrase, _) = try complete(session, uri, draft["1️⃣"])
        XCTAssertEqual(phrase.first?["insertTextFormat"], 1)
        XCTAssertEqual(phrase.first?["textEdit"]?["newText"], "Schriftelijke vraag nr. ")
        let (openers, _) = try complete(session, uri, draft["2️⃣"])
        XCTAssertEqual(openers.first?["textEdit"]?["newText"], "Kan de minister ")
        try session.finish()
    }

    func testCapabilitiesAnnounceCompletion() throws {
        let server = try ServerProcess()
        let response = try server.initialize()
        let completion = response["result"]?["capabilities"]?["completionProvider"]
        XCTAssertEqual(completion?["triggerCharacters"], [".", " ", ":"])
        XCTAssertEqual(completion?["resolveProvider"], true)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }
}

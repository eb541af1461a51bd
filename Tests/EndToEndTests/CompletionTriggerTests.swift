import Foundation
import JSONRPC
import XCTest

/// Completion in running text over stdio (issue 14, item 3): a completion never
/// replaces text that is not a prefix of its label, and terms come on explicit
/// invocation or after a typed prefix, never after every space; openers stay.
final class CompletionTriggerTests: XCTestCase {
    private func complete(_ session: EditingSession, _ uri: String, _ position: JSONValue, triggerKind: Int,
                          character: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> [JSONValue] {
        var context: [String: JSONValue] = ["triggerKind": .int(triggerKind)]
        if let character { context["triggerCharacter"] = .string(character) }
        let result = try session.request("textDocument/completion", uri, position, extra: ["context": .object(context)],
                                         file: file, line: line)
        return result["items"]?.arrayValue ?? []
    }

    private func labels(_ items: [JSONValue]) -> [String] { items.compactMap { $0["label"]?.stringValue } }

    func testNoTermReplacesAWholeWordThatIsNotItsPrefix() throws {
        let session = try EditingSession()
        try session.waitForCorpus(records: 5)
        let draft = MarkedText("""
            Inburgering - Derdelanders

            Inleiding over é😀 derdelanders.

            1. Hoeveel?
            2. Kan de 1️⃣
            3. Ik weet dat het aantal 2️⃣
            4. Ik weet dat het aantal inb3️⃣
            5. 4️⃣

            """)
        let uri = "file:///tmp/complete-trigger.vraag"
        session.server.open(uri, draft.text)

        // Typed a space: nothing pops up in running text.
        XCTAssertEqual(labels(try complete(session, uri, draft["1️⃣"], triggerKind: 2, character: " ")), [])
        XCTAssertEqual(labels(try complete(session, uri, draft["2️⃣"], triggerKind: 2, character: " ")), [])
        // Asked for after `Kan de `: only what continues `de ` (or `Kan de `), never `derdelanders`.
        let invoked = try complete(session, uri, draft["1️⃣"], triggerKind: 1)
        XCTAssertFalse(labels(invoked).contains { $0.lowercased().hasPrefix("derdelanders") }, "\(labels(invoked))")
        for item in invoked { try assertReplacesAPrefix(item, of: draft.text) }
        // A typed prefix of three letters, as the list is typed on.
        let typed = try complete(session, uri, draft["3️⃣"], triggerKind: 3)
        XCTAssertTrue(labels(typed).contains("aantal inburgeraars"), "\(labels(typed))")
        for item in typed { try assertReplacesAPrefix(item, of: draft.text) }
        // Question openers at the start of an item stay, also after a typed space.
        let openers = labels(try complete(session, uri, draft["4️⃣"], triggerKind: 2, character: " "))
        XCTAssertTrue(openers.contains("Kan de minister …?"), "\(openers)")
        try session.finish()
    }

    /// At every word end and after every space of running text, explicitly asked:
    /// each completion's replaced text is a prefix of its label (case and accents aside).
    func testEveryCompletionInRunningTextReplacesAPrefixOfItsLabel() throws {
        let session = try EditingSession()
        try session.waitForCorpus(records: 5)
        let text = """
            Inburgering - Stand van zaken

            Het Agentschap Integratie en Inburgering ontwikkelde een filmpje voor gedetineerden en de lokale besturen.

            1. Kan de minister een overzicht geven van het aantal inburgeraars per agentschap?

            """
        let uri = "file:///tmp/complete-everywhere.vraag"
        session.server.open(uri, text)
        let lines = text.components(separatedBy: "\n")
        var asked = 0
        for (lineNumber, line) in lines.enumerated() where lineNumber >= 2 {
            let units = Array(line.utf16)
            for column in 1...max(1, units.count) where column <= units.count {
                let before = units[column - 1]
                let next = column < units.count ? units[column] : 0x20
                guard before == 0x20 || next == 0x20 else { continue }  // after a space, or at a word end
                asked += 1
                for item in try complete(session, uri, position(lineNumber, column), triggerKind: 1) {
                    try assertReplacesAPrefix(item, of: text)
                }
            }
        }
        XCTAssertGreaterThan(asked, 20)
        try session.finish()
    }

    /// The text an item's edit replaces, folded, starts its label (or its insert text).
    private func assertReplacesAPrefix(_ item: JSONValue, of text: String, file: StaticString = #filePath, line: UInt = #line) throws {
        guard item["kind"] != 18 else { return }  // a cited question found by its title words after `nr.`
        let edit = try XCTUnwrap(item["textEdit"], file: file, line: line)
        let replaced = replacedText(edit["range"] ?? .null, in: text)
        let label = item["label"]?.stringValue ?? ""
        let newText = edit["newText"]?.stringValue ?? ""
        func fold(_ string: String) -> String {
            string.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        }
        let key = fold(replaced).trimmingCharacters(in: .whitespaces).isEmpty ? "" : fold(replaced)
        XCTAssertTrue(fold(label).hasPrefix(key) || fold(newText).hasPrefix(key),
                      "'\(replaced)' replaced by '\(newText)' (\(label))", file: file, line: line)
    }

    private func replacedText(_ range: JSONValue, in text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        guard case .int(let line)? = range["start"]?["line"], case .int(let start)? = range["start"]?["character"],
              case .int(let endLine)? = range["end"]?["line"], case .int(let end)? = range["end"]?["character"],
              line == endLine, line < lines.count else { return "<bad range>" }
        let units = Array(lines[line].utf16)
        return String(decoding: units[min(start, units.count)..<min(end, units.count)], as: UTF16.self)
    }
}

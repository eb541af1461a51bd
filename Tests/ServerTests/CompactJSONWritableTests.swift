import Foundation
import JSONRPC
import LSP
import XCTest

/// The LSP values that write their own JSON (`CompactJSONWritable`) write what
/// `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` writes for them.
final class CompactJSONWritableTests: XCTestCase {
    private func assertSameBytes<Value: Encodable>(_ value: Value, file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = JSONEncoder()
        reference.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try reference.encode(value), as: UTF8.self)
        XCTAssertEqual(String(decoding: try CompactJSONEncoder().encode(value), as: UTF8.self), expected,
                       file: file, line: line)
    }

    private let range = Range(start: Position(line: 0, character: 12), end: Position(line: 31_829, character: 1_000_000))
    private let names = ["1. Hoeveel?", "Titel - \"Één\" a/b\n\t\u{1}", "", "😀 \\ é"]

    func testPositionsRangesAndLocations() throws {
        try assertSameBytes(Position(line: 3, character: 0))
        try assertSameBytes(range)
        try assertSameBytes([range, range])
        try assertSameBytes(Location(uri: "file:///tmp/a%20b/x.vraag", range: range))
    }

    func testFlatAndHierarchicalSymbols() throws {
        let flat = names.enumerated().map { index, name in
            SymbolInformation(name: name, kind: .field, location: Location(uri: "file:///w/é.vraag", range: range),
                              containerName: index.isMultiple(of: 2) ? nil : names[index - 1])
        }
        try assertSameBytes(flat)
        try assertSameBytes(DocumentSymbolResult.flat(flat))
        let leaves = names.map { DocumentSymbol(name: $0, detail: nil, kind: .string, range: range, selectionRange: range) }
        let tree = [
            DocumentSymbol(name: "Kop", detail: "2 velden", kind: .namespace, range: range, selectionRange: range,
                           children: leaves),
            DocumentSymbol(name: "1. Vraag", detail: "vraag 1", kind: .object, range: range, selectionRange: range,
                           children: []),
            DocumentSymbol(name: "Bijlage", kind: .module, range: range, selectionRange: range,
                           children: [DocumentSymbol(name: "a)", kind: .key, range: range, selectionRange: range,
                                                     children: leaves)]),
        ]
        try assertSameBytes(DocumentSymbolResult.hierarchical(tree))
        // Inside a value encoded the ordinary way, as a response is.
        struct Envelope: Encodable { let id: Int; let result: DocumentSymbolResult; let location: Location? }
        try assertSameBytes(Envelope(id: 7, result: .hierarchical(tree), location: nil))
        try assertSameBytes(Envelope(id: 7, result: .flat(flat), location: Location(uri: "u", range: range)))
    }
}

extension CompactJSONWritableTests {
    private func diagnostic(_ index: Int) -> Diagnostic {
        var diagnostic = Diagnostic(range: range, severity: index == 0 ? nil : .warning, code: index == 1 ? nil : "word-limit",
                                    source: index == 2 ? nil : "vraagbaak", message: names[index % names.count],
                                    relatedInformation: index == 3 ? nil : [
                                        DiagnosticRelatedInformation(location: Location(uri: "file:///a", range: range),
                                                                     message: "nr. 12 \"x\""),
                                    ])
        if index == 4 { diagnostic.codeDescription = CodeDescription(href: "https://example.org/a/b?c=d") }
        if index == 5 { diagnostic.data = .object(["z": .int(1), "a": .array([.string("é/"), .null, .bool(false), .double(0.5)])]) }
        return diagnostic
    }

    func testDiagnosticsInEveryShape() throws {
        let diagnostics = (0..<7).map(diagnostic)
        try assertSameBytes(diagnostics)
        try assertSameBytes(PublishDiagnosticsParams(uri: "file:///w/x.vraag", version: 3, diagnostics: diagnostics))
        try assertSameBytes(DocumentDiagnosticReport.full(diagnostics, resultId: "1-2"))
    }

    func testCodeActionsInEveryShape() throws {
        let edits = [TextEdit(range: range, newText: "Deze vraag volgt op\n\"nr. 1\""), TextEdit(range: range, newText: "")]
        let actions = [
            CodeAction(title: "Verwijzen", kind: "quickfix", diagnostics: [diagnostic(1)], isPreferred: true,
                       edit: WorkspaceEdit(changes: ["file:///b": edits, "file:///a": [], "file:///é": edits])),
            CodeAction(title: "Negeren", kind: "quickfix", diagnostics: [diagnostic(5)], isPreferred: nil, edit: nil,
                       command: Command(title: "Negeren", command: "vraagbaak.silence",
                                        arguments: [.object(["uri": .string("file:///a"), "fingerprint": .string("0a")])])),
            CodeAction(title: "Alle", kind: "source.fixAll", diagnostics: nil, isPreferred: nil, edit: nil,
                       data: .object(["uri": .string("file:///a"), "version": .int(4)])),
            CodeAction(title: "", kind: nil, diagnostics: [], isPreferred: false, edit: WorkspaceEdit(changes: [:]),
                       command: Command(title: "t", command: "c", arguments: nil)),
        ]
        try assertSameBytes(actions)
    }

    /// A payload `JSONEncoder` refuses (a number that is not finite) fails the whole
    /// encoding, inside a hand-written value too.
    func testAPayloadErrorIsTheEncodersError() {
        var diagnostic = diagnostic(0)
        diagnostic.data = .double(.infinity)
        XCTAssertThrowsError(try CompactJSONEncoder().encode([diagnostic]))
        XCTAssertThrowsError(try JSONEncoder().encode([diagnostic]))
    }
}

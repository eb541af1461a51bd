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

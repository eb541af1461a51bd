import Foundation
import JSONRPC
import XCTest

/// `CompactJSONEncoder` writes what `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` wrote for every message before it, byte for byte.
final class CompactJSONEncoderTests: XCTestCase {
    private func assertSameBytes<Value: Encodable>(_ value: Value, file: StaticString = #filePath, line: UInt = #line) throws {
        let reference = JSONEncoder()
        reference.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try reference.encode(value)
        let actual = try CompactJSONEncoder().encode(value)
        XCTAssertEqual(String(decoding: actual, as: UTF8.self), String(decoding: expected, as: UTF8.self),
                       file: file, line: line)
    }

    private struct Position: Codable { var line: Int; var character: Int }
    private struct Span: Codable { var start: Position; var end: Position }
    private struct Edit: Codable { var range: Span; var newText: String }
    private enum Kind: String, Codable { case quickfix, refactor = "refactor.rewrite" }
    private struct Action: Codable {
        var title: String
        var kind: Kind?
        var isPreferred: Bool?
        var edits: [String: [Edit]]?
        var data: JSONValue?
        var tags: [Int]?
        var score: Double?
    }
    /// Encodes nothing: `{}` inside a value, an error at the top, as in `JSONEncoder`.
    private struct Nothing: Encodable { func encode(to encoder: Encoder) throws {} }
    /// Sets a key twice: the last value wins.
    private struct Twice: Encodable {
        enum CodingKeys: String, CodingKey { case b, a }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(1, forKey: .b)
            try container.encode("first", forKey: .a)
            try container.encode("second", forKey: .a)
            var again = encoder.container(keyedBy: CodingKeys.self)
            try again.encode(true, forKey: .b)
        }
    }
    /// Nested containers written out of order and a super encoder: the tree encoder's part.
    private struct Nested: Encodable {
        enum CodingKeys: String, CodingKey { case z, a, m }
        enum Inner: String, CodingKey { case y, b }
        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var inner = container.nestedContainer(keyedBy: Inner.self, forKey: .z)
            try inner.encode(1, forKey: .y)
            var list = container.nestedUnkeyedContainer(forKey: .a)
            try list.encode("x")
            try inner.encode([2, 3], forKey: .b)
            try list.encode(Position(line: 1, character: 2))
            var superContainer = container.superEncoder().singleValueContainer()
            try superContainer.encode(5)
            try container.encode(Twice(), forKey: .m)
        }
    }
    private struct Integers: Encodable {
        var a = Int8.min, b = Int16.max, c = Int32.min, d = Int64.max, e = UInt.max, f = UInt8.max, g = UInt16(7)
        var h = UInt32.max, i = UInt64.max, j = Int.min, k = 0, l = -0, m = Float(0.1), n = [Float(2.5), Float(-1e-3)]
    }

    func testStringsEscapeAsJSONEncoderDoes() throws {
        let controls = String((0..<0x20).map { Character(Unicode.Scalar(UInt8($0))) })
        try assertSameBytes([controls, "\"quoted\" \\ back/slash", "\u{7F} é 中 😀 𝄞 \u{2028}\u{2029}\u{FEFF}", "", "/"])
        try assertSameBytes("a lone string with \u{0} and \n")
    }

    func testNumbersAndFragments() throws {
        try assertSameBytes(Integers())
        try assertSameBytes([0.1, 1.0, -0.0, 1e20, 1e-7, 123456789.125, 2.5e300, 5e-324])
        try assertSameBytes(42)
        try assertSameBytes(true)
        try assertSameBytes(Int?.none)
        try assertSameBytes((0..<10_000).map { $0 * 7919 % 100_003 - 50_000 })
    }

    func testObjectsSortTheirKeysByBytes() throws {
        let keys: [String: Int] = ["b": 1, "B": 2, "a": 3, "A": 4, "item10": 5, "item2": 6, "é": 7, "_x": 8, "aB": 9,
                                   "ab": 10, "": 11]
        try assertSameBytes(keys)
        try assertSameBytes(Twice())
        try assertSameBytes(Nested())
        try assertSameBytes([Nested(), Nested()])
        try assertSameBytes(["k": [Twice()]])
        XCTAssertThrowsError(try CompactJSONEncoder().encode(Nothing()), "as JSONEncoder: nothing at the top level")
        try assertSameBytes([Nothing(), Nothing()])
        let span = Span(start: Position(line: 3, character: 17), end: Position(line: 4, character: 0))
        var actions: [Action] = []
        for index in 0..<50 {
            let kind: Kind? = index % 3 == 0 ? nil : (index % 2 == 0 ? .quickfix : .refactor)
            let isPreferred: Bool? = index % 4 == 0 ? nil : index % 2 == 0
            let edit = Edit(range: span, newText: "nr. \(index)\n")
            let edits: [String: [Edit]]? = index % 5 == 0 ? nil : ["file:///tmp/a b.vraag": [edit], "file:///tmp/c.vraag": []]
            let nested: JSONValue = .array([.null, .bool(false), .double(0.25), .object([:])])
            let data: JSONValue? = index % 2 == 0
                ? nil : .object(["record": .int(index), "source": .string("seeds/x.txt"), "nested": nested])
            let tags: [Int]? = index % 3 == 0 ? [] : [index, -index]
            let score: Double? = index % 7 == 0 ? Double(index) / 3 : nil
            actions.append(Action(title: "Fix \(index) \"now\"", kind: kind, isPreferred: isPreferred, edits: edits,
                                  data: data, tags: tags, score: score))
        }
        try assertSameBytes(actions)
        let json: JSONValue = .object(["zeta": .array([.int(1), .string("x/y")]), "Alpha": .null, "alpha": .double(1e21)])
        try assertSameBytes(json)
    }

    func testANonFiniteNumberIsRefused() {
        XCTAssertThrowsError(try CompactJSONEncoder().encode([Double.nan]))
        XCTAssertThrowsError(try CompactJSONEncoder().encode(["a": Double.infinity]))
    }
}

/// A `CompactJSONWritable` value is written by its `write(to:)`, wherever it stands.
final class CompactJSONWritableDispatchTests: XCTestCase {
    /// Encodes one way through `Encoder`, another by hand: the output tells which ran.
    private struct Marked: CompactJSONWritable {
        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode("through Encoder")
        }

        func write(to writer: inout CompactJSONWriter) {
            writer.beginObject()
            writer.key("a")
            writer.array([Inner(), Inner()])
            writer.key("b")
            writer.bool(true)
            writer.key("c")
            writer.string("x\"/")
            writer.endObject()
        }
    }

    private struct Inner: CompactJSONWritable {
        func encode(to encoder: Encoder) throws {}
        func write(to writer: inout CompactJSONWriter) { writer.int(-3) }
    }

    private struct Holder: Encodable {
        var list = [Marked(), Marked()]
        var single: Marked? = Marked()
        var none: Marked?
    }

    func testWritableValuesAreWrittenByHand() throws {
        let marked = #"{"a":[-3,-3],"b":true,"c":"x\"/"}"#
        XCTAssertEqual(String(decoding: try CompactJSONEncoder().encode(Marked()), as: UTF8.self), marked)
        XCTAssertEqual(String(decoding: try CompactJSONEncoder().encode(Holder()), as: UTF8.self),
                       #"{"list":[\#(marked),\#(marked)],"single":\#(marked)}"#)
    }
}

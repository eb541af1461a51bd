import Foundation

/// Encodes an `Encodable` value as compact JSON, keys sorted by their UTF-8 bytes and
/// slashes unescaped: byte for byte what `JSONEncoder` with `[.sortedKeys,
/// .withoutEscapingSlashes]` writes (`CompactJSONEncoderTests` holds them equal), in
/// a fraction of its time on large results (semantic tokens, code actions, symbols):
/// no coding paths are kept, and integers and strings are written straight to bytes.
///
/// `codingPath` is always empty, which none of our `Encodable` types reads. Floating
/// point numbers are handed to `JSONEncoder`, so they are written (and refused when
/// not finite) exactly as before.
public struct CompactJSONEncoder {
    public init() {}

    public func encode<Value: Encodable>(_ value: Value) throws -> Data {
        guard let node = try JSONNode.encoded(value) else {
            throw EncodingError.invalidValue(value, EncodingError.Context(
                codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
        }
        var writer = JSONNodeWriter()
        writer.write(node)
        if let failure = writer.failure { throw failure }
        return Data(writer.bytes)
    }
}

/// An encoded value, written out once the whole value is encoded (an object's keys
/// are only known, and sorted, at the end).
enum JSONNode {
    case null
    case bool(Bool)
    case int(Int64)
    case unsigned(UInt64)
    case string(String)
    /// JSON text written as is (a floating point number as `JSONEncoder` writes it).
    case literal(String)
    /// A whole array of `Int`s, kept as one array: semantic tokens are millions.
    case ints([Int])
    /// A value that writes itself at the end (`CompactJSONWritable`).
    case writable(any CompactJSONWritable)
    case array(JSONArrayBox)
    case object(JSONObjectBox)

    /// What `value` encodes to; a value that encodes nothing is `{}`, as in `JSONEncoder`.
    static func make<Value: Encodable>(_ value: Value) throws -> JSONNode {
        try encoded(value) ?? .object(JSONObjectBox())
    }

    /// What `value` encodes to, nil when it encodes nothing.
    static func encoded<Value: Encodable>(_ value: Value) throws -> JSONNode? {
        // Metatype comparisons are cheap; the common leaves skip a child encoder.
        if Value.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if Value.self == Int.self { return .int(Int64(unsafeBitCast(value, to: Int.self))) }
        if Value.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if Value.self == [Int].self { return .ints(unsafeBitCast(value, to: [Int].self)) }
        if Value.self == Double.self || Value.self == Float.self { return try literal(value) }
        if let writable = value as? any CompactJSONWritable { return .writable(writable) }
        let encoder = NodeEncoder()
        try value.encode(to: encoder)
        return encoder.node
    }

    /// A floating point number as `JSONEncoder` writes it.
    static func literal<Value: Encodable>(_ value: Value) throws -> JSONNode {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return .literal(String(decoding: try encoder.encode(value), as: UTF8.self))
    }
}

final class JSONArrayBox {
    var elements: [JSONNode] = []
}

final class JSONObjectBox {
    var keys: [String] = []
    var values: [JSONNode] = []

    func set(_ key: String, _ value: JSONNode) {
        keys.append(key)
        values.append(value)
    }
}

/// The `Encoder` handed to `encode(to:)`: it records one node.
final class NodeEncoder: Encoder {
    var node: JSONNode?

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        // Asking twice gives the same object, as in `JSONEncoder`.
        if case .object(let box)? = node { return KeyedEncodingContainer(KeyedNodeContainer(box: box)) }
        let box = JSONObjectBox()
        node = .object(box)
        return KeyedEncodingContainer(KeyedNodeContainer(box: box))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array(let box)? = node { return UnkeyedNodeContainer(box: box) }
        let box = JSONArrayBox()
        node = .array(box)
        return UnkeyedNodeContainer(box: box)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleNodeContainer(encoder: self) }
}

struct KeyedNodeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.set(key.stringValue, try JSONNode.literal(value)) }
    mutating func encode(_ value: Float, forKey key: Key) throws { box.set(key.stringValue, try JSONNode.literal(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.set(key.stringValue, .int(Int64(value))) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.set(key.stringValue, .int(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.set(key.stringValue, .unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.set(key.stringValue, .unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.set(key.stringValue, try JSONNode.make(value))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.set(key.stringValue, .array(nested))
        return UnkeyedNodeContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(object: box, key: "super") }
    mutating func superEncoder(forKey key: Key) -> any Encoder { SlotEncoder(object: box, key: key.stringValue) }
}

struct UnkeyedNodeContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    var codingPath: [any CodingKey] { [] }
    var count: Int { box.elements.count }

    mutating func encodeNil() throws { box.elements.append(.null) }
    mutating func encode(_ value: Bool) throws { box.elements.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.elements.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.elements.append(try JSONNode.literal(value)) }
    mutating func encode(_ value: Float) throws { box.elements.append(try JSONNode.literal(value)) }
    mutating func encode(_ value: Int) throws { box.elements.append(.int(Int64(value))) }
    mutating func encode(_ value: Int8) throws { box.elements.append(.int(Int64(value))) }
    mutating func encode(_ value: Int16) throws { box.elements.append(.int(Int64(value))) }
    mutating func encode(_ value: Int32) throws { box.elements.append(.int(Int64(value))) }
    mutating func encode(_ value: Int64) throws { box.elements.append(.int(value)) }
    mutating func encode(_ value: UInt) throws { box.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt8) throws { box.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt16) throws { box.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt32) throws { box.elements.append(.unsigned(UInt64(value))) }
    mutating func encode(_ value: UInt64) throws { box.elements.append(.unsigned(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws { box.elements.append(try JSONNode.make(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.elements.append(.object(nested))
        return KeyedEncodingContainer(KeyedNodeContainer<NestedKey>(box: nested))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.elements.append(.array(nested))
        return UnkeyedNodeContainer(box: nested)
    }

    mutating func superEncoder() -> any Encoder {
        box.elements.append(.object(JSONObjectBox()))
        return SlotEncoder(array: box, index: box.elements.count - 1)
    }
}

struct SingleNodeContainer: SingleValueEncodingContainer {
    let encoder: NodeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { encoder.node = .null }
    mutating func encode(_ value: Bool) throws { encoder.node = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.node = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.node = try JSONNode.literal(value) }
    mutating func encode(_ value: Float) throws { encoder.node = try JSONNode.literal(value) }
    mutating func encode(_ value: Int) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int8) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int16) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int32) throws { encoder.node = .int(Int64(value)) }
    mutating func encode(_ value: Int64) throws { encoder.node = .int(value) }
    mutating func encode(_ value: UInt) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.node = .unsigned(UInt64(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.node = .unsigned(value) }
    mutating func encode<T: Encodable>(_ value: T) throws { encoder.node = try JSONNode.make(value) }
}

/// The encoder of a `superEncoder()`: what it records goes into its slot of the
/// parent when it is written, so the slot is filled as soon as anything is encoded.
final class SlotEncoder: Encoder {
    private let inner = NodeEncoder()
    private let object: JSONObjectBox?
    private let key: String
    private let array: JSONArrayBox?
    private let index: Int

    init(object: JSONObjectBox, key: String) {
        self.object = object
        self.key = key
        self.array = nil
        self.index = 0
        object.set(key, .object(JSONObjectBox()))
    }

    init(array: JSONArrayBox, index: Int) {
        self.object = nil
        self.key = ""
        self.array = array
        self.index = index
    }

    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    private func store() {
        guard let node = inner.node else { return }
        if let object { object.set(key, node) }
        if let array { array.elements[index] = node }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        defer { store() }
        return inner.container(keyedBy: type)
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        defer { store() }
        return inner.unkeyedContainer()
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SlotSingleContainer(slot: self)
    }

    fileprivate func single<T: Encodable>(_ value: T) throws {
        inner.node = try JSONNode.make(value)
        store()
    }

    fileprivate func singleNil() {
        inner.node = .null
        store()
    }
}

private struct SlotSingleContainer: SingleValueEncodingContainer {
    let slot: SlotEncoder
    var codingPath: [any CodingKey] { [] }
    mutating func encodeNil() throws { slot.singleNil() }
    mutating func encode<T: Encodable>(_ value: T) throws { try slot.single(value) }
}

/// Writes nodes as compact JSON: keys sorted by their UTF-8 bytes (the last value of
/// a key encoded twice wins), `/` unescaped, control characters as `JSONEncoder`
/// writes them.
struct JSONNodeWriter {
    var bytes: [UInt8] = []
    /// The first error of a value a `CompactJSONWritable` encoded through `Encoder`.
    var failure: (any Error)?

    init() { bytes.reserveCapacity(1024) }

    /// A writer with nothing reserved: one whose bytes are swapped in.
    init(empty: Void) {}

    mutating func write(_ node: JSONNode) {
        switch node {
        case .null: append("null")
        case .bool(let value): append(value ? "true" : "false")
        case .int(let value): writeInteger(value)
        case .unsigned(let value): writeUnsigned(value)
        case .string(let value): writeString(value)
        case .literal(let text): append(text)
        case .writable(let value):
            // The bytes move to the writer and back, without a copy.
            var writer = CompactJSONWriter(output: JSONNodeWriter(empty: ()))
            swap(&writer.output.bytes, &bytes)
            value.write(to: &writer)
            swap(&writer.output.bytes, &bytes)
            if failure == nil { failure = writer.output.failure }
        case .ints(let values):
            bytes.reserveCapacity(bytes.count + values.count * 4 + 2)
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                writeInteger(Int64(value))
            }
            bytes.append(UInt8(ascii: "]"))
        case .array(let box):
            bytes.append(UInt8(ascii: "["))
            for (index, element) in box.elements.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                write(element)
            }
            bytes.append(UInt8(ascii: "]"))
        case .object(let box):
            bytes.append(UInt8(ascii: "{"))
            var first = true
            for index in Self.sortedMembers(box.keys) {
                if !first { bytes.append(UInt8(ascii: ",")) }
                first = false
                writeString(box.keys[index])
                bytes.append(UInt8(ascii: ":"))
                write(box.values[index])
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// The members to write, in key order: for a key set twice, its last value.
    static func sortedMembers(_ keys: [String]) -> [Int] {
        var order = Array(keys.indices)
        order.sort { a, b in
            let (keyA, keyB) = (keys[a], keys[b])
            if keyA == keyB { return a < b }
            return keyA.utf8.lexicographicallyPrecedes(keyB.utf8)
        }
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for index in order {
            if let last = kept.last, keys[last] == keys[index] { kept[kept.count - 1] = index } else { kept.append(index) }
        }
        return kept
    }

    private mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func writeInteger(_ value: Int64) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            writeUnsigned(value.magnitude)
        } else {
            writeUnsigned(UInt64(value))
        }
    }

    private mutating func writeUnsigned(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            var rest = value
            while rest > 0 {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    private static let hex = Array("0123456789abcdef".utf8)

    /// Quotes and backslashes escaped, control characters as `\b \t \n \f \r` or
    /// `\u00xx`; everything else (slashes, DEL, non-ASCII) as is.
    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for (index, byte) in utf8.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                if runStart < index { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
                runStart = index + 1
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x08: bytes.append(contentsOf: [0x5C, UInt8(ascii: "b")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0C: bytes.append(contentsOf: [0x5C, UInt8(ascii: "f")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                default:
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                              Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0x0F)]])
                }
            }
            if runStart < utf8.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...])) }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

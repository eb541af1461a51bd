/// A value that writes its own compact JSON: byte for byte what its `Encodable`
/// conformance gives through `CompactJSONEncoder` (members in the byte order of their
/// keys, a nil optional left out), straight into the output. For the values large
/// results hold by the ten thousand (positions, ranges, symbols), whose trip through
/// `Encoder` containers cost most of the time of a 3 MB outline.
///
/// A conforming type writes every member itself, sorted; a test holds its bytes
/// equal to `JSONEncoder`'s with `.sortedKeys`.
public protocol CompactJSONWritable: Encodable {
    func write(to writer: inout CompactJSONWriter)
}

/// Writes compact JSON values one after another, with the commas between them.
public struct CompactJSONWriter {
    var output: JSONNodeWriter
    /// A value was written at this level: the next one needs a comma.
    private var needsComma = false

    init(output: JSONNodeWriter) { self.output = output }

    private mutating func separate() {
        if needsComma { output.bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    public mutating func beginObject() {
        separate()
        output.bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        output.bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray() {
        separate()
        output.bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        output.bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A member's key (plain ASCII, nothing to escape); its value follows.
    public mutating func key(_ key: StaticString) {
        separate()
        output.bytes.append(UInt8(ascii: "\""))
        output.bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        output.bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    /// A member's key that is not a literal (a dictionary's), escaped as a string is.
    public mutating func dynamicKey(_ key: String) {
        separate()
        output.writeString(key)
        output.bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    public mutating func int(_ value: Int) {
        separate()
        output.writeInteger(Int64(value))
    }

    public mutating func bool(_ value: Bool) {
        separate()
        output.bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    public mutating func string(_ value: String) {
        separate()
        output.writeString(value)
    }

    public mutating func value<Value: CompactJSONWritable>(_ value: Value) {
        value.write(to: &self)
    }

    /// Any other value, through `Encoder` as `CompactJSONEncoder` encodes it (a
    /// `JSONValue` payload, say). Its error, if any, is the encoder's.
    public mutating func encodable<Value: Encodable>(_ value: Value) {
        separate()
        do {
            output.write(try JSONNode.make(value))
        } catch {
            if output.failure == nil { output.failure = error }
            output.bytes.append(contentsOf: "null".utf8)
        }
    }

    public mutating func array<Value: CompactJSONWritable>(_ values: [Value]) {
        beginArray()
        for value in values { value.write(to: &self) }
        endArray()
    }
}

import JSONRPC

/// A position in a document: zero-based line, and a character offset counted in
/// the negotiated position encoding (UTF-16 code units unless agreed otherwise).
public struct Position: Codable, Hashable, Sendable, Comparable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: Position, rhs: Position) -> Bool {
        (lhs.line, lhs.character) < (rhs.line, rhs.character)
    }
}

public struct Range: Codable, Hashable, Sendable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

public typealias DocumentURI = String

public struct Location: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var range: Range

    public init(uri: DocumentURI, range: Range) {
        self.uri = uri
        self.range = range
    }
}

public struct TextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public init(uri: DocumentURI) { self.uri = uri }
}

public struct VersionedTextDocumentIdentifier: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var version: Int
    public init(uri: DocumentURI, version: Int) {
        self.uri = uri
        self.version = version
    }
}

public struct TextDocumentPositionParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public init(textDocument: TextDocumentIdentifier, position: Position) {
        self.textDocument = textDocument
        self.position = position
    }
}

/// The params of requests that only name a document (documentSymbol, foldingRange, ...).
public struct TextDocumentParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public init(textDocument: TextDocumentIdentifier) { self.textDocument = textDocument }
}

public struct TextEdit: Codable, Hashable, Sendable {
    public var range: Range
    public var newText: String
    public init(range: Range, newText: String) {
        self.range = range
        self.newText = newText
    }
}

/// The three position encodings of LSP 3.17.
public struct PositionEncodingKind: RawRepresentable, Codable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let utf8 = PositionEncodingKind(rawValue: "utf-8")
    public static let utf16 = PositionEncodingKind(rawValue: "utf-16")
    public static let utf32 = PositionEncodingKind(rawValue: "utf-32")

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public struct MarkupKind: RawRepresentable, Codable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let plaintext = MarkupKind(rawValue: "plaintext")
    public static let markdown = MarkupKind(rawValue: "markdown")

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

public struct MarkupContent: Codable, Hashable, Sendable {
    public var kind: MarkupKind
    public var value: String
    public init(kind: MarkupKind, value: String) {
        self.kind = kind
        self.value = value
    }
}

// Written by hand, members in key order: an outline or a diagnostics list holds
// tens of thousands of positions (`CompactJSONWritable`).
extension Position: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        writer.key("character")
        writer.int(character)
        writer.key("line")
        writer.int(line)
        writer.endObject()
    }
}

extension Range: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        writer.key("end")
        writer.value(end)
        writer.key("start")
        writer.value(start)
        writer.endObject()
    }
}

extension Location: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        writer.key("range")
        writer.value(range)
        writer.key("uri")
        writer.string(uri)
        writer.endObject()
    }
}

extension TextEdit: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        writer.key("newText")
        writer.string(newText)
        writer.key("range")
        writer.value(range)
        writer.endObject()
    }
}

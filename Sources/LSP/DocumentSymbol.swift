import JSONRPC

public enum SymbolKind: Int, Codable, Sendable {
    case file = 1, module, namespace, package, `class`, method, property, field, constructor
    case `enum`, interface, function, variable, constant, string, number, boolean, array
    case object, key, null, enumMember, `struct`, event, `operator`, typeParameter
}

/// A node of the hierarchical outline (`textDocument/documentSymbol`).
public struct DocumentSymbol: Codable, Hashable, Sendable {
    public var name: String
    public var detail: String?
    public var kind: SymbolKind
    public var range: Range
    public var selectionRange: Range
    public var children: [DocumentSymbol]?

    public init(name: String, detail: String? = nil, kind: SymbolKind, range: Range, selectionRange: Range,
                children: [DocumentSymbol]? = nil) {
        self.name = name
        self.detail = detail
        self.kind = kind
        self.range = range
        self.selectionRange = selectionRange
        self.children = children
    }
}

/// The flat form of an outline entry, for clients without hierarchical support.
public struct SymbolInformation: Codable, Hashable, Sendable {
    public var name: String
    public var kind: SymbolKind
    public var location: Location
    public var containerName: String?

    public init(name: String, kind: SymbolKind, location: Location, containerName: String? = nil) {
        self.name = name
        self.kind = kind
        self.location = location
        self.containerName = containerName
    }
}

/// `textDocument/documentSymbol` answers one of two shapes, by client capability.
public enum DocumentSymbolResult: Encodable, Sendable {
    case hierarchical([DocumentSymbol])
    case flat([SymbolInformation])

    public func encode(to encoder: Encoder) throws {
        switch self {
        case .hierarchical(let symbols): try symbols.encode(to: encoder)
        case .flat(let symbols): try symbols.encode(to: encoder)
        }
    }
}

// Written by hand, members in key order: a 1 MB draft's outline has 17,000 entries
// (`CompactJSONWritable`).
extension DocumentSymbol: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        if let children {
            writer.key("children")
            writer.array(children)
        }
        if let detail {
            writer.key("detail")
            writer.string(detail)
        }
        writer.key("kind")
        writer.int(kind.rawValue)
        writer.key("name")
        writer.string(name)
        writer.key("range")
        writer.value(range)
        writer.key("selectionRange")
        writer.value(selectionRange)
        writer.endObject()
    }
}

extension SymbolInformation: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        if let containerName {
            writer.key("containerName")
            writer.string(containerName)
        }
        writer.key("kind")
        writer.int(kind.rawValue)
        writer.key("location")
        writer.value(location)
        writer.key("name")
        writer.string(name)
        writer.endObject()
    }
}

import JSONRPC

public struct CodeActionContext: Codable, Hashable, Sendable {
    public var diagnostics: [Diagnostic]
    public var only: [String]?
}

public struct CodeActionParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range
    public var context: CodeActionContext
}

public struct WorkspaceEdit: Codable, Hashable, Sendable {
    public var changes: [DocumentURI: [TextEdit]]
    public init(changes: [DocumentURI: [TextEdit]]) { self.changes = changes }
}

public struct CodeAction: Codable, Hashable, Sendable {
    public var title: String
    public var kind: String?
    public var diagnostics: [Diagnostic]?
    public var isPreferred: Bool?
    public var edit: WorkspaceEdit?
    public var command: Command?
    /// Kept by the client between `textDocument/codeAction` and `codeAction/resolve`.
    public var data: JSONValue?

    public init(title: String, kind: String?, diagnostics: [Diagnostic]?, isPreferred: Bool?, edit: WorkspaceEdit?,
                command: Command? = nil, data: JSONValue? = nil) {
        self.title = title
        self.kind = kind
        self.diagnostics = diagnostics
        self.isPreferred = isPreferred
        self.edit = edit
        self.command = command
        self.data = data
    }
}

/// A command the server runs (`workspace/executeCommand`).
public struct Command: Codable, Hashable, Sendable {
    public var title: String
    public var command: String
    public var arguments: [JSONValue]?

    public init(title: String, command: String, arguments: [JSONValue]?) {
        self.title = title
        self.command = command
        self.arguments = arguments
    }
}

public struct ExecuteCommandParams: Codable, Hashable, Sendable {
    public var command: String
    public var arguments: [JSONValue]?
}

public struct ExecuteCommandOptions: Codable, Hashable, Sendable {
    public var commands: [String]
    public init(commands: [String]) { self.commands = commands }
}

public struct CodeActionOptions: Codable, Hashable, Sendable {
    public var codeActionKinds: [String]
    public var resolveProvider: Bool?
    public init(codeActionKinds: [String], resolveProvider: Bool? = nil) {
        self.codeActionKinds = codeActionKinds
        self.resolveProvider = resolveProvider
    }
}

public enum CodeActionKind {
    public static let quickFix = "quickfix"
    public static let sourceFixAll = "source.fixAll"
    public static let source = "source"
}

// Written by hand, members in key order: a selection of a long draft gets fifteen
// hundred actions, each with its diagnostic and edit (`CompactJSONWritable`).
extension CodeAction: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        if let command {
            writer.key("command")
            writer.value(command)
        }
        if let data {
            writer.key("data")
            writer.encodable(data)
        }
        if let diagnostics {
            writer.key("diagnostics")
            writer.array(diagnostics)
        }
        if let edit {
            writer.key("edit")
            writer.value(edit)
        }
        if let isPreferred {
            writer.key("isPreferred")
            writer.bool(isPreferred)
        }
        if let kind {
            writer.key("kind")
            writer.string(kind)
        }
        writer.key("title")
        writer.string(title)
        writer.endObject()
    }
}

extension Command: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        if let arguments {
            writer.key("arguments")
            writer.encodable(arguments)
        }
        writer.key("command")
        writer.string(command)
        writer.key("title")
        writer.string(title)
        writer.endObject()
    }
}

extension WorkspaceEdit: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        writer.key("changes")
        writer.beginObject()
        // A dictionary's keys sorted by their bytes, as `JSONEncoder` sorts them.
        for uri in changes.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            writer.dynamicKey(uri)
            writer.array(changes[uri] ?? [])
        }
        writer.endObject()
        writer.endObject()
    }
}

public struct TextDocumentItem: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var languageId: String
    public var version: Int
    public var text: String
}

public struct DidOpenTextDocumentParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentItem
}

/// One entry of `contentChanges`: with a range it replaces that range, without one
/// it replaces the whole text. `rangeLength` is deprecated and ignored.
public struct TextDocumentContentChangeEvent: Codable, Hashable, Sendable {
    public var range: Range?
    public var rangeLength: Int?
    public var text: String

    public init(range: Range?, text: String) {
        self.range = range
        self.text = text
    }
}

public struct DidChangeTextDocumentParams: Codable, Hashable, Sendable {
    public var textDocument: VersionedTextDocumentIdentifier
    public var contentChanges: [TextDocumentContentChangeEvent]
}

public struct DidCloseTextDocumentParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
}

public struct DidSaveTextDocumentParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var text: String?
}

public enum TextDocumentSyncKind: Int, Codable, Sendable {
    case none = 0
    case full = 1
    case incremental = 2
}

public struct SaveOptions: Codable, Hashable, Sendable {
    public var includeText: Bool
    public init(includeText: Bool) { self.includeText = includeText }
}

public struct TextDocumentSyncOptions: Codable, Hashable, Sendable {
    public var openClose: Bool
    public var change: TextDocumentSyncKind
    public var save: SaveOptions?

    public init(openClose: Bool, change: TextDocumentSyncKind, save: SaveOptions?) {
        self.openClose = openClose
        self.change = change
        self.save = save
    }
}

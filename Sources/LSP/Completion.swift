import JSONRPC

/// `textDocument/completion` params.
public struct CompletionParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: CompletionContext?

    public init(textDocument: TextDocumentIdentifier, position: Position, context: CompletionContext? = nil) {
        self.textDocument = textDocument
        self.position = position
        self.context = context
    }
}

public struct CompletionContext: Codable, Hashable, Sendable {
    /// 1 invoked, 2 trigger character, 3 re-trigger for an incomplete list.
    public var triggerKind: Int
    public var triggerCharacter: String?
}

public enum CompletionItemKind: Int, Codable, Sendable {
    case text = 1, method, function, constructor, field, variable, `class`, interface, module, property
    case unit, value, `enum`, keyword, snippet, color, file, reference, folder, enumMember
    case constant, `struct`, event, `operator`, typeParameter
}

public enum InsertTextFormat: Int, Codable, Sendable {
    case plainText = 1, snippet = 2
}

public struct CompletionItem: Codable, Hashable, Sendable {
    public var label: String
    public var kind: CompletionItemKind?
    public var detail: String?
    public var documentation: MarkupContent?
    public var sortText: String?
    public var filterText: String?
    public var insertText: String?
    public var insertTextFormat: InsertTextFormat?
    public var textEdit: TextEdit?
    /// Handed back in `completionItem/resolve`.
    public var data: JSONValue?

    public init(label: String, kind: CompletionItemKind? = nil, detail: String? = nil,
                documentation: MarkupContent? = nil, sortText: String? = nil, filterText: String? = nil,
                insertText: String? = nil, insertTextFormat: InsertTextFormat? = nil, textEdit: TextEdit? = nil,
                data: JSONValue? = nil) {
        self.label = label
        self.kind = kind
        self.detail = detail
        self.documentation = documentation
        self.sortText = sortText
        self.filterText = filterText
        self.insertText = insertText
        self.insertTextFormat = insertTextFormat
        self.textEdit = textEdit
        self.data = data
    }
}

public struct CompletionList: Codable, Hashable, Sendable {
    /// More typing may give other items: the client asks again instead of filtering.
    public var isIncomplete: Bool
    public var items: [CompletionItem]

    public init(isIncomplete: Bool, items: [CompletionItem]) {
        self.isIncomplete = isIncomplete
        self.items = items
    }
}

public struct CompletionOptions: Codable, Hashable, Sendable {
    public var triggerCharacters: [String]?
    public var resolveProvider: Bool?

    public init(triggerCharacters: [String]? = nil, resolveProvider: Bool? = nil) {
        self.triggerCharacters = triggerCharacters
        self.resolveProvider = resolveProvider
    }
}

/// `textDocument/references` params; definition uses `TextDocumentPositionParams`
/// and both answer `[Location]` (or null).
public struct ReferenceParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var position: Position
    public var context: ReferenceContext

    public init(textDocument: TextDocumentIdentifier, position: Position, context: ReferenceContext) {
        self.textDocument = textDocument
        self.position = position
        self.context = context
    }
}

public struct ReferenceContext: Codable, Hashable, Sendable {
    /// Also return the cited question itself.
    public var includeDeclaration: Bool
    public init(includeDeclaration: Bool) { self.includeDeclaration = includeDeclaration }
}

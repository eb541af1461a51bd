/// `workspace/symbol` params; the answer is `[SymbolInformation]`.
public struct WorkspaceSymbolParams: Codable, Hashable, Sendable {
    public var query: String
    public init(query: String) { self.query = query }
}

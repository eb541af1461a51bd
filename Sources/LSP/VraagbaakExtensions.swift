/// Result of `vraagbaak/documentText`, a request of our own (not in LSP) that shows
/// the server's copy of an open document: for debugging an editor integration and
/// for end-to-end tests of incremental sync.
public struct DocumentTextResult: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var version: Int
    public var text: String

    public init(uri: DocumentURI, version: Int, text: String) {
        self.uri = uri
        self.version = version
        self.text = text
    }
}

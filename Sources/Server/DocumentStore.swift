import LSP

/// The documents the client has open, by URI.
struct DocumentStore: Sendable {
    private var documents: [DocumentURI: OpenDocument] = [:]

    subscript(uri: DocumentURI) -> OpenDocument? {
        get { documents[uri] }
        set { documents[uri] = newValue }
    }

    var all: some Collection<OpenDocument> { documents.values }
    var count: Int { documents.count }
}

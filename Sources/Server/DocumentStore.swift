import Analysis
import LSP
import QuestionModel

/// The documents the client has open, by URI.
struct DocumentStore: Sendable {
    private var documents: [DocumentURI: OpenDocument] = [:]

    subscript(uri: DocumentURI) -> OpenDocument? {
        get { documents[uri] }
        set { documents[uri] = newValue }
    }

    var all: some Collection<OpenDocument> { documents.values }

    /// The document and its parsed model, parsing only when the text changed since
    /// the last call. Nil when the document is not open.
    mutating func parsed(_ uri: DocumentURI) -> (document: OpenDocument, question: Question)? {
        guard var document = documents[uri] else { return nil }
        let question = document.question()
        documents[uri] = document
        return (document, question)
    }
    var count: Int { documents.count }

    /// Every open document as analysis sees it, parsing what changed.
    mutating func snapshots() -> [(uri: String, document: DocumentSnapshot)] {
        documents.keys.sorted().compactMap { uri in
            guard var document = documents[uri] else { return nil }
            let snapshot = document.snapshot()
            documents[uri] = document
            return (uri, snapshot)
        }
    }
}

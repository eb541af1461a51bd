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

/// Result of `vraagbaak/corpusStatus`: what the corpus in use holds.
public struct CorpusStatus: Codable, Hashable, Sendable {
    public var records: Int
    public var sources: [String]
    public var warnings: Int
    public var withNumberAndDate: Int

    public init(records: Int, sources: [String], warnings: Int, withNumberAndDate: Int) {
        self.records = records
        self.sources = sources
        self.warnings = warnings
        self.withNumberAndDate = withNumberAndDate
    }
}

/// Params of `vraagbaak/search`: questions in the corpus similar to a text.
public struct SearchParams: Codable, Hashable, Sendable {
    public var text: String
    public var limit: Int?
}

public struct SearchResultItem: Codable, Hashable, Sendable {
    public var title: String
    public var reference: String
    public var number: Int?
    public var date: String?
    public var score: Double
    public var source: String
    public var uri: DocumentURI?

    public init(title: String, reference: String, number: Int?, date: String?, score: Double, source: String,
                uri: DocumentURI?) {
        self.title = title
        self.reference = reference
        self.number = number
        self.date = date
        self.score = score
        self.source = source
        self.uri = uri
    }
}

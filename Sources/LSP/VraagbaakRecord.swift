/// Params of `vraagbaak/record`, a request of our own: one corpus record, named as
/// `vraagbaak/search` returned it (number and date when it has them, else its file
/// and title).
public struct RecordParams: Codable, Hashable, Sendable {
    public var title: String?
    public var number: Int?
    /// ISO date, as in `SearchResultItem.date`.
    public var date: String?
    public var uri: DocumentURI?

    public init(title: String?, number: Int?, date: String?, uri: DocumentURI?) {
        self.title = title
        self.number = number
        self.date = date
        self.uri = uri
    }
}

/// Result of `vraagbaak/record`: a read-only preview of a record with its answer.
public struct RecordResult: Codable, Hashable, Sendable {
    public var title: String
    public var reference: String
    /// Markdown: number and date, author and minister, theme, questions, the answer.
    public var summary: String
    /// The record's whole text (question and answer) when its file can be read; nil
    /// for the seeds built into the binary.
    public var text: String?

    public init(title: String, reference: String, summary: String, text: String?) {
        self.title = title
        self.reference = reference
        self.summary = summary
        self.text = text
    }
}

/// `textDocument/hover` answers a `Hover` or null.
public struct Hover: Codable, Hashable, Sendable {
    public var contents: MarkupContent
    public var range: Range?

    public init(contents: MarkupContent, range: Range? = nil) {
        self.contents = contents
        self.range = range
    }
}

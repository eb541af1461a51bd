/// `textDocument/documentLink` answers `[DocumentLink]`.
public struct DocumentLink: Codable, Hashable, Sendable {
    public var range: Range
    public var target: String?
    public var tooltip: String?

    public init(range: Range, target: String?, tooltip: String? = nil) {
        self.range = range
        self.target = target
        self.tooltip = tooltip
    }
}

public struct DocumentLinkOptions: Codable, Hashable, Sendable {
    public var resolveProvider: Bool?
    public init(resolveProvider: Bool? = nil) { self.resolveProvider = resolveProvider }
}

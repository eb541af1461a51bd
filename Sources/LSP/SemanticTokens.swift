/// `textDocument/semanticTokens/full` answers `SemanticTokens`: five integers per
/// token (delta line, delta start, length, type index, modifier bits), each token
/// relative to the one before.
public struct SemanticTokens: Codable, Hashable, Sendable {
    public var data: [Int]
    public init(data: [Int]) { self.data = data }
}

public struct SemanticTokensLegend: Codable, Hashable, Sendable {
    public var tokenTypes: [String]
    public var tokenModifiers: [String]

    public init(tokenTypes: [String], tokenModifiers: [String]) {
        self.tokenTypes = tokenTypes
        self.tokenModifiers = tokenModifiers
    }
}

public struct SemanticTokensOptions: Codable, Hashable, Sendable {
    public var legend: SemanticTokensLegend
    public var full: Bool?
    public var range: Bool?

    public init(legend: SemanticTokensLegend, full: Bool? = nil, range: Bool? = nil) {
        self.legend = legend
        self.full = full
        self.range = range
    }
}

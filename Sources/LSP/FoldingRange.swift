public struct FoldingRangeKind: RawRepresentable, Codable, Hashable, Sendable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    public static let comment = FoldingRangeKind(rawValue: "comment")
    public static let imports = FoldingRangeKind(rawValue: "imports")
    public static let region = FoldingRangeKind(rawValue: "region")

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A foldable span of whole lines (`textDocument/foldingRange`).
public struct FoldingRange: Codable, Hashable, Sendable {
    public var startLine: Int
    public var endLine: Int
    public var kind: FoldingRangeKind?
    public var collapsedText: String?

    public init(startLine: Int, endLine: Int, kind: FoldingRangeKind? = nil, collapsedText: String? = nil) {
        self.startLine = startLine
        self.endLine = endLine
        self.kind = kind
        self.collapsedText = collapsedText
    }
}

/// `textDocument/inlayHint` params.
public struct InlayHintParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var range: Range

    public init(textDocument: TextDocumentIdentifier, range: Range) {
        self.textDocument = textDocument
        self.range = range
    }
}

/// A label shown inline after `position`. The kind is left out: ours are neither
/// types nor parameters.
public struct InlayHint: Codable, Hashable, Sendable {
    public var position: Position
    public var label: String
    public var tooltip: String?
    public var paddingLeft: Bool?
    public var paddingRight: Bool?

    public init(position: Position, label: String, tooltip: String? = nil, paddingLeft: Bool? = nil,
                paddingRight: Bool? = nil) {
        self.position = position
        self.label = label
        self.tooltip = tooltip
        self.paddingLeft = paddingLeft
        self.paddingRight = paddingRight
    }
}

import SourceText

/// A numbered question `1. Kan de minister ...?` with its sub-items.
public struct QuestionItem: Sendable, Equatable {
    /// The number as written; gaps, repeats and disorder are kept for the checks.
    public let number: Int
    /// `1.`
    public let markerRange: TextRange
    /// From the marker to the end of the item's last paragraph that asks something.
    public let range: TextRange
    /// The text after the marker, trimmed, as written.
    public let text: String
    public let textRange: TextRange
    public let subItems: [SubItem]
}

/// A sub-item `a) een indeling per agentschap;` inside a numbered question.
public struct SubItem: Sendable, Equatable {
    /// `a`
    public let letter: Character
    /// `a)`
    public let markerRange: TextRange
    public let range: TextRange
    public let text: String
    public let textRange: TextRange
}

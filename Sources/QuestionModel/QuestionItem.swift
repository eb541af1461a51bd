import SourceText

/// A numbered question `1. Kan de minister ...?` with its sub-items.
public struct QuestionItem: Sendable, Equatable {
    /// The number as written; gaps, repeats and disorder are kept for the checks.
    public let number: Int
    /// `1.` (or `1)`, `(1)`, as written)
    public let markerRange: TextRange
    /// The number's digits inside the marker: what a renumbering replaces.
    public let labelRange: TextRange
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
    /// `a)` (or `a.`, `(a)`, as written)
    public let markerRange: TextRange
    /// The letter inside the marker.
    public let labelRange: TextRange
    public let range: TextRange
    public let text: String
    public let textRange: TextRange
}

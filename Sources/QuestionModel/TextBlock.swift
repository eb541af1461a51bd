import SourceText

/// A stretch of prose (an introduction, an answer's opening, an annex): its range with
/// surrounding whitespace trimmed, and its text as written (line breaks kept).
public struct TextBlock: Sendable, Equatable {
    public let range: TextRange
    public let text: String

    public init(range: TextRange, text: String) {
        self.range = range
        self.text = text
    }

    static func make(_ bytes: [UInt8], _ range: TextRange) -> TextBlock? {
        let core = Bytes.trimmed(bytes, range)
        return core.isEmpty ? nil : TextBlock(range: core, text: Bytes.string(bytes, core))
    }
}

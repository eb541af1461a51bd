/// One change to a text: a range given as line/column pairs (or nil for the whole
/// text) and the replacement.
public struct TextChange: Sendable, Equatable {
    public var range: (start: LineColumn, end: LineColumn)?
    public var newText: String

    public init(range: (start: LineColumn, end: LineColumn)?, newText: String) {
        self.range = range
        self.newText = newText
    }

    public static func == (lhs: TextChange, rhs: TextChange) -> Bool {
        lhs.newText == rhs.newText && lhs.range?.start == rhs.range?.start && lhs.range?.end == rhs.range?.end
    }
}

/// A text with its line index, edited in place by `TextChange`s.
///
/// Holds only values: copying it is cheap (copy-on-write arrays) and safe across threads.
public struct EditableText: Sendable {
    public private(set) var text: String
    public private(set) var lineIndex: LineIndex

    public init(_ text: String) {
        self.text = text
        self.lineIndex = LineIndex(text)
    }

    /// Applies the changes in order, each to the result of the one before.
    public mutating func apply(_ changes: [TextChange], unit: ColumnUnit) {
        for change in changes { apply(change, unit: unit) }
    }

    public mutating func apply(_ change: TextChange, unit: ColumnUnit) {
        guard let range = change.range else {
            self = EditableText(change.newText)
            return
        }
        var start = lineIndex.utf8Offset(of: range.start, in: unit)
        var end = lineIndex.utf8Offset(of: range.end, in: unit)
        if start > end { swap(&start, &end) }
        replace(TextRange(start: start, end: end), with: change.newText)
    }

    /// Replaces a byte range; offsets are clamped to the text.
    public mutating func replace(_ range: TextRange, with newText: String) {
        var bytes = lineIndex.utf8
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        bytes.replaceSubrange(start..<end, with: newText.utf8)
        text = String(decoding: bytes, as: UTF8.self)
        lineIndex = LineIndex(utf8: bytes)
    }
}

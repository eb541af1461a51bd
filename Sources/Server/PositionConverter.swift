import LSP
import SourceText

/// Converts between the domain's UTF-8 offsets and LSP positions in the encoding
/// negotiated at `initialize`. The only place where a column unit is chosen.
struct PositionConverter {
    let lineIndex: LineIndex
    let unit: ColumnUnit

    func position(_ utf8Offset: Int) -> Position {
        let lineColumn = lineIndex.lineColumn(of: utf8Offset, in: unit)
        return Position(line: lineColumn.line, character: lineColumn.column)
    }

    func range(_ range: TextRange) -> LSP.Range {
        LSP.Range(start: position(range.start), end: position(range.end))
    }

    /// The byte offset of a client position. Out-of-range lines and characters are
    /// clamped as the spec says: past the line's end means the line's end.
    func utf8Offset(_ position: Position) -> Int {
        lineIndex.utf8Offset(of: LineColumn(line: position.line, column: position.character), in: unit)
    }

    func textRange(_ range: LSP.Range) -> TextRange {
        TextRange(start: utf8Offset(range.start), end: utf8Offset(range.end))
    }
}

extension ColumnUnit {
    init?(_ encoding: PositionEncodingKind) {
        switch encoding {
        case .utf8: self = .utf8
        case .utf16: self = .utf16
        case .utf32: self = .utf32
        default: return nil
        }
    }

    var positionEncoding: PositionEncodingKind {
        switch self {
        case .utf8: return .utf8
        case .utf16: return .utf16
        case .utf32: return .utf32
        }
    }
}

import Checks
import QuestionModel
import SourceText

/// `textDocument/formatting`: whitespace only, never a word. Trailing spaces go;
/// in drafts also the title separator becomes ` - `, a numbered question starts at
/// the margin with one space after `1.`, and a sub-item is indented by three spaces
/// with one space after `a)`. Running it twice changes nothing the second time.
extension AnalysisSnapshot {
    /// Formatting edits: minimal, in document order, none overlapping.
    package func formattingEdits() -> [TextReplacement] {
        DraftFormatter.edits(question, lineIndex: lineIndex).map { TextReplacement(range: $0.range, newText: $0.newText) }
    }
}

enum DraftFormatter {
    struct Edit: Equatable {
        let range: TextRange
        let newText: String
    }

    static let subItemIndent = "   "

    /// Minimal edits, in document order, none overlapping.
    static func edits(_ question: Question, lineIndex: LineIndex) -> [Edit] {
        let bytes = lineIndex.utf8
        var edits: [Edit] = []
        func replace(_ range: TextRange, with text: String) {
            guard range.start <= range.end, bytes[range.start..<range.end].elementsEqual(text.utf8) == false else { return }
            edits.append(Edit(range: range, newText: text))
        }

        if question.kind == .draft {
            if let title = question.title, let separator = title.separatorRange, !title.hasCanonicalSeparator,
               isOnOneLine(separator, lineIndex) {
                replace(separator, with: " - ")
            }
            for item in question.numberedQuestions {
                let line = lineIndex.contentRange(ofLine: lineIndex.line(containing: item.markerRange.start))
                guard isBlank(bytes, TextRange(start: line.start, end: item.markerRange.start)) else { continue }
                replace(TextRange(start: line.start, end: item.markerRange.start), with: "")
                replaceSpacing(after: item.markerRange, line: line, bytes: bytes, replace: replace)
                for subItem in item.subItems {
                    let subLine = lineIndex.contentRange(ofLine: lineIndex.line(containing: subItem.markerRange.start))
                    guard isBlank(bytes, TextRange(start: subLine.start, end: subItem.markerRange.start)) else { continue }
                    replace(TextRange(start: subLine.start, end: subItem.markerRange.start), with: subItemIndent)
                    replaceSpacing(after: subItem.markerRange, line: subLine, bytes: bytes, replace: replace)
                }
            }
        }
        for line in 0..<lineIndex.lineCount {
            let content = lineIndex.contentRange(ofLine: line)
            var end = content.end
            while end > content.start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            // A line of spaces only keeps nothing; an edit above may already start there.
            if end < content.end, !edits.contains(where: { $0.range.end > end && $0.range.start < content.end }) {
                edits.append(Edit(range: TextRange(start: end, end: content.end), newText: ""))
            }
        }
        return edits.sorted { $0.range.start < $1.range.start }
    }

    /// One space between a marker and its text on the same line; none when the line
    /// ends after the marker (the trailing-space rule removes those).
    private static func replaceSpacing(after marker: TextRange, line: TextRange, bytes: [UInt8],
                                       replace: (TextRange, String) -> Void) {
        var textStart = marker.end
        while textStart < line.end, bytes[textStart] == 0x20 || bytes[textStart] == 0x09 { textStart += 1 }
        guard textStart < line.end, textStart > marker.end else { return }
        replace(TextRange(start: marker.end, end: textStart), " ")
    }

    private static func isBlank(_ bytes: [UInt8], _ range: TextRange) -> Bool {
        bytes[range.start..<range.end].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    private static func isOnOneLine(_ range: TextRange, _ lineIndex: LineIndex) -> Bool {
        lineIndex.line(containing: range.start) == lineIndex.line(containing: range.end)
    }
}

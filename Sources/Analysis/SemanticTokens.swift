import QuestionModel
import SourceText

/// Semantic tokens: header keys, question numbers, sub-item letters, citations (with
/// their number and date) and dates.
extension AnalysisSnapshot {
    /// In document order, none overlapping, none spanning a line break.
    package func semanticTokens() -> [SemanticTokenScanner.Token] {
        SemanticTokenScanner.tokens(question, lineIndex: lineIndex)
    }
}

/// Token types, standard ones, in legend order.
package enum SemanticTokenType: Int, CaseIterable, Sendable {
    case keyword, number, enumMember, macro, type

    package var name: String {
        switch self {
        case .keyword: return "keyword"         // header keys `aan:`, `datum:`
        case .number: return "number"           // `1.` markers, cited and header numbers
        case .enumMember: return "enumMember"   // sub-item letters `a)`
        case .macro: return "macro"             // the words of a citation
        case .type: return "type"               // dates
        }
    }

}

package enum SemanticTokenScanner {
    package struct Token: Equatable, Sendable {
        package let range: TextRange
        package let type: SemanticTokenType
    }

    /// Tokens in document order, none overlapping, none spanning a line break.
    static func tokens(_ question: Question, lineIndex: LineIndex) -> [Token] {
        var raw: [Token] = []
        for line in question.metadata.lines {
            if !line.keyRange.isEmpty { raw.append(Token(range: line.keyRange, type: .keyword)) }
        }
        if let number = question.metadata.number { raw.append(Token(range: number.range, type: .number)) }
        for item in question.numberedQuestions {
            raw.append(Token(range: item.markerRange, type: .number))
            raw += item.subItems.map { Token(range: $0.markerRange, type: .enumMember) }
        }
        for part in question.answer?.parts ?? [] { raw.append(Token(range: part.markerRange, type: .number)) }
        for citation in question.citations {
            // The number and date inside a citation get their own types; the words
            // around them are the citation.
            var cuts = [citation.numberRange, citation.dateRange].compactMap { $0 }.filter { citation.range.contains($0) }
            cuts.sort { $0.start < $1.start }
            var position = citation.range.start
            for cut in cuts where cut.start >= position {
                raw.append(Token(range: TextRange(start: position, end: cut.start), type: .macro))
                raw.append(Token(range: cut, type: cut == citation.numberRange ? .number : .type))
                position = cut.end
            }
            raw.append(Token(range: TextRange(start: position, end: citation.range.end), type: .macro))
        }
        raw += question.dates.map { Token(range: $0.range, type: .type) }

        raw.sort { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
        var tokens: [Token] = []
        var coveredUntil = 0
        for token in raw {
            for piece in splitPerLine(trimmed(token.range, lineIndex.utf8), lineIndex: lineIndex)
            where piece.start >= coveredUntil {
                tokens.append(Token(range: piece, type: token.type))
                coveredUntil = piece.end
            }
        }
        return tokens
    }

    /// The parts of `range` on each line, line terminators left out.
    static func splitPerLine(_ range: TextRange, lineIndex: LineIndex) -> [TextRange] {
        guard !range.isEmpty else { return [] }
        let firstLine = lineIndex.line(containing: range.start)
        let lastLine = lineIndex.line(containing: range.end)
        guard firstLine != lastLine else { return [range] }
        return (firstLine...lastLine).compactMap { line in
            let content = lineIndex.contentRange(ofLine: line)
            let piece = trimmed(TextRange(start: max(content.start, range.start), end: min(content.end, range.end)),
                                lineIndex.utf8)
            return piece.isEmpty ? nil : piece
        }
    }

    /// Without surrounding spaces and line breaks: a token covers only ink.
    static func trimmed(_ range: TextRange, _ bytes: [UInt8]) -> TextRange {
        var start = max(0, range.start)
        var end = min(range.end, bytes.count)
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return TextRange(start: start, end: end)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

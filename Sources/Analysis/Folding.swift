import QuestionModel
import SourceText

/// Foldable regions (`textDocument/foldingRange`): the header, the introduction,
/// each numbered question, the answer and each of its parts, the annex. Only
/// regions of two lines or more fold.
/// A foldable region: 0-based first and last line (lines do not depend on the
/// column unit).
package struct FoldRegion: Sendable, Equatable {
    package let startLine: Int
    package let endLine: Int
}

extension AnalysisSnapshot {
    package func folds() -> [FoldRegion] { Folding.ranges(question, lineIndex: lineIndex) }
}

enum Folding {
    static func ranges(_ question: Question, lineIndex: LineIndex) -> [FoldRegion] {
        var regions: [TextRange] = []
        if let header = question.metadata.range { regions.append(header) }
        if let introduction = question.introduction { regions.append(introduction.range) }
        for item in question.numberedQuestions {
            regions.append(item.range)
            regions += item.subItems.map(\.range)
        }
        if let answer = question.answer {
            regions.append(answer.range)
            regions += answer.parts.map(\.range)
        }
        if let annex = question.annex { regions.append(annex.range) }

        var seen = Set<Int>()
        return regions.compactMap { region in
            let startLine = lineIndex.line(containing: region.start)
            // A region that ends at the start of a line ends on the line before.
            var endLine = lineIndex.line(containing: region.end)
            if endLine > startLine, lineIndex.lineStarts[endLine] == region.end { endLine -= 1 }
            guard endLine > startLine, seen.insert(startLine << 32 | endLine).inserted else { return nil }
            return FoldRegion(startLine: startLine, endLine: endLine)
        }
    }
}

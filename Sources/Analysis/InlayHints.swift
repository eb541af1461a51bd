import Checks
import QuestionModel
import SourceText

/// An inlay hint: a label shown at an offset.
package struct InlayHintInfo: Sendable, Equatable {
    package let offset: Int
    package let label: String
    package let tooltip: String
}

extension AnalysisSnapshot {
    /// The title of the cited question after each citation in `visible` that resolves.
    package func inlayHints(in visible: TextRange) -> [InlayHintInfo] {
        var resolver = citationResolver()
        return question.citations.compactMap { citation -> InlayHintInfo? in
            guard visible.touches(citation.range.end), let record = resolver.resolve(citation).records.first else { return nil }
            let title = record.title.isEmpty ? record.displayReference : record.title
            return InlayHintInfo(offset: citation.range.end, label: "“\(Outline.firstWords(title, limit: 60))”",
                                 tooltip: [record.author, record.minister].compactMap { $0 }.joined(separator: " → "))
        }
    }
}

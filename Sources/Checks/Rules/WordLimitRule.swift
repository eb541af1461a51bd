// word-limit (warning): the question part (introduction, questions, closing; not the
// title or header) has more words than the limit (profile: 1000 for the Flemish
// Parliament, 200 for the European Parliament; configurable as `limit`). Markers
// `1.` and `a)` do not count. The range runs from the first word over the limit.
import QuestionModel
import SourceText

struct WordLimitRule: Rule {
    let code = RuleCode.wordLimit

    func findings(in context: CheckContext) -> [Finding] {
        guard let limit = context.limit(for: code), let range = context.question.questionRange else { return [] }
        var markerStarts = Set<Int>()
        for item in context.question.numberedQuestions {
            markerStarts.insert(item.markerRange.start)
            for subItem in item.subItems { markerStarts.insert(subItem.markerRange.start) }
        }
        let bytes = context.bytes
        var count = 0
        var overflowStart: Int?
        var i = range.start
        while i < range.end {
            guard !Bytes.isWhitespace(bytes[i]) else { i += 1; continue }
            let start = i
            while i < range.end, !Bytes.isWhitespace(bytes[i]) { i += 1 }
            if markerStarts.contains(start) { continue }
            count += 1
            // Compared, never `limit + 1`: a configured limit may be Int.max.
            if count > limit, overflowStart == nil { overflowStart = start }
        }
        guard let overflowStart else { return [] }
        return [Finding(code: code, range: TextRange(start: overflowStart, end: range.end),
                        message: "De vraag telt \(count) woorden; \(context.profile.displayName) laat er \(limit) toe. Schrap \(count - limit) woorden of splits de vraag.")]
    }
}

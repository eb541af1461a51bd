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
        var markerStarts: [Int] = []
        for item in context.question.numberedQuestions {
            markerStarts.append(item.markerRange.start)
            for subItem in item.subItems { markerStarts.append(subItem.markerRange.start) }
        }
        // Words come in order, so the markers are walked with them: no hashing per word
        // (a 1 MB draft has 170,000 words and thousands of markers).
        markerStarts.sort()
        var nextMarker = 0
        let bytes = context.bytes
        var count = 0
        var overflowStart: Int?
        var i = range.start
        // Words are separated by whitespace, no-break spaces included; a run of
        // invisible characters alone (a zero-width space) is no word.
        func separatorWidth(_ i: Int) -> Int {
            Bytes.isWhitespace(bytes[i]) ? 1 : bytes[i] < 0x80 ? 0 : Bytes.spaceWidth(bytes, at: i)
        }
        while i < range.end {
            let separator = separatorWidth(i)
            guard separator == 0 else { i += separator; continue }
            let start = i
            var visible = false
            while i < range.end, separatorWidth(i) == 0 {
                let invisible = bytes[i] < 0x80 ? 0 : Bytes.ignorableWidth(bytes, at: i)
                if invisible == 0 { visible = true }
                i += max(1, invisible)
            }
            guard visible else { continue }
            let wordStart = Bytes.skipBlanks(bytes, from: start, limit: i)
            while nextMarker < markerStarts.count, markerStarts[nextMarker] < wordStart { nextMarker += 1 }
            if nextMarker < markerStarts.count, markerStarts[nextMarker] == wordStart { continue }
            count += 1
            // Compared, never `limit + 1`: a configured limit may be Int.max.
            if count > limit, overflowStart == nil { overflowStart = start }
        }
        guard let overflowStart else { return [] }
        return [Finding(code: code, range: TextRange(start: overflowStart, end: range.end),
                        message: "De vraag telt \(count) woorden; \(context.profile.displayName) laat er \(limit) toe. Schrap \(count - limit) woorden of splits de vraag.")]
    }
}

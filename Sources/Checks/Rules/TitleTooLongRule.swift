// title-too-long (warning): the title has more characters than the limit (profile:
// 100; configurable as `limit`). The range covers the characters past the limit.
import SourceText

struct TitleTooLongRule: Rule {
    let code = RuleCode.titleTooLong

    func findings(in context: CheckContext) -> [Finding] {
        guard let title = context.question.title, let limit = context.limit(for: code) else { return [] }
        let count = title.text.count
        guard count > limit else { return [] }
        let overflowStart = TextScanning.byteOffset(ofCharacter: limit, in: title.text, start: title.range.start)
        return [Finding(code: code, range: TextRange(start: overflowStart, end: title.range.end),
                        message: "De titel telt \(count) tekens; houd hem op hoogstens \(limit). Verplaats details naar de inleiding.")]
    }
}

// too-many-questions (warning): more numbered questions than the profile allows (the
// European Parliament: three sub-questions; the Flemish profile sets no limit).
// The range covers the questions past the limit.
import SourceText

struct TooManyQuestionsRule: Rule {
    let code = RuleCode.tooManyQuestions

    func findings(in context: CheckContext) -> [Finding] {
        let items = context.question.numberedQuestions
        guard let limit = context.limit(for: code), items.count > limit, let last = items.last else { return [] }
        let first = items[limit]
        return [Finding(code: code, range: TextRange(start: first.range.start, end: last.range.end),
                        message: "De vraag heeft \(items.count) deelvragen; \(context.profile.displayName) laat er \(limit) toe. Voeg vragen samen of dien een aparte vraag in.")]
    }
}

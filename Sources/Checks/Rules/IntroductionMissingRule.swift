// introduction-missing (warning): numbered questions start right after the title,
// with no introduction to give the context. Silent when the first numbered item
// opens with its own context paragraph (as `003_*` does for every question).
import SourceText

struct IntroductionMissingRule: Rule {
    let code = RuleCode.introductionMissing

    func findings(in context: CheckContext) -> [Finding] {
        let question = context.question
        guard question.introduction == nil, let first = question.numberedQuestions.first else { return [] }
        let paragraphs = TextScanning.paragraphs(context.bytes, in: first.textRange)
        if paragraphs.count > 1, let opening = paragraphs.first,
           !TextScanning.asksSomething(context.bytes, in: opening) {
            return []
        }
        return [Finding(code: code, range: first.markerRange,
                        message: "De vraag heeft geen inleiding. Schets vóór de eerste vraag kort de context: cijfers, een beleidsnota, een eerdere vraag.")]
    }
}

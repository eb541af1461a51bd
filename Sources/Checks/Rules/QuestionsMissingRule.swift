// questions-missing (error): the question part asks nothing at all: no numbered
// question, no `?`, no request (`graag`, `Kan de minister ...`).
import SourceText

struct QuestionsMissingRule: Rule {
    let code = RuleCode.questionsMissing

    func findings(in context: CheckContext) -> [Finding] {
        let question = context.question
        guard question.numberedQuestions.isEmpty else { return [] }
        if let range = question.questionRange, TextScanning.asksSomething(context.bytes, in: range) { return [] }
        let range = question.questionRange ?? question.title?.range ?? TextRange(start: context.bytes.count, end: context.bytes.count)
        return [Finding(code: code, range: range,
                        message: "De tekst stelt geen vraag. Voeg genummerde vragen toe: ‘1. Kan de minister …?’")]
    }
}

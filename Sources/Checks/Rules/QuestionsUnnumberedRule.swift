// questions-unnumbered (warning, drafts only): the text asks, but in prose: no
// `1.` `2.`, so the answer cannot refer to its parts. Fix: number the first
// paragraph that asks.
import SourceText

struct QuestionsUnnumberedRule: Rule {
    let code = RuleCode.questionsUnnumbered

    func findings(in context: CheckContext) -> [Finding] {
        let question = context.question
        guard question.numberedQuestions.isEmpty, let range = question.questionRange else { return [] }
        let asking = TextScanning.paragraphs(context.bytes, in: range).first {
            TextScanning.asksSomething(context.bytes, in: $0)
        }
        guard let asking else { return [] }
        let insertAt = TextRange(start: asking.start, end: asking.start)
        return [Finding(code: code, range: asking,
                        message: "Nummer de vragen (1., 2., …), elk in een eigen alinea, zodat het antwoord per vraag kan verwijzen.",
                        fixes: [Fix(title: "Als vraag 1 nummeren", edits: [TextReplacement(range: insertAt, newText: "1. ")])])]
    }
}

// item-asks-nothing (warning): a numbered question that asks nothing: no `?` and no
// request (`graag`, `gelieve`, `Kan de minister ... meedelen`, `Hoeveel ...`). Often a
// statement that belongs in the introduction, or a question mark forgotten. Silent
// when the introduction's last sentence asks for a list (`Graag had ik volgende
// gegevens:` followed by `1. het aantal dossiers;`): the items are its entries.
import SourceText

struct ItemAsksNothingRule: Rule {
    let code = RuleCode.itemAsksNothing

    func findings(in context: CheckContext) -> [Finding] {
        let question = context.question
        if let introduction = question.introduction,
           TextScanning.asksSomething(context.bytes, in: TextScanning.lastSentence(context.bytes, in: introduction.range)) {
            return []
        }
        return question.numberedQuestions.compactMap { item -> Finding? in
            guard !item.text.isEmpty, !TextScanning.asksSomething(context.bytes, in: item.textRange) else { return nil }
            return Finding(code: code, range: item.range,
                           message: "Vraag \(item.number). vraagt niets. Formuleer een vraag (‘Kan de minister …?’, ‘Hoeveel …?’) of verplaats deze tekst naar de inleiding.")
        }
    }
}

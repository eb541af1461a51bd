// citation-date-future (warning): a cited question or meeting dated after today (the
// day the caller passes in): it cannot have happened yet. Usually a typo in the year.
import QuestionModel

struct CitationDateFutureRule: Rule {
    let code = RuleCode.citationDateFuture

    func findings(in context: CheckContext) -> [Finding] {
        context.checkedCitations.compactMap { citation -> Finding? in
            guard let date = citation.date, let range = citation.dateRange, date > context.today else { return nil }
            return Finding(code: code, range: range,
                           message: "Deze datum ligt in de toekomst (vandaag is \(context.today.canonicalText)): een geciteerde vraag of vergadering moet al voorbij zijn. Controleer de datum.")
        }
    }
}

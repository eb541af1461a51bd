// citation-date-future (warning): a cited question (written, request for explanation,
// topical) dated after today, the day the caller passes in: it cannot exist yet.
// Usually a typo in the year. Meetings may lie ahead (`wordt besproken in de
// commissie op ...`), so they are not checked.
import QuestionModel

struct CitationDateFutureRule: Rule {
    let code = RuleCode.citationDateFuture

    func findings(in context: CheckContext) -> [Finding] {
        context.checkedCitations.compactMap { citation -> Finding? in
            guard citation.kind != .committeeMeeting, citation.kind != .plenaryMeeting, let date = citation.date, let range = citation.dateRange, date > context.today else { return nil }
            return Finding(code: code, range: range,
                           message: "Deze datum ligt in de toekomst (vandaag is \(context.today.canonicalText)): een geciteerde vraag moet al gesteld zijn. Controleer de datum.")
        }
    }
}

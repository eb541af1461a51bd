// citation-date-mismatch (warning): the corpus knows the cited number, but not on the
// cited date. Fix: the right date, when the records with that number (narrowed to
// the draft's minister when it is known) have one date, or one closest date.
import Corpus
import QuestionModel

struct CitationDateMismatchRule: Rule {
    let code = RuleCode.citationDateMismatch

    func findings(in context: CheckContext) -> [Finding] {
        context.resolvedCitations.compactMap { citation, resolution -> Finding? in
            guard let dateRange = citation.dateRange,
                  case .dateMismatch(let reference, let candidates, let closest) = resolution else { return nil }
            let (number, date) = (reference.number, reference.date)
            let dates = Set(candidates.compactMap(\.date))
            let known = dates.sorted().map(\.canonicalText).joined(separator: ", ")
            var fixes: [Fix] = []
            if let best = closest {
                fixes.append(Fix(title: "Datum wijzigen in \(best.canonicalText)",
                                 edits: [TextReplacement(range: dateRange, newText: best.canonicalText)]))
            }
            let related = candidates.prefix(5).map { record in
                RelatedRecord(recordIndex: record.corpusIndex, record: record,
                              message: "\(record.displayReference): \(record.title)")
            }
            let hint = fixes.isEmpty ? "Het corpus kent nr. \(number) op: \(known)." : "Bedoelt u \(known)?"
            return Finding(code: code, range: dateRange,
                           message: "Schriftelijke vraag nr. \(number) staat in het corpus, maar niet op \(date.canonicalText). \(hint) Controleer de datum.",
                           fixes: fixes, related: Array(related))
        }
    }
}

// citation-unknown (information): a written question cited by number and date that
// the corpus does not hold, and whose number it does not know on any date either
// (then `citation-date-mismatch` speaks). Silent with an empty corpus, and for a
// date after today (then `citation-date-future` speaks).
import Corpus
import QuestionModel

struct CitationUnknownRule: Rule {
    let code = RuleCode.citationUnknown

    func findings(in context: CheckContext) -> [Finding] {
        guard context.corpus.count > 0 else { return [] }
        return context.resolvedCitations.compactMap { citation, resolution -> Finding? in
            guard case .unknown(let reference) = resolution else { return nil }
            let (number, date) = (reference.number, reference.date)
            return Finding(code: code, range: citation.range,
                           message: "Schriftelijke vraag nr. \(number) van \(date.canonicalText) staat niet in het corpus. Controleer nummer en datum (of voeg de vraag toe aan het corpus).")
        }
    }
}

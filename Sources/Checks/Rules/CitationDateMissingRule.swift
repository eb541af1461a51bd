// citation-date-missing (warning): a written question cited by number only (`SV nr.
// 118`, `vraag nr. 118`). Numbers restart per minister and per zittingsjaar, so a
// number alone is ambiguous. Fix: add the date when the corpus knows one.
import Corpus
import QuestionModel
import SourceText

struct CitationDateMissingRule: Rule {
    let code = RuleCode.citationDateMissing

    func findings(in context: CheckContext) -> [Finding] {
        context.resolvedCitations.compactMap { citation, resolution -> Finding? in
            guard let numberRange = citation.numberRange,
                  case .numberOnly(let number, let candidates) = resolution else { return nil }
            let dates = Set(candidates.compactMap(\.date))
            var fixes: [Fix] = []
            if dates.count == 1, let date = dates.first {
                let at = TextRange(start: numberRange.end, end: numberRange.end)
                fixes.append(Fix(title: "Datum \(date.canonicalText) toevoegen",
                                 edits: [TextReplacement(range: at, newText: " van \(date.canonicalText)")]))
            }
            let related = candidates.prefix(5).map {
                RelatedRecord(recordIndex: $0.corpusIndex, record: $0, message: "\($0.displayReference): \($0.title)")
            }
            return Finding(code: code, range: citation.range,
                           message: "Vermeld ook de datum: ‘schriftelijke vraag nr. \(number) van …’. Vragen worden per minister en per zittingsjaar genummerd, een nummer alleen is dubbelzinnig.",
                           fixes: fixes, related: Array(related))
        }
    }
}

// citation-form (information): a citation not written in the canonical form, e.g.
// `SV nr. 118 van 10/01/2023` for `schriftelijke vraag nr. 118 van 10 januari 2023`.
// Fix: the canonical form (capitalised when the citation opens a sentence).
import QuestionModel

struct CitationFormRule: Rule {
    let code = RuleCode.citationForm

    func findings(in context: CheckContext) -> [Finding] {
        context.checkedCitations.compactMap { citation -> Finding? in
            guard !citation.isCanonical else { return nil }
            var canonical = citation.canonicalText
            if let first = citation.text.first, first.isUppercase, let canonicalFirst = canonical.first {
                canonical = canonicalFirst.uppercased() + canonical.dropFirst()
            }
            return Finding(code: code, range: citation.range,
                           message: "Schrijf de verwijzing voluit: ‘\(canonical)’.",
                           fixes: [Fix(title: "Vervangen door ‘\(canonical)’",
                                       edits: [TextReplacement(range: citation.range, newText: canonical)])])
        }
    }
}

// addressee-missing (warning, drafts only): the profile requires the addressee to be
// named (the European Parliament's Annex III) and the draft has no `aan:` line.
// Fix: insert an `aan:` line to fill in.
import SourceText

struct AddresseeMissingRule: Rule {
    let code = RuleCode.addresseeMissing

    func findings(in context: CheckContext) -> [Finding] {
        let metadata = context.question.metadata
        guard context.profile.requiresAddressee, metadata.minister == nil, metadata.ministerOffice == nil,
              metadata.line(.addressee) == nil else { return [] }
        let range = context.question.title?.range ?? TextRange(start: 0, end: 0)
        let insertion = metadata.range == nil ? "aan: Naam van de adressaat\n\n" : "aan: Naam van de adressaat\n"
        return [Finding(code: code, range: range,
                        message: "Noem aan wie de vraag gericht is: voeg bovenaan een regel ‘aan: …’ toe (\(context.profile.displayName) vereist het).",
                        fixes: [Fix(title: "Regel ‘aan:’ invoegen",
                                    edits: [TextReplacement(range: TextRange(start: 0, end: 0), newText: insertion)])])]
    }
}

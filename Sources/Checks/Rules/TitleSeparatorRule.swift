// title-separator (hint, drafts only): the title's dash is not exactly ` - ` (two
// spaces, a tab, an en or em dash). Fix: write ` - `. Corpus exports write `  -  `
// by design, so records are not checked.
struct TitleSeparatorRule: Rule {
    let code = RuleCode.titleSeparator

    func findings(in context: CheckContext) -> [Finding] {
        guard let title = context.question.title, let separator = title.separatorRange,
              !title.hasCanonicalSeparator else { return [] }
        return [Finding(code: code, range: separator,
                        message: "Scheid onderwerp en specificatie met ‘ - ’: één koppelteken met één spatie ervoor en erna.",
                        fixes: [Fix(title: "Vervangen door ‘ - ’", edits: [TextReplacement(range: separator, newText: " - ")], isCertain: true)])]
    }
}

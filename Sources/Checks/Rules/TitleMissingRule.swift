// title-missing (error): the text has no title line, `Onderwerp - Specificatie`,
// above the introduction. Fix: insert a title to fill in.
import QuestionModel
import SourceText

struct TitleMissingRule: Rule {
    let code = RuleCode.titleMissing

    func findings(in context: CheckContext) -> [Finding] {
        let question = context.question
        guard question.title == nil, question.metadata.titleLine == nil else { return [] }
        // Point at the first line of the body, or at the end of the header.
        let start = question.questionRange?.start ?? question.metadata.range?.end ?? 0
        let lineEnd = TextScanning.fullLine(context.bytes, containing: start).end
        let range = Bytes.trimmed(context.bytes, TextRange(start: start, end: lineEnd))
        let insertAt = question.questionRange.map { TextScanning.lineStart(context.bytes, containing: $0.start) } ?? start
        let separator = question.questionRange == nil && insertAt > 0 ? "\n\n" : ""
        let newText = separator + "Onderwerp - Specificatie" + (question.questionRange == nil ? "\n" : "\n\n")
        return [Finding(code: code, range: range,
                        message: "De vraag heeft geen titel. Begin met een titel ‘Onderwerp - Specificatie’ op een eigen regel, gevolgd door een witregel.",
                        fixes: [Fix(title: "Titel ‘Onderwerp - Specificatie’ invoegen",
                                    edits: [TextReplacement(range: TextRange(start: insertAt, end: insertAt), newText: newText)])])]
    }
}

// title-punctuation (warning): the title ends in `.`, `?`, `!`, `:` or `;`. A title names a
// subject; it is not a sentence. Fix: remove the punctuation.
import QuestionModel
import SourceText

struct TitlePunctuationRule: Rule {
    let code = RuleCode.titlePunctuation

    func findings(in context: CheckContext) -> [Finding] {
        guard let title = context.question.title else { return [] }
        let bytes = context.bytes
        var start = title.range.end
        while start > title.range.start, isEndPunctuation(bytes[start - 1]) { start -= 1 }
        guard start < title.range.end else { return [] }
        // Remove the spaces before the punctuation too.
        var removeFrom = start
        while removeFrom > title.range.start {
            let width = Bytes.blankWidth(bytes, endingAt: removeFrom)
            guard width > 0, removeFrom - width >= title.range.start else { break }
            removeFrom -= width
        }
        let punctuation = TextRange(start: start, end: title.range.end)
        return [Finding(code: code, range: punctuation,
                        message: "Een titel eindigt niet op ‘\(context.string(punctuation))’: hij noemt een onderwerp, het is geen zin. Schrap het leesteken.",
                        fixes: [Fix(title: "Leesteken schrappen",
                                    edits: [TextReplacement(range: TextRange(start: removeFrom, end: title.range.end), newText: "")],
                                    isCertain: true)])]
    }

    private func isEndPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!")
            || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ";")
    }
}

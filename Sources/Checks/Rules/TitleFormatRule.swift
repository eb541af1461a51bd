// title-format (warning): the title is not `Onderwerp - Specificatie`: no dash with a
// space on both sides, or nothing before or after it. Fix, when the title uses a
// colon (`Onderwerp: Specificatie`): put ` - ` in its place.
import QuestionModel
import SourceText

struct TitleFormatRule: Rule {
    let code = RuleCode.titleFormat

    func findings(in context: CheckContext) -> [Finding] {
        guard let title = context.question.title else { return [] }
        if title.subject != nil, title.specification != nil { return [] }
        var fixes: [Fix] = []
        if title.separatorRange == nil, let colon = colonSeparator(context.bytes, title.range) {
            fixes.append(Fix(title: "‘:’ vervangen door ‘ - ’", edits: [TextReplacement(range: colon, newText: " - ")], isCertain: true))
        }
        let message: String
        if title.separatorRange == nil {
            message = "De titel heeft niet de vorm ‘Onderwerp - Specificatie’: zet een streepje met een spatie ervoor en erna tussen onderwerp en specificatie."
        } else if title.subject == nil {
            message = "De titel heeft geen onderwerp vóór het streepje: schrijf ‘Onderwerp - Specificatie’."
        } else {
            message = "De titel heeft geen specificatie na het streepje: schrijf ‘Onderwerp - Specificatie’."
        }
        return [Finding(code: code, range: title.range, message: message, fixes: fixes)]
    }

    /// The first `:` followed by a space, with the spaces around it, when text
    /// stands on both sides.
    private func colonSeparator(_ bytes: [UInt8], _ range: TextRange) -> TextRange? {
        var i = range.start + 1
        while i < range.end - 1 {
            if bytes[i] == UInt8(ascii: ":"), Bytes.blankWidth(bytes, at: i + 1) > 0 {
                var start = i
                while start > range.start {
                    let width = Bytes.blankWidth(bytes, endingAt: start)
                    guard width > 0, start - width >= range.start else { break }
                    start -= width
                }
                let end = Bytes.skipBlanks(bytes, from: i + 1, limit: range.end)
                guard start > range.start, end < range.end else { return nil }
                return TextRange(start: start, end: end)
            }
            i += 1
        }
        return nil
    }
}

// date-impossible (error): a date that does not exist (`31 februari 2023`, `31/04/2024`),
// in the header or the question part. Fix, when only the day is too large: the last
// day of that month.
import QuestionModel
import SourceText

struct DateImpossibleRule: Rule {
    let code = RuleCode.dateImpossible

    func findings(in context: CheckContext) -> [Finding] {
        context.question.dates.compactMap { mention -> Finding? in
            guard !mention.isValid else { return nil }
            var fixes: [Fix] = []
            let lastDay = DutchDate.daysInMonth(mention.month, year: mention.year)
            if lastDay > 0, mention.day > lastDay,
               let date = DutchDate(year: mention.year, month: mention.month, day: lastDay) {
                fixes.append(Fix(title: "Vervangen door \(date.canonicalText) (de laatste dag van de maand)",
                                 edits: [TextReplacement(range: mention.range, newText: date.canonicalText)]))
            }
            return Finding(code: code, range: mention.range,
                           message: "Deze datum bestaat niet: \(mention.month >= 1 && mention.month <= 12 ? DutchDate.monthNames[mention.month - 1] : "die maand") \(mention.year) heeft geen dag \(mention.day). Verbeter de datum.",
                           fixes: fixes)
        }
    }
}

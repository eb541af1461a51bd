// numbering (warning): the numbered questions do not run 1, 2, 3, ...: the first is
// not 1, a number is skipped, repeated, or out of order. Reported once, at the
// first marker that is off. Fix: renumber all questions 1..n.
import SourceText

struct NumberingRule: Rule {
    let code = RuleCode.numbering

    func findings(in context: CheckContext) -> [Finding] {
        let items = context.question.numberedQuestions
        guard let offIndex = items.indices.first(where: { items[$0].number != $0 + 1 }) else { return [] }
        let item = items[offIndex]
        let expected = offIndex + 1
        let message: String
        if offIndex == 0 {
            message = "De nummering begint bij \(item.number). in plaats van 1.: hernummer de vragen van 1 tot \(items.count)."
        } else {
            let previous = items[offIndex - 1].number
            if items[..<offIndex].contains(where: { $0.number == item.number }) {
                message = "Nummer \(item.number). komt twee keer voor: hernummer de vragen van 1 tot \(items.count)."
            } else if item.number < previous {
                message = "Vraag \(item.number). staat na vraag \(previous).: hernummer de vragen van 1 tot \(items.count)."
            } else {
                message = "Na vraag \(previous). volgt \(item.number).: nummer \(expected) ontbreekt. Hernummer de vragen van 1 tot \(items.count)."
            }
        }
        let edits = items.enumerated().compactMap { index, item -> TextReplacement? in
            item.number == index + 1 ? nil : TextReplacement(range: item.labelRange, newText: "\(index + 1)")
        }
        return [Finding(code: code, range: item.markerRange, message: message,
                        fixes: [Fix(title: "Vragen hernummeren van 1 tot \(items.count)", edits: edits, isCertain: true)])]
    }
}

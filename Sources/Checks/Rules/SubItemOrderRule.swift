// sub-item-order (warning): the sub-items of a numbered question do not run a), b),
// c), ...: one per question, at the first letter that is off. Fix: reletter them.
import SourceText

struct SubItemOrderRule: Rule {
    let code = RuleCode.subItemOrder
    private static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    func findings(in context: CheckContext) -> [Finding] {
        context.question.numberedQuestions.compactMap { item -> Finding? in
            let subItems = item.subItems
            guard subItems.count <= Self.letters.count,
                  let offIndex = subItems.indices.first(where: { subItems[$0].letter != Self.letters[$0] }) else { return nil }
            let subItem = subItems[offIndex]
            let expected = Self.letters[offIndex]
            let edits = subItems.enumerated().compactMap { index, subItem -> TextReplacement? in
                subItem.letter == Self.letters[index] ? nil
                    : TextReplacement(range: subItem.labelRange, newText: "\(Self.letters[index])")
            }
            return Finding(code: code, range: subItem.markerRange,
                           message: "Deelvraag \(subItem.letter)) staat op de plaats van \(expected)): letter de deelvragen van vraag \(item.number) opnieuw, a) tot \(Self.letters[subItems.count - 1])).",
                           fixes: [Fix(title: "Deelvragen opnieuw letteren", edits: edits, isCertain: true)])
        }
    }
}

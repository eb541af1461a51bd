// item-empty (error): a numbered question `3.` or a sub-item `b)` with no text.
// Fix: delete its line, and renumber (or reletter) the ones after it, so the fix
// leaves no `numbering` or `sub-item-order` behind.
import QuestionModel
import SourceText

struct ItemEmptyRule: Rule {
    let code = RuleCode.itemEmpty
    private static let letters = Array("abcdefghijklmnopqrstuvwxyz")

    func findings(in context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        let items = context.question.numberedQuestions
        for (index, item) in items.enumerated() {
            if item.text.isEmpty {
                // The others, numbered 1..n-1 in their order.
                let kept = items.indices.filter { $0 != index }
                let renumbering = kept.enumerated().compactMap { position, other -> TextReplacement? in
                    items[other].number == position + 1 ? nil
                        : TextReplacement(range: items[other].labelRange, newText: "\(position + 1)")
                }
                findings.append(finding(marker: item.markerRange, others: renumbering, context: context,
                                        message: "Vraag \(item.number). is leeg. Schrijf de vraag of schrap het nummer (en hernummer)."))
            }
            let subItems = item.subItems
            for (subIndex, subItem) in subItems.enumerated() where subItem.text.isEmpty {
                let kept = subItems.indices.filter { $0 != subIndex }
                let relettering = kept.enumerated().compactMap { position, other -> TextReplacement? in
                    guard position < Self.letters.count, subItems[other].letter != Self.letters[position] else { return nil }
                    return TextReplacement(range: subItems[other].labelRange, newText: String(Self.letters[position]))
                }
                findings.append(finding(marker: subItem.markerRange, others: relettering, context: context,
                                        message: "Deelvraag \(subItem.letter)) van vraag \(item.number). is leeg. Vul ze aan of schrap ze."))
            }
        }
        return findings
    }

    private func finding(marker: TextRange, others: [TextReplacement], context: CheckContext, message: String) -> Finding {
        var line = TextScanning.fullLine(context.bytes, containing: marker.start)
        // Between two blank lines, take one of them along: no double gap is left.
        let previousIsBlank = line.start == 0
            || Bytes.trimmed(context.bytes, TextScanning.previousLine(context.bytes, before: line.start)).isEmpty
        if previousIsBlank, line.end < context.bytes.count {
            let next = TextScanning.fullLine(context.bytes, containing: line.end)
            if Bytes.trimmed(context.bytes, next).isEmpty { line = TextRange(start: line.start, end: next.end) }
        }
        return Finding(code: code, range: marker, message: message,
                       fixes: [Fix(title: others.isEmpty ? "Lege regel schrappen" : "Lege regel schrappen en hernummeren",
                                   edits: [TextReplacement(range: line, newText: "")] + others, isCertain: true)])
    }
}

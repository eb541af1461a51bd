// item-empty (error): a numbered question `3.` or a sub-item `b)` with no text.
// Fix: delete its line.
import SourceText

struct ItemEmptyRule: Rule {
    let code = RuleCode.itemEmpty

    func findings(in context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for item in context.question.numberedQuestions {
            if item.text.isEmpty {
                findings.append(finding(marker: item.markerRange, context: context,
                                        message: "Vraag \(item.number). is leeg. Schrijf de vraag of schrap het nummer (en hernummer)."))
            }
            for subItem in item.subItems where subItem.text.isEmpty {
                findings.append(finding(marker: subItem.markerRange, context: context,
                                        message: "Deelvraag \(subItem.letter)) van vraag \(item.number). is leeg. Vul ze aan of schrap ze."))
            }
        }
        return findings
    }

    private func finding(marker: TextRange, context: CheckContext, message: String) -> Finding {
        let line = TextScanning.fullLine(context.bytes, containing: marker.start)
        return Finding(code: code, range: marker, message: message,
                       fixes: [Fix(title: "Lege regel schrappen", edits: [TextReplacement(range: line, newText: "")])])
    }
}

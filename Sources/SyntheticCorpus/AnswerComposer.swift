/// Writes a minister's answer: one numbered part per question, drawn from the
/// pool that fits what was asked, sometimes with a preamble and an annex.
struct AnswerComposer {
    private var filler: TemplateFiller

    init(filler: TemplateFiller) {
        self.filler = filler
    }

    mutating func compose(for question: QuestionContent, allowsAnnex: Bool) -> AnswerContent {
        var preamble: String?
        if filler.random.percent(20) {
            preamble = filler.fill(oneOf: TemplateBook.answerPreambles)
        }
        var refersToAnnex = false
        var parts: [[String]] = []
        for (position, item) in question.items.enumerated() {
            var sentences: [String] = []
            if position > 0 && filler.random.percent(5) {
                parts.append([filler.fill(oneOf: TemplateBook.referralAnswers)])
                continue
            }
            if item.kind == .figures && (!item.subItems.isEmpty || filler.random.percent(10)) && filler.random.percent(60) {
                filler.tab = position + 1
                sentences.append("Zie bijlage tabblad \(position + 1).")
                refersToAnnex = true
            }
            let count = question.isNumbered ? filler.random.between(2, 5) : filler.random.between(5, 9)
            for _ in 0..<count {
                let kind = filler.random.percent(75) ? item.kind : QuestionKind.allCases[filler.random.below(6)]
                sentences.append(filler.fillDistinct(TemplateBook.answers(kind), family: kind.ordinal))
            }
            if filler.random.percent(25) {
                let split = 1 + filler.random.below(sentences.count - 1)
                parts.append([sentences[..<split].joined(separator: " "), sentences[split...].joined(separator: " ")])
            } else {
                parts.append([sentences.joined(separator: " ")])
            }
        }
        var annexTitle: String?
        if allowsAnnex && (refersToAnnex || filler.random.percent(5)) {
            annexTitle = TemplateFiller.capitalizingFirst(filler.fill(oneOf: TemplateBook.annexTitles))
        }
        return AnswerContent(preamble: preamble, parts: parts, annexTitle: annexTitle)
    }
}

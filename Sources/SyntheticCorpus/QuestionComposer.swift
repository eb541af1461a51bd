/// Writes the question part of a record from templates: introduction (sometimes
/// citing an earlier question), numbered questions with follow-ups and sub-items.
struct QuestionComposer {
    private var filler: TemplateFiller

    init(filler: TemplateFiller) {
        self.filler = filler
    }

    static let itemCountWeights = [8, 14, 20, 20, 14, 10, 8, 6] // 1...8 questions
    static let subItemLabels = ["a)", "b)", "c)", "d)", "e)", "f)", "g)"]

    mutating func compose(citation: SyntheticCitation?, colleague: String) -> QuestionContent {
        var introduction = makeIntroduction(citation: citation, colleague: colleague)
        if introduction.isEmpty { introduction = [filler.fill(oneOf: TemplateBook.introContext)] }

        let itemCount = 1 + filler.random.weightedIndex(QuestionComposer.itemCountWeights)
        let contextStyle = filler.random.percent(10)
        let interludeStyle = filler.random.percent(8)
        var items: [QuestionContent.Item] = []
        for position in 0..<itemCount {
            items.append(makeItem(withContext: contextStyle,
                                  withInterlude: interludeStyle && position < itemCount - 1 && filler.random.percent(40)))
        }
        var closing: String?
        if items[itemCount - 1].kind == .figures && filler.random.percent(25) {
            closing = filler.fill(oneOf: TemplateBook.closings)
        }
        finishPunctuation(&items, hasClosing: closing != nil)
        return QuestionContent(introduction: introduction, items: items, closing: closing)
    }

    private mutating func makeIntroduction(citation: SyntheticCitation?, colleague: String) -> [String] {
        let paragraphCount = 1 + filler.random.weightedIndex([45, 40, 15])
        var paragraphs: [[String]] = []
        for _ in 0..<paragraphCount {
            var sentences: [String] = []
            for _ in 0..<filler.random.between(2, 4) {
                switch filler.random.weightedIndex([50, 20, 30]) {
                case 0: sentences.append(filler.fillDistinct(TemplateBook.introContext, family: 0))
                case 1: sentences.append(filler.fillDistinct(TemplateBook.introDocument, family: 1))
                default: sentences.append(filler.fillDistinct(TemplateBook.introConcern, family: 2))
                }
            }
            paragraphs.append(sentences)
        }
        if let citation {
            filler.citation = citation.text
            filler.colleague = colleague
            let frames = citation.isOwnQuestion || filler.random.percent(40)
                ? TemplateBook.ownCitationFrames : TemplateBook.otherCitationFrames
            let sentence = filler.fill(oneOf: frames)
            let target = filler.random.below(paragraphs.count)
            if filler.random.percent(50) {
                paragraphs[target].insert(sentence, at: 0)
            } else {
                paragraphs[target].append(sentence)
            }
        }
        if filler.random.percent(20) {
            paragraphs[paragraphs.count - 1].append(filler.fill(oneOf: TemplateBook.meetingReferences))
        }
        if filler.random.percent(55) {
            paragraphs[paragraphs.count - 1].append(filler.fillDistinct(TemplateBook.introMotivation, family: 3))
        }
        return paragraphs.map { $0.joined(separator: " ") }
    }

    private mutating func makeItem(withContext: Bool, withInterlude: Bool) -> QuestionContent.Item {
        let kinds = QuestionKind.allCases
        let kind = kinds[filler.random.weightedIndex(QuestionKind.weights)]
        let stem = filler.fillDistinct(TemplateBook.questions(kind), family: 10 + kind.ordinal)
        var sentences = [stem]
        let firstWord = String(stem.prefix { $0 != " " })
        for _ in 0..<filler.random.weightedIndex([45, 40, 15]) {
            // "Zo ja, ..." only follows a question that can be answered with yes or no.
            if Vocabulary.yesNoOpeners.contains(firstWord) && sentences.count == 1 && filler.random.percent(60) {
                sentences.append(filler.fillDistinct(TemplateBook.yesNoFollowUps, family: 21))
            } else {
                sentences.append(filler.fillDistinct(TemplateBook.followUps, family: 20))
            }
        }
        var subItems: [String] = []
        if kind == .figures && filler.random.percent(35) {
            sentences.append(filler.fill(oneOf: TemplateBook.subItemStems))
            let breakdowns = filler.theme.breakdowns + Vocabulary.genericBreakdowns
            let count = 2 + filler.random.weightedIndex([30, 25, 20, 10, 8, 7]) // 2...7
            let lead = filler.random.pick(["een indeling", "graag een indeling", "een opsplitsing", "een overzicht"])
            subItems = filler.random.distinctIndices(count, of: breakdowns.count).map { "\(lead) \(breakdowns[$0])" }
        }
        var context: String?
        if withContext {
            context = filler.random.percent(50)
                ? filler.fillDistinct(TemplateBook.introDocument, family: 1)
                : filler.fillDistinct(TemplateBook.introContext, family: 0)
        }
        var interlude: String?
        if withInterlude {
            interlude = [filler.fillDistinct(TemplateBook.introContext, family: 0),
                         filler.fillDistinct(TemplateBook.introConcern, family: 2)].joined(separator: " ")
        }
        return QuestionContent.Item(kind: kind, context: context, text: sentences.joined(separator: " "),
                                    subItems: subItems, interlude: interlude)
    }

    /// Sub-items end with `;` and the last with `.`; the very last line of the
    /// question part ends with `?`, which is how the plain export marks where the
    /// answer starts.
    private mutating func finishPunctuation(_ items: inout [QuestionContent.Item], hasClosing: Bool) {
        for position in items.indices where !items[position].subItems.isEmpty {
            let isLastLine = position == items.count - 1 && !hasClosing
            let subItems = items[position].subItems
            items[position].subItems = subItems.enumerated().map { offset, text in
                offset < subItems.count - 1 ? text + ";" : text + (isLastLine ? "?" : ".")
            }
        }
        let last = items.count - 1
        if !hasClosing && items[last].subItems.isEmpty && !items[last].text.hasSuffix("?") {
            items[last].text += " " + filler.fill(oneOf: TemplateBook.followUps)
        }
    }
}

/// Lays out a record in one of the two corpus formats.
struct RecordRenderer {
    let record: SyntheticRecord
    let theme: Theme
    let minister: Minister
    let author: Member
    let question: QuestionContent
    let answer: AnswerContent
    /// Document ids in the header links, unique per record.
    let pdfID: Int
    let pageID: Int
    let width: Int
    let keepsTrailingSpace: Bool

    func render() -> String {
        switch record.format {
        case .parliamentExport: return renderParliamentExport()
        case .plainExport: return renderPlainExport()
        }
    }

    /// Like `seeds/002_*`: header, no blank lines, minister repeated before `ANTWOORD`.
    private func renderParliamentExport() -> String {
        var out = LineWrapper(width: width, keepsTrailingSpace: true)
        let titleWrapper = 90
        out.line("title: \(record.titleSubject) - \(record.titleSpecification)")
        out.line("thema: \(theme.name)")
        out.line("pdf link: https://docs.vlaamsparlement.be/pfile?id=\(pdfID)")
        out.line("thema link: https://www.vlaamsparlement.be/parlementaire-documenten/schriftelijke-vragen/\(pageID)")
        out.line("SCHRIFTELIJKE VRAAG")
        out.line("nr. \(record.number)")
        out.line("van \(author.upperCasedName)")
        out.line("datum: \(record.date.dutchLong)")
        out.line("aan \(minister.upperCasedName)")
        var titleLines = LineWrapper(width: titleWrapper, keepsTrailingSpace: true, capacity: 256)
        titleLines.paragraph(minister.title)
        out.appendRaw(titleLines)
        out.line("\(record.titleSubject)  -  \(record.titleSpecification)")
        for paragraph in question.introduction { out.paragraph(paragraph) }
        for (position, item) in question.items.enumerated() {
            let label = question.isNumbered ? "\(position + 1). " : ""
            if let context = item.context {
                out.paragraph(context, prefix: label)
                out.paragraph(item.text)
            } else {
                out.paragraph(item.text, prefix: label)
            }
            for (offset, subItem) in item.subItems.enumerated() {
                out.paragraph(subItem, prefix: QuestionComposer.subItemLabels[offset] + " ")
            }
            if let interlude = item.interlude { out.paragraph(interlude) }
        }
        if let closing = question.closing { out.paragraph(closing) }
        out.line(minister.upperCasedName)
        out.appendRaw(titleLines)
        out.line("ANTWOORD ")
        out.line("op vraag nr. \(record.number) van \(record.date.dutchLong)")
        out.line("van \(author.upperCasedName)")
        if let preamble = answer.preamble { out.paragraph(preamble) }
        for (position, part) in answer.parts.enumerated() {
            for (offset, paragraph) in part.enumerated() {
                let label = question.isNumbered && offset == 0 ? "\(position + 1). " : ""
                out.paragraph(paragraph, prefix: label)
            }
        }
        if let annexTitle = answer.annexTitle {
            out.line("BIJLAGE")
            out.line(annexTitle)
        }
        return out.text
    }

    /// Like `seeds/000_*`: title with a leading space, blank lines between
    /// paragraphs, the answer's first line opening with a space right after the
    /// last question line.
    private func renderPlainExport() -> String {
        var out = LineWrapper(width: width, keepsTrailingSpace: keepsTrailingSpace)
        out.line(" \(record.titleSubject)  -  \(record.titleSpecification)")
        out.blankLine()
        for paragraph in question.introduction {
            out.paragraph(paragraph)
            out.blankLine()
        }
        for (position, item) in question.items.enumerated() {
            if position > 0 { out.blankLine() }
            let label = question.isNumbered ? "\(position + 1). " : ""
            if let context = item.context {
                out.paragraph(context, prefix: label)
                out.blankLine()
                out.paragraph(item.text)
            } else {
                out.paragraph(item.text, prefix: label)
            }
            for (offset, subItem) in item.subItems.enumerated() {
                out.paragraph(subItem, prefix: QuestionComposer.subItemLabels[offset] + " ")
            }
            if let interlude = item.interlude {
                out.blankLine()
                out.paragraph(interlude)
            }
        }
        if let closing = question.closing {
            out.blankLine()
            out.paragraph(closing)
        }
        var isFirst = true
        func opening() -> String {
            defer { isFirst = false }
            return isFirst ? " " : ""
        }
        if let preamble = answer.preamble {
            out.paragraph(preamble, prefix: opening())
            out.blankLine()
        }
        for (position, part) in answer.parts.enumerated() {
            for (offset, paragraph) in part.enumerated() {
                let label = question.isNumbered && offset == 0 ? "\(position + 1). " : ""
                out.paragraph(paragraph, prefix: opening() + label)
                out.blankLine()
            }
        }
        out.blankLine()
        return out.text
    }
}

import Corpus
import QuestionModel

/// The preview of a corpus record shown by hover and completion: title, number and
/// date, author → minister, theme, the first questions, the start of the answer and
/// the pdf link.
package enum RecordPreview {
    package static func make(_ record: Record, format: MarkupFormat, questionLimit: Int = 3) -> MarkupText {
        var text = MarkupText(format)
        append(record, to: &text, questionLimit: questionLimit)
        return text
    }

    package static func append(_ record: Record, to text: inout MarkupText, questionLimit: Int = 3) {
        text.paragraph(text.bold(record.title.isEmpty ? "(zonder titel)" : record.title))
        var facts: [String] = []
        if let number = record.number, let date = record.date {
            facts.append(text.escaped("Schriftelijke vraag nr. \(number) van \(date.longText)"))
        } else if let date = record.date {
            facts.append(text.escaped("Vraag van \(date.longText)"))
        }
        switch (record.author, record.minister ?? record.ministerOffice) {
        case let (author?, minister?): facts.append(text.escaped("\(author) → \(minister)"))
        case let (author?, nil): facts.append(text.escaped("van \(author)"))
        case let (nil, minister?): facts.append(text.escaped("aan \(minister)"))
        case (nil, nil): break
        }
        if let theme = record.theme { facts.append(text.escaped("Thema: \(theme)")) }
        // Two trailing spaces would be a Markdown line break; a list item is clearer.
        text.list(facts.map { text.isMarkdown ? "- \($0)" : $0 })

        let questions = record.questions.prefix(questionLimit).enumerated().map { index, question in
            "\(index + 1). \(text.escaped(MarkupText.oneLine(question, limit: 160)))"
        }
        if questions.isEmpty, !record.introductionExcerpt.isEmpty {
            text.paragraph(text.escaped(MarkupText.oneLine(record.introductionExcerpt, limit: 240)))
        }
        text.list(questions)
        // The corpus keeps the first questions only; `questionCount` counts them all.
        if record.questionCount > questions.count, !questions.isEmpty {
            text.paragraph(text.escaped("(+ \(record.questionCount - questions.count) vragen)"))
        }
        if let answer = record.answerExcerpt {
            text.paragraph("\(text.bold("Antwoord:")) \(text.escaped(MarkupText.oneLine(answer, limit: 300)))")
        } else {
            text.paragraph(text.escaped("(nog geen antwoord in het corpus)"))
        }
        if let pdfLink = record.pdfLink { text.paragraph(text.link("pdf", pdfLink)) }
    }
}

import Corpus
import Foundation
import QuestionModel

/// `vraagbaak show "nr. 123 van 26 januari 2024"`: one record, readable.
enum ShowCommand {
    static func run(_ arguments: Arguments) throws(Arguments.UsageError) -> Int32 {
        let reference = arguments.positional.joined(separator: " ")
        let citation = CitationScanner.citations(in: reference).first { $0.number != nil }
        guard let citation, let number = citation.number else {
            throw Arguments.UsageError("show needs a question reference such as \"nr. 123 van 26 januari 2024\"")
        }
        guard let options = try CorpusOptions(arguments, folders: arguments.values("--corpus")) else { return 2 }
        let corpus = options.load()
        let records = citation.date.map { corpus.records(number: number, date: $0) } ?? corpus.records(number: number)
        guard !records.isEmpty else {
            let known = corpus.records(number: number)
            printError("no question \(reference) in the corpus")
            if let date = citation.date, !known.isEmpty {
                printError("nr. \(number) exists on: " + known.compactMap { $0.date?.canonicalText }.joined(separator: ", ")
                           + " (not \(date.canonicalText))")
            }
            return 1
        }
        print(records.map(RecordFormatter.text).joined(separator: "\n\n"))
        return 0
    }
}

/// A record as plain text for the terminal.
enum RecordFormatter {
    static func text(_ record: Record) -> String {
        var lines: [String] = []
        lines.append(record.title)
        lines.append(String(repeating: "=", count: min(record.title.count, 80)))
        if record.number != nil || record.date != nil { lines.append("vraag:    \(record.displayReference)") }
        if let author = record.author { lines.append("van:      \(author)") }
        if let minister = record.minister { lines.append("aan:      \(minister)") }
        if let theme = record.theme { lines.append("thema:    \(theme)") }
        if let pdf = record.pdfLink { lines.append("pdf:      \(pdf)") }
        lines.append("bron:     \(record.source)")
        if !record.introductionExcerpt.isEmpty {
            lines.append("")
            lines.append(record.introductionExcerpt)
        }
        if !record.questions.isEmpty {
            lines.append("")
            for (index, question) in record.questions.enumerated() { lines.append("\(index + 1). \(question)") }
        }
        if let answer = record.answerExcerpt {
            lines.append("")
            lines.append("Antwoord: \(answer)")
        }
        if !record.citedQuestions.isEmpty {
            lines.append("")
            lines.append("verwijst naar: " + record.citedQuestions.map(\.description).joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}

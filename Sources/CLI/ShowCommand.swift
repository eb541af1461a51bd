import Corpus
import Foundation
import QuestionModel

/// `vraagbaak show "nr. 123 van 26 januari 2024"`, `show "nr. 123"` or `show PATH`:
/// one record, readable. A number alone is enough when the corpus holds it once; a
/// file path (as `search` prints it) shows records without a number.
enum ShowCommand {
    static let usageText = "show needs a question reference such as \"nr. 123 van 26 januari 2024\" or \"nr. 123\", or a file path"

    static func run(_ arguments: Arguments) throws(Arguments.UsageError) -> Int32 {
        let argument = arguments.positional.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        guard !argument.isEmpty else { throw Arguments.UsageError(usageText) }
        guard let options = try CorpusOptions(arguments, folders: arguments.values("--corpus")) else { return 2 }
        if let seed = embeddedSeed(named: argument) { return show([seed]) }
        if looksLikePath(argument) { return showFile(argument) }
        guard let reference = QuestionReferenceText.parse(argument) else { throw Arguments.UsageError(usageText) }

        let corpus = options.load()
        let known = corpus.records(number: reference.number)
        guard let date = reference.date else {
            if known.count > 1 {
                printError("nr. \(reference.number) is in the corpus \(known.count) times; give the date, one of:")
                for record in known { printError("  \(record.displayReference)  \(record.title)  [\(record.source)]") }
                return 2
            }
            guard let record = known.first else {
                printError("no question nr. \(reference.number) in the corpus")
                return 1
            }
            return show([record])
        }
        let records = corpus.records(number: reference.number, date: date)
        guard !records.isEmpty else {
            printError("no question nr. \(reference.number) van \(date.canonicalText) in the corpus")
            if !known.isEmpty {
                printError("nr. \(reference.number) exists on: " + known.compactMap { $0.date?.canonicalText }.joined(separator: ", ")
                           + " (not \(date.canonicalText))")
            }
            return 1
        }
        return show(records)
    }

    private static func show(_ records: [Record]) -> Int32 {
        print(records.map(RecordFormatter.text).joined(separator: "\n\n"))
        return 0
    }

    /// A path as `search` prints it: an existing file, or text that can only be a path.
    private static func looksLikePath(_ argument: String) -> Bool {
        FileManager.default.fileExists(atPath: argument) || argument.contains("/")
            || CorpusFiles.extensions.contains((argument as NSString).pathExtension)
    }

    /// One file read as a corpus record, whether or not it is in the corpus.
    private static func showFile(_ path: String) -> Int32 {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            printError("\(path): no such file")
            return 2
        }
        guard !isFolder.boolValue, CorpusFiles.extensions.contains((path as NSString).pathExtension) else {
            printError("\(path): not a question file (*.txt or *.vraag)")
            return 2
        }
        let corpus = CorpusLoader().load([.folder(path: path)])
        guard let record = corpus.records.first else {
            printError(corpus.warnings.first?.description ?? "\(path): cannot be read")
            return 2
        }
        return show([record])
    }

    /// `seeds/000_….txt` (as `search` prints the embedded seeds) or the bare name.
    private static func embeddedSeed(named argument: String) -> Record? {
        let name = argument.hasPrefix("seeds/") ? String(argument.dropFirst("seeds/".count)) : argument
        guard EmbeddedSeeds.files.contains(where: { $0.name == name }),
              !FileManager.default.fileExists(atPath: argument) else { return nil }
        return CorpusLoader().load([.embeddedSeeds]).records.first { $0.source.description == "seeds/\(name)" }
    }
}

/// `nr. 123`, `123`, `vraag nr. 123 van 26 januari 2024`, `nr. 123 van 26/1/2024`:
/// a question number and, when given, its date.
enum QuestionReferenceText {
    static func parse(_ text: String) -> (number: Int, date: DutchDate?)? {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        // Leading words: `schriftelijke vraag nr.`, `vraag nr`, `nr.`, `nummer`.
        let words = ["schriftelijke", "vraag", "nummer", "nr."]
        var stripped = true
        while stripped {
            stripped = false
            for word in words + ["nr"] where rest.lowercased().hasPrefix(word) {
                let after = rest.dropFirst(word.count)
                guard after.first.map({ $0 == " " || $0.isNumber }) ?? false else { continue }
                rest = after.drop { $0 == " " }
                stripped = true
                break
            }
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 7, let number = Int(digits), number > 0 else { return nil }
        rest = rest.dropFirst(digits.count).drop { $0 == " " }
        if rest.isEmpty { return (number, nil) }
        if rest.lowercased().hasPrefix("van ") { rest = rest.dropFirst(4) }
        guard let date = DutchDate.parse(String(rest)) else { return nil }
        return (number, date)
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

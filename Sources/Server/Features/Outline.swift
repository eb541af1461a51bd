import Foundation
import LSP
import QuestionModel
import SourceText

/// The outline of a question (`textDocument/documentSymbol`): header, title,
/// introduction, numbered questions with their sub-items, answer with its parts, annex.
enum Outline {
    static func symbols(_ question: Question, converter: PositionConverter) -> [DocumentSymbol] {
        var symbols: [DocumentSymbol] = []
        func symbol(_ name: String, _ detail: String?, _ kind: SymbolKind, _ range: TextRange,
                    selection: TextRange? = nil, children: [DocumentSymbol]? = nil) -> DocumentSymbol {
            let full = converter.range(range)
            // The selection must lie inside the range; clamp a marker that does not.
            let selected = selection.map { range.contains($0) ? converter.range($0) : full } ?? full
            return DocumentSymbol(name: displayName(name), detail: detail, kind: kind, range: full,
                                  selectionRange: selected, children: children)
        }

        if let header = question.metadata.range {
            let fields = question.metadata.lines.map { line in
                symbol(line.value.isEmpty ? label(line.key) : line.value, label(line.key), .property,
                       line.lineRange, selection: line.valueRange)
            }
            symbols.append(symbol("Kop", "\(fields.count) velden", .namespace, header, children: fields))
        }
        if let title = question.title {
            symbols.append(symbol(title.text, "titel", .string, title.range))
        }
        if let introduction = question.introduction {
            symbols.append(symbol("Inleiding", firstWords(introduction.text), .namespace, introduction.range))
        }
        for item in question.numberedQuestions {
            let subItems = item.subItems.map { sub in
                symbol("\(sub.letter)) \(firstWords(sub.text))", nil, .field, sub.range, selection: sub.markerRange)
            }
            symbols.append(symbol("\(item.number). \(firstWords(item.text))", "vraag \(item.number)", .function,
                                  item.range, selection: item.markerRange, children: subItems))
        }
        if let closing = question.closing {
            symbols.append(symbol("Slot", firstWords(closing.text), .namespace, closing.range))
        }
        if let answer = question.answer {
            let parts = answer.parts.map { part in
                symbol("\(part.number). \(firstWords(part.text))", "antwoord \(part.number)", .function, part.range,
                       selection: part.markerRange)
            }
            symbols.append(symbol("Antwoord", answer.reference.map { _ in "op de vraag" }, .module, answer.range,
                                  selection: answer.markerRange, children: parts))
        }
        if let annex = question.annex {
            symbols.append(symbol("Bijlage", annex.content.map { firstWords($0.text) }, .module, annex.range,
                                  selection: annex.markerRange))
        }
        return symbols
    }

    /// For clients without hierarchical outlines: a flat list with container names.
    static func flatten(_ symbols: [DocumentSymbol], uri: DocumentURI, container: String? = nil) -> [SymbolInformation] {
        symbols.flatMap { symbol in
            [SymbolInformation(name: symbol.name, kind: symbol.kind, location: Location(uri: uri, range: symbol.range),
                               containerName: container)]
                + flatten(symbol.children ?? [], uri: uri, container: symbol.name)
        }
    }

    /// The first words of a text on one line, at most about 60 characters.
    static func firstWords(_ text: String, limit: Int = 60) -> String {
        var result = ""
        var count = 0
        var lastWasSpace = false
        for character in text {
            if count >= limit {
                return result.trimmingCharacters(in: .whitespaces) + "…"
            }
            if character.isWhitespace {
                if !lastWasSpace, !result.isEmpty { result.append(" "); count += 1 }
                lastWasSpace = true
            } else {
                result.append(character)
                count += 1
                lastWasSpace = false
            }
        }
        return result.trimmingCharacters(in: .whitespaces)
    }

    /// The Dutch name of a header field, as users write it in drafts.
    static func label(_ key: HeaderKey) -> String {
        switch key {
        case .title: return "titel"
        case .theme: return "thema"
        case .pdfLink: return "pdf link"
        case .themeLink: return "thema link"
        case .documentKind: return "soort"
        case .number: return "nr"
        case .author: return "van"
        case .date: return "datum"
        case .addressee: return "aan"
        case .addresseeOffice: return "functie"
        }
    }

    /// LSP forbids empty names.
    private static func displayName(_ name: String) -> String {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? "…" : trimmed
    }
}

import Foundation
import QuestionModel
import SourceText

/// The outline of a question (`textDocument/documentSymbol`): header, title,
/// introduction, numbered questions with their sub-items, answer with its parts, annex.
/// One entry of the outline, in UTF-8 ranges.
package struct OutlineSymbol: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        /// The header, the introduction, the closing.
        case section
        /// A header field.
        case field
        case title
        /// A numbered question, or a numbered part of the answer.
        case item
        case subItem
        /// The answer, the annex.
        case part
    }

    package let name: String
    package let detail: String?
    package let kind: Kind
    package let range: TextRange
    /// Inside `range`, always.
    package let selectionRange: TextRange
    /// Nil for a symbol that never has children; empty for one that has none now.
    package let children: [OutlineSymbol]?
}

extension AnalysisSnapshot {
    /// The outline: header, title, introduction, questions with their sub-items,
    /// closing, answer with its parts, annex.
    package func outline() -> [OutlineSymbol] { Outline.symbols(question) }
}

enum Outline {
    static func symbols(_ question: Question) -> [OutlineSymbol] {
        var symbols: [OutlineSymbol] = []
        func symbol(_ name: String, _ detail: String?, _ kind: OutlineSymbol.Kind, _ range: TextRange,
                    selection: TextRange? = nil, children: [OutlineSymbol]? = nil) -> OutlineSymbol {
            // The selection must lie inside the range; clamp a marker that does not.
            let selected = selection.map { range.contains($0) ? $0 : range } ?? range
            return OutlineSymbol(name: displayName(name), detail: detail, kind: kind, range: range,
                                 selectionRange: selected, children: children)
        }

        if let header = question.metadata.range {
            let fields = question.metadata.lines.map { line in
                symbol(line.value.isEmpty ? label(line.key) : line.value, label(line.key), .field,
                       line.lineRange, selection: line.valueRange)
            }
            symbols.append(symbol("Kop", "\(fields.count) velden", .section, header, children: fields))
        }
        if let title = question.title {
            symbols.append(symbol(title.text, "titel", .title, title.range))
        }
        if let introduction = question.introduction {
            symbols.append(symbol("Inleiding", firstWords(introduction.text), .section, introduction.range))
        }
        for item in question.numberedQuestions {
            let subItems = item.subItems.map { sub in
                symbol("\(sub.letter)) \(firstWords(sub.text))", nil, .subItem, sub.range, selection: sub.markerRange)
            }
            symbols.append(symbol("\(item.number). \(firstWords(item.text))", "vraag \(item.number)", .item,
                                  item.range, selection: item.markerRange, children: subItems))
        }
        if let closing = question.closing {
            symbols.append(symbol("Slot", firstWords(closing.text), .section, closing.range))
        }
        if let answer = question.answer {
            let parts = answer.parts.map { part in
                symbol("\(part.number). \(firstWords(part.text))", "antwoord \(part.number)", .item, part.range,
                       selection: part.markerRange)
            }
            symbols.append(symbol("Antwoord", answer.reference.map { _ in "op de vraag" }, .part, answer.range,
                                  selection: answer.markerRange, children: parts))
        }
        if let annex = question.annex {
            symbols.append(symbol("Bijlage", annex.content.map { firstWords($0.text) }, .part, annex.range,
                                  selection: annex.markerRange))
        }
        return symbols
    }

    /// The first words of a text on one line, at most about 60 characters.
    package static func firstWords(_ text: String, limit: Int = 60) -> String {
        asciiFirstWords(text, limit: limit) ?? characterFirstWords(text, limit: limit)
    }

    /// `characterFirstWords` for a text whose first words are ASCII, byte by byte: an
    /// outline of thousands of items on a long draft makes it thousands of times. Nil
    /// when a non-ASCII byte comes before the answer is known.
    static func asciiFirstWords(_ text: String, limit: Int) -> String? {
        var result: [UInt8] = []
        var count = 0
        var lastWasSpace = false
        var ellipsis = false
        let utf8 = text.utf8
        var index = utf8.startIndex
        while index != utf8.endIndex {
            let byte = utf8[index]
            guard byte < 0x80 else { return nil }
            if count >= limit {
                ellipsis = true
                break
            }
            // Character.isWhitespace on ASCII; `\r\n` is one character.
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                if !lastWasSpace, !result.isEmpty { result.append(0x20); count += 1 }
                lastWasSpace = true
                let next = utf8.index(after: index)
                if byte == 0x0D, next != utf8.endIndex, utf8[next] == 0x0A { index = next }
            } else {
                result.append(byte)
                count += 1
                lastWasSpace = false
            }
            index = utf8.index(after: index)
        }
        // `trimmingCharacters(in: .whitespaces)`: only single spaces are left to trim.
        while result.last == 0x20 { result.removeLast() }
        while result.first == 0x20 { result.removeFirst() }
        return String(decoding: result, as: UTF8.self) + (ellipsis ? "…" : "")
    }

    static func characterFirstWords(_ text: String, limit: Int) -> String {
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

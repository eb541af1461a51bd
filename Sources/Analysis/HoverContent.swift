import Checks
import Corpus
import QuestionModel
import SourceText

/// A hover: what to show, and over which text.
package struct HoverInfo: Sendable, Equatable {
    package let text: MarkupText
    package let range: TextRange
}

extension AnalysisSnapshot {
    /// Hover at `offset`: a preview of the cited question, why a citation does not
    /// resolve, a date's weekday and the answer's due date, an abbreviation's expansion.
    package func hover(at offset: Int, format: MarkupFormat) -> HoverInfo? {
        HoverContent.at(offset, in: self, format: format).map { HoverInfo(text: $0.text, range: $0.range) }
    }
}

/// What a hover shows at one place; pure, for unit tests.
enum HoverContent {
    /// Working days a minister has to answer.
    static let answerPeriodWorkingDays = 20

    static func at(_ offset: Int, in snapshot: AnalysisSnapshot,
                   format: MarkupFormat) -> (text: MarkupText, range: TextRange)? {
        let question = snapshot.question, bytes = snapshot.document.bytes, corpus = snapshot.corpus
        if let citation = question.citation(at: offset) {
            return (citationText(citation, in: snapshot, format: format), citation.range)
        }
        if let dateLine = question.metadata.date, dateLine.range.touches(offset) {
            return (dateText(dateLine.value, isQuestionDate: true, format: format), dateLine.range)
        }
        if let mention = question.dates.first(where: { $0.range.touches(offset) }) {
            var text = MarkupText(format)
            if let date = mention.date {
                text = dateText(date, isQuestionDate: false, format: format)
            } else {
                text.paragraph(text.escaped(impossibleDateMessage(mention)))
            }
            return (text, mention.range)
        }
        if let word = WordAtOffset.find(in: bytes, at: offset), let abbreviation = corpus.abbreviation(word.text) {
            var text = MarkupText(format)
            text.paragraph("\(text.bold(abbreviation.shortForm)): \(text.escaped(abbreviation.longForm))")
            text.paragraph(text.escaped("Zo \(abbreviation.count == 1 ? "1 keer" : "\(abbreviation.count) keer") gedefinieerd in het corpus."))
            return (text, word.range)
        }
        return nil
    }

    static func citationText(_ citation: Citation, in snapshot: AnalysisSnapshot, format: MarkupFormat) -> MarkupText {
        var text = MarkupText(format)
        let corpus = snapshot.corpus
        switch CitationResolution.resolve(citation, in: snapshot.question, corpus: corpus, today: snapshot.today) {
        case .resolved(let records):
            for (index, record) in records.prefix(3).enumerated() {
                if index > 0 { text.paragraph(text.isMarkdown ? "---" : "――――") }
                RecordPreview.append(record, to: &text)
            }
            if records.count > 3 { text.paragraph(text.escaped("(+ \(records.count - 3) andere ministers)")) }
        case .dateMismatch(let reference, let candidates, let closest):
            text.paragraph(text.escaped("Vraag \(reference) staat niet in het corpus: het nummer \(reference.number) bestaat wel, maar op een andere datum."))
            if let closest, let record = candidates.first(where: { $0.date == closest }) {
                text.paragraph(text.escaped("Dichtstbijzijnde: nr. \(reference.number) van \(closest.canonicalText)") + " " + text.bold(record.title))
            } else {
                let dates = Set(candidates.compactMap(\.date)).sorted().map(\.canonicalText).joined(separator: ", ")
                text.paragraph(text.escaped("Het corpus kent nr. \(reference.number) op: \(dates)."))
            }
        case .future(let reference):
            text.paragraph(text.escaped("Vraag \(reference) ligt in de toekomst (vandaag is \(snapshot.today.canonicalText)): zo is de vraag niet terug te vinden."))
        case .unknown(let reference):
            text.paragraph(text.escaped("Vraag \(reference) staat niet in het corpus (\(corpus.count) vragen): nummer \(reference.number) is onbekend."))
            if let date = citation.date { text.paragraph(text.escaped(date.longText)) }
        case .numberOnly(let number, let candidates):
            text.paragraph(text.escaped(citationKindName(citation.kind)))
            text.paragraph(text.escaped("Zonder datum is de vraag niet eenduidig: nummers beginnen elk zittingsjaar opnieuw."))
            let dates = Set(candidates.compactMap(\.date)).sorted().map(\.canonicalText)
            if !dates.isEmpty {
                text.paragraph(text.escaped("Het corpus kent nr. \(number) op: \(dates.joined(separator: ", "))."))
            }
        case .impossibleDate(let mention):
            text.paragraph(text.escaped(impossibleDateMessage(mention) + " Zo is de vraag niet terug te vinden."))
        case .notResolvable:
            text.paragraph(text.escaped(citationKindName(citation.kind)))
            if let date = citation.date { text.paragraph(text.escaped(date.longText)) }
        }
        if !citation.isCanonical {
            text.paragraph(text.escaped("Gebruikelijke vorm: \(citation.canonicalText)"))
        }
        return text
    }

    static func dateText(_ date: DutchDate, isQuestionDate: Bool, format: MarkupFormat) -> MarkupText {
        var text = MarkupText(format)
        text.paragraph(text.escaped(date.longText))
        if isQuestionDate, let due = date.addingWorkingDays(answerPeriodWorkingDays) {
            text.paragraph(text.escaped("Antwoord verwacht uiterlijk \(due.longText) (\(answerPeriodWorkingDays) werkdagen; feestdagen niet meegerekend)."))
        }
        return text
    }

    static func impossibleDateMessage(_ mention: DateMention) -> String {
        let month = (1...12).contains(mention.month) ? DutchDate.monthNames[mention.month - 1] : "maand \(mention.month)"
        return "Deze datum bestaat niet: \(month) \(mention.year) heeft geen dag \(mention.day)."
    }

    private static func citationKindName(_ kind: CitationKind) -> String {
        switch kind {
        case .writtenQuestion: return "Schriftelijke vraag"
        case .requestForExplanation: return "Vraag om uitleg"
        case .topicalQuestion: return "Actuele vraag"
        case .committeeMeeting: return "Commissievergadering"
        case .plenaryMeeting: return "Plenaire vergadering"
        }
    }
}

/// The word (letters and digits, as UTF-8 bytes) around an offset.
enum WordAtOffset {
    static func find(in bytes: [UInt8], at offset: Int) -> (text: String, range: TextRange)? {
        guard offset >= 0, offset <= bytes.count else { return nil }
        var start = offset
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        var end = offset
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        guard end > start else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), TextRange(start: start, end: end))
    }

    /// ASCII letters and digits, and every byte of a multi-byte character (é is a letter).
    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
}

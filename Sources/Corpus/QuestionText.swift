import QuestionModel

/// The whole question text of a parsed question: its title and its question part
/// (introduction, every numbered question and sub-item, the closing), never the
/// header, the signature, the answer or the annex. Repetition is judged on this text
/// for drafts and records alike, whatever the layout: items on their own lines, run
/// together on one line, or unnumbered prose all give the same words.
public enum QuestionText {
    /// `question` parsed from `text`. A draft that is a pasted export (a header
    /// export's `title:` and `ANTWOORD`, a plain export's leading-space title) is
    /// read in that layout, so its header and answer do not count as question text.
    public static func whole(of question: Question, text: String) -> String {
        let parts = self.parts(of: question, text: text)
        return parts.title + "\n" + parts.body
    }

    /// The title and the question part apart (the search weighs them apart).
    public static func parts(of question: Question, text: String) -> (title: String, body: String) {
        parts(of: question, utf8: Array(text.utf8))
    }

    /// The same from the UTF-8 of the text `question` was parsed from.
    public static func parts(of question: Question, utf8 bytes: [UInt8]) -> (title: String, body: String) {
        var question = question
        if question.kind == .draft {
            let layout = DocumentKind.detect(utf8: bytes)
            if layout != .draft {
                question = Question.parse(utf8: bytes, as: layout)
            }
        }
        let title = question.title?.text ?? question.metadata.titleLine?.value ?? ""
        guard let range = question.questionRange else { return (title, "") }
        let start = max(0, min(range.start, bytes.count))
        let end = max(start, min(range.end, bytes.count))
        return (title, String(decoding: bytes[start..<end], as: UTF8.self))
    }
}

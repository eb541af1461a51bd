/// The answer part of a record, before layout: one part per numbered question.
struct AnswerContent {
    var preamble: String?
    /// Paragraphs of each part; part `i` answers question `i + 1`.
    var parts: [[String]]
    /// Set when the answer ends with `BIJLAGE` and this title.
    var annexTitle: String?
}

import Analysis
import Checks
import LSP
import QuestionModel
import SourceText

/// A document the client has open: its text as of `version`, kept in sync by
/// didChange. Parsed models are derived from it on demand.
struct OpenDocument: Sendable {
    let uri: DocumentURI
    let languageId: String
    private(set) var version: Int
    private(set) var text: EditableText
    /// The parse of `text`, made on first use after each change.
    private var parsed: Question?
    /// What the repetition check keeps from one check of this document to the next.
    let repetitionMemo = RepetitionMemo()
    /// The findings of its last check, shared by the requests of one version.
    let findingsMemo = FindingsMemo()

    init(uri: DocumentURI, languageId: String, version: Int, text: String) {
        self.uri = uri
        self.languageId = languageId
        self.version = version
        self.text = EditableText(text)
    }

    mutating func apply(_ changes: [TextDocumentContentChangeEvent], version: Int, unit: ColumnUnit) {
        for change in changes {
            let range = change.range.map { range in
                (start: LineColumn(line: range.start.line, column: range.start.character),
                 end: LineColumn(line: range.end.line, column: range.end.character))
            }
            text.apply(TextChange(range: range, newText: change.text), unit: unit)
        }
        self.version = version
        parsed = nil
    }

    /// The question model of the current text, parsed as `DraftDecision` says;
    /// once per version.
    mutating func question() -> Question {
        if let parsed { return parsed }
        let question = Question.parse(utf8: text.lineIndex.utf8, as: DraftDecision.kind(path: uri, languageId: languageId))
        parsed = question
        return question
    }

    /// The text and its parse, for analysis.
    mutating func snapshot() -> DocumentSnapshot {
        DocumentSnapshot(path: uri, text: text.text, lineIndex: text.lineIndex, question: question())
    }

    func converter(_ unit: ColumnUnit) -> PositionConverter {
        PositionConverter(lineIndex: text.lineIndex, unit: unit)
    }
}

import Corpus
import Foundation
import LSP
import QuestionModel
import SourceText

/// Corpus records on disk: their URIs and positions inside them. The corpus keeps
/// no full text, so a record file is read again when a feature needs a range in it.
enum RecordFiles {
    /// The path of a `file:` URI, to compare documents with record files.
    static func path(of uri: DocumentURI) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    /// A record file read and parsed; nil when it cannot be read (moved, binary).
    struct Parsed {
        let lineIndex: LineIndex
        let question: Question
    }

    static func read(_ path: String) -> Parsed? {
        guard let text = CorpusFileReader.text(path) else { return nil }
        let lineIndex = LineIndex(text)
        return Parsed(lineIndex: lineIndex, question: Question.parse(utf8: lineIndex.utf8))
    }

    /// The record's title line: the title in the body, else the export's `title:` line,
    /// else the start of the file.
    static func titleRange(_ parsed: Parsed) -> TextRange {
        parsed.question.title?.range ?? parsed.question.metadata.titleLine?.range ?? TextRange(start: 0, end: 0)
    }
}


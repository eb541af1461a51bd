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

/// Where navigation goes for a record: its file, or for an embedded seed its
/// read-only copy in the cache folder (`SeedFiles`), written on first use.
extension LanguageServer {
    func recordPath(_ record: Record) -> String? {
        switch record.source {
        case .file(let path):
            return path
        case .embedded(let name):
            let folder = cacheFolder
            if seedFiles?.folder != folder.appendingPathComponent("seeds") { seedFiles = SeedFiles(cacheFolder: folder) }
            guard let path = seedFiles?.path(ofSeed: name) else {
                trace?.log("cannot write the embedded seeds to \(folder.path): navigation to them is off")
                return nil
            }
            return path
        }
    }

    func recordURI(_ record: Record) -> DocumentURI? {
        recordPath(record).map { URL(fileURLWithPath: $0).absoluteString }
    }
}

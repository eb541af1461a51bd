import Corpus
import Foundation
import QuestionModel
import SourceText

/// Corpus records on disk: their URIs and positions inside them. The corpus keeps
/// no full text, so a record file is read again when a feature needs a range in it.
package enum RecordFiles {
    /// The path of a `file:` URI, to compare documents with record files.
    package static func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.standardizedFileURL.path
    }

    /// A record file read and parsed; nil when it cannot be read (moved, binary).
    package struct Parsed: Sendable {
        package let lineIndex: LineIndex
        package let question: Question
    }

    package static func read(_ path: String) -> Parsed? {
        guard let text = CorpusFileReader.text(path) else { return nil }
        let lineIndex = LineIndex(text)
        return Parsed(lineIndex: lineIndex, question: Question.parse(utf8: lineIndex.utf8))
    }

    /// The record's title line: the title in the body, else the export's `title:` line,
    /// else the start of the file.
    package static func titleRange(_ parsed: Parsed) -> TextRange {
        parsed.question.title?.range ?? parsed.question.metadata.titleLine?.range ?? TextRange(start: 0, end: 0)
    }
}

/// Where navigation goes for a record: its file, or for an embedded seed its read-only
/// copy in the cache folder (`SeedFiles`, written on first use); nil without either.
package struct RecordLocator: Sendable {
    package let seedFiles: SeedFiles?
    /// The index cache's folder: the seeds go into its `seeds` subfolder.
    package let cacheFolder: URL

    package init(seedFiles: SeedFiles?, cacheFolder: URL) {
        self.seedFiles = seedFiles
        self.cacheFolder = cacheFolder
    }

    /// Records with files only: the seeds have nowhere to go.
    package static let filesOnly = RecordLocator(seedFiles: nil, cacheFolder: URL(fileURLWithPath: "/"))

    package func path(_ record: Record) -> String? {
        switch record.source {
        case .file(let path): return path
        case .embedded(let name): return seedFiles?.path(ofSeed: name, cacheFolder: cacheFolder)
        }
    }

    package func uri(_ record: Record) -> String? {
        path(record).map { URL(fileURLWithPath: $0).absoluteString }
    }
}

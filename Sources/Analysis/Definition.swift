import Checks
import Foundation
import Corpus
import QuestionModel
import SourceText

/// A place in a file that is not the document asked about: its URI, the range, and
/// the file's lines to turn the range into positions.
package struct TextLocation: Sendable {
    package let uri: String
    package let range: TextRange
    package let lineIndex: LineIndex
}

extension AnalysisSnapshot {
    /// Go to definition: from a citation to the title line of the cited record's
    /// file (for the embedded seeds, their copies in the cache folder). Reads files.
    package func definition(at offset: Int) -> [TextLocation] {
        guard let citation = question.citation(at: offset) else { return [] }
        return resolve(citation).records.compactMap(records.titleLocation)
    }
}

extension RecordLocator {
    /// Where a record's title is, in its file; nil for records without a readable file.
    package func titleLocation(_ record: Record) -> TextLocation? {
        guard let path = path(record), let parsed = RecordFiles.read(path) else { return nil }
        return TextLocation(uri: URL(fileURLWithPath: path).absoluteString, range: RecordFiles.titleRange(parsed),
                            lineIndex: parsed.lineIndex)
    }
}

// libFuzzer harness: the corpus loader's path from a file's bytes to an indexed
// record: `TextDecoding.decode` (UTF-8, else Windows-1252, or refused as binary),
// `Question.parse`, `RecordBuilder` and the index, then the lookups the server
// makes, then the index cache round trip (save, load, same records and results).
import Foundation
@testable import Corpus
import QuestionModel

private let cacheFolder: URL = {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("vraagbaak-corpusfuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()

private func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    abort()
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: count))
    let text: String
    switch TextDecoding.decode(bytes) {
    case .binary: return 0
    case .utf8(let decoded): text = decoded
    case .windows1252(let decoded):
        // Every byte is one scalar in Windows-1252: nothing is lost or merged.
        if decoded.unicodeScalars.count != bytes.count - (bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0) {
            fail("Windows-1252 decoding lost bytes")
        }
        text = decoded
    }
    var warnings: [LoadWarning] = []
    _ = warnings.count
    let corpus = CorpusLoader().load([.embedded(name: "fuzz.txt", text: text)], warnings: [], progress: { _ in })
    warnings = corpus.warnings
    guard corpus.count == 1 else { fail("one text gave \(corpus.count) records") }
    let record = corpus.records[0]
    _ = record.description
    _ = record.fields
    _ = corpus.search(record.title)
    _ = corpus.search(String(text.prefix(300)), limit: 3)
    if let number = record.number {
        _ = corpus.records(number: number)
        if let date = record.date { _ = corpus.records(number: number, date: date) }
    }
    if let author = record.author { _ = corpus.records(author: author) }
    for cited in record.citedQuestions { _ = corpus.records(citing: cited) }
    for abbreviation in corpus.abbreviations { _ = corpus.abbreviation(abbreviation.shortForm) }

    // The cache must give back exactly what was saved.
    let cache = IndexCache(folder: cacheFolder, applicationVersion: "fuzz")
    let sources = [CorpusSource.folder(path: "/fuzz-corpus")]
    do {
        try cache.save(corpus, for: sources)
    } catch {
        fail("cache could not be saved: \(error)")
    }
    let (loaded, outcome) = cache.load(sources, manifest: corpus.manifest)
    guard let loaded, outcome == .hit else { fail("saved cache not loaded: \(outcome)") }
    guard loaded.records == corpus.records else { fail("cache changed the records") }
    guard loaded.abbreviations == corpus.abbreviations else { fail("cache changed the abbreviations") }
    let query = record.title + " " + record.introductionExcerpt
    let before = corpus.search(query).map { [$0.record.corpusIndex: $0.score] }
    let after = loaded.search(query).map { [$0.record.corpusIndex: $0.score] }
    guard before == after else { fail("cache changed search results") }
    return 0
}

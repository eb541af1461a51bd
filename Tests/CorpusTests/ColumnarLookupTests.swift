import Corpus
import Foundation
import QuestionModel
import SyntheticCorpus
import XCTest

/// The lookups are sorted columns searched by bisection, and after a reopen they are
/// read in place from the mapped cache. Both must give exactly what a scan of every
/// record gives, on a corpus with shared numbers, repeated names and citations.
final class ColumnarLookupTests: XCTestCase {
    nonisolated(unsafe) static var corpora: (built: Corpus, reopened: Corpus, folder: URL)?

    override class func tearDown() {
        if let folder = corpora?.folder { try? FileManager.default.removeItem(at: folder) }
        corpora = nil
    }

    private func corpora() throws -> (built: Corpus, reopened: Corpus) {
        if let corpora = Self.corpora { return (corpora.built, corpora.reopened) }
        let folder = try Fixtures.temporaryFolder()
        let corpusFolder = folder.appendingPathComponent("corpus")
        for file in GeneratedCorpus(configuration: CorpusConfiguration(seed: 7, count: 1000, citationPercent: 60))
            .files() {
            let url = corpusFolder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: false, encoding: .utf8)
        }
        let cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
        let sources = [CorpusSource.folder(path: corpusFolder.path)]
        let built = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(built.cache, .missing)
        let reopened = CorpusLoader().open(sources, cache: cache)
        XCTAssertEqual(reopened.cache, .hit)
        Self.corpora = (built.corpus, reopened.corpus, folder)
        return (built.corpus, reopened.corpus)
    }

    private func key(_ name: String) -> String {
        name.split(whereSeparator: \.isWhitespace).joined(separator: " ").lowercased()
    }

    func testEveryLookupEqualsAScanOfTheRecords() throws {
        let (built, reopened) = try corpora()
        XCTAssertEqual(built.count, 1000)
        let records = Array(built.records)
        for corpus in [built, reopened] {
            var checkedCitations = 0
            for number in Set(records.compactMap(\.number)) {
                let expected = records.filter { $0.number == number }.map(\.corpusIndex)
                XCTAssertEqual(Set(corpus.records(number: number).map(\.corpusIndex)), Set(expected), "nr. \(number)")
                for date in Set(records.filter { $0.number == number }.compactMap(\.date)) {
                    let onDate = records.filter { $0.number == number && $0.date == date }.map(\.corpusIndex)
                    XCTAssertEqual(corpus.records(number: number, date: date).map(\.corpusIndex), onDate)
                }
            }
            XCTAssertGreaterThan(Set(records.compactMap(\.number)).count, 50)
            for reference in Set(records.flatMap(\.citedQuestions)) {
                let citing = records.filter { $0.citedQuestions.contains(reference) }.map(\.corpusIndex)
                XCTAssertEqual(corpus.records(citing: reference).map(\.corpusIndex), citing, "\(reference)")
                checkedCitations += 1
            }
            XCTAssertGreaterThan(checkedCitations, 100, "the corpus cites earlier questions")
            let fields: [(KeyPath<Record, String?>, (String) -> [Record])] = [
                (\.author, corpus.records(author:)), (\.minister, corpus.records(minister:)),
                (\.theme, corpus.records(theme:)),
            ]
            for (field, lookup) in fields {
                let names = Set(records.compactMap { $0[keyPath: field] })
                XCTAssertGreaterThan(names.count, 3)
                for name in names {
                    let expected = records.filter { $0[keyPath: field].map(key) == key(name) }.map(\.corpusIndex)
                    XCTAssertEqual(lookup(name).map(\.corpusIndex), expected, name)
                    XCTAssertEqual(lookup(name.uppercased()).map(\.corpusIndex), expected, name)
                }
                XCTAssertTrue(lookup("Nobody Of That Name").isEmpty)
            }
            XCTAssertTrue(corpus.records(number: Int.max).isEmpty)
            XCTAssertTrue(corpus.records(number: -1).isEmpty)
        }
    }

    func testTheReopenedCorpusEqualsTheBuiltOne() throws {
        let (built, reopened) = try corpora()
        XCTAssertEqual(reopened.records, built.records)
        XCTAssertEqual(reopened.authors.map(\.name), built.authors.map(\.name))
        XCTAssertEqual(reopened.ministers.map(\.count), built.ministers.map(\.count))
        XCTAssertEqual(reopened.themes.map(\.name), built.themes.map(\.name))
        XCTAssertEqual(reopened.abbreviations, built.abbreviations)
        for record in built.records.prefix(50) {
            let query = record.title + " " + record.introductionExcerpt
            XCTAssertEqual(reopened.search(query).map(\.index), built.search(query).map(\.index))
            XCTAssertEqual(reopened.search(query).map(\.score), built.search(query).map(\.score))
        }
    }

    /// The names listing counts every record that names someone, most frequent first.
    func testNameListingsCountEveryRecord() throws {
        let (built, _) = try corpora()
        XCTAssertEqual(built.ministers.map(\.count).reduce(0, +), built.records.filter { $0.minister != nil }.count)
        XCTAssertEqual(built.ministers.map(\.count), built.ministers.map(\.count).sorted(by: >))
    }
}

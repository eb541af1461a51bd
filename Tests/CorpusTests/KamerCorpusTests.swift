import Corpus
import Foundation
import QuestionModel
import XCTest

/// The real corpus of 3,811 federal questions, read in place from ../shared.
final class KamerCorpusTests: XCTestCase {
    nonisolated(unsafe) static var loaded: Corpus?

    private func corpus() throws -> Corpus {
        guard FileManager.default.fileExists(atPath: Fixtures.kamer2017.path) else {
            throw XCTSkip("../shared/corpora/kamer-2017 is not beside the repository")
        }
        if let loaded = Self.loaded { return loaded }
        let corpus = CorpusLoader().load([.folder(path: Fixtures.kamer2017.path)])
        Self.loaded = corpus
        return corpus
    }

    func testEveryFileLoads() throws {
        let corpus = try corpus()
        XCTAssertEqual(corpus.count, 3811)
        XCTAssertEqual(corpus.warnings, [])
        let withAnswer = corpus.records.filter(\.hasAnswer).count
        let withDate = corpus.records.filter { $0.date != nil }.count
        print("kamer-2017: \(corpus.count) records, \(withDate) with a date, \(withAnswer) with an answer, \(corpus.abbreviations.count) abbreviations")
        XCTAssertGreaterThan(withAnswer, 3000)
        XCTAssertEqual(withDate, 3811)
    }

    /// Questions sent to several ministers with the same text: searching with one
    /// member's question ranks the other members at the top.
    func testIdenticalQuestionsToSeveralMinistersRankEachOtherFirst() throws {
        let corpus = try corpus()
        // Group by the full question text, read from the files: the same text sent to
        // several ministers (or by several members) makes a group.
        var groups: [String: [Int]] = [:]
        var questionText: [Int: String] = [:]
        for (index, record) in corpus.records.enumerated() {
            guard let path = record.source.filePath, let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            let question = Question.parse(text)
            let body = ([question.introduction?.text ?? ""] + question.numberedQuestions.map(\.text)).joined(separator: "\n")
            questionText[index] = record.title + "\n" + body
            let key = body
            groups[key, default: []].append(index)
        }
        let duplicates = groups.values.filter { $0.count > 1 }.sorted { $0[0] < $1[0] }
        XCTAssertGreaterThanOrEqual(duplicates.count, 20, "the corpus has groups of identical questions")
        // A record ranked among the group may be a near duplicate: the same question
        // filed again with a word changed. Anything else is a miss.
        func termSet(_ index: Int) -> Set<String> { Set(Tokenizer.terms(in: questionText[index] ?? "")) }
        func isNearDuplicate(_ a: Int, _ b: Int) -> Bool {
            let (x, y) = (termSet(a), termSet(b))
            return Double(x.intersection(y).count) / Double(max(1, x.union(y).count)) >= 0.8
        }
        var misses: [String] = []
        for group in duplicates {
            let probe = group[0]
            let others = Set(group.dropFirst())
            let ranked = corpus.search(questionText[probe] ?? "", limit: others.count + 5, excluding: [probe]).map(\.index)
            guard let lastMember = ranked.lastIndex(where: others.contains),
                  others.isSubset(of: ranked) else {
                misses.append("\(corpus.records[probe].title): \(others.sorted()) not all in \(ranked)")
                continue
            }
            let intruders = ranked[...lastMember].filter { !others.contains($0) && !isNearDuplicate(probe, $0) }
            if !intruders.isEmpty {
                misses.append("\(corpus.records[probe].title): \(intruders) ranked among \(others.sorted())")
            }
        }
        XCTAssertEqual(misses, [], "\(misses.count) of \(duplicates.count) groups not ranked first")
    }
}

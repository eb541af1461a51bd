import Checks
import Corpus
import Foundation
import QuestionModel
import XCTest

final class PerformanceTests: XCTestCase {
    /// A 1,000-word draft against the real kamer-2017 corpus (3,811 records): the
    /// check, one BM25 search included, stays within a few milliseconds.
    func testLongDraftAgainstKamerCorpus() throws {
        let folder = TestData.kamerCorpus.path
        guard FileManager.default.fileExists(atPath: folder) else { throw XCTSkip("no kamer-2017 corpus at \(folder)") }
        let corpus = CorpusLoader().load([.folder(path: folder)])
        XCTAssertGreaterThan(corpus.count, 3000)
        var draft = "aan: Minister van Mobiliteit\nvan: Jan Peeters\n\nTreinen - Technische incidenten\n\n"
        var words = 0
        var number = 1
        while words < 1000 {
            let sentence = "Op maandag \(number) december 2016 kreeg trein \(2100 + number) voorbij het station technische problemen. "
            draft += sentence
            words += sentence.split(separator: " ").count
            if number % 5 == 0 { draft += "\n\n\(number / 5). Hoeveel storingen moet de NMBS jaarlijks verhelpen?\n\n" }
            number += 1
        }
        let question = Question.parse(draft)
        let checker = Checker()
        _ = checker.check(question: question, text: draft, corpus: corpus, today: TestData.today)
        let start = Date()
        let rounds = 20
        for _ in 0..<rounds {
            _ = checker.check(question: question, text: draft, corpus: corpus, today: TestData.today)
        }
        let milliseconds = Date().timeIntervalSince(start) * 1000 / Double(rounds)
        print("check of a \(words)-word draft against \(corpus.count) records: \(milliseconds) ms")
        XCTAssertLessThan(milliseconds, 50, "debug build; release is several times faster")
    }
}

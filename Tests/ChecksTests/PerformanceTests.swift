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

    /// The same draft against a large corpus named by `VRAAGBAAK_SCALE_CORPUS` (for
    /// example 100,000 records from `vraagbaak-generate`); skipped without it.
    func testLongDraftAgainstScaleCorpus() throws {
        guard let folder = ProcessInfo.processInfo.environment["VRAAGBAAK_SCALE_CORPUS"] else {
            throw XCTSkip("set VRAAGBAAK_SCALE_CORPUS to a large corpus folder")
        }
        let corpus = CorpusLoader().load([.folder(path: folder)])
        let draft = try TestData.example("repetition.vraag") + String(repeating: "\nHoeveel middelen worden uitgetrokken voor de inburgering van nieuwkomers in 2023 en hoe verhoudt zich dat tot 2022?", count: 40)
        let question = Question.parse(draft)
        let checker = Checker()
        let first = checker.check(question: question, text: draft, corpus: corpus, today: TestData.today)
        let start = Date()
        for _ in 0..<20 { _ = checker.check(question: question, text: draft, corpus: corpus, today: TestData.today) }
        let milliseconds = Date().timeIntervalSince(start) * 1000 / 20
        let query = ([question.title?.text ?? ""] + question.numberedQuestions.map(\.text)).joined(separator: "\n")
        let searchStart = Date()
        for _ in 0..<20 { _ = corpus.search(query, limit: 5) }
        let searchMilliseconds = Date().timeIntervalSince(searchStart) * 1000 / 20
        print("check against \(corpus.count) records: \(milliseconds) ms, of which BM25 search \(searchMilliseconds) ms; \(first.map(\.code))")
        XCTAssertLessThan(milliseconds, 100, "debug build")
    }
}

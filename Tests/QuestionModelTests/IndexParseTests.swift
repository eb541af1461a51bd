import Foundation
import QuestionModel
import TestSupport
import XCTest

/// `Question.parseForIndex` leaves out what only the checks and the editor read, and
/// nothing the index reads.
final class IndexParseTests: XCTestCase {
    func testTheIndexParseKeepsEverythingTheIndexReads() throws {
        var texts = try (0...4).map { try TestData.seed(String(format: "%03d", $0)) }
        let kamer = try TestData.files(in: TestData.kamerCorpus, extensions: ["txt"])
        texts += try kamer.prefix(200).map { try TestData.read($0) }
        var answersWithParts = 0
        for text in texts {
            let bytes = Array(text.utf8)
            let full = Question.parse(utf8: bytes)
            let index = Question.parseForIndex(utf8: bytes)
            XCTAssertEqual(index.kind, full.kind)
            XCTAssertEqual(index.metadata, full.metadata)
            XCTAssertEqual(index.title, full.title)
            XCTAssertEqual(index.introduction, full.introduction)
            XCTAssertEqual(index.numberedQuestions, full.numberedQuestions)
            XCTAssertEqual(index.closing, full.closing)
            XCTAssertEqual(index.questionRange, full.questionRange)
            XCTAssertEqual(index.citations, full.citations)
            XCTAssertEqual(index.answer?.body, full.answer?.body)
            XCTAssertEqual(index.answer?.reference, full.answer?.reference)
            XCTAssertEqual(index.answer?.range, full.answer?.range)
            XCTAssertEqual(index.annex, full.annex)
            XCTAssertEqual(index.dates, [])
            XCTAssertEqual(index.answer?.parts ?? [], [], "the index reads no answer parts")
            if let parts = full.answer?.parts, !parts.isEmpty { answersWithParts += 1 }
        }
        XCTAssertGreaterThan(answersWithParts, 0, "some answer had parts to leave out")
    }
}

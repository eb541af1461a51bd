import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// The parser never fails, never traps, never hangs, and its ranges stay inside the
/// text. No timing assertions here: the benchmark measures speed.
final class RobustnessTests: XCTestCase {
    func testEveryKamerRecordParses() throws {
        let folder = TestData.kamerCorpus
        guard FileManager.default.fileExists(atPath: folder.path) else {
            throw XCTSkip("kamer-2017 corpus not found at \(folder.path)")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".txt") }
        XCTAssertEqual(names.count, 3811)
        var withAnswer = 0, withQuestions = 0, withTitle = 0, withAuthor = 0, withDate = 0, withOffice = 0
        for name in names {
            let bytes = try Array(Data(contentsOf: folder.appendingPathComponent(name)))
            let question = Question.parse(utf8: bytes)
            XCTAssertEqual(question.kind, .headerExport, name)
            assertRangesInside(question, count: bytes.count, name)
            if question.answer != nil { withAnswer += 1 }
            if !question.numberedQuestions.isEmpty { withQuestions += 1 }
            if question.title != nil { withTitle += 1 }
            if question.metadata.author != nil { withAuthor += 1 }
            if question.metadata.date != nil { withDate += 1 }
            if question.metadata.ministerOffice != nil { withOffice += 1 }
            XCTAssertNil(question.metadata.number, "kamer-2017 records have no number: \(name)")
        }
        // Facts about the corpus (see its README): every record has the header; 328
        // have no ANTWOORD; most number their questions, often inline.
        XCTAssertEqual(withTitle, names.count)
        XCTAssertEqual(withAuthor, names.count)
        XCTAssertEqual(withDate, names.count)
        XCTAssertEqual(withOffice, names.count)
        XCTAssertEqual(withAnswer, names.count - 328)
        XCTAssertGreaterThan(withQuestions, 3000)
    }

    func testInlineNumberingOfTheKamerLayout() throws {
        let text = """
            title: Lijn - Incident
            SCHRIFTELIJKE VRAAG
            van EMMANUEL BURTON
            datum: 4 januari 2017
            aan MINISTER VAN MOBILITEIT
            Lijn  -  Incident
            De treinen werden omgeleid via Leuven. 1. Wat was de oorzaak? Zo ja, hoe?2. Zou er een procedure kunnen komen?3. Hoeveel storingen:1. het aantal;2. de duur?
            ANTWOORD
            op de vraag van 4 januari 2017
            van EMMANUEL BURTON
            1. De noodrem werd geactiveerd. 2. De treinbestuurder moet de panne verhelpen. In 2016. 3. Maandelijks 400.
            """
        let question = Question.parse(text)
        XCTAssertNil(question.metadata.minister)
        XCTAssertEqual(question.metadata.ministerOffice?.value, "MINISTER VAN MOBILITEIT")
        XCTAssertEqual(question.metadata.author?.displayName, "Emmanuel Burton")
        XCTAssertEqual(question.title?.subject?.value, "Lijn")
        XCTAssertEqual(question.introduction?.text, "De treinen werden omgeleid via Leuven.")
        XCTAssertEqual(question.numberedQuestions.map(\.number), [1, 2, 3])
        XCTAssertEqual(question.numberedQuestions.map(\.text),
                       ["Wat was de oorzaak? Zo ja, hoe?", "Zou er een procedure kunnen komen?",
                        "Hoeveel storingen:1. het aantal;2. de duur?"])
        let answer = try XCTUnwrap(question.answer)
        XCTAssertNil(answer.reference?.number)
        XCTAssertEqual(answer.reference?.date?.value, DutchDate(year: 2017, month: 1, day: 4))
        XCTAssertEqual(answer.parts.map(\.number), [1, 2, 3])
        XCTAssertEqual(answer.parts[1].text, "De treinbestuurder moet de panne verhelpen. In 2016.")
    }

    func testRecordCutShortAfterItsHeader() {
        let text = "title: X\nSCHRIFTELIJKE VRAAG\nvan A B\naan C D\nANTWOORD\nop de vraag van 4 januari 2017\nJa.\n"
        let question = Question.parse(text)
        XCTAssertNil(question.title)
        XCTAssertEqual(question.answer?.body?.text, "Ja.")
    }

    func testRandomBytes() {
        var generator = SplitMix64(seed: 0x5EED)
        let fragments = ["1. ", "2.", "a) ", "b)", "?", "\n", "\r\n", "\r", " ", "  -  ", " - ", "nr. ", "van ", "12",
                         "januari ", "2023", "/", "-", "mijn schriftelijke vraag ", "in de commissie ", "op ",
                         "ANTWOORD\n", "BIJLAGE\n", "SCHRIFTELIJKE VRAAG\n", "title: ", "aan ", "datum: ", "\u{0}",
                         "é", "😀", "\u{FEFF}", "\t", "Kan de minister", "graag", "31 februari 2024", ".", ":", ";"]
        for round in 0..<400 {
            var text = ""
            let length = Int(generator.next() % 300)
            for _ in 0..<length { text += fragments[Int(generator.next() % UInt64(fragments.count))] }
            for kind in [nil] + DocumentKind.allCases.map(Optional.some) {
                let question = Question.parse(text, as: kind)
                assertRangesInside(question, count: text.utf8.count, "round \(round)")
            }
            // Raw bytes, not necessarily UTF-8.
            let bytes = (0..<Int(generator.next() % 2000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            assertRangesInside(Question.parse(utf8: bytes), count: bytes.count, "raw round \(round)")
            assertRangesInside(Question.parse(utf8: bytes, as: .headerExport), count: bytes.count, "raw round \(round)")
        }
    }

    func testNulBytesAreReportedOnce() {
        let text = "Titel - Spec\n\n\u{0}\u{0}1. Vraag?\u{0}"
        let question = Question.parse(text)
        XCTAssertEqual(question.issues.map(\.kind), [.controlCharacter])
        XCTAssertEqual(question.issues.first?.range, TextRange(start: 14, end: 15))
    }

    func testAMillionCharacterLine() {
        let plain = String(repeating: "a", count: 1_000_000)
        assertRangesInside(Question.parse(plain), count: plain.utf8.count, "letters")

        // Worst cases for the matchers: every word starts a citation or a meeting.
        let citationLike = String(String(repeating: "in de commissie mijn schriftelijke vraag nr. 1 van ", count: 20_000).prefix(1_000_000))
        for kind in DocumentKind.allCases {
            assertRangesInside(Question.parse(citationLike, as: kind), count: citationLike.utf8.count, "citations \(kind)")
        }
        let inline = String(String(repeating: "Zo ja?1. Kan het? 2. A?3. B.", count: 40_000).prefix(1_000_000))
        let question = Question.parse(inline, as: .headerExport)
        assertRangesInside(question, count: inline.utf8.count, "inline")

        let dates = String(String(repeating: "1 januari 2023 12/12/2012 31 ", count: 40_000).prefix(1_000_000))
        XCTAssertGreaterThan(Question.parse(dates).dates.count, 60_000)
    }

    func testAMillionNumberedLines() {
        let text = String(repeating: "1.\n", count: 1_000_000)
        let question = Question.parse(text)
        XCTAssertEqual(question.numberedQuestions.count, 1_000_000)
        XCTAssertTrue(question.numberedQuestions.allSatisfy { $0.number == 1 })

        let subItems = "1. Vraag:\n" + String(repeating: "a)\n", count: 200_000)
        XCTAssertEqual(Question.parse(subItems).numberedQuestions.first?.subItems.count, 200_000)
    }

    func testHundredsOfThousandsOfHeaderLines() {
        let export = "SCHRIFTELIJKE VRAAG\n" + String(repeating: "van X\n", count: 300_000) + "aan Y\nTitel  -  Spec\n"
        let question = Question.parse(export)
        XCTAssertEqual(question.metadata.lines.count, 300_002)
        XCTAssertEqual(question.title?.text, "Titel  -  Spec")
        let draft = String(repeating: "aan: X\n", count: 300_000) + "\nTitel - Spec\n"
        XCTAssertEqual(Question.parse(draft).issues.count, 299_999)
    }

    func testTenMegabytesOfSeeds() throws {
        let seeds = try TestData.allSeeds().joined()
        let repeats = 10_000_000 / seeds.utf8.count + 1
        let text = String(repeating: seeds, count: repeats)
        XCTAssertGreaterThan(text.utf8.count, 10_000_000)
        for kind in DocumentKind.allCases {
            let question = Question.parse(text, as: kind)
            assertRangesInside(question, count: text.utf8.count, "\(kind)")
            XCTAssertEqual(question.citations.filter { $0.number == 118 }.count, repeats, "\(kind)")
        }
    }
}

/// Walks every range in the model.
func assertRangesInside(_ question: Question, count: Int, _ message: String,
                        file: StaticString = #filePath, line: UInt = #line) {
    var ranges: [TextRange?] = [question.title?.range, question.title?.subject?.range, question.title?.specification?.range,
                                question.title?.separatorRange, question.introduction?.range, question.closing?.range,
                                question.questionRange, question.signature?.range, question.metadata.range,
                                question.metadata.number?.range, question.metadata.date?.range]
    for headerLine in question.metadata.lines { ranges += [headerLine.keyRange, headerLine.valueRange, headerLine.lineRange] }
    for item in question.numberedQuestions {
        ranges += [item.range, item.markerRange, item.textRange]
        for sub in item.subItems { ranges += [sub.range, sub.markerRange, sub.textRange] }
    }
    if let answer = question.answer {
        ranges += [answer.range, answer.markerRange, answer.body?.range, answer.opening?.range, answer.reference?.range]
        for part in answer.parts { ranges += [part.range, part.markerRange, part.textRange] }
    }
    if let annex = question.annex { ranges += [annex.range, annex.markerRange, annex.content?.range] }
    for citation in question.citations { ranges += [citation.range, citation.numberRange, citation.dateRange, citation.committeeNameRange] }
    for mention in question.dates { ranges.append(mention.range) }
    for issue in question.issues { ranges.append(issue.range) }
    for case let range? in ranges where !(0 <= range.start && range.start <= range.end && range.end <= count) {
        XCTFail("range \(range) outside 0..<\(count): \(message)", file: file, line: line)
        return
    }
    // Items nest in order.
    for (previous, next) in zip(question.numberedQuestions, question.numberedQuestions.dropFirst())
    where previous.range.end > next.range.start {
        XCTFail("items overlap: \(previous.range) \(next.range): \(message)", file: file, line: line)
        return
    }
}


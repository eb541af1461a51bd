import XCTest
@testable import SyntheticCorpus

final class FormatTests: XCTestCase {
    func testParliamentExportHeaderIsCompleteAndWellFormed() {
        let corpus = TestCorpus.corpus
        var checked = 0
        for file in TestCorpus.files where corpus.records[file.recordIndex].format == .parliamentExport {
            let record = corpus.records[file.recordIndex]
            let minister = corpus.ministers[record.ministerIndex]
            let author = corpus.members[record.authorIndex]
            let lines = TestCorpus.lines(file.text).map(String.init)
            XCTAssertEqual(lines[0], "title: \(record.titleSubject) - \(record.titleSpecification)")
            XCTAssertEqual(lines[1], "thema: \(corpus.themes[record.themeIndex].name)")
            XCTAssertTrue(lines[2].hasPrefix("pdf link: https://docs.vlaamsparlement.be/pfile?id="))
            XCTAssertNotNil(Int(lines[2].dropFirst("pdf link: https://docs.vlaamsparlement.be/pfile?id=".count)))
            XCTAssertTrue(lines[3].hasPrefix("thema link: https://www.vlaamsparlement.be/"))
            XCTAssertEqual(lines[4], "SCHRIFTELIJKE VRAAG")
            XCTAssertNotNil(Int(lines[5].dropFirst("nr. ".count)))
            XCTAssertEqual(lines[6], "van " + author.name.uppercased())
            XCTAssertEqual(lines[6].dropFirst(4), lines[6].dropFirst(4).uppercased()[...])
            XCTAssertTrue(lines[7].hasPrefix("datum: "))
            XCTAssertNotNil(DateReader.read(String(lines[7].dropFirst("datum: ".count))), lines[7])
            XCTAssertEqual(lines[8], "aan " + minister.name.uppercased())
            // 1-3 upper-case lines of minister title, then the body title.
            var position = 9
            while position < lines.count && lines[position] == lines[position].uppercased() { position += 1 }
            XCTAssertTrue((1...3).contains(position - 9), "\(file.path): \(position - 9) title lines")
            XCTAssertEqual(lines[position], "\(record.titleSubject)  -  \(record.titleSpecification)")
            let answer = lines.firstIndex(of: "ANTWOORD ")
            XCTAssertNotNil(answer)
            if let answer {
                XCTAssertEqual(lines[answer + 1],
                               "op vraag nr. \(record.number) van \(record.date.dutchLong)")
                XCTAssertEqual(lines[answer + 2], "van " + author.name.uppercased())
                XCTAssertTrue(lines.contains(minister.name.uppercased()))
            }
            if let annex = lines.firstIndex(of: "BIJLAGE") {
                XCTAssertEqual(annex, lines.count - 3, "\(file.path): annex title is the last line")
                XCTAssertFalse(lines[annex + 1].isEmpty)
            }
            checked += 1
        }
        XCTAssertGreaterThan(checked, 2000)
    }

    func testPlainExportRecordsExistAndFollowTheSeedLayout() {
        let corpus = TestCorpus.corpus
        let plain = TestCorpus.files.filter { corpus.records[$0.recordIndex].format == .plainExport }
        XCTAssertGreaterThan(plain.count, TestCorpus.files.count / 20)
        XCTAssertLessThan(plain.count, TestCorpus.files.count / 5)
        for file in plain {
            let record = corpus.records[file.recordIndex]
            let lines = TestCorpus.lines(file.text)
            XCTAssertEqual(String(lines[0]), " \(record.titleSubject)  -  \(record.titleSpecification)")
            XCTAssertEqual(lines[1], "")
            XCTAssertFalse(file.text.contains("SCHRIFTELIJKE VRAAG"))
            // The answer is the first later line opening with a space, and the line
            // before it ends the last question.
            let openings = lines.indices.dropFirst().filter { lines[$0].hasPrefix(" ") }
            XCTAssertEqual(openings.count, 1, file.path)
            if let answer = openings.first {
                XCTAssertTrue(lines[answer - 1].trimmingCharacters(in: .whitespaces).hasSuffix("?"), file.path)
            }
        }
    }

    func testNumberedQuestionsAndAnswerPartsMatch() {
        var withSubItems = 0
        var numberedCounts = Set<Int>()
        for file in TestCorpus.files {
            let lines = TestCorpus.lines(file.text)
            let numbers = lines.compactMap { line -> Int? in
                let trimmed = line.drop { $0 == " " }
                guard let dot = trimmed.firstIndex(of: "."), trimmed[trimmed.index(after: dot)...].hasPrefix(" ") else { return nil }
                return Int(trimmed[..<dot])
            }
            // Questions 1...k, then the answer parts 1...k (a referral still carries its number).
            if let restart = numbers.indices.dropFirst().first(where: { numbers[$0] == 1 }) {
                let questions = Array(numbers[..<restart])
                XCTAssertEqual(questions, Array(1...questions.count), file.path)
                XCTAssertEqual(Array(numbers[restart...]), questions, file.path)
                numberedCounts.insert(questions.count)
            } else {
                XCTAssertTrue(numbers.isEmpty, "\(file.path): \(numbers)")
            }
            if lines.contains(where: { $0.hasPrefix("a) ") }) { withSubItems += 1 }
            let labels = lines.compactMap { $0.count > 2 && $0.dropFirst().hasPrefix(") ") ? $0.first : nil }
            for (previous, next) in zip(labels, labels.dropFirst()) where next != "a" {
                XCTAssertEqual(next.asciiValue, previous.asciiValue.map { $0 + 1 }, file.path)
            }
        }
        XCTAssertEqual(numberedCounts, Set(2...8))
        XCTAssertGreaterThan(withSubItems, 100)
    }

    func testMultiMinisterCopiesShareTheQuestionButNotTheNumbering() {
        let corpus = TestCorpus.corpus
        let groups = Dictionary(grouping: corpus.records.filter(\.isMultiMinisterCopy), by: \.questionIndex)
        XCTAssertGreaterThan(groups.count, 5)
        XCTAssertTrue(groups.values.contains { $0.count == corpus.ministers.count })
        for group in groups.values {
            let copies = group.filter { $0.format == .parliamentExport }
            XCTAssertEqual(Set(group.map(\.ministerIndex)).count, group.count)
            XCTAssertEqual(Set(group.map(\.number)).count >= 1, true)
            XCTAssertEqual(Set(copies.map(\.date)).count, 1)
            XCTAssertEqual(Set(copies.map(\.authorIndex)).count, 1)
            let questions = copies.map { FormatTests.questionPart(of: TestCorpus.files[$0.index].text, record: $0) }
            XCTAssertEqual(Set(questions).count, 1, "copies of question \(copies[0].questionIndex) differ")
        }
    }

    func testTextsHaveRealisticSizeAndNoTemplateLeftovers() {
        var words = 0
        for file in TestCorpus.files {
            words += file.text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
            XCTAssertFalse(file.text.contains("{"), file.path)
            XCTAssertFalse(file.text.contains("}"), file.path)
            XCTAssertFalse(file.text.contains("  .") || file.text.contains(" ,"), file.path)
            for line in TestCorpus.lines(file.text) {
                XCTAssertLessThanOrEqual(line.count, 100, "\(file.path): \(line)")
            }
        }
        let average = words / TestCorpus.files.count
        XCTAssertTrue((400...600).contains(average), "average \(average) words")
    }

    func testFewNearDuplicatesOutsideMultiMinisterCopies() {
        // Jaccard similarity of word 4-shingles between records of the same theme.
        let corpus = TestCorpus.corpus
        let singles = TestCorpus.files.prefix(600).filter { !corpus.records[$0.recordIndex].isMultiMinisterCopy }
        let shingles = singles.map { file -> Set<String> in
            let words = file.text.split(whereSeparator: { $0 == " " || $0 == "\n" })
            return Set((0..<max(0, words.count - 3)).map { words[$0..<$0 + 4].joined(separator: " ") })
        }
        var nearDuplicates = 0
        var pairs = 0
        for first in singles.indices {
            for second in singles.indices where second > first {
                guard corpus.records[singles[first].recordIndex].themeIndex
                        == corpus.records[singles[second].recordIndex].themeIndex else { continue }
                pairs += 1
                let shared = shingles[first].intersection(shingles[second]).count
                let union = shingles[first].union(shingles[second]).count
                if union > 0 && Double(shared) / Double(union) > 0.5 { nearDuplicates += 1 }
            }
        }
        XCTAssertGreaterThan(pairs, 1000)
        XCTAssertEqual(nearDuplicates, 0)
    }

    /// The text from the body title to the repeated minister name.
    static func questionPart(of text: String, record: SyntheticRecord) -> String {
        let lines = TestCorpus.lines(text)
        let title = "\(record.titleSubject)  -  \(record.titleSpecification)"
        guard let start = lines.firstIndex(where: { $0 == title }),
              let end = lines.firstIndex(of: "ANTWOORD ") else { return text }
        return lines[start..<end].prefix { !$0.hasPrefix(Vocabulary.ministers[record.ministerIndex].name.uppercased()) }
            .joined(separator: "\n")
    }
}

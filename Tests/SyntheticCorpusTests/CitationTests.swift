import XCTest
@testable import SyntheticCorpus

final class CitationTests: XCTestCase {
    private struct Key: Hashable {
        let number: Int
        let date: CalendarDate
    }

    func testEveryCitationInTheTextsPointsAtAnExistingNumberAndDate() {
        let records = TestCorpus.corpus.records
        var existing: [Key: [SyntheticRecord]] = [:]
        for record in records where record.format == .parliamentExport {
            existing[Key(number: record.number, date: record.date), default: []].append(record)
        }
        var found = 0
        for file in TestCorpus.files {
            let record = records[file.recordIndex]
            for match in CitationMatch.all(in: TestCorpus.flattened(file.text)) {
                guard let date = match.date else {
                    XCTFail("\(file.path): invalid date '\(match.dateText)'")
                    continue
                }
                if match.prefix.hasSuffix("op vraag ") && match.number == record.number && date == record.date {
                    continue // the ANTWOORD header names the question itself
                }
                found += 1
                let targets = existing[Key(number: match.number, date: date)] ?? []
                XCTAssertFalse(targets.isEmpty, "\(file.path): nr. \(match.number) van \(match.dateText) does not exist")
                XCTAssertTrue(targets.contains { $0.date < record.date }, "\(file.path): cites a later question")
                if match.prefix.hasPrefix("mijn ") {
                    XCTAssertTrue(targets.contains { $0.authorIndex == record.authorIndex },
                                  "\(file.path): 'mijn' for another member's question")
                }
            }
        }
        XCTAssertGreaterThan(found, 0)
    }

    func testAboutThirtyPercentCiteAndTheMetadataMatchesTheText() {
        let corpus = TestCorpus.corpus
        let questions = Dictionary(grouping: corpus.records, by: \.questionIndex).values.map { $0[0] }
        let citing = questions.filter { $0.citation != nil }.count
        let share = Double(citing) / Double(questions.count)
        XCTAssertGreaterThan(share, 0.2)
        XCTAssertLessThan(share, 0.35)
        for file in TestCorpus.files {
            let record = corpus.records[file.recordIndex]
            guard let citation = record.citation else { continue }
            let target = corpus.records[citation.targetIndex]
            XCTAssertEqual(target.format, .parliamentExport)
            XCTAssertLessThan(target.date, record.date)
            XCTAssertEqual(citation.isOwnQuestion, target.authorIndex == record.authorIndex)
            XCTAssertTrue(TestCorpus.flattened(file.text).contains(citation.text), "\(file.path)")
        }
    }

    func testCitationsUseSeveralFormsMostlyCanonical() {
        let citations = TestCorpus.corpus.records.compactMap(\.citation)
        let forms = Dictionary(grouping: citations, by: \.form).mapValues(\.count)
        XCTAssertEqual(Set(forms.keys), Set(CitationForm.allCases))
        XCTAssertGreaterThan(forms[.canonical] ?? 0, citations.count / 2)
        XCTAssertTrue(citations.contains { $0.isOwnQuestion && $0.text.hasPrefix("mijn schriftelijke vraag nr. ") })
        XCTAssertTrue(citations.contains { !$0.isOwnQuestion })
        XCTAssertFalse(citations.contains { !$0.isOwnQuestion && $0.text.contains("mijn") })
    }
}

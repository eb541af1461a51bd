import XCTest
@testable import SyntheticCorpus

final class NumberingTests: XCTestCase {
    func testNumbersRunFromOneWithoutGapsPerMinisterPerYearInDateOrder() {
        let corpus = TestCorpus.corpus
        var groups: [String: [SyntheticRecord]] = [:]
        for record in corpus.records {
            groups["\(record.ministerIndex)/\(record.parliamentaryYear.startYear)", default: []].append(record)
        }
        XCTAssertGreaterThanOrEqual(groups.count, 9 * 3)
        for (key, records) in groups {
            let ordered = records.sorted { ($0.date, $0.index) < ($1.date, $1.index) }
            XCTAssertEqual(ordered.map(\.number), Array(1...ordered.count), "numbering of \(key)")
        }
    }

    func testRecordsAreInDateOrderAndInsideTheirParliamentaryYear() {
        let records = TestCorpus.corpus.records
        for (earlier, later) in zip(records, records.dropFirst()) {
            XCTAssertLessThanOrEqual(earlier.date, later.date)
        }
        for record in records {
            XCTAssertTrue(record.parliamentaryYear.contains(record.date), "\(record.date) not in \(record.parliamentaryYear)")
            XCTAssertFalse(record.date.isWeekend)
        }
        XCTAssertEqual(Set(records.map(\.parliamentaryYear.startYear)), [2021, 2022, 2023])
    }

    func testHeaderNumberAndDateMatchTheMetadataAndThePath() {
        for file in TestCorpus.files {
            let record = TestCorpus.corpus.records[file.recordIndex]
            XCTAssertEqual(file.path, record.path)
            XCTAssertTrue(file.path.hasPrefix(record.parliamentaryYear.label + "/"))
            XCTAssertTrue(file.path.hasSuffix("/" + NumberText.padded(record.number) + ".txt"))
            guard record.format == .parliamentExport else { continue }
            let lines = TestCorpus.lines(file.text)
            XCTAssertEqual(lines[5], "nr. \(record.number)")
            XCTAssertEqual(lines[7], "datum: \(record.date.dutchLong)")
            XCTAssertTrue(lines.contains("op vraag nr. \(record.number) van \(record.date.dutchLong)"))
        }
    }

    func testPathsAreUniqueAndFoldersStaySmall() {
        let paths = TestCorpus.files.map(\.path)
        XCTAssertEqual(Set(paths).count, paths.count)
        let large = GeneratedCorpus(seed: 9, count: 30_000)
        var perFolder: [Substring: Int] = [:]
        for record in large.records {
            perFolder[record.path[..<(record.path.lastIndex(of: "/") ?? record.path.endIndex)], default: 0] += 1
        }
        XCTAssertLessThan(perFolder.values.max() ?? 0, 2000)
        XCTAssertEqual(Set(large.records.map(\.path)).count, large.records.count)
    }

    func testOpeningIsTheFourthMondayOfSeptember() {
        XCTAssertEqual(ParliamentaryYear.openingDay(of: 2023), CalendarDate(year: 2023, month: 9, day: 25))
        XCTAssertEqual(ParliamentaryYear.openingDay(of: 2024), CalendarDate(year: 2024, month: 9, day: 23))
        XCTAssertEqual(ParliamentaryYear.openingDay(of: 2022), CalendarDate(year: 2022, month: 9, day: 26))
        XCTAssertEqual(ParliamentaryYear.openingDay(of: 2021), CalendarDate(year: 2021, month: 9, day: 27))
        let eve = CalendarDate(year: 2024, month: 9, day: 22)
        XCTAssertEqual(eve.map { ParliamentaryYear(containing: $0).label }, "2023-2024")
    }

    func testCalendarArithmeticRoundTrips() {
        for day in stride(from: -1000, to: 40_000, by: 7) {
            let date = CalendarDate(dayNumber: day)
            XCTAssertEqual(date.dayNumber, day)
            XCTAssertNotNil(CalendarDate(year: date.year, month: date.month, day: date.day))
        }
        XCTAssertEqual(CalendarDate(year: 2024, month: 1, day: 26)?.weekdayIndex, 4) // a Friday
        XCTAssertNil(CalendarDate(year: 2023, month: 2, day: 29))
        XCTAssertEqual(CalendarDate(year: 2023, month: 1, day: 6)?.dutchLong, "6 januari 2023")
    }
}

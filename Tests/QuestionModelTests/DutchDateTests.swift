import QuestionModel
import SourceText
import TestSupport
import XCTest

final class DutchDateTests: XCTestCase {
    private func date(_ year: Int, _ month: Int, _ day: Int, file: StaticString = #filePath, line: UInt = #line) -> DutchDate {
        guard let date = DutchDate(year: year, month: month, day: day) else {
            XCTFail("\(year)-\(month)-\(day) should exist", file: file, line: line)
            return DutchDate(year: 2000, month: 1, day: 1)!
        }
        return date
    }

    func testEveryWrittenForm() {
        let cases: [(String, DutchDate)] = [
            ("6 januari 2023", date(2023, 1, 6)),
            ("26 januari 2024", date(2024, 1, 26)),
            ("26/01/2024", date(2024, 1, 26)),
            ("26-01-2024", date(2024, 1, 26)),
            ("31/1/2024", date(2024, 1, 31)),
            ("1/1/2022", date(2022, 1, 1)),
            ("2024-01-26", date(2024, 1, 26)),
            ("06 januari 2023", date(2023, 1, 6)),
            ("  6 Januari 2023 ", date(2023, 1, 6)),
            ("6 JANUARI 2023", date(2023, 1, 6)),
            ("31 december 2024", date(2024, 12, 31)),
            ("1 mei 2023", date(2023, 5, 1)),
        ]
        for (text, expected) in cases {
            XCTAssertEqual(DutchDate.parse(text), expected, text)
        }
        for (index, name) in DutchDate.monthNames.enumerated() {
            XCTAssertEqual(DutchDate.parse("15 \(name) 2023")?.month, index + 1, name)
        }
    }

    func testInvalidDatesAndNonDates() {
        let invalid = [
            "31 februari 2023", "29 februari 2023", "29 februari 1900", "30 februari 2024",
            "31 april 2023", "31 juni 2023", "31 september 2023", "31 november 2023",
            "0 januari 2023", "32 januari 2023", "32/01/2024", "13/13/2024", "31/04/2023", "2023-02-29",
            "6 januari", "januari 2023", "6 jan 2023", "6 januari 20233", "6 januari 23", "26/01/24",
            "26/01-2024", "6 januarie 2023", "", "nr. 118", "26 januari 2024 en meer", "1.5.2024",
        ]
        for text in invalid {
            XCTAssertNil(DutchDate.parse(text), text)
        }
        XCTAssertNil(DutchDate(year: 2023, month: 2, day: 29))
        XCTAssertNil(DutchDate(year: 2023, month: 13, day: 1))
        XCTAssertNil(DutchDate(year: 999, month: 1, day: 1))
    }

    func testLeapYears() {
        XCTAssertNotNil(DutchDate.parse("29 februari 2024"))
        XCTAssertNotNil(DutchDate.parse("29 februari 2000"))
        XCTAssertNil(DutchDate.parse("29 februari 2100"))
        XCTAssertTrue(DutchDate.isLeapYear(2024))
        XCTAssertFalse(DutchDate.isLeapYear(1900))
        XCTAssertEqual(DutchDate.daysInMonth(2, year: 2023), 28)
    }

    func testCanonicalRendering() {
        XCTAssertEqual(date(2024, 1, 26).canonicalText, "26 januari 2024")
        XCTAssertEqual(DutchDate.parse("06/01/2023")?.canonicalText, "6 januari 2023")
        XCTAssertEqual(DutchDate.parse("2023-03-01")?.canonicalText, "1 maart 2023")
        XCTAssertEqual(date(2024, 1, 6).isoText, "2024-01-06")
        XCTAssertEqual(date(2024, 1, 26).description, "26 januari 2024")
        XCTAssertEqual(date(2024, 1, 26).longText, "vrijdag 26 januari 2024")
        XCTAssertEqual(date(2024, 8, 1).monthName, "augustus")
    }

    func testOrdering() {
        let dates = ["26 januari 2024", "6 januari 2023", "31/12/2023", "1 februari 2024"].compactMap(DutchDate.parse)
        XCTAssertEqual(dates.sorted().map(\.isoText), ["2023-01-06", "2023-12-31", "2024-01-26", "2024-02-01"])
        XCTAssertLessThan(date(2023, 12, 31), date(2024, 1, 1))
    }

    func testWeekdays() {
        XCTAssertEqual(date(1970, 1, 1).weekday, .donderdag)
        XCTAssertEqual(date(2000, 1, 1).weekday, .zaterdag)
        XCTAssertEqual(date(2023, 1, 1).weekday, .zondag)
        XCTAssertEqual(date(2024, 1, 26).weekday, .vrijdag)
        XCTAssertEqual(date(2024, 2, 29).weekday, .donderdag)
        XCTAssertEqual(date(2024, 9, 23).weekday, .maandag)
        XCTAssertEqual(DutchWeekday.allCases.map(\.name),
                       ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"])
    }

    func testDayArithmetic() {
        XCTAssertEqual(date(1970, 1, 1).daysSinceEpoch, 0)
        XCTAssertEqual(date(1969, 12, 31).daysSinceEpoch, -1)
        var day = date(1999, 12, 25).daysSinceEpoch
        let end = date(2025, 1, 5).daysSinceEpoch
        var previous: DutchDate?
        while day <= end {
            let current = DutchDate(daysSinceEpoch: day)
            XCTAssertEqual(current?.daysSinceEpoch, day)
            if let previous, let current { XCTAssertLessThan(previous, current) }
            previous = current
            day += 1
        }
        XCTAssertEqual(date(2024, 2, 28).adding(days: 1), date(2024, 2, 29))
        XCTAssertEqual(date(2023, 12, 31).adding(days: 1), date(2024, 1, 1))
    }

    func testWorkingDays() {
        // A question of Friday 26 January 2024 is due 20 working days later.
        XCTAssertEqual(date(2024, 1, 26).addingWorkingDays(20), date(2024, 2, 23))
        XCTAssertEqual(date(2024, 1, 26).addingWorkingDays(1), date(2024, 1, 29))
        XCTAssertEqual(date(2024, 1, 27).addingWorkingDays(1), date(2024, 1, 29), "from a Saturday")
        XCTAssertEqual(date(2024, 1, 28).addingWorkingDays(5), date(2024, 2, 2), "from a Sunday")
        XCTAssertEqual(date(2024, 1, 31).addingWorkingDays(3), date(2024, 2, 5))
        XCTAssertEqual(date(2024, 1, 31).addingWorkingDays(0), date(2024, 1, 31))
        // Brute force against a day-by-day count.
        let start = date(2024, 1, 1)
        for offset in 0..<14 {
            let from = start.adding(days: offset)!
            for count in 1..<25 {
                var day = from
                var remaining = count
                while remaining > 0 {
                    day = day.adding(days: 1)!
                    if !day.weekday.isWeekend { remaining -= 1 }
                }
                XCTAssertEqual(from.addingWorkingDays(count), day, "\(from) + \(count)")
            }
        }
    }

    func testMentionsInText() {
        let text = "Op 31 \ndecember 2024, 30/10/2024, 31 februari 2023, 01 december 2020, 1 December 2020, 1 december 2020 en 1 januari."
        let mentions = DateScanner.mentions(in: text)
        XCTAssertEqual(mentions.map { text.slice($0.range) },
                       ["31 \ndecember 2024", "30/10/2024", "31 februari 2023", "01 december 2020", "1 December 2020", "1 december 2020"])
        XCTAssertEqual(mentions.map(\.form), [.long, .numeric, .long, .long, .long, .long])
        XCTAssertEqual(mentions.map(\.isValid), [true, true, false, true, true, true])
        XCTAssertEqual(mentions.map(\.isCanonical), [false, false, false, false, false, true])
        XCTAssertEqual(mentions[2].day, 31)
        XCTAssertEqual(mentions[2].month, 2)
        XCTAssertEqual(mentions[2].year, 2023)
    }

    func testNumbersThatAreNotDates() {
        for text in ["15.000 euro", "12/2023", "2016201714453-3-1935", "v1/2/2023", "1/2/20234", "art. 3/1/2024b", "123 januari 2024"] {
            XCTAssertEqual(DateScanner.mentions(in: text).map { text.slice($0.range) }, [], text)
        }
    }

    func testImpossibleDateInADraftIsAnIssue() {
        let text = "Titel - Spec\n\nOp 31 februari 2023 gebeurde het.\n"
        let question = Question.parse(text)
        XCTAssertEqual(question.issues.map(\.kind), [.impossibleDate])
        assertSlice(text, question.issues.first?.range, "31 februari 2023")
    }
}

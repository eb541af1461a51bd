/// A proleptic Gregorian day, with the Dutch renderings the corpus uses.
///
/// Arithmetic goes through a day count (days since 1970-01-01) with Howard
/// Hinnant's civil-calendar algorithms: integer only, no `Date`, no time zones.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public static let dutchMonthNames = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// Nil when the day does not exist (no 31 februari).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1,
              day <= CalendarDate.daysInMonth(month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        CalendarDate.dayNumber(year: year, month: month, day: day)
    }

    /// Days since 1970-01-01 for a (year, month, day) that exists.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// 0 = Monday ... 6 = Sunday.
    public var weekdayIndex: Int {
        let shifted = (dayNumber + 3) % 7
        return shifted < 0 ? shifted + 7 : shifted
    }

    public var isWeekend: Bool { weekdayIndex >= 5 }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// `6 januari 2023`: the canonical form in headers and citations.
    public var dutchLong: String {
        "\(day) \(CalendarDate.dutchMonthNames[month - 1]) \(year)"
    }

    /// `06/01/2023`, or `6/1/2023` when not zero padded.
    public func slashed(padded: Bool = true) -> String {
        padded ? "\(Self.twoDigits(day))/\(Self.twoDigits(month))/\(year)" : "\(day)/\(month)/\(year)"
    }

    /// `06-01-2023`.
    public var dashed: String {
        "\(Self.twoDigits(day))-\(Self.twoDigits(month))-\(year)"
    }

    /// `2023-01-06`, for logs and tests.
    public var description: String {
        "\(year)-\(Self.twoDigits(month))-\(Self.twoDigits(day))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

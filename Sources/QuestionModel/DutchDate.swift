/// A calendar date that exists (no 31 februari), written the Dutch way.
///
/// Parses `6 januari 2023`, `26/01/2024`, `26-01-2024`, `31/1/2024` and ISO
/// `2024-01-26`; renders the canonical form `26 januari 2024`. Comparable by day.
public struct DutchDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Month names in lower case, January first.
    public static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ]

    /// Nil when the day does not exist. Years are limited to four digits.
    public init?(year: Int, month: Int, day: Int) {
        guard (1000...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= DutchDate.daysInMonth(month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses a whole string (surrounding whitespace allowed) in any accepted form.
    public static func parse(_ text: String) -> DutchDate? {
        let bytes = Array(text.utf8)
        let core = Bytes.trimmed(bytes, .init(start: 0, end: bytes.count))
        guard let match = DateScanner.match(bytes, at: core.start, limit: core.end),
              match.range.end == core.end else { return nil }
        return match.date
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(_ month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return 0
        }
    }

    /// The Dutch month name: `januari`.
    public var monthName: String { DutchDate.monthNames[month - 1] }

    /// `26 januari 2024`: the form citations should use.
    public var canonicalText: String { "\(day) \(monthName) \(year)" }

    /// `2024-01-26`.
    public var isoText: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        let dayText = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(monthText)-\(dayText)"
    }

    public var description: String { canonicalText }

    /// Days since 1970-01-01 (negative before), for arithmetic and weekdays.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` after 1970-01-01; nil outside the four-digit years.
    public init?(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        self.init(year: year, month: month, day: day)
    }

    public var weekday: DutchWeekday {
        // 1970-01-01 was a Thursday (donderdag = 4).
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7
        return DutchWeekday(rawValue: index + 1) ?? .maandag
    }

    /// `vrijdag 26 januari 2024`, for hovers.
    public var longText: String { "\(weekday.name) \(canonicalText)" }

    public func adding(days: Int) -> DutchDate? { DutchDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// The date `count` working days later, skipping Saturdays and Sundays.
    /// Public holidays are not known here; callers that know them adjust.
    public func addingWorkingDays(_ count: Int) -> DutchDate? {
        var days = daysSinceEpoch
        var remaining = max(0, count)
        guard remaining > 0 else { return self }
        // Counting from a weekend is counting from the Friday before it; from a
        // weekday, whole weeks are exactly five working days.
        if weekday == .zaterdag { days -= 1 } else if weekday == .zondag { days -= 2 }
        // Whole weeks first so a large count stays cheap.
        days += (remaining / 5) * 7
        remaining %= 5
        while remaining > 0 {
            days += 1
            guard let date = DutchDate(daysSinceEpoch: days) else { return nil }
            if !date.weekday.isWeekend { remaining -= 1 }
        }
        return DutchDate(daysSinceEpoch: days)
    }

    public static func < (lhs: DutchDate, rhs: DutchDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

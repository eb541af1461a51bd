/// A *zittingsjaar*: opens on the fourth Monday of September and runs to the day
/// before the next opening. Question numbers restart at 1 in each one, per minister.
public struct ParliamentaryYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year in which it opens (2023 for 2023-2024).
    public let startYear: Int

    public init(startYear: Int) {
        self.startYear = startYear
    }

    /// The year that contains the date.
    public init(containing date: CalendarDate) {
        let opening = ParliamentaryYear.openingDay(of: date.year)
        startYear = date < opening ? date.year - 1 : date.year
    }

    public var opening: CalendarDate { ParliamentaryYear.openingDay(of: startYear) }

    /// The last day, the eve of the next opening.
    public var closing: CalendarDate { ParliamentaryYear.openingDay(of: startYear + 1).adding(days: -1) }

    /// `2023-2024`, also the top folder of the generated files.
    public var label: String { "\(startYear)-\(startYear + 1)" }

    public var description: String { label }

    public func contains(_ date: CalendarDate) -> Bool {
        opening <= date && date <= closing
    }

    public static func < (lhs: ParliamentaryYear, rhs: ParliamentaryYear) -> Bool {
        lhs.startYear < rhs.startYear
    }

    /// The fourth Monday of September of `year`.
    public static func openingDay(of year: Int) -> CalendarDate {
        let first = CalendarDate(dayNumber: CalendarDate.dayNumber(year: year, month: 9, day: 1))
        let firstMonday = 1 + (7 - first.weekdayIndex) % 7
        return first.adding(days: firstMonday - 1 + 21)
    }
}

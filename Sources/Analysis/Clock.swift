import Foundation
import QuestionModel

/// What day it is: the one place that reads the clock. Features and checks get the
/// date from a snapshot, never from `Date()`, so tests fix it.
package struct Clock: Sendable {
    private let read: @Sendable () -> DutchDate

    package init(_ read: @escaping @Sendable () -> DutchDate) { self.read = read }

    package var today: DutchDate { read() }

    package static func fixed(_ date: DutchDate) -> Clock { Clock { date } }

    /// Today in the local time zone, by the Gregorian calendar. `VRAAGBAAK_TODAY`
    /// (`2024-05-01`) fixes the date for the server and every command, so tests of the
    /// built binary do not depend on the day they run.
    package static let system = Clock {
        if let fixed = ProcessInfo.processInfo.environment["VRAAGBAAK_TODAY"].flatMap(isoDate) { return fixed }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return DutchDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? fallback
    }

    private static let fallback = DutchDate(year: 2000, month: 1, day: 1)!

    /// `2024-05-01`; nil for anything else.
    package static func isoDate(_ text: String) -> DutchDate? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return DutchDate(year: year, month: month, day: day)
    }
}

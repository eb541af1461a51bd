import Foundation
import QuestionModel
import Synchronization

/// What day it is: the one place that reads the clock. Features and checks get the
/// date from a snapshot, never from `Date()`, so tests fix it.
package struct Clock: Sendable {
    private let read: @Sendable () -> DutchDate

    package init(_ read: @escaping @Sendable () -> DutchDate) { self.read = read }

    package var today: DutchDate { read() }

    package static func fixed(_ date: DutchDate) -> Clock { Clock { date } }

    /// Today in the local time zone, by the Gregorian calendar. `VRAAGBAAK_TODAY`
    /// (`2024-05-01`) fixes the date for the server and every command, so tests of the
    /// built binary do not depend on the day they run. The server asks at every
    /// snapshot (each keystroke and request), so the answer is kept for a minute:
    /// reading the environment and the calendar costs a tenth of a millisecond.
    package static let system: Clock = {
        let fixed = ProcessInfo.processInfo.environment["VRAAGBAAK_TODAY"].flatMap(isoDate)
        let kept = Mutex<(date: DutchDate, until: Date)?>(nil)
        return Clock {
            if let fixed { return fixed }
            let now = Date()
            if let kept = kept.withLock({ $0 }), now < kept.until { return kept.date }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone.current
            let parts = calendar.dateComponents([.year, .month, .day], from: now)
            let date = DutchDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? fallback
            // Until the next minute, and never past midnight.
            let midnight = calendar.nextDate(after: now, matching: DateComponents(hour: 0, minute: 0, second: 0),
                                             matchingPolicy: .nextTime) ?? now
            kept.withLock { $0 = (date, min(now.addingTimeInterval(60), midnight)) }
            return date
        }
    }()

    private static let fallback = DutchDate(year: 2000, month: 1, day: 1)!

    /// `2024-05-01`; nil for anything else.
    package static func isoDate(_ text: String) -> DutchDate? {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        return DutchDate(year: year, month: month, day: day)
    }
}

/// A day of the week, Monday first as in Belgium, with its Dutch name.
public enum DutchWeekday: Int, Sendable, CaseIterable, Comparable {
    case maandag = 1, dinsdag, woensdag, donderdag, vrijdag, zaterdag, zondag

    /// The Dutch name in lower case, as written in running text: `maandag`.
    public var name: String {
        switch self {
        case .maandag: return "maandag"
        case .dinsdag: return "dinsdag"
        case .woensdag: return "woensdag"
        case .donderdag: return "donderdag"
        case .vrijdag: return "vrijdag"
        case .zaterdag: return "zaterdag"
        case .zondag: return "zondag"
        }
    }

    public var isWeekend: Bool { self == .zaterdag || self == .zondag }

    public static func < (lhs: DutchWeekday, rhs: DutchWeekday) -> Bool { lhs.rawValue < rhs.rawValue }
}

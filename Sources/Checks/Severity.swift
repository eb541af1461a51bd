/// How serious a finding is. The order is the order of importance: `error` first.
/// Mapped to LSP's `DiagnosticSeverity` (and SARIF's `level`) only at the edges.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case information
    case hint

    /// Higher is more serious: `error` is 3, `hint` is 0.
    public var rank: Int {
        switch self {
        case .error: return 3
        case .warning: return 2
        case .information: return 1
        case .hint: return 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Reads `error`, `warning`, `information` (or `info`) and `hint`, any case.
    public init?(name: String) {
        switch name.lowercased() {
        case "error": self = .error
        case "warning": self = .warning
        case "information", "info": self = .information
        case "hint": self = .hint
        default: return nil
        }
    }
}

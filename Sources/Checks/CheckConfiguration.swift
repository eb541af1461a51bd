/// What to check and how strictly: a profile plus per-rule overrides. A value: build
/// it once per workspace (or per `vraagbaak.json`) and share it.
///
/// Users write it as the `checks` section of the one configuration (`vraagbaak.json`,
/// the editor's settings, `vraagbaak lint --config`); the one decoder is
/// `ConfigurationDecoder` in the Analysis module, which also checks the ranges.
public struct CheckConfiguration: Sendable, Equatable {
    public var profile: Profile
    public var rules: [RuleCode: RuleSetting]

    public init(profile: Profile = .flemishParliament, rules: [RuleCode: RuleSetting] = [:]) {
        self.profile = profile
        self.rules = rules
    }

    public static let `default` = CheckConfiguration()

    /// The severity a rule reports at; nil when it is off.
    public func severity(for code: RuleCode) -> Severity? {
        guard let setting = rules[code]?.severity else { return code.defaultSeverity }
        return setting.severity
    }

    public func isEnabled(_ code: RuleCode) -> Bool { severity(for: code) != nil }

    /// The configured limit, else the profile's.
    public func limit(for code: RuleCode) -> Int? {
        rules[code]?.limit ?? profile.limit(for: code)
    }

    /// The configured copy limit of `repetition`, else the profile's.
    public var repetitionCopyLimit: Int {
        rules[.repetition]?.copyLimit ?? profile.repetitionCopyThreshold
    }
}

/// One rule's override: a severity (or off), a limit, or both. In JSON either a
/// string (`"off"`, `"warning"`) or an object (`{"severity": "error", "limit": 250}`).
public struct RuleSetting: Sendable, Equatable {
    public var severity: SeveritySetting?
    public var limit: Int?
    /// `repetition` only: the percent of shared word shingles from which a draft is a
    /// near-verbatim copy (a warning) rather than a rewording (an information).
    public var copyLimit: Int?

    public init(severity: SeveritySetting? = nil, limit: Int? = nil, copyLimit: Int? = nil) {
        self.severity = severity
        self.limit = limit
        self.copyLimit = copyLimit
    }
}

/// A configured severity: one of the four, or `off`.
public enum SeveritySetting: String, Sendable, Hashable, CaseIterable {
    case off, error, warning, information, hint

    public init?(name: String) {
        if name.lowercased() == "off" || name.lowercased() == "none" {
            self = .off
        } else if let severity = Severity(name: name) {
            self.init(rawValue: severity.rawValue)
        } else {
            return nil
        }
    }

    /// Nil for `off`.
    public var severity: Severity? { Severity(rawValue: rawValue) }
}

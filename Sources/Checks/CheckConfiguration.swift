/// What to check and how strictly: a profile plus per-rule overrides. A value: build
/// it once per workspace (or per `vraagbaak.json`) and share it.
///
/// Decodes from the JSON users write:
/// ```json
/// {"profile": "vlaams-parlement",
///  "rules": {"citation-form": "off", "word-limit": {"severity": "error", "limit": 250}}}
/// ```
/// Unknown rule codes are kept in `unknownRuleCodes` (so a caller can warn about a
/// typo) rather than failing the whole configuration; an unknown profile or severity
/// is a decoding error.
public struct CheckConfiguration: Sendable, Equatable, Codable {
    public var profile: Profile
    public var rules: [RuleCode: RuleSetting]
    /// Codes under `rules` that name no rule, sorted.
    public var unknownRuleCodes: [String]

    public init(profile: Profile = .flemishParliament, rules: [RuleCode: RuleSetting] = [:]) {
        self.profile = profile
        self.rules = rules
        self.unknownRuleCodes = []
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

    // MARK: Codable

    private enum CodingKeys: String, CodingKey {
        case profile, rules
    }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init()
        if let name = try container.decodeIfPresent(String.self, forKey: .profile) {
            guard let profile = Profile.named(name) else {
                let known = Profile.all.map(\.id).joined(separator: ", ")
                throw DecodingError.dataCorruptedError(forKey: .profile, in: container,
                                                       debugDescription: "unknown profile '\(name)' (known: \(known))")
            }
            self.profile = profile
        }
        if container.contains(.rules) {
            let rulesContainer = try container.nestedContainer(keyedBy: AnyKey.self, forKey: .rules)
            var unknown: [String] = []
            for key in rulesContainer.allKeys {
                let setting = try rulesContainer.decode(RuleSetting.self, forKey: key)
                if let code = RuleCode(rawValue: key.stringValue) {
                    rules[code] = setting
                } else {
                    unknown.append(key.stringValue)
                }
            }
            unknownRuleCodes = unknown.sorted()
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(profile.id, forKey: .profile)
        var rulesContainer = container.nestedContainer(keyedBy: AnyKey.self, forKey: .rules)
        for (code, setting) in rules.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            try rulesContainer.encode(setting, forKey: AnyKey(stringValue: code.rawValue))
        }
    }
}

/// One rule's override: a severity (or off), a limit, or both. In JSON either a
/// string (`"off"`, `"warning"`) or an object (`{"severity": "error", "limit": 250}`).
public struct RuleSetting: Sendable, Equatable, Codable {
    public var severity: SeveritySetting?
    public var limit: Int?

    public init(severity: SeveritySetting? = nil, limit: Int? = nil) {
        self.severity = severity
        self.limit = limit
    }

    private enum CodingKeys: String, CodingKey {
        case severity, limit
    }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            guard let severity = SeveritySetting(name: name) else {
                throw DecodingError.dataCorruptedError(
                    in: single, debugDescription: "unknown severity '\(name)' (use off, error, warning, information or hint)")
            }
            self.init(severity: severity)
            return
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var severity: SeveritySetting?
        if let name = try container.decodeIfPresent(String.self, forKey: .severity) {
            guard let parsed = SeveritySetting(name: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .severity, in: container,
                    debugDescription: "unknown severity '\(name)' (use off, error, warning, information or hint)")
            }
            severity = parsed
        }
        let limit = try container.decodeIfPresent(Int.self, forKey: .limit)
        if let limit, limit < 0 {
            throw DecodingError.dataCorruptedError(forKey: .limit, in: container,
                                                   debugDescription: "a limit cannot be negative: \(limit)")
        }
        self.init(severity: severity, limit: limit)
    }

    public func encode(to encoder: any Encoder) throws {
        if limit == nil, let severity {
            var single = encoder.singleValueContainer()
            try single.encode(severity.rawValue)
            return
        }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(severity?.rawValue, forKey: .severity)
        try container.encodeIfPresent(limit, forKey: .limit)
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

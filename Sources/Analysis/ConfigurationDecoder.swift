import Checks
import Foundation

/// The one decoder of the configuration's JSON. Never throws: every unknown key,
/// wrong type and out-of-range value becomes a `ConfigurationProblem` with its key
/// path, and the value is left out, so what is returned is always safe to use.
package enum ConfigurationDecoder {
    /// The keys the schema knows, top level.
    static let topLevelKeys = ["corpus", "seeds", "cacheDirectory", "pollInterval", "checks", "silence"]
    static let checksKeys = ["profile", "rules"]

    /// The largest limit each rule accepts: far above any real question, far below
    /// anything that could overflow a rule's arithmetic.
    static func limitRange(_ code: RuleCode) -> ClosedRange<Int>? {
        switch code {
        case .wordLimit: return 0...1_000_000
        case .titleTooLong: return 0...100_000
        case .tooManyQuestions: return 0...10_000
        case .repetition: return 0...100
        default: return nil
        }
    }

    static let pollIntervalRange = 0.1...86_400.0

    /// Decodes a JSON document (the bytes of a file, or a value re-encoded).
    package static func decode(_ data: Data, from source: ConfigurationSource) -> (ConfigurationLayer, [ConfigurationProblem]) {
        guard let value = try? JSONDecoder().decode(ConfigurationValue.self, from: data) else {
            return (ConfigurationLayer(), [ConfigurationProblem(.error, source, "", "is not valid JSON")])
        }
        return decode(value, from: source)
    }

    /// Decodes a parsed value. Settings pushed by a client may wrap ours in a
    /// `vraagbaak` object; `null` says nothing.
    package static func decode(_ value: ConfigurationValue, from source: ConfigurationSource) -> (ConfigurationLayer, [ConfigurationProblem]) {
        var decoding = Decoding(source: source)
        var value = value
        if case .object(let members) = value, let nested = members["vraagbaak"], case .object = nested {
            value = nested
        } else if source == .clientSettings, case .object(let members) = value,
                  !members.keys.contains(where: topLevelKeys.contains) {
            // Settings a client pushes for every server at once: none of them ours.
            value = .null
        }
        switch value {
        case .null: break
        case .object(let members): decoding.topLevel(members)
        default: decoding.error("", "must be an object with the keys \(list(topLevelKeys))")
        }
        return (decoding.layer, decoding.problems)
    }

    static func list(_ keys: [String]) -> String { keys.joined(separator: ", ") }

    private struct Decoding {
        let source: ConfigurationSource
        var layer = ConfigurationLayer()
        var problems: [ConfigurationProblem] = []

        mutating func error(_ path: String, _ message: String) {
            problems.append(ConfigurationProblem(.error, source, path, message))
        }

        mutating func warning(_ path: String, _ message: String) {
            problems.append(ConfigurationProblem(.warning, source, path, message))
        }

        mutating func topLevel(_ members: [String: ConfigurationValue]) {
            for key in members.keys.sorted() {
                let value = members[key]!
                switch key {
                case "corpus": corpus(value)
                case "seeds":
                    if case .bool(let flag) = value { layer.includeSeeds = flag }
                    else { error(key, "must be true or false, not \(value.summary)") }
                case "cacheDirectory":
                    if !source.mayChooseCacheDirectory {
                        warning(key, "is ignored in a workspace's vraagbaak.json (a repository may not choose where Vraagbaak writes); set it in the editor's settings")
                    } else if case .string(let path) = value, !path.isEmpty {
                        layer.cacheDirectory = path
                    } else {
                        error(key, "must be a folder path, not \(value.summary)")
                    }
                case "pollInterval":
                    if case .workspaceFile = source, let seconds = value.number, seconds < 1 {
                        // At 1 µs an idle server polled a core away: a repository may not ask for that.
                        error(key, "below 1 second is refused in a workspace's vraagbaak.json, not \(value.summary); set it in the editor's settings")
                    } else if let seconds = value.number, ConfigurationDecoder.pollIntervalRange.contains(seconds) {
                        layer.pollIntervalSeconds = seconds
                    } else {
                        error(key, "must be a number of seconds from 0.1 to 86400, not \(value.summary)")
                    }
                case "checks": checks(value)
                case "silence": silence(value)
                case "rules", "profile":
                    warning(key, "unknown key ignored: \(key) belongs under checks ({\"checks\": {\"\(key)\": …}})")
                case "vraagbaak":
                    warning(key, "unknown key ignored: settings go at the top level or, all of them, under vraagbaak")
                default:
                    warning(key, "unknown key ignored (known: \(ConfigurationDecoder.list(ConfigurationDecoder.topLevelKeys)))")
                }
            }
        }

        /// `"silence": {"drafts/a.vraag": [{"code": "numbering", "fingerprint": "1a2b3c4d", "text": "…"}]}`:
        /// findings silenced per draft, paths relative to the file's folder. Only a
        /// `vraagbaak.json` holds them (a draft's silences travel with its folder).
        mutating func silence(_ value: ConfigurationValue) {
            let folder: String
            switch source {
            case .workspaceFile(let path), .chosenFile(let path):
                folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
            default:
                warning("silence", "is ignored here: silenced findings are kept in vraagbaak.json")
                return
            }
            guard case .object(let drafts) = value else {
                if value != .null { error("silence", "must be an object of draft paths, not \(value.summary)") }
                return
            }
            for draft in drafts.keys.sorted() {
                let path = "silence.\(draft)"
                guard case .array(let entries) = drafts[draft]!, let key = Configuration.silenceKey(draft, relativeTo: folder) else {
                    error(path, "must be a list of {code, fingerprint}, not \(drafts[draft]!.summary)")
                    continue
                }
                for (index, entry) in entries.enumerated() {
                    guard case .object(let members) = entry, case .string(let name)? = members["code"],
                          case .string(let fingerprint)? = members["fingerprint"] else {
                        error("\(path)[\(index)]", "must be {\"code\": …, \"fingerprint\": …}, not \(entry.summary)")
                        continue
                    }
                    guard let code = RuleCode(rawValue: name) else {
                        warning("\(path)[\(index)].code", "unknown rule ignored: \(name)")
                        continue
                    }
                    layer.silences[key, default: []].insert(Silence(code: code, fingerprint: fingerprint))
                }
            }
        }

        mutating func corpus(_ value: ConfigurationValue) {
            switch value {
            case .string(let folder) where !folder.isEmpty: layer.corpusFolders = [folder]
            case .null: layer.corpusFolders = []
            case .array(let items):
                var folders: [String] = []
                for (index, item) in items.enumerated() {
                    if case .string(let folder) = item, !folder.isEmpty { folders.append(folder) }
                    else { error("corpus[\(index)]", "must be a folder path, not \(item.summary)") }
                }
                layer.corpusFolders = folders
            default:
                error("corpus", "must be a folder path or a list of folder paths, not \(value.summary)")
            }
            confineToWorkspace()
        }

        /// A workspace's file names folders inside the workspace only (see `WorkspaceConfinement`);
        /// the others are left out and named in one problem the user is shown.
        mutating func confineToWorkspace() {
            guard case .workspaceFile(let path) = source, let folders = layer.corpusFolders else { return }
            let workspace = (path as NSString).deletingLastPathComponent
            let refused = folders.filter { !WorkspaceConfinement.contains($0, workspace: workspace) }
            guard !refused.isEmpty else { return }
            layer.corpusFolders = folders.filter { !refused.contains($0) }
            error("corpus", "folders outside the workspace are not read: \(refused.joined(separator: ", ")) (a repository's vraagbaak.json may name only folders inside it; name others in the editor's settings)")
        }

        mutating func checks(_ value: ConfigurationValue) {
            guard case .object(let members) = value else {
                if value != .null { error("checks", "must be an object with profile and rules, not \(value.summary)") }
                return
            }
            for key in members.keys.sorted() {
                let value = members[key]!
                switch key {
                case "profile":
                    let known = ConfigurationDecoder.list(Profile.all.map(\.id))
                    guard case .string(let name) = value else {
                        error("checks.profile", "must be the name of a profile (\(known)), not \(value.summary)")
                        continue
                    }
                    if let profile = Profile.named(name) { layer.profile = profile }
                    else { error("checks.profile", "unknown profile '\(name)' (known: \(known))") }
                case "rules":
                    rules(value)
                default:
                    warning("checks.\(key)", "unknown key ignored (known: profile, rules)")
                }
            }
        }

        mutating func rules(_ value: ConfigurationValue) {
            guard case .object(let members) = value else {
                if value != .null { error("checks.rules", "must be an object of rule codes, not \(value.summary)") }
                return
            }
            for name in members.keys.sorted() {
                let path = "checks.rules.\(name)"
                guard let code = RuleCode(rawValue: name) else {
                    warning(path, "unknown rule ignored (the codes are listed in docs/rules.md)")
                    continue
                }
                if let setting = ruleSetting(members[name]!, code: code, path: path) { layer.rules[code] = setting }
            }
        }

        mutating func ruleSetting(_ value: ConfigurationValue, code: RuleCode, path: String) -> RuleSetting? {
            let severities = "off, error, warning, information or hint"
            switch value {
            case .string(let name):
                guard let severity = SeveritySetting(name: name) else {
                    error(path, "unknown severity '\(name)' (use \(severities))")
                    return nil
                }
                return RuleSetting(severity: severity)
            case .object(let members):
                var setting = RuleSetting()
                var valid = true
                for key in members.keys.sorted() {
                    let member = members[key]!
                    switch key {
                    case "severity":
                        if case .string(let name) = member, let severity = SeveritySetting(name: name) {
                            setting.severity = severity
                        } else {
                            error("\(path).severity", "must be one of \(severities), not \(member.summary)")
                            valid = false
                        }
                    case "limit":
                        guard let range = ConfigurationDecoder.limitRange(code) else {
                            warning("\(path).limit", "ignored: \(code.rawValue) takes no limit")
                            continue
                        }
                        if let limit = member.integer, range.contains(limit) {
                            setting.limit = limit
                        } else {
                            let unit = code.limitUnit.map { " \($0)" } ?? ""
                            error("\(path).limit", "must be a whole number from \(range.lowerBound) to \(range.upperBound)\(unit), not \(member.summary)")
                            valid = false
                        }
                    case "copy-limit":
                        guard code == .repetition else {
                            warning("\(path).copy-limit", "ignored: only repetition takes a copy-limit")
                            continue
                        }
                        if let limit = member.integer, (0...100).contains(limit) {
                            setting.copyLimit = limit
                        } else {
                            error("\(path).copy-limit", "must be a whole number from 0 to 100 percent, not \(member.summary)")
                            valid = false
                        }
                    default:
                        let known = code == .repetition ? "severity, limit, copy-limit" : "severity, limit"
                        warning("\(path).\(key)", "unknown key ignored (known: \(known))")
                    }
                }
                return valid ? setting : nil
            default:
                error(path, "must be a severity (\(severities)) or an object with severity and/or limit, not \(value.summary)")
                return nil
            }
        }
    }
}

/// A JSON value as the configuration decoder reads it. Numbers keep whether they
/// were written as integers that fit an `Int`.
package indirect enum ConfigurationValue: Sendable, Equatable, Decodable {
    case null
    case bool(Bool)
    case integer(Int)
    case double(Double)
    case string(String)
    case array([ConfigurationValue])
    case object([String: ConfigurationValue])

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Int.self) { self = .integer(value) }
        else if let value = try? container.decode(Double.self) { self = .double(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([ConfigurationValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: ConfigurationValue].self)) }
    }

    /// Any number, as a Double.
    var number: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .double(let value) where value.isFinite: return value
        default: return nil
        }
    }

    /// A whole number that fits an `Int` (`250` or `250.0`).
    var integer: Int? {
        switch self {
        case .integer(let value): return value
        case .double(let value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }

    /// The value as a message shows it: short, never the whole document.
    var summary: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return String(value)
        case .integer(let value): return String(value)
        case .double(let value): return String(value)
        case .string(let value): return value.count > 40 ? "\"\(value.prefix(40))…\"" : "\"\(value)\""
        case .array: return "a list"
        case .object: return "an object"
        }
    }
}

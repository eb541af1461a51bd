import Checks
import Foundation
import Server
import SourceText

/// Lint results as a SARIF 2.1.0 log, for code-scanning tools (GitHub, GitLab, IDEs).
/// Lines and columns are 1-based and columns count UTF-16 code units, which is SARIF's
/// default `columnKind`; we say so explicitly.
enum SARIF {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"
    /// Where users read about the rules. A placeholder until the project has a
    /// public home; `docs/rules.md` holds the same content.
    static let informationURI = "https://github.com/vraagbaak/vraagbaak/blob/main/docs/rules.md"

    struct Log: Encodable {
        let schema = SARIF.schema
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema", version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let columnKind = "utf16CodeUnits"
        let results: [Result]
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }

    struct Message: Encodable {
        let text: String
    }

    struct ReportingConfiguration: Encodable {
        let enabled: Bool
        let level: String
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let shortDescription: Message
        let helpUri: String
        let defaultConfiguration: ReportingConfiguration
    }

    struct ArtifactLocation: Encodable {
        let uri: String
    }

    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: Message
    }

    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }

    struct Fix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let fixes: [Fix]?
    }

    /// `error`, `warning` or `note` (information and hints).
    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .information, .hint: return "note"
        }
    }

    static func document(_ files: [LintedFile], configuration: CheckConfiguration) -> String {
        let codes = RuleCode.allCases
        let rules = codes.map { code in
            let severity = configuration.severity(for: code)
            return ReportingDescriptor(
                id: code.rawValue, shortDescription: Message(text: code.summary),
                helpUri: "\(informationURI)#\(code.rawValue)",
                defaultConfiguration: ReportingConfiguration(enabled: severity != nil,
                                                             level: severity.map(level) ?? "none"))
        }
        var results: [Result] = []
        for file in files {
            let location = ArtifactLocation(uri: uri(file.path))
            for finding in file.findings {
                let fixes = finding.fixes.map { fix in
                    Fix(description: Message(text: fix.title),
                        artifactChanges: [ArtifactChange(artifactLocation: location, replacements: fix.edits.map {
                            Replacement(deletedRegion: region($0.range, in: file), insertedContent: Message(text: $0.newText))
                        })])
                }
                results.append(Result(
                    ruleId: finding.code.rawValue, ruleIndex: codes.firstIndex(of: finding.code) ?? 0,
                    level: level(finding.severity), message: Message(text: finding.message),
                    locations: [Location(physicalLocation: PhysicalLocation(artifactLocation: location,
                                                                            region: region(finding.range, in: file)))],
                    fixes: fixes.isEmpty ? nil : fixes))
            }
        }
        let driver = Driver(name: VraagbaakVersion.name, version: VraagbaakVersion.current,
                            informationUri: informationURI, rules: rules)
        return LintOutput.encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }

    static func region(_ range: TextRange, in file: LintedFile) -> Region {
        let start = file.position(range.start), end = file.position(range.end)
        return Region(startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column)
    }

    /// A URI for a path: relative paths stay relative references, absolute ones become
    /// `file://` URIs, unsafe characters are escaped; standard input becomes `stdin`.
    static func uri(_ path: String) -> String {
        if path == "<stdin>" { return "stdin" }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ":")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}

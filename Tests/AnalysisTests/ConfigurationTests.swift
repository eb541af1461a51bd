@testable import Analysis
import Checks
import Corpus
import Foundation
import QuestionModel
import TestSupport
import XCTest

/// The one configuration decoder: the README's schema, problems in plain words with
/// their key path, never a value that could crash a rule.
final class ConfigurationTests: XCTestCase {
    private let source = ConfigurationSource.chosenFile(path: "/w/vraagbaak.json")

    private func decode(_ json: String, from source: ConfigurationSource? = nil) -> (Configuration, [ConfigurationProblem]) {
        let (layer, problems) = ConfigurationDecoder.decode(Data(json.utf8), from: source ?? self.source)
        return (Configuration(layers: [layer]), problems)
    }

    private func checks(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> CheckConfiguration {
        let (configuration, problems) = decode(json)
        XCTAssertEqual(problems, [], file: file, line: line)
        return configuration.checks
    }

    private func problems(_ json: String) -> [String] { decode(json).1.map(\.description) }

    func testDefaults() {
        let configuration = CheckConfiguration.default
        XCTAssertEqual(configuration.profile, .flemishParliament)
        XCTAssertEqual(configuration.severity(for: .titleMissing), .error)
        XCTAssertEqual(configuration.severity(for: .repetition), .warning, "a copy warns; a rewording informs")
        XCTAssertEqual(configuration.limit(for: .wordLimit), 1000)
        XCTAssertNil(configuration.limit(for: .tooManyQuestions))
        XCTAssertNil(configuration.limit(for: .numbering))
        XCTAssertEqual(decode("{}").0, .default)
        XCTAssertEqual(decode("null").0, .default)
    }

    func testTheReadmeSchema() {
        let (configuration, problems) = decode("""
            {"corpus": ["../archief", "/data/vragen"], "seeds": false, "cacheDirectory": "~/cache", "pollInterval": 2.5,
             "checks": {"profile": "vlaams-parlement",
                        "rules": {"citation-form": "off", "title-separator": "warning", "numbering": {"severity": "error"},
                                  "word-limit": {"severity": "error", "limit": 250}, "title-too-long": {"limit": 80},
                                  "repetition": "info"}}}
            """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(configuration.corpusFolders, ["../archief", "/data/vragen"])
        XCTAssertEqual(configuration.includeSeeds, false)
        XCTAssertEqual(configuration.cacheDirectory, "~/cache")
        XCTAssertEqual(configuration.pollIntervalSeconds, 2.5)
        let checks = configuration.checks
        XCTAssertNil(checks.severity(for: .citationForm))
        XCTAssertEqual(checks.severity(for: .titleSeparator), .warning)
        XCTAssertEqual(checks.severity(for: .numbering), .error)
        XCTAssertEqual(checks.severity(for: .wordLimit), .error)
        XCTAssertEqual(checks.limit(for: .wordLimit), 250)
        XCTAssertEqual(checks.severity(for: .titleTooLong), .warning, "a limit alone keeps the default severity")
        XCTAssertEqual(checks.limit(for: .titleTooLong), 80)
        XCTAssertEqual(configuration.corpusSources(root: "/w"), [.folder(path: "/archief"), .folder(path: "/data/vragen")])
    }

    func testProfiles() {
        XCTAssertEqual(checks(#"{"checks": {"profile": "europees-parlement"}}"#).limit(for: .tooManyQuestions), 3)
        XCTAssertEqual(checks(#"{"checks": {"profile": "european-parliament"}}"#).profile, .europeanParliament)
        XCTAssertEqual(checks(#"{"checks": {"profile": "ep", "rules": {"word-limit": {"limit": 300}}}}"#).limit(for: .wordLimit), 300)
    }

    func testTheRepetitionCopyLimit() {
        XCTAssertEqual(checks(#"{}"#).repetitionCopyLimit, 80)
        XCTAssertEqual(checks(#"{"checks": {"rules": {"repetition": {"copy-limit": 95}}}}"#).repetitionCopyLimit, 95)
        // Merged key by key with the relevance limit of another layer.
        let (file, _) = ConfigurationDecoder.decode(Data(#"{"checks": {"rules": {"repetition": {"limit": 40}}}}"#.utf8), from: source)
        let (user, _) = ConfigurationDecoder.decode(Data(#"{"checks": {"rules": {"repetition": {"copy-limit": 90}}}}"#.utf8), from: .clientSettings)
        XCTAssertEqual(Configuration(layers: [file, user]).checks.rules[.repetition], RuleSetting(limit: 40, copyLimit: 90))
        // Another rule has no copy limit: a warning, and the rest applies.
        let (configuration, found) = decode(#"{"checks": {"rules": {"word-limit": {"copy-limit": 5, "limit": 9}}}}"#)
        XCTAssertEqual(found.map(\.keyPath), ["checks.rules.word-limit.copy-limit"])
        XCTAssertEqual(found.map(\.severity), [.warning])
        XCTAssertEqual(configuration.checks.limit(for: .wordLimit), 9)
    }

    func testLayersMergeKeyByKey() {
        let (file, _) = ConfigurationDecoder.decode(Data(#"{"corpus": "a", "checks": {"rules": {"numbering": "off", "word-limit": {"limit": 10}}}}"#.utf8), from: source)
        let (user, _) = ConfigurationDecoder.decode(Data(#"{"checks": {"rules": {"word-limit": {"severity": "error"}}}}"#.utf8), from: .clientSettings)
        let merged = Configuration(layers: [file, user])
        XCTAssertEqual(merged.corpusFolders, ["a"])
        XCTAssertNil(merged.checks.severity(for: .numbering))
        XCTAssertEqual(merged.checks.rules[.wordLimit], RuleSetting(severity: .error, limit: 10))
    }

    func testProblemsNameTheFileAndTheKeyPath() {
        XCTAssertEqual(problems(#"{"checks": {"rules": {"word-limit": {"limit": 9223372036854775807}}}}"#),
                       ["/w/vraagbaak.json: error: checks.rules.word-limit.limit: must be a whole number from 0 to 1000000 woorden, not 9223372036854775807"])
        XCTAssertEqual(problems(#"{"checks": {"rules": {"numbering": "loud"}}}"#),
                       ["/w/vraagbaak.json: error: checks.rules.numbering: unknown severity 'loud' (use off, error, warning, information or hint)"])
        XCTAssertEqual(problems(#"{"seeds": "yes"}"#), [#"/w/vraagbaak.json: error: seeds: must be true or false, not "yes""#])
        XCTAssertEqual(problems(#"{"checks": {"profile": "kamer"}}"#),
                       ["/w/vraagbaak.json: error: checks.profile: unknown profile 'kamer' (known: vlaams-parlement, europees-parlement)"])
        XCTAssertEqual(problems("{"), ["/w/vraagbaak.json: error: is not valid JSON"])
        XCTAssertEqual(problems("[1]"), ["/w/vraagbaak.json: error: must be an object with the keys corpus, seeds, cacheDirectory, pollInterval, checks, silence"])
    }

    func testUnknownKeysAreWarningsAndTheRestApplies() {
        let (configuration, found) = decode(#"{"corpsu": ["x"], "checks": {"rules": {"titel-ontbreekt": "off", "title-missing": "warning"}}}"#)
        XCTAssertEqual(found.map(\.severity), [.warning, .warning])
        XCTAssertEqual(found.map(\.keyPath), ["checks.rules.titel-ontbreekt", "corpsu"])
        XCTAssertEqual(configuration.checks.severity(for: .titleMissing), .warning)
    }

    func testTheOldShapeIsNotReadButExplained() {
        let (configuration, found) = decode(#"{"rules": {"numbering": "off"}, "profile": "ep"}"#)
        XCTAssertEqual(configuration, .default)
        XCTAssertEqual(found.map(\.keyPath), ["profile", "rules"])
        XCTAssertTrue(found.allSatisfy { $0.message.contains("belongs under checks") }, "\(found)")
    }

    func testOutOfRangeAndWrongTypes() {
        for bad in [#"{"word-limit": {"limit": -1}}"#, #"{"word-limit": {"limit": 1e300}}"#, #"{"word-limit": {"limit": 2.5}}"#,
                    #"{"word-limit": 12}"#, #"{"repetition": {"limit": 101}}"#, #"{"title-too-long": {"limit": "80"}}"#,
                    #"{"too-many-questions": {"limit": 10001}}"#, #"{"numbering": {"severity": 3}}"#,
                    #"{"repetition": {"copy-limit": 101}}"#, #"{"repetition": {"copy-limit": "80"}}"#] {
            let (configuration, found) = decode(#"{"checks": {"rules": "# + bad + "}}")
            XCTAssertEqual(found.map(\.severity), [.error], bad)
            XCTAssertEqual(configuration.checks, .default, bad)
        }
        XCTAssertEqual(decode(#"{"pollInterval": 0}"#).1.map(\.keyPath), ["pollInterval"])
        XCTAssertEqual(decode(#"{"corpus": [1, "ok"]}"#).1.map(\.keyPath), ["corpus[0]"])
        XCTAssertEqual(decode(#"{"checks": {"rules": {"numbering": {"limit": 3}}}}"#).1.map(\.severity), [.warning],
                       "a rule without a limit: the limit is ignored")
    }

    func testAWorkspaceFileMayNotChooseTheCacheFolder() {
        let (configuration, found) = decode(#"{"cacheDirectory": "/tmp/x"}"#, from: .workspaceFile(path: "/w/vraagbaak.json"))
        XCTAssertNil(configuration.cacheDirectory)
        XCTAssertEqual(found.map(\.severity), [.warning])
        XCTAssertEqual(decode(#"{"cacheDirectory": "/tmp/x"}"#, from: .initializationOptions).0.cacheDirectory, "/tmp/x")
    }

    /// Issue 16, item 5: a repository's file names corpus folders inside itself only,
    /// and may not ask for polling faster than once a second; the user's layers may.
    func testAWorkspaceFileNamesOnlyFoldersInsideTheWorkspace() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-confine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let workspace = root.appendingPathComponent("workspace")
        try FileManager.default.createDirectory(at: workspace.appendingPathComponent("vragen/sub"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("outside"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.appendingPathComponent("link").path,
                                                   withDestinationPath: root.appendingPathComponent("outside").path)
        let file = ConfigurationSource.workspaceFile(path: workspace.appendingPathComponent("vraagbaak.json").path)
        let json = #"{"corpus": ["vragen", "vragen/sub/../sub", "./nog-niet", "\#(workspace.path)/vragen", "../outside", "/etc", "~/.secrets", "link", "vragen/../../outside", "/"]}"#
        let (configuration, problems) = decode(json, from: file)
        XCTAssertEqual(configuration.corpusFolders, ["vragen", "vragen/sub/../sub", "./nog-niet", "\(workspace.path)/vragen"])
        XCTAssertEqual(problems.map(\.keyPath), ["corpus"])
        XCTAssertEqual(problems.map(\.severity), [.error])
        XCTAssertTrue(problems.first?.message.contains("../outside, /etc, ~/.secrets, link, vragen/../../outside, /") == true,
                      "\(problems)")
        for source in [ConfigurationSource.initializationOptions, .clientSettings, .chosenFile(path: "/w/vraagbaak.json")] {
            XCTAssertEqual(decode(json, from: source).0.corpusFolders.count, 10, "\(source) is the user's own")
        }
        XCTAssertEqual(decode(#"{"pollInterval": 0.5}"#, from: file).1.map(\.keyPath), ["pollInterval"])
        XCTAssertEqual(decode(#"{"pollInterval": 0.5}"#, from: file).0.pollIntervalSeconds, 10)
        XCTAssertEqual(decode(#"{"pollInterval": 1}"#, from: file).0.pollIntervalSeconds, 1)
        XCTAssertEqual(decode(#"{"pollInterval": 0.5}"#, from: .initializationOptions).0.pollIntervalSeconds, 0.5)
    }

    func testClientSettingsForOtherServersAreNotOurs() {
        XCTAssertEqual(decode(#"{"python": {"x": 1}}"#, from: .clientSettings).1, [])
        XCTAssertEqual(decode(#"{"vraagbaak": {"seeds": false}}"#, from: .clientSettings).0.includeSeeds, false)
    }

    func testDiscoveryFindsTheNearestFileUpwards() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-config-\(UUID().uuidString)")
        let nested = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: nested, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        XCTAssertNil(ConfigurationFile.find(from: nested.path).flatMap { $0.hasPrefix(root.path) ? $0 : nil })
        try Data("{}".utf8).write(to: root.appendingPathComponent("vraagbaak.json"))
        XCTAssertEqual(ConfigurationFile.find(from: nested.path), root.appendingPathComponent("vraagbaak.json").path)
        try Data("{}".utf8).write(to: root.appendingPathComponent("a/vraagbaak.json"))
        XCTAssertEqual(ConfigurationFile.find(from: nested.path), root.appendingPathComponent("a/vraagbaak.json").path)
    }

    /// No input crashes the decoder, and nothing it accepts crashes a rule: random
    /// JSON built from the schema's keys and extreme values, checked against a draft.
    func testNoConfigurationCrashesARule() throws {
        var random = SplitMix64(seed: 13)
        let draft = try TestData.example("word-limit.vraag") + "\n" + TestData.example("too-many-questions.vraag")
        let corpus = CorpusLoader().load([.embeddedSeeds])
        let values = ["0", "1", "-1", "9223372036854775807", "-9223372036854775808", "1e308", "-0.0", "2.5", "100", "101",
                      "1000000", "1000001", "\"off\"", "\"error\"", "\"hint\"", "\"loud\"", "true", "null", "[]", "{}",
                      "\"\"", "\"ep\"", "\"vlaams-parlement\""]
        let codes = RuleCode.allCases.map(\.rawValue) + ["nope"]
        var accepted = 0
        for _ in 0..<400 {
            var rules: [String] = []
            for _ in 0..<random.below(4) {
                let code = codes[random.below(codes.count)]
                let value = random.below(2) == 0 ? values[random.below(values.count)]
                    : #"{"severity": \#(values[random.below(values.count)]), "limit": \#(values[random.below(values.count)])}"#
                rules.append(#""\#(code)": \#(value)"#)
            }
            let profile = random.below(4) == 0 ? values[random.below(values.count)] : "\"ep\""
            let json = #"{"checks": {"profile": \#(profile), "rules": {\#(rules.joined(separator: ", "))}}}"#
            let (configuration, problems) = decode(json)
            if problems.isEmpty { accepted += 1 }
            let snapshot = AnalysisSnapshot(document: DocumentSnapshot(path: "x.vraag", text: draft), corpus: corpus,
                                            configuration: configuration, today: DutchDate(year: 2024, month: 6, day: 1)!)
            _ = snapshot.findings()
        }
        XCTAssertGreaterThan(accepted, 0, "some random configurations are valid")
        // Built in code, not decoded: the checks clamp what the decoder would reject.
        var extreme = Configuration()
        for code in RuleCode.allCases { extreme.checks.rules[code] = RuleSetting(severity: .error, limit: .max) }
        let snapshot = AnalysisSnapshot(document: DocumentSnapshot(path: "x.vraag", text: draft), corpus: corpus,
                                        configuration: extreme, today: DutchDate(year: 2024, month: 6, day: 1)!)
        _ = snapshot.findings()
    }

    /// Garbage near the schema: a valid file with bytes dropped, repeated and
    /// replaced. The decoder never traps, and every problem names its source.
    func testMutatedFilesNeverTrapTheDecoder() {
        var random = SplitMix64(seed: 2026)
        let valid = Array(#"{"corpus": ["a", "b"], "seeds": true, "pollInterval": 5, "checks": {"profile": "ep", "rules": {"word-limit": {"severity": "error", "limit": 250}, "numbering": "off"}}}"#.utf8)
        let alphabet = Array(#"{}[]:,"0123456789-eE.+ truefalsenul\#u{00}\#u{FF}"#.utf8)
        var decoded = 0
        for _ in 0..<3_000 {
            var bytes = valid
            for _ in 0...random.below(4) {
                let at = random.below(bytes.count)
                switch random.below(3) {
                case 0: bytes.remove(at: at)
                case 1: bytes.insert(alphabet[random.below(alphabet.count)], at: at)
                default: bytes[at] = alphabet[random.below(alphabet.count)]
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            let (layer, problems) = ConfigurationDecoder.decode(Data(bytes), from: source)
            XCTAssertTrue(problems.allSatisfy { $0.description.hasPrefix("/w/vraagbaak.json: ") })
            for (_, setting) in layer.rules {
                if let limit = setting.limit { XCTAssertTrue((0...1_000_000).contains(limit)) }
            }
            if problems.isEmpty { decoded += 1 }
        }
        XCTAssertGreaterThan(decoded, 0)
    }

    func testEveryCodeIsKebabCaseAndUnique() {
        let codes = RuleCode.allCases.map(\.rawValue)
        XCTAssertEqual(Set(codes).count, codes.count)
        for code in codes {
            XCTAssertTrue(code.allSatisfy { $0 == "-" || ("a"..."z").contains($0) }, code)
            XCTAssertFalse(RuleCode(rawValue: code)!.summary.isEmpty)
        }
    }
}

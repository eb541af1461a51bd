import Foundation
import XCTest

/// `vraagbaak lint` as a user runs it: exit codes, formats, stdin, NO_COLOR, SARIF.
final class LintCommandTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repository.appendingPathComponent("examples")

    private func example(_ name: String) -> String { Self.examples.appendingPathComponent(name).path }

    private func lint(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:])
        throws -> (status: Int32, stdout: String, stderr: String) {
        // Never touch the user's cache, and read none that another test wrote.
        var env = ["VRAAGBAAK_CACHE_DIR": FileManager.default.temporaryDirectory
            .appendingPathComponent("vraagbaak-lint-tests-\(UUID().uuidString)").path]
        for (key, value) in environment { env[key] = value }
        return try CommandRun.run(["lint"] + arguments, environment: env, stdin: stdin)
    }

    private func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    // MARK: Exit codes

    func testCleanDraftExitsZero() throws {
        let result = try lint([example("clean.vraag")])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.contains("0 errors, 0 warnings"), result.stderr)
    }

    func testFindingsExitOneInCompilerFormat() throws {
        let path = example("numbering.vraag")
        let result = try lint([path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout.trimmingCharacters(in: .newlines),
                       "\(path):10:1: warning: Na vraag 2. volgt 4.: nummer 3 ontbreekt. Hernummer de vragen van 1 tot 3. [numbering]")
    }

    func testFailOnDecidesTheExitCode() throws {
        // `citation-form` is information: below the default `--fail-on warning`.
        XCTAssertEqual(try lint([example("citation-form.vraag")]).status, 0)
        XCTAssertEqual(try lint(["--fail-on", "info", example("citation-form.vraag")]).status, 1)
        XCTAssertEqual(try lint(["--fail-on", "error", example("numbering.vraag")]).status, 0)
        XCTAssertEqual(try lint(["--fail-on", "error", example("item-empty.vraag")]).status, 1)
    }

    func testUsageAndIOErrorsExitTwo() throws {
        let missing = try lint([example("does-not-exist.vraag")])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("does-not-exist.vraag: no such file or folder"), missing.stderr)
        // A missing file among good ones: the others are still checked.
        let mixed = try lint([example("numbering.vraag"), example("nope.vraag")])
        XCTAssertEqual(mixed.status, 2)
        XCTAssertTrue(mixed.stdout.contains("[numbering]"))
        XCTAssertEqual(try lint([]).status, 2, "no path")
        XCTAssertEqual(try lint(["--format", "xml", example("clean.vraag")]).status, 2)
        XCTAssertEqual(try lint(["--fail-on", "sometimes", example("clean.vraag")]).status, 2)
        XCTAssertEqual(try lint(["--frobnicate", example("clean.vraag")]).status, 2)
        XCTAssertEqual(try lint(["--config", example("nope.json"), example("clean.vraag")]).status, 2)
    }

    func testHelp() throws {
        let result = try lint(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("UTF-16"), "the help says how columns count")
    }

    // MARK: Inputs

    func testStandardInput() throws {
        let text = try String(contentsOfFile: example("title-punctuation.vraag"), encoding: .utf8)
        let result = try lint(["-"], stdin: text)
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.hasPrefix("<stdin>:3:54: warning: "), result.stdout)
        XCTAssertTrue(result.stdout.contains("[title-punctuation]"))
    }

    func testFolderIsSearchedForDrafts() throws {
        let result = try lint(["--format", "json", Self.examples.path])
        XCTAssertEqual(result.status, 1)
        let findings = try XCTUnwrap(try json(result.stdout) as? [[String: Any]])
        let files = Set(findings.compactMap { $0["file"] as? String })
        XCTAssertTrue(files.contains(Self.examples.path + "/numbering.vraag"), "\(files)")
        XCTAssertFalse(files.contains { $0.hasSuffix("clean.vraag") })
        XCTAssertFalse(files.contains { $0.hasSuffix(".json") || $0.hasSuffix(".md") })
    }

    func testConfigurationFile() throws {
        let path = example("word-limit.vraag")
        XCTAssertEqual(try lint([path]).status, 0, "1000 words in the Flemish profile")
        let european = try lint(["--config", example("europees-parlement.json"), path])
        XCTAssertEqual(european.status, 1)
        XCTAssertTrue(european.stdout.contains("[word-limit]"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let off = folder.appendingPathComponent("off.json")
        try Data(#"{"checks": {"rules": {"numbering": "off"}}}"#.utf8).write(to: off)
        XCTAssertEqual(try lint(["--config", off.path, example("numbering.vraag")]).status, 0)
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"checks": {"rules": {"numbering": "loud"}}}"#.utf8).write(to: bad)
        let badResult = try lint(["--config", bad.path, example("numbering.vraag")])
        XCTAssertEqual(badResult.status, 2)
        XCTAssertTrue(badResult.stderr.contains("loud"), badResult.stderr)
    }

    // MARK: Formats

    func testNoColourWhenNotATerminalOrNoColorSet() throws {
        let piped = try lint([example("numbering.vraag")])
        XCTAssertFalse(piped.stdout.contains("\u{1B}["))
        let noColor = try lint([example("numbering.vraag")], environment: ["NO_COLOR": "1"])
        XCTAssertFalse(noColor.stdout.contains("\u{1B}["))
    }

    func testJSONFormat() throws {
        let result = try lint(["--format", "json", example("citation-date-mismatch.vraag")])
        XCTAssertEqual(result.status, 1)
        let findings = try XCTUnwrap(try json(result.stdout) as? [[String: Any]])
        XCTAssertEqual(findings.count, 1)
        let finding = findings[0]
        XCTAssertEqual(finding["code"] as? String, "citation-date-mismatch")
        XCTAssertEqual(finding["severity"] as? String, "warning")
        XCTAssertEqual(finding["file"] as? String, example("citation-date-mismatch.vraag"))
        let range = try XCTUnwrap(finding["range"] as? [String: [String: Int]])
        XCTAssertEqual(range["start"], ["line": 5, "column": 53])
        XCTAssertEqual(range["end"], ["line": 5, "column": 68])
        let fixes = try XCTUnwrap(finding["fixes"] as? [[String: Any]])
        let edits = try XCTUnwrap(fixes.first?["edits"] as? [[String: Any]])
        XCTAssertEqual(edits.first?["newText"] as? String, "26 januari 2024")
        let related = try XCTUnwrap(finding["related"] as? [[String: Any]])
        XCTAssertEqual(related.first?["reference"] as? String, "nr. 123 van 26 januari 2024")

        let clean = try lint(["--format", "json", example("clean.vraag")])
        XCTAssertEqual(clean.status, 0)
        XCTAssertEqual((try json(clean.stdout) as? [Any])?.count, 0)
    }

    func testSARIFStructure() throws {
        let result = try lint(["--format", "sarif", example("title-separator.vraag"), example("numbering.vraag")])
        XCTAssertEqual(result.status, 1)
        let log = try XCTUnwrap(try json(result.stdout) as? [String: Any])
        XCTAssertEqual(log["version"] as? String, "2.1.0")
        XCTAssertTrue((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
        XCTAssertEqual(runs.count, 1)
        let driver = try XCTUnwrap((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        XCTAssertEqual(driver["name"] as? String, "vraagbaak")
        XCTAssertNotNil(driver["version"] as? String)
        XCTAssertTrue((driver["informationUri"] as? String)?.hasPrefix("https://") == true)
        let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
        XCTAssertEqual(rules.count, 24, "every rule, not-dutch included")
        for rule in rules {
            XCTAssertNotNil(rule["id"] as? String)
            XCTAssertNotNil((rule["shortDescription"] as? [String: Any])?["text"] as? String)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            XCTAssertTrue(["error", "warning", "note"].contains(level ?? ""), "\(rule)")
        }
        let results = try XCTUnwrap(runs[0]["results"] as? [[String: Any]])
        XCTAssertEqual(results.compactMap { $0["ruleId"] as? String }, ["title-separator", "numbering"])
        XCTAssertEqual(results.compactMap { $0["level"] as? String }, ["note", "warning"])
        for result in results {
            let ruleIndex = try XCTUnwrap(result["ruleIndex"] as? Int)
            XCTAssertEqual(rules[ruleIndex]["id"] as? String, result["ruleId"] as? String)
            XCTAssertNotNil((result["message"] as? [String: Any])?["text"] as? String)
        }
        let location = try XCTUnwrap((results[0]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])
        let uri = (location["artifactLocation"] as? [String: Any])?["uri"] as? String
        XCTAssertEqual(uri, "file://" + example("title-separator.vraag"))
        let region = try XCTUnwrap(location["region"] as? [String: Int])
        XCTAssertEqual(region, ["startLine": 3, "startColumn": 21, "endLine": 3, "endColumn": 26])
    }

    func testLintWritesNoFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-lint-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let draft = folder.appendingPathComponent("draft.vraag")
        let text = try String(contentsOfFile: example("numbering.vraag"), encoding: .utf8)
        try Data(text.utf8).write(to: draft)
        let cache = folder.appendingPathComponent("cache")
        _ = try lint(["--corpus", folder.path, draft.path], environment: ["VRAAGBAAK_CACHE_DIR": cache.path])
        XCTAssertEqual(try String(contentsOf: draft, encoding: .utf8), text)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), ["draft.vraag"])
    }
}

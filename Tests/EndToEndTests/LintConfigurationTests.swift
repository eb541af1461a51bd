import Foundation
import XCTest

/// `vraagbaak lint` reads the configuration the editor reads: `vraagbaak.json` found
/// from each file's folder upwards, `--config FILE` instead, `--no-config` for none;
/// mistakes in plain words with the file and the key path.
final class LintConfigurationTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-lintconfig-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("werk/sub"), withIntermediateDirectories: true)
        // Numbered 1, 3: a numbering warning by default.
        try write("Onderwerp - Specificatie\n\nInleiding.\n\n1. Hoeveel?\n3. Wanneer?\n", "werk/sub/concept.vraag")
        try write("{}", "vraagbaak.json")  // stops the search above the temporary folder
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: root) }

    private func write(_ text: String, _ relative: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(relative))
    }

    private func lint(_ arguments: [String], in folder: String = "") throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRun.run(["lint"] + arguments, in: root.appendingPathComponent(folder),
                           environment: ["VRAAGBAAK_CACHE_DIR": root.appendingPathComponent("cache").path])
    }

    func testTheNearestFileUpwardsDecides() throws {
        XCTAssertEqual(try lint(["werk/sub/concept.vraag"]).status, 1, "numbering warns by default")
        try write(#"{"checks": {"rules": {"numbering": "off"}}}"#, "werk/vraagbaak.json")
        let quiet = try lint(["werk/sub/concept.vraag"])
        XCTAssertEqual(quiet.status, 0, quiet.stdout + quiet.stderr)
        XCTAssertEqual(try lint(["concept.vraag"], in: "werk/sub").status, 0, "from the file's folder, not the current one")
        XCTAssertEqual(try lint(["--no-config", "werk/sub/concept.vraag"]).status, 1, "--no-config ignores it")
        try write(#"{"checks": {"rules": {"numbering": "error"}}}"#, "elders.json")
        let chosen = try lint(["--config", "elders.json", "--format", "json", "werk/sub/concept.vraag"])
        XCTAssertEqual(chosen.status, 1)
        XCTAssertTrue(chosen.stdout.contains(#""severity" : "error""#), chosen.stdout)
        XCTAssertEqual(try lint(["--config", "elders.json", "--no-config", "werk/sub/concept.vraag"]).status, 2)
    }

    func testMistakesAreNamedWithFileAndKeyPath() throws {
        try write(#"{"checks": {"rules": {"word-limit": {"limit": 9223372036854775807}}}}"#, "werk/vraagbaak.json")
        let bad = try lint(["werk/sub/concept.vraag"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertEqual(bad.stdout, "", "nothing is linted with a broken configuration")
        XCTAssertTrue(bad.stderr.contains("werk/vraagbaak.json: error: checks.rules.word-limit.limit: must be a whole number from 0 to 1000000"),
                      bad.stderr)
        // An unknown key is a warning only: the rest applies.
        try write(#"{"corpsu": "x", "checks": {"rules": {"numbering": "off"}}}"#, "werk/vraagbaak.json")
        let typo = try lint(["werk/sub/concept.vraag"])
        XCTAssertEqual(typo.status, 0, typo.stderr)
        XCTAssertTrue(typo.stderr.contains("warning: corpsu: unknown key ignored"), typo.stderr)
        // The old top-level shape is explained, not silently read or dropped.
        try write(#"{"rules": {"numbering": "off"}}"#, "werk/vraagbaak.json")
        let old = try lint(["werk/sub/concept.vraag"])
        XCTAssertEqual(old.status, 1)
        XCTAssertTrue(old.stderr.contains("rules belongs under checks"), old.stderr)
    }

    func testTheConfiguredCorpusIsRelativeToTheFile() throws {
        try FileManager.default.createDirectory(at: root.appendingPathComponent("werk/archief"), withIntermediateDirectories: true)
        try write(#"{"corpus": ["archief"]}"#, "werk/vraagbaak.json")
        let missing = try lint(["werk/sub/concept.vraag"])
        XCTAssertEqual(missing.status, 1, missing.stderr)
        try write(#"{"corpus": ["nergens"]}"#, "werk/vraagbaak.json")
        let nowhere = try lint(["werk/sub/concept.vraag"])
        XCTAssertEqual(nowhere.status, 2)
        XCTAssertTrue(nowhere.stderr.contains("werk/nergens"), nowhere.stderr)
    }
}

import Foundation
import JSONRPC
import XCTest

/// The editor and `vraagbaak lint` agree: for every example, every seed and drafts in
/// a workspace with its own `vraagbaak.json`, the diagnostics the server publishes over
/// stdio equal the findings of `vraagbaak lint --format json` run in the workspace
/// folder without options: code, range, severity and message.
final class ParityTests: XCTestCase {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// Both sides read the date from here, so a citation's "future" is the same day.
    static let today = "2024-06-01"

    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-parity-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    /// One finding as both sides can say it: 0-based UTF-16 positions.
    struct Finding: Hashable, CustomStringConvertible {
        let code: String
        let range: [Int]
        let severity: String
        let message: String
        var description: String { "\(code) \(range) \(severity): \(message)" }
    }

    // MARK: - The cases

    func testExamplesAndSeedsWithoutConfiguration() throws {
        let workspace = root.appendingPathComponent("plain")
        let files = try copy(folder: Self.repository.appendingPathComponent("examples"), extensions: ["vraag"], into: workspace)
            + copy(folder: Self.repository.appendingPathComponent("seeds"), extensions: ["txt"], into: workspace.appendingPathComponent("seeds"))
        XCTAssertGreaterThanOrEqual(files.count, 25, "every example and seed")
        // An empty configuration stops the search upwards from the temporary folder.
        try write("{}", to: workspace.appendingPathComponent("vraagbaak.json"))
        try assertParity(workspace: workspace, files: files)
    }

    func testDraftsInAWorkspaceWithItsOwnConfiguration() throws {
        let workspace = root.appendingPathComponent("configured")
        let corpus = workspace.appendingPathComponent("archief")
        _ = try copy(folder: Self.repository.appendingPathComponent("seeds"), extensions: ["txt"], into: corpus)
        try write("""
            {"corpus": ["archief"], "seeds": false,
             "checks": {"profile": "europees-parlement",
                        "rules": {"citation-form": "error", "numbering": "off", "title-too-long": {"limit": 20},
                                  "word-limit": {"severity": "hint", "limit": 30}}}}
            """, to: workspace.appendingPathComponent("vraagbaak.json"))
        var files = try copy(folder: Self.repository.appendingPathComponent("examples"), extensions: ["vraag"],
                             into: workspace.appendingPathComponent("voorbeelden"))
        let drafts: [String: String] = [
            // A title line that starts with a space: a draft's mistake, not a plain export.
            "spatie.vraag": " Inburgering - Stand van zaken\n\nIk verwijs naar mijn schriftelijke vraag nr. 123 van 26 januari 2024.\n\n1. Hoeveel?\n",
            // Pasted from a word processor: CRLF, NBSP, tabs, a soft hyphen, curly quotes.
            "geplakt.vraag": "aan: Gwendolyn Rutten\r\n\r\nLokale\u{00A0}besturen - Finan\u{00AD}ciering\r\n\r\n\u{201C}Zie\u{201D} vraag nr. 118 van 10 januari 2023.\r\n\r\n1.\tHoeveel gemeenten?\r\n3. En 😀 wanneer?\r\n",
            // Questions run together on one line, a future and an impossible date.
            "eenregel.vraag": "Titel: onderwerp\n\nInleiding. 1. Wat? 2. Waarom? Zie SV nr. 5 van 31 februari 2023 en nr. 7 van 1 maart 2030.\n",
        ]
        for (name, text) in drafts.sorted(by: { $0.key < $1.key }) {
            let url = workspace.appendingPathComponent("concepten/\(name)")
            try write(text, to: url)
            files.append(url)
        }
        try assertParity(workspace: workspace, files: files)
    }

    // MARK: - The two sides

    private func assertParity(workspace: URL, files: [URL], file: StaticString = #filePath, line: UInt = #line) throws {
        let cache = root.appendingPathComponent("cache")
        let linted = try lint(workspace: workspace, files: files, cache: cache)
        let published = try serve(workspace: workspace, files: files, cache: cache)
        var compared = 0
        for url in files {
            let relative = relativePath(url, in: workspace)
            let fromLint = linted[relative] ?? []
            let fromServer = published[url.absoluteString] ?? []
            XCTAssertEqual(fromServer, fromLint, "\(relative): server (left) and lint (right) differ", file: file, line: line)
            compared += fromLint.count
        }
        XCTAssertGreaterThan(compared, files.count / 2, "the comparison covers findings, not only empty lists", file: file, line: line)
    }

    private func lint(workspace: URL, files: [URL], cache: URL) throws -> [String: [Finding]] {
        let (status, stdout, stderr) = try CommandRun.run(
            ["lint", "--format", "json"] + files.map { relativePath($0, in: workspace) }, in: workspace,
            environment: environment(cache: cache))
        XCTAssertTrue([0, 1].contains(status), "lint failed: \(stderr)")
        let findings = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [[String: Any]], stderr)
        var byFile: [String: [Finding]] = [:]
        for finding in findings {
            let range = try XCTUnwrap(finding["range"] as? [String: [String: Int]])
            let numbers = [range["start"]?["line"], range["start"]?["column"], range["end"]?["line"], range["end"]?["column"]]
                .map { ($0 ?? 0) - 1 }
            byFile[finding["file"] as? String ?? "", default: []].append(Finding(
                code: finding["code"] as? String ?? "", range: numbers, severity: finding["severity"] as? String ?? "",
                message: finding["message"] as? String ?? ""))
        }
        return byFile
    }

    private func serve(workspace: URL, files: [URL], cache: URL) throws -> [String: [Finding]] {
        let server = try ServerProcess(environment: environment(cache: cache))
        _ = try server.initialize(rootURI: workspace.absoluteString)
        // The structure checks do not wait for the corpus; compare once it is there.
        _ = try server.waitFor(timeout: 60, "the corpus") {
            $0["method"] == "window/logMessage" && ($0["params"]?["message"]?.stringValue?.contains("vragen in het corpus") ?? false)
        }
        for url in files {
            server.open(url.absoluteString, try String(contentsOf: url, encoding: .utf8),
                        languageId: url.pathExtension == "vraag" ? "vraag" : "plaintext")
        }
        var byURI: [String: [Finding]] = [:]
        for url in files {
            let uri = JSONValue.string(url.absoluteString)
            let published = try server.waitFor(timeout: 60, "diagnostics of \(url.lastPathComponent)") {
                $0["method"] == "textDocument/publishDiagnostics" && $0["params"]?["uri"] == uri
            }
            byURI[url.absoluteString] = (published["params"]?["diagnostics"]?.arrayValue ?? []).map { diagnostic in
                let range = diagnostic["range"]
                let numbers = [range?["start"]?["line"], range?["start"]?["character"], range?["end"]?["line"],
                               range?["end"]?["character"]].map { $0?.intValue ?? -1 }
                let severities = [1: "error", 2: "warning", 3: "information", 4: "hint"]
                return Finding(code: diagnostic["code"]?.stringValue ?? "", range: numbers,
                               severity: severities[diagnostic["severity"]?.intValue ?? 0] ?? "?",
                               message: diagnostic["message"]?.stringValue ?? "")
            }
        }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
        return byURI
    }

    // MARK: - Helpers

    private func environment(cache: URL) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = cache.path
        environment["VRAAGBAAK_TODAY"] = Self.today
        return environment
    }

    /// Copies the files with `extensions`; fails when the folder holds none.
    private func copy(folder: URL, extensions: Set<String>, into destination: URL) throws -> [URL] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            .filter { extensions.contains(($0 as NSString).pathExtension) }
        XCTAssertFalse(names.isEmpty, "no *.\(extensions) in \(folder.path)")
        try FileManager.default.createDirectory(at: destination, withIntermediateDirectories: true)
        return try names.map { name in
            let target = destination.appendingPathComponent(name)
            try FileManager.default.copyItem(at: folder.appendingPathComponent(name), to: target)
            return target
        }
    }

    private func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private func relativePath(_ url: URL, in workspace: URL) -> String {
        String(url.standardizedFileURL.path.dropFirst(workspace.standardizedFileURL.path.count + 1))
    }
}

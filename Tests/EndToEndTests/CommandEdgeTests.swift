import Foundation
import XCTest

/// The command line's rough edges (issue 14, items 10 and 11): a missing corpus folder
/// is an error naming it, exit 2, in every command; `show` by number alone, by file
/// path, and with the candidates listed when a number is ambiguous; `search` prints
/// the file of each result.
final class CommandEdgeTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRun.run(arguments, environment: ["VRAAGBAAK_CACHE_DIR": folder.appendingPathComponent("cache").path])
    }

    private func write(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    /// A record in the federal layout of kamer-2017: a title and a date, no number.
    private static let unnumbered = """
        title: Fietsdiefstal in stations
        SCHRIFTELIJKE VRAAG
        van JAN JANSSENS
        datum: 14 maart 2017
        aan MINISTER VAN MOBILITEIT
        Fietsdiefstal in stations
        Steeds meer fietsen worden gestolen aan stations.
        1. Hoeveel fietsen werden in 2016 gestolen?
        """

    func testAMissingCorpusFolderIsAnErrorInEveryCommand() throws {
        let missing = folder.appendingPathComponent("nergens").path
        let draft = try write("draft.vraag", "Fietspaden - Onderhoud\n\nInleiding.\n\n1. Hoeveel?\n")
        let commands: [[String]] = [
            ["index", missing],
            ["index", "--corpus", missing],
            ["search", "--corpus", missing, "fietspaden"],
            ["show", "--corpus", missing, "nr. 123"],
            ["lint", "--corpus", missing, draft],
        ]
        for command in commands {
            let result = try run(command)
            XCTAssertEqual(result.status, 2, "\(command): \(result)")
            XCTAssertTrue(result.stderr.contains("corpus folder \(missing) does not exist"), "\(command): \(result.stderr)")
            XCTAssertFalse(result.stdout.contains("no similar questions"), "\(command)")
            XCTAssertFalse(result.stderr.contains(" in 1 file"), "lint stops before linting: \(result.stderr)")
        }
    }

    func testLintOfAMissingFileHasNoSummary() throws {
        let result = try run(["lint", folder.appendingPathComponent("nope.vraag").path])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("nope.vraag: no such file or folder"), result.stderr)
        XCTAssertFalse(result.stderr.contains("in 0 files"), result.stderr)
    }

    func testShowByANumberThatIsUnique() throws {
        let result = try run(["show", "nr. 123"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("Inburgeringstrajecten - Stand van zaken\n"), result.stdout)
        XCTAssertTrue(result.stdout.contains("vraag:    nr. 123 van 26 januari 2024"), result.stdout)
        XCTAssertEqual(try run(["show", "123"]).stdout, result.stdout)
        let unknown = try run(["show", "nr. 999"])
        XCTAssertEqual(unknown.status, 1)
        XCTAssertTrue(unknown.stderr.contains("no question nr. 999"), unknown.stderr)
    }

    func testShowAsksForTheDateOnlyWhenTheNumberIsAmbiguous() throws {
        let corpus = folder.appendingPathComponent("corpus")
        for (name, date) in [("a.txt", "3 maart 2024"), ("b.txt", "5 oktober 2022")] {
            try CorpusConfigurationTests.record(number: 77, title: "Fietspaden - Onderhoud")
                .replacingOccurrences(of: "3 maart 2024", with: date)
                .write(to: corpus.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let ambiguous = try run(["show", "--corpus", corpus.path, "nr. 77"])
        XCTAssertEqual(ambiguous.status, 2)
        XCTAssertTrue(ambiguous.stderr.contains("nr. 77 is in the corpus 2 times; give the date"), ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains("nr. 77 van 3 maart 2024"), ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains("nr. 77 van 5 oktober 2022"), ambiguous.stderr)
        XCTAssertTrue(ambiguous.stderr.contains("b.txt"), "each candidate with its file: \(ambiguous.stderr)")
        XCTAssertTrue(ambiguous.stdout.isEmpty)

        let dated = try run(["show", "--corpus", corpus.path, "nr. 77 van 5 oktober 2022"])
        XCTAssertEqual(dated.status, 0, dated.stderr)
        XCTAssertTrue(dated.stdout.contains("vraag:    nr. 77 van 5 oktober 2022"), dated.stdout)
        XCTAssertTrue(dated.stdout.contains("b.txt"), dated.stdout)
    }

    func testSearchPrintsPathsAndShowTakesThem() throws {
        let path = try write("corpus/fietsdiefstal.txt", Self.unnumbered)
        let search = try run(["search", "--corpus", folder.appendingPathComponent("corpus").path, "fietsen gestolen stations"])
        XCTAssertEqual(search.status, 0, search.stderr)
        let lines = search.stdout.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        XCTAssertTrue(lines.first?.hasSuffix("Fietsdiefstal in stations") ?? false, search.stdout)
        XCTAssertEqual(lines.dropFirst().first, path, "the file under the result: \(search.stdout)")

        let show = try run(["show", path])
        XCTAssertEqual(show.status, 0, show.stderr)
        XCTAssertTrue(show.stdout.hasPrefix("Fietsdiefstal in stations\n"), show.stdout)
        XCTAssertTrue(show.stdout.contains("bron:     \(path)"), show.stdout)

        let seeds = try run(["search", "gedetineerden filmpje"])
        let seedPath = try XCTUnwrap(seeds.stdout.split(separator: "\n").dropFirst().first?.trimmingCharacters(in: .whitespaces))
        XCTAssertTrue(seedPath.hasPrefix("seeds/"), seeds.stdout)
        let seed = try run(["show", seedPath])
        XCTAssertEqual(seed.status, 0, seed.stderr)
        XCTAssertTrue(seed.stdout.hasPrefix("Gedetineerden - Inburgering\n"), seed.stdout)

        let missing = try run(["show", folder.appendingPathComponent("weg.txt").path])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("weg.txt: no such file"), missing.stderr)
    }
}

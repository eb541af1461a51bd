import CLI
import XCTest

final class ArgumentsTests: XCTestCase {
    func testFlagsOptionsAndPositionals() throws {
        let parsed = try Arguments(["a.vraag", "--format", "json", "--fail-on=error", "-", "--quiet"],
                                   flags: ["--quiet"], options: ["--format", "--fail-on"])
        XCTAssertEqual(parsed.positional, ["a.vraag", "-"])
        XCTAssertEqual(parsed.value("--format"), "json")
        XCTAssertEqual(parsed.value("--fail-on"), "error")
        XCTAssertTrue(parsed.has("--quiet"))
    }

    func testRepeatedOptionsKeepEveryValue() throws {
        let parsed = try Arguments(["--corpus", "a", "--corpus", "b"], flags: [], options: ["--corpus"])
        XCTAssertEqual(parsed.values("--corpus"), ["a", "b"])
        XCTAssertEqual(parsed.value("--corpus"), "b")
    }

    func testDoubleDashEndsOptions() throws {
        let parsed = try Arguments(["--", "--not-an-option"], flags: [], options: [])
        XCTAssertEqual(parsed.positional, ["--not-an-option"])
    }

    func testErrors() {
        XCTAssertThrowsError(try Arguments(["--nope"], flags: [], options: [])) { error in
            XCTAssertEqual((error as? Arguments.UsageError)?.description, "unknown option --nope")
        }
        XCTAssertThrowsError(try Arguments(["--log"], flags: [], options: ["--log"]))
        XCTAssertThrowsError(try Arguments(["--quiet=yes"], flags: ["--quiet"], options: []))
    }

    func testUnknownCommandExitsWithTwo() {
        XCTAssertEqual(Vraagbaak.main(["nonsense"], standardInputIsTerminal: true), 2)
        XCTAssertEqual(Vraagbaak.main(["--version"], standardInputIsTerminal: true), 0)
    }
}

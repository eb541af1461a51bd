import Foundation
import XCTest

/// The binary's command line: help, version, and clear usage errors with exit code 2.
final class CommandLineTests: XCTestCase {
    private func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try CommandRun.run(arguments)
    }

    func testHelp() throws {
        let result = try run(["--help"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.contains("vraagbaak serve"))
    }

    func testVersion() throws {
        let result = try run(["--version"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.stdout.hasPrefix("vraagbaak "))
    }

    func testUnknownCommandAndOptionExitWithTwo() throws {
        let command = try run(["frobnicate"])
        XCTAssertEqual(command.status, 2)
        XCTAssertTrue(command.stderr.contains("unknown command 'frobnicate'"))
        let option = try run(["serve", "--frobnicate"])
        XCTAssertEqual(option.status, 2)
        XCTAssertTrue(option.stderr.contains("unknown option --frobnicate"))
        XCTAssertEqual(try run(["serve", "--log"]).status, 2, "an option without its value")
    }

    func testLogFileRecordsTheTraffic() throws {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: log) }
        let server = try ServerProcess(arguments: ["serve", "--log", log.path])
        _ = try server.initialize()
        XCTAssertEqual(try server.shutdownAndExit(), 0)
        let trace = try String(contentsOf: log, encoding: .utf8)
        XCTAssertTrue(trace.contains("\"method\":\"initialize\""), trace)
        XCTAssertTrue(trace.contains("exit after shutdown"), trace)
    }
}

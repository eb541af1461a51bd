import Corpus
import Foundation
import XCTest

/// `$HOME` decides the home folder, as for every command-line tool; the password
/// database only when it is unset.
final class HomeDirectoryTests: XCTestCase {
    func testHomeComesFromTheEnvironment() {
        XCTAssertEqual(HomeDirectory.path(environment: ["HOME": "/tmp/someone"]), "/tmp/someone")
        XCTAssertEqual(IndexCache.defaultFolder(environment: ["HOME": "/tmp/someone"]).path,
                       "/tmp/someone/.cache/vraagbaak")
    }

    func testPasswordDatabaseOnlyWithoutHome() {
        let fromDatabase = HomeDirectory.path(environment: [:])
        XCTAssertFalse(fromDatabase.isEmpty)
        XCTAssertEqual(HomeDirectory.path(environment: ["HOME": ""]), fromDatabase, "an empty HOME counts as unset")
        XCTAssertNotEqual(HomeDirectory.path(environment: ["HOME": "/tmp/someone"]), fromDatabase)
    }

    func testTildeExpansionUsesHome() {
        let environment = ["HOME": "/tmp/someone/"]
        XCTAssertEqual(HomeDirectory.expandingTilde(in: "~", environment: ["HOME": "/tmp/someone"]), "/tmp/someone")
        XCTAssertEqual(HomeDirectory.expandingTilde(in: "~/archief/2024", environment: environment), "/tmp/someone/archief/2024")
        XCTAssertEqual(HomeDirectory.expandingTilde(in: "/data/~x", environment: environment), "/data/~x")
        XCTAssertEqual(HomeDirectory.expandingTilde(in: "archief", environment: environment), "archief")
    }
}

import Foundation
import WebServer
import XCTest

final class StaticFilesTests: XCTestCase {
    private var base = ""

    override func setUpWithError() throws {
        base = NSTemporaryDirectory() + "static-files-\(UUID().uuidString)"
        let manager = FileManager.default
        try manager.createDirectory(atPath: base + "/root/lib", withIntermediateDirectories: true)
        try Data("body{}".utf8).write(to: URL(fileURLWithPath: base + "/root/lib/app.css"))
        try Data("secret".utf8).write(to: URL(fileURLWithPath: base + "/secret.txt"))
        try Data("hidden".utf8).write(to: URL(fileURLWithPath: base + "/root/.hidden"))
        try manager.createSymbolicLink(atPath: base + "/root/app.css", withDestinationPath: "lib/app.css")
        try manager.createSymbolicLink(atPath: base + "/root/escape.txt", withDestinationPath: "../secret.txt")
        try manager.createSymbolicLink(atPath: base + "/root/up", withDestinationPath: "..")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: base)
    }

    func testServesFilesInsideTheRootIncludingLinksThatStayInside() throws {
        let files = try XCTUnwrap(StaticFiles(root: base + "/root"))
        let response = files.response(for: ["lib", "app.css"])
        XCTAssertEqual(response.status, 200)
        XCTAssertEqual(response.body, Array("body{}".utf8))
        XCTAssertEqual(response.headers["Content-Type"], "text/css; charset=utf-8")
        XCTAssertEqual(files.response(for: ["app.css"]).status, 200, "a link to a file inside the root")
    }

    func testRefusesTraversal() throws {
        let files = try XCTUnwrap(StaticFiles(root: base + "/root"))
        for segments in [["..", "secret.txt"], ["lib", "..", "..", "secret.txt"], ["escape.txt"], ["up", "secret.txt"],
                         [".hidden"], ["lib", ""], [""], [], ["lib"], ["lib/app.css"], ["lib\\app.css"], ["C:", "x"],
                         [".", "lib", "app.css"], ["missing.js"]] {
            XCTAssertNil(files.resolve(segments), "\(segments)")
            XCTAssertEqual(files.response(for: segments).status, 404, "\(segments)")
        }
    }

    func testMissingRootIsNil() {
        XCTAssertNil(StaticFiles(root: base + "/nowhere"))
    }
}

import Foundation
@testable import VraagbaakWeb
import XCTest

/// The page compiled into the binary is the page in Page/ (scripts/embed-web-page.sh).
final class PageAssetsTests: XCTestCase {
    private func source(_ name: String) throws -> String {
        let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Sources/VraagbaakWeb/Page/\(name)").standardizedFileURL
        let text = try String(contentsOf: page, encoding: .utf8)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    func testEmbeddedPageIsUpToDate() throws {
        XCTAssertEqual(PageAssets.html, try source("index.html"), "run scripts/embed-web-page.sh")
        XCTAssertEqual(PageAssets.script, try source("app.js"), "run scripts/embed-web-page.sh")
        XCTAssertEqual(PageAssets.style, try source("app.css"), "run scripts/embed-web-page.sh")
    }

    func testEveryPageURLCarriesTheToken() throws {
        var count = 0
        for attribute in ["src=\"", "href=\""] {
            for piece in PageAssets.html.components(separatedBy: attribute).dropFirst() {
                let url = piece.prefix { $0 != "\"" }
                guard url.hasPrefix("/") else { continue }   // data: and #anchors fetch nothing
                XCTAssertTrue(url.hasSuffix("token={{TOKEN}}"), String(url))
                count += 1
            }
        }
        XCTAssertGreaterThan(count, 8)
    }
}

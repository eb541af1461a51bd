import WebServer
import XCTest

final class AccessGuardTests: XCTestCase {
    private let accessGuard = AccessGuard(token: "s3cret", port: 8123)

    private func request(_ target: String, method: String = "GET", headers: [String: String]) -> HTTPRequest {
        var parser = HTTPRequestParser()
        var text = "\(method) \(target) HTTP/1.1\r\n"
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        parser.append(Array((text + "\r\n").utf8))
        guard case .request(let request) = parser.next() else {
            XCTFail("did not parse")
            return HTTPRequest(method: "", target: "", pathSegments: [], query: [:], version: "", headers: [], body: [])
        }
        return request
    }

    private func status(_ target: String, method: String = "GET", _ headers: [String: String]) -> Int? {
        accessGuard.refusal(for: request(target, method: method, headers: headers))?.status
    }

    func testTokenIsRequired() {
        let host = ["Host": "127.0.0.1:8123"]
        XCTAssertNil(status("/?token=s3cret", host))
        XCTAssertNil(status("/", host.merging(["X-Vraagbaak-Token": "s3cret"]) { $1 }))
        XCTAssertEqual(status("/", host), 403)
        XCTAssertEqual(status("/?token=", host), 403)
        XCTAssertEqual(status("/?token=s3cre", host), 403)
        XCTAssertEqual(status("/?token=s3cretX", host), 403)
        XCTAssertEqual(status("/?token=S3CRET", host), 403)
        XCTAssertEqual(status("/cm/lib/codemirror.js", host), 403, "assets too")
    }

    func testHostMustBeOurOwnAddress() {
        XCTAssertNil(status("/?token=s3cret", ["Host": "localhost:8123"]))
        XCTAssertEqual(status("/?token=s3cret", ["Host": "evil.example:8123"]), 403, "DNS rebinding")
        XCTAssertEqual(status("/?token=s3cret", ["Host": "127.0.0.1:9999"]), 403)
        XCTAssertEqual(status("/?token=s3cret", [:]), 403)
    }

    func testOriginIsChecked() {
        let host = ["Host": "127.0.0.1:8123"]
        XCTAssertNil(status("/?token=s3cret", method: "PUT", host.merging(["Origin": "http://127.0.0.1:8123"]) { $1 }))
        XCTAssertNil(status("/?token=s3cret", method: "PUT", host.merging(["Origin": "http://localhost:8123"]) { $1 }))
        XCTAssertEqual(status("/?token=s3cret", method: "PUT", host.merging(["Origin": "http://evil.example"]) { $1 }), 403)
        XCTAssertEqual(status("/?token=s3cret", method: "PUT", host.merging(["Origin": "null"]) { $1 }), 403)
        XCTAssertEqual(status("/?token=s3cret", method: "GET", host.merging(["Origin": "http://127.0.0.1:8124"]) { $1 }), 403)
        XCTAssertEqual(status("/?token=s3cret", method: "PUT", host), 403, "a write without Origin")
        XCTAssertNil(status("/?token=s3cret", method: "GET", host), "a navigation has no Origin")
        let upgrade = host.merging(["Upgrade": "websocket", "Connection": "Upgrade"]) { $1 }
        XCTAssertEqual(status("/lsp?token=s3cret", upgrade), 403, "a WebSocket without Origin")
        XCTAssertNil(status("/lsp?token=s3cret", upgrade.merging(["Origin": "http://127.0.0.1:8123"]) { $1 }))
    }

    func testTokensAreLongRandomAndHex() {
        let first = AccessGuard.makeToken()
        XCTAssertEqual(first.count, 48)
        XCTAssertTrue(first.allSatisfy { $0.isHexDigit })
        XCTAssertNotEqual(first, AccessGuard.makeToken())
    }
}

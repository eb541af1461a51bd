import WebServer
import XCTest

final class WebSocketHandshakeTests: XCTestCase {
    private func request(_ headers: [String: String], method: String = "GET", version: String = "HTTP/1.1") -> HTTPRequest {
        var text = "\(method) /lsp HTTP/1.1\r\n".replacingOccurrences(of: "HTTP/1.1", with: version)
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
        text += "\r\n"
        var parser = HTTPRequestParser()
        parser.append(Array(text.utf8))
        guard case .request(let request) = parser.next() else {
            XCTFail("test request did not parse")
            return HTTPRequest(method: "", target: "", pathSegments: [], query: [:], version: "", headers: [], body: [])
        }
        return request
    }

    private let valid = [
        "Host": "127.0.0.1:8080", "Upgrade": "websocket", "Connection": "keep-alive, Upgrade",
        "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version": "13",
    ]

    private func status(_ outcome: WebSocketHandshake.Outcome) -> Int {
        switch outcome {
        case .accept(let response), .refuse(let response): response.status
        }
    }

    func testValidHandshakeIsAccepted() {
        guard case .accept(let response) = WebSocketHandshake.respond(to: request(valid)) else { return XCTFail("refused") }
        XCTAssertEqual(response.status, 101)
        XCTAssertEqual(response.headers["Sec-WebSocket-Accept"], "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=")
        let wire = String(decoding: response.serialized(), as: UTF8.self)
        XCTAssertTrue(wire.hasPrefix("HTTP/1.1 101 Switching Protocols\r\n"))
        XCTAssertTrue(wire.contains("Connection: Upgrade\r\n"))
        XCTAssertFalse(wire.contains("Content-Length"))
    }

    func testUpgradeTokensAreCaseInsensitive() {
        var headers = valid
        headers["Upgrade"] = "WebSocket"
        headers["Connection"] = "UPGRADE"
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(headers))), 101)
    }

    func testMalformedHandshakesAreRefused() {
        func without(_ name: String) -> [String: String] { valid.filter { $0.key != name } }
        func with(_ name: String, _ value: String) -> [String: String] { valid.merging([name: value]) { $1 } }
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(without("Sec-WebSocket-Key")))), 400)
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(with("Sec-WebSocket-Key", "c2hvcnQ=")))), 400, "8 bytes")
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(with("Sec-WebSocket-Key", "!!not base64!!")))), 400)
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(without("Connection")))), 400)
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(with("Upgrade", "h2c")))), 400)
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(without("Host")))), 400)
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(valid, method: "POST"))), 405)
        XCTAssertEqual(status(WebSocketHandshake.respond(to: request(valid, version: "HTTP/1.0"))), 400)
        guard case .refuse(let old) = WebSocketHandshake.respond(to: request(with("Sec-WebSocket-Version", "8"))) else {
            return XCTFail("accepted version 8")
        }
        XCTAssertEqual(old.status, 426)
        XCTAssertEqual(old.headers["Sec-WebSocket-Version"], "13")
    }
}

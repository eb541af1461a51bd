import Foundation
import Synchronization
import WebServer
import XCTest

/// The server over real sockets: the guard, the handshake, and the WebSocket life
/// cycle, with the bytes a misbehaving client would send.
final class HTTPServerTests: XCTestCase {
    private static let token = "test-token"

    /// Echoes text back; records that the socket closed.
    final class Echo: WebSocketDelegate {
        let closed = Mutex(false)
        let closedSocket = Mutex<WebSocket?>(nil)
        func webSocket(_ socket: WebSocket, receivedText text: String) {
            if text == "bye" { socket.close(code: 1000, reason: "bye") } else { socket.send(text: "echo:" + text) }
        }
        func webSocketClosed(_ socket: WebSocket) {
            closedSocket.withLock { $0 = socket }
            closed.withLock { $0 = true }
        }
    }

    private var server: HTTPServer!
    private let echo = Echo()
    private let key: [UInt8] = [1, 2, 3, 4]

    override func setUpWithError() throws {
        var limits = HTTPServer.Limits()
        limits.maximumMessageBytes = 1000
        let echo = self.echo
        server = try HTTPServer(port: 0, token: Self.token, limits: limits) { request in
            switch request.path {
            case "/hello": .response(.text(200, "hallo"))
            case "/lsp": .webSocket { _ in echo }
            default: .response(.text(404, "nee"))
            }
        }
        server.start()
    }

    override func tearDown() {
        server.stop()
    }

    private var host: String { "127.0.0.1:\(server.port)" }

    private func client() throws -> TestClient { try XCTUnwrap(TestClient(port: server.port)) }

    private func get(_ target: String, headers: String = "") throws -> String {
        let client = try client()
        client.send("GET \(target) HTTP/1.1\r\nHost: \(host)\r\n\(headers)\r\n")
        return String(decoding: client.readToEnd(), as: UTF8.self)
    }

    /// A client that completed the handshake.
    private func webSocket() throws -> TestClient {
        let client = try client()
        client.send("GET /lsp?token=\(Self.token) HTTP/1.1\r\nHost: \(host)\r\nOrigin: http://\(host)\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
        let head = try XCTUnwrap(client.readHead())
        XCTAssertTrue(head.hasPrefix("HTTP/1.1 101 "), head)
        XCTAssertTrue(head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"), head)
        return client
    }

    private func text(_ string: String, final: Bool = true, opcode: WebSocketFrame.Opcode = .text) -> [UInt8] {
        WebSocketFrame(isFinal: final, opcode: opcode, payload: Array(string.utf8)).encoded(maskingKey: key)
    }

    private func closeCode(_ frame: WebSocketFrame?) -> UInt16? {
        guard let frame, frame.opcode == .close, frame.payload.count >= 2 else { return nil }
        return UInt16(frame.payload[0]) << 8 | UInt16(frame.payload[1])
    }

    func testPlainRequestNeedsTheToken() throws {
        XCTAssertTrue(try get("/hello?token=\(Self.token)").hasPrefix("HTTP/1.1 200 OK\r\n"))
        XCTAssertTrue(try get("/hello?token=\(Self.token)").hasSuffix("\r\n\r\nhallo"))
        XCTAssertTrue(try get("/hello").hasPrefix("HTTP/1.1 403 "))
        XCTAssertTrue(try get("/hello?token=wrong").hasPrefix("HTTP/1.1 403 "))
        XCTAssertTrue(try get("/hello?token=\(Self.token)", headers: "Origin: http://evil.example\r\n").hasPrefix("HTTP/1.1 403 "))
    }

    func testMalformedRequestGetsAnErrorNotACrash() throws {
        let client = try client()
        client.send("GARBAGE\r\n\r\n")
        XCTAssertTrue(String(decoding: client.readToEnd(), as: UTF8.self).hasPrefix("HTTP/1.1 400 "))
        XCTAssertTrue(try get("/hello?token=\(Self.token)").hasPrefix("HTTP/1.1 200 "), "the server still serves")
    }

    func testWebSocketWithoutTokenOrWithForeignOriginIsRefused() throws {
        let upgrade = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        XCTAssertTrue(try get("/lsp", headers: upgrade + "Origin: http://\(host)\r\n").hasPrefix("HTTP/1.1 403 "))
        XCTAssertTrue(try get("/lsp?token=\(Self.token)", headers: upgrade + "Origin: http://evil.example\r\n").hasPrefix("HTTP/1.1 403 "))
        XCTAssertTrue(try get("/lsp?token=\(Self.token)", headers: upgrade).hasPrefix("HTTP/1.1 403 "), "no Origin")
        let noKey = "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nOrigin: http://\(host)\r\n"
        XCTAssertTrue(try get("/lsp?token=\(Self.token)", headers: noKey).hasPrefix("HTTP/1.1 400 "), "no key")
        XCTAssertTrue(try get("/lsp?token=\(Self.token)", headers: "Origin: http://\(host)\r\n").hasPrefix("HTTP/1.1 426 "), "no upgrade")
    }

    func testEchoFragmentsPingAndClose() throws {
        let client = try webSocket()
        client.send(text("één"))
        XCTAssertEqual(client.readFrame(), WebSocketFrame(opcode: .text, payload: Array("echo:één".utf8)))
        client.send(text("frag", final: false) + WebSocketFrame(opcode: .ping, payload: [7]).encoded(maskingKey: key)
            + text("ment", final: true, opcode: .continuation))
        XCTAssertEqual(client.readFrame(), WebSocketFrame(opcode: .pong, payload: [7]))
        XCTAssertEqual(client.readFrame(), WebSocketFrame(opcode: .text, payload: Array("echo:fragment".utf8)))
        client.send(WebSocketFrame(opcode: .close, payload: [0x03, 0xE8]).encoded(maskingKey: key))
        XCTAssertEqual(closeCode(client.readFrame()), 1000, "the close is echoed")
        XCTAssertEqual(client.readToEnd(), [], "then the server ends the connection")
        try waitUntil { echo.closed.withLock { $0 } }
    }

    func testNothingIsWrittenOnceTheConnectionEnded() throws {
        let client = try webSocket()
        client.send(WebSocketFrame(opcode: .close, payload: [0x03, 0xE8]).encoded(maskingKey: key))
        XCTAssertEqual(closeCode(client.readFrame()), 1000)
        try waitUntil { echo.closed.withLock { $0 } }
        // Its descriptor may already belong to another connection.
        let socket = try XCTUnwrap(echo.closedSocket.withLock { $0 })
        XCTAssertFalse(socket.send(text: "te laat"))
    }

    func testServerInitiatedClose() throws {
        let client = try webSocket()
        client.send(text("bye"))
        let frame = client.readFrame()
        XCTAssertEqual(closeCode(frame), 1000)
        XCTAssertEqual(frame.map { Array($0.payload.dropFirst(2)) }, Array("bye".utf8))
        client.send(WebSocketFrame(opcode: .close, payload: [0x03, 0xE8]).encoded(maskingKey: key))
        XCTAssertEqual(client.readToEnd(), [])
    }

    func testProtocolViolationsCloseWithTheRightCode() throws {
        let cases: [(String, [UInt8], UInt16)] = [
            ("unmasked", WebSocketFrame(opcode: .text, payload: Array("x".utf8)).encoded(), 1002),
            ("reserved opcode", [0x83, 0x80] + key, 1002),
            ("too large", text(String(repeating: "a", count: 1001)), 1009),
            ("too large in fragments", text(String(repeating: "a", count: 600), final: false)
                + text(String(repeating: "a", count: 600), opcode: .continuation), 1009),
            ("not UTF-8", WebSocketFrame(opcode: .text, payload: [0xFF]).encoded(maskingKey: key), 1007),
            ("binary", WebSocketFrame(opcode: .binary, payload: [1]).encoded(maskingKey: key), 1003),
            ("stray continuation", text("x", opcode: .continuation), 1002),
        ]
        for (name, bytes, expected) in cases {
            let client = try webSocket()
            client.send(bytes)
            XCTAssertEqual(closeCode(client.readFrame()), expected, name)
            XCTAssertEqual(client.readToEnd(), [], "\(name): connection ended")
        }
        XCTAssertTrue(try get("/hello?token=\(Self.token)").hasPrefix("HTTP/1.1 200 "), "the server still serves")
    }

    func testFirstFrameRightBehindTheHandshakeIsRead() throws {
        let client = try client()
        client.send(Array(("GET /lsp?token=\(Self.token) HTTP/1.1\r\nHost: \(host)\r\nOrigin: http://\(host)\r\nUpgrade: websocket\r\n"
            + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8)
            + text("eerst"))
        XCTAssertNotNil(client.readHead())
        XCTAssertEqual(client.readFrame()?.payload, Array("echo:eerst".utf8))
    }

    private func waitUntil(_ condition: () -> Bool, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(5)
        while !condition() {
            guard Date() < deadline else { return XCTFail("timed out", file: file, line: line) }
            usleep(10_000)
        }
    }
}

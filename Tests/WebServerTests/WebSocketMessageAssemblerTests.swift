import WebServer
import XCTest

final class WebSocketMessageAssemblerTests: XCTestCase {
    private func events(_ frames: [WebSocketFrame], limit: Int = 100) -> Result<[WebSocketMessageAssembler.Event], WebSocketViolation> {
        var assembler = WebSocketMessageAssembler(maximumMessageBytes: limit)
        var events: [WebSocketMessageAssembler.Event] = []
        do throws(WebSocketViolation) {
            for frame in frames {
                if let event = try assembler.receive(frame) { events.append(event) }
            }
            return .success(events)
        } catch {
            return .failure(error)
        }
    }

    private func code(_ frames: [WebSocketFrame], limit: Int = 100) -> UInt16? {
        if case .failure(let violation) = events(frames, limit: limit) { return violation.code }
        return nil
    }

    private func fragment(_ text: String, _ opcode: WebSocketFrame.Opcode = .continuation, final: Bool = false) -> WebSocketFrame {
        WebSocketFrame(isFinal: final, opcode: opcode, payload: Array(text.utf8))
    }

    func testFragmentsAreJoinedAndPingsBetweenThemAnswered() throws {
        // "één" split inside a two-byte character: only the whole message must be UTF-8.
        let bytes = Array("{\"a\":\"één\"}".utf8)
        let frames = [
            WebSocketFrame(isFinal: false, opcode: .text, payload: Array(bytes[0..<8])),
            WebSocketFrame(opcode: .ping, payload: [9]),
            WebSocketFrame(isFinal: false, opcode: .continuation, payload: Array(bytes[8..<10])),
            WebSocketFrame(isFinal: true, opcode: .continuation, payload: Array(bytes[10...])),
        ]
        XCTAssertEqual(try events(frames).get(), [.ping([9]), .text("{\"a\":\"één\"}")])
    }

    func testFragmentationErrors() {
        XCTAssertEqual(code([fragment("x", .continuation, final: true)]), 1002, "continuation with nothing to continue")
        XCTAssertEqual(code([fragment("a", .text), fragment("b", .text, final: true)]), 1002, "new message inside a fragmented one")
        XCTAssertEqual(code([fragment(String(repeating: "a", count: 60), .text), fragment(String(repeating: "b", count: 41), final: true)]),
                       1009, "fragments together over the limit")
        XCTAssertEqual(code([WebSocketFrame(opcode: .text, payload: [0xC3, 0x28])]), 1007, "invalid UTF-8")
        XCTAssertEqual(code([WebSocketFrame(opcode: .text, payload: [0xED, 0xA0, 0x80])]), 1007, "encoded surrogate")
    }

    func testBinaryMessagesArePassedOnForTheSocketToRefuse() throws {
        XCTAssertEqual(try events([WebSocketFrame(opcode: .binary, payload: [0xFF])]).get(), [.binary([0xFF])])
    }

    func testClosePayloads() throws {
        XCTAssertEqual(try events([WebSocketFrame(opcode: .close, payload: [])]).get(), [.close(code: nil, reason: "")])
        XCTAssertEqual(try events([WebSocketFrame(opcode: .close, payload: [0x03, 0xE8] + Array("klaar".utf8))]).get(),
                       [.close(code: 1000, reason: "klaar")])
        XCTAssertEqual(code([WebSocketFrame(opcode: .close, payload: [0x03])]), 1002, "one byte")
        XCTAssertEqual(code([WebSocketFrame(opcode: .close, payload: [0x03, 0xED])]), 1002, "1005 is never sent")
        XCTAssertEqual(code([WebSocketFrame(opcode: .close, payload: [0x03, 0xE7])]), 1002, "999")
        XCTAssertEqual(code([WebSocketFrame(opcode: .close, payload: [0x03, 0xE8, 0xFF])]), 1007, "reason not UTF-8")
        XCTAssertEqual(try events([WebSocketFrame(opcode: .close, payload: [0x0F, 0xA0])]).get(), [.close(code: 4000, reason: "")])
    }
}

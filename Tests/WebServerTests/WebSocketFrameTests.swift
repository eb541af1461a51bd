import WebServer
import XCTest

final class WebSocketFrameTests: XCTestCase {
    private let key: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]

    private func parse(_ bytes: [UInt8], limit: Int = 1024) -> Result<[WebSocketFrame], WebSocketViolation> {
        var parser = WebSocketFrameParser(maximumPayloadBytes: limit)
        parser.append(bytes)
        var frames: [WebSocketFrame] = []
        do throws(WebSocketViolation) {
            while let frame = try parser.next() { frames.append(frame) }
            return .success(frames)
        } catch {
            return .failure(error)
        }
    }

    private func violationCode(_ bytes: [UInt8], limit: Int = 1024) -> UInt16? {
        if case .failure(let violation) = parse(bytes, limit: limit) { return violation.code }
        return nil
    }

    func testMaskedTextFrameFromRFC6455() {
        // Section 5.7: a masked "Hello".
        let bytes: [UInt8] = [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58]
        XCTAssertEqual(try parse(bytes).get(), [WebSocketFrame(opcode: .text, payload: Array("Hello".utf8))])
    }

    func testServerFramesAreUnmaskedAndSizedByLength() {
        XCTAssertEqual(WebSocketFrame(opcode: .text, payload: Array("Hello".utf8)).encoded(),
                       [0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
        XCTAssertEqual(Array(WebSocketFrame(opcode: .binary, payload: [UInt8](repeating: 0, count: 256)).encoded().prefix(4)),
                       [0x82, 0x7E, 0x01, 0x00])
        XCTAssertEqual(Array(WebSocketFrame(opcode: .binary, payload: [UInt8](repeating: 0, count: 65536)).encoded().prefix(10)),
                       [0x82, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0])
    }

    func testRoundTripAtEveryLengthEncodingAndByteByByte() throws {
        for length in [0, 125, 126, 65535, 65536] {
            let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7) }
            let frame = WebSocketFrame(isFinal: length != 126, opcode: .binary, payload: payload)
            XCTAssertEqual(try parse(frame.encoded(maskingKey: key), limit: 1 << 20).get(), [frame], "length \(length)")
        }
        var parser = WebSocketFrameParser(maximumPayloadBytes: 1024)
        var frames: [WebSocketFrame] = []
        let two = WebSocketFrame(opcode: .text, payload: Array("één".utf8)).encoded(maskingKey: key)
            + WebSocketFrame(opcode: .ping, payload: [1, 2]).encoded(maskingKey: key)
        for byte in two {
            parser.append([byte])
            while let frame = try parser.next() { frames.append(frame) }
        }
        XCTAssertEqual(frames.map(\.opcode), [.text, .ping])
        XCTAssertEqual(frames.first?.payload, Array("één".utf8))
    }

    func testMalformedFramesAreProtocolErrors() {
        let text = WebSocketFrame(opcode: .text, payload: Array("hi".utf8))
        XCTAssertEqual(violationCode(text.encoded()), 1002, "unmasked client frame")
        var rsv = text.encoded(maskingKey: key)
        rsv[0] |= 0x40
        XCTAssertEqual(violationCode(rsv), 1002, "RSV1 without an extension")
        var opcode = text.encoded(maskingKey: key)
        opcode[0] = 0x83
        XCTAssertEqual(violationCode(opcode), 1002, "reserved data opcode 3")
        opcode[0] = 0x8B
        XCTAssertEqual(violationCode(opcode), 1002, "reserved control opcode B")
        XCTAssertEqual(violationCode(WebSocketFrame(isFinal: false, opcode: .ping, payload: []).encoded(maskingKey: key)), 1002,
                       "fragmented ping")
        XCTAssertEqual(violationCode(WebSocketFrame(opcode: .ping, payload: [UInt8](repeating: 1, count: 126)).encoded(maskingKey: key)),
                       1002, "ping over 125 bytes")
        XCTAssertEqual(violationCode([0x82, 0xFE, 0x00, 0x05] + key + [1, 2, 3, 4, 5]), 1002, "16-bit length for 5 bytes")
        XCTAssertEqual(violationCode([0x82, 0xFF, 0x80, 0, 0, 0, 0, 0, 0, 0] + key), 1002, "64-bit length with top bit")
        XCTAssertEqual(violationCode([0x82, 0xFF, 0, 0, 0, 0, 0, 0, 0x01, 0x00] + key), 1002, "64-bit length for 256 bytes")
    }

    func testOversizedFrameIsRefusedBeforeItsPayloadArrives() {
        // Only the header of a 2 GB frame: refused at once, nothing buffered.
        XCTAssertEqual(violationCode([0x82, 0xFF, 0, 0, 0, 0, 0x80, 0, 0, 0]), 1009)
        XCTAssertEqual(violationCode(WebSocketFrame(opcode: .text, payload: [UInt8](repeating: 0x61, count: 1025)).encoded(maskingKey: key)),
                       1009)
    }

    func testIncompleteFrameWaits() {
        let bytes = WebSocketFrame(opcode: .text, payload: Array("hello".utf8)).encoded(maskingKey: key)
        for cut in 0..<bytes.count {
            XCTAssertEqual(try parse(Array(bytes.prefix(cut))).get(), [], "cut at \(cut)")
        }
    }
}

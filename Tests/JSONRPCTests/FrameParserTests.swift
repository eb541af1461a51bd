import JSONRPC
import XCTest

final class FrameParserTests: XCTestCase {
    private func frame(_ body: String, header: String? = nil) -> [UInt8] {
        let bytes = Array(body.utf8)
        let head = header ?? "Content-Length: \(bytes.count)\r\n\r\n"
        return Array(head.utf8) + bytes
    }

    private func drain(_ parser: inout FrameParser) -> [FrameParser.Frame] {
        var frames: [FrameParser.Frame] = []
        while let frame = parser.nextFrame() { frames.append(frame) }
        return frames
    }

    func testSingleFrame() {
        var parser = FrameParser()
        parser.append(frame("{\"a\":1}"))
        XCTAssertEqual(drain(&parser), [.body(Array("{\"a\":1}".utf8))])
        XCTAssertEqual(parser.bufferedByteCount, 0)
    }

    func testSplitReadsByteByByte() {
        var parser = FrameParser()
        var frames: [FrameParser.Frame] = []
        for byte in frame("{\"text\":\"héllo 😀\"}") {
            parser.append([byte])
            frames += drain(&parser)
        }
        XCTAssertEqual(frames, [.body(Array("{\"text\":\"héllo 😀\"}".utf8))])
    }

    func testCoalescedReads() {
        var parser = FrameParser()
        parser.append(frame("{\"n\":1}") + frame("{\"n\":2}") + frame("{\"n\":3}"))
        XCTAssertEqual(drain(&parser).count, 3)
    }

    func testContentLengthCountsUTF8Bytes() {
        let body = "{\"t\":\"é😀\"}" // 10 characters, 15 bytes
        var parser = FrameParser()
        parser.append(frame(body) + frame("{}"))
        XCTAssertEqual(drain(&parser), [.body(Array(body.utf8)), .body(Array("{}".utf8))])
    }

    func testHeaderNamesAreCaseInsensitiveAndContentTypeIsOptional() {
        var parser = FrameParser()
        parser.append(frame("{}", header: "content-length: 2\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"))
        parser.append(frame("{}", header: "CONTENT-LENGTH:2\r\n\r\n"))
        XCTAssertEqual(drain(&parser), [.body(Array("{}".utf8)), .body(Array("{}".utf8))])
    }

    func testWaitsForTheWholeBody() {
        var parser = FrameParser()
        parser.append(Array("Content-Length: 9\r\n\r\n{\"a\":".utf8))
        XCTAssertNil(parser.nextFrame())
        parser.append(Array("123}".utf8))
        XCTAssertEqual(parser.nextFrame(), FrameParser.Frame.body(Array("{\"a\":123}".utf8)))
    }

    func testMissingContentLengthIsMalformedAndTheNextFrameStillArrives() {
        var parser = FrameParser()
        parser.append(Array("Content-Type: x\r\n\r\n{}".utf8) + frame("{\"ok\":true}"))
        let frames = drain(&parser)
        XCTAssertEqual(frames.count, 2)
        guard case .malformed? = frames.first else { return XCTFail("expected a malformed frame, got \(frames)") }
        XCTAssertEqual(frames.last, .body(Array("{\"ok\":true}".utf8)))
    }

    func testNonNumericContentLength() {
        var parser = FrameParser()
        parser.append(frame("{}", header: "Content-Length: twelve\r\n\r\n") + frame("[]"))
        let frames = drain(&parser)
        guard case .malformed(let message) = frames.first else { return XCTFail("expected malformed") }
        XCTAssertTrue(message.contains("twelve"))
        XCTAssertEqual(frames.last, .body(Array("[]".utf8)))
    }

    func testHeaderLineWithoutColon() {
        var parser = FrameParser()
        parser.append(Array("garbage\r\n\r\n".utf8) + frame("{}"))
        let frames = drain(&parser)
        guard case .malformed = frames.first else { return XCTFail("expected malformed") }
        XCTAssertEqual(frames.last, .body(Array("{}".utf8)))
    }

    func testEndlessHeaderIsDroppedInsteadOfBufferedForever() {
        var parser = FrameParser()
        parser.append([UInt8](repeating: 0x41, count: FrameParser.maximumHeaderLength + 10))
        guard case .malformed = parser.nextFrame() else { return XCTFail("expected malformed") }
        XCTAssertLessThan(parser.bufferedByteCount, FrameParser.maximumHeaderLength)
    }

    func testBodyOverTheLimitIsRejected() {
        var parser = FrameParser(maximumBodyLength: 100)
        parser.append(Array("Content-Length: 1000\r\n\r\n".utf8))
        guard case .malformed = parser.nextFrame() else { return XCTFail("expected malformed") }
    }

    func testBareLineFeedsAreTolerated() {
        var parser = FrameParser()
        parser.append(frame("{}", header: "Content-Length: 2\n\n"))
        XCTAssertEqual(drain(&parser), [.body(Array("{}".utf8))])
    }

    func testZeroLengthBody() {
        var parser = FrameParser()
        parser.append(Array("Content-Length: 0\r\n\r\n".utf8))
        XCTAssertEqual(parser.nextFrame(), .body([]))
    }

    /// Issue 16, item 11: the last of two lengths used to win. Lengths that disagree
    /// leave no way to find the body's end: the message is rejected, the next one read.
    func testConflictingContentLengthsAreRejected() {
        var parser = FrameParser()
        parser.append(Array("Content-Length: 2\r\nContent-Length: 7\r\n\r\n{\"a\":1}".utf8) + frame("{}"))
        let frames = drain(&parser)
        XCTAssertEqual(frames.count, 2, "\(frames)")
        guard case .malformed(let problem)? = frames.first else { return XCTFail("\(frames)") }
        XCTAssertTrue(problem.contains("Conflicting Content-Length"), problem)
        XCTAssertEqual(frames.last, .body(Array("{}".utf8)))
    }

    func testRepeatedEqualContentLengthsAreAccepted() {
        var parser = FrameParser()
        parser.append(frame("{}", header: "Content-Length: 2\r\ncontent-length: 2\r\n\r\n"))
        XCTAssertEqual(drain(&parser), [.body(Array("{}".utf8))])
    }
}

import JSONRPC
import LSP
@testable import Server
import SourceText
import XCTest

final class SessionTests: XCTestCase {
    func testNegotiationPrefersTheClientsOrderAmongSupportedEncodings() {
        XCTAssertEqual(Session.negotiateColumnUnit(nil), .utf16)
        XCTAssertEqual(Session.negotiateColumnUnit([]), .utf16)
        XCTAssertEqual(Session.negotiateColumnUnit([.utf8, .utf16]), .utf8)
        XCTAssertEqual(Session.negotiateColumnUnit([PositionEncodingKind(rawValue: "utf-7"), .utf32]), .utf32)
    }

    func testInFlightRequestsForgetAnsweredOnes() {
        var requests = InFlightRequests()
        requests.start(.number(1))
        requests.cancel(.number(1))
        requests.cancel(.number(2)) // never started: ignored
        XCTAssertTrue(requests.isCancelled(.number(1)))
        XCTAssertFalse(requests.isCancelled(.number(2)))
        XCTAssertTrue(requests.finish(.number(1)))
        XCTAssertFalse(requests.isCancelled(.number(1)))
    }

    func testPositionConverterClampsAndCountsUTF16() {
        let converter = PositionConverter(lineIndex: LineIndex("é😀\nx"), unit: .utf16)
        XCTAssertEqual(converter.position(6), Position(line: 0, character: 3))
        XCTAssertEqual(converter.utf8Offset(Position(line: 0, character: 99)), 6)
        XCTAssertEqual(converter.utf8Offset(Position(line: 5, character: 0)), 8)
    }
}

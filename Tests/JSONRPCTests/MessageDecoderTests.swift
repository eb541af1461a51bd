import Foundation
import JSONRPC
import XCTest

final class MessageDecoderTests: XCTestCase {
    private func decode(_ json: String) -> MessageDecoder.Outcome {
        MessageDecoder.decode(Array(json.utf8))
    }

    private func assertInvalid(_ json: String, code: Int, id: RequestID? = nil, file: StaticString = #filePath, line: UInt = #line) {
        guard case .invalid(let error, let errorID) = decode(json) else {
            return XCTFail("expected an error for \(json)", file: file, line: line)
        }
        XCTAssertEqual(error.code, code, error.message, file: file, line: line)
        XCTAssertEqual(errorID, id, file: file, line: line)
    }

    private func message(_ json: String, file: StaticString = #filePath, line: UInt = #line) -> IncomingMessage? {
        guard case .message(let message) = decode(json) else {
            XCTFail("expected a message for \(json)", file: file, line: line)
            return nil
        }
        return message
    }

    func testRequestWithNumberID() {
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#)?.kind,
                       .request(id: .number(1), method: "initialize"))
    }

    func testRequestWithStringIDIsNotConfusedWithANumber() {
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","id":"1","method":"a"}"#)?.kind, .request(id: .string("1"), method: "a"))
    }

    func testNotification() {
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)?.kind,
                       .notification(method: "initialized"))
    }

    func testResponsesToOurRequests() {
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","id":7,"result":[1]}"#)?.kind,
                       .response(id: .number(7), result: .success(.array([.int(1)]))))
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","id":8,"error":{"code":-1,"message":"no"}}"#)?.kind,
                       .response(id: .number(8), result: .failure(ResponseError(code: -1, message: "no"))))
    }

    func testInvalidJSONIsAParseErrorWithNullID() {
        assertInvalid(#"{"jsonrpc":"2.0","id":1,"method""#, code: -32700)
        assertInvalid("", code: -32700)
        assertInvalid("\u{FF}\u{FE}", code: -32700)
    }

    /// The params are not decoded with the envelope, but the whole body is still JSON.
    func testInvalidJSONInsideTheParamsIsAParseError() {
        assertInvalid(#"{"jsonrpc":"2.0","id":1,"method":"a","params":{"x":"\q"}}"#, code: -32700)
        assertInvalid(#"{"jsonrpc":"2.0","id":1,"method":"a","params":{"x":01}}"#, code: -32700)
        assertInvalid(#"{"jsonrpc":"2.0","id":1,"method":"a","params":{"x":tru}}"#, code: -32700)
    }

    func testBatchesAndNonObjectsAreInvalidRequests() {
        assertInvalid(#"[{"jsonrpc":"2.0","id":1,"method":"a"}]"#, code: -32600)
        assertInvalid("42", code: -32600)
        assertInvalid(#""text""#, code: -32600)
    }

    func testBooleanAndObjectIDsAreInvalid() {
        assertInvalid(#"{"jsonrpc":"2.0","id":true,"method":"a"}"#, code: -32600)
        assertInvalid(#"{"jsonrpc":"2.0","id":{},"method":"a"}"#, code: -32600)
    }

    func testWrongVersionAndMethodTypeKeepTheID() {
        assertInvalid(#"{"jsonrpc":"1.0","id":3,"method":"a"}"#, code: -32600, id: .number(3))
        assertInvalid(#"{"id":3,"method":"a"}"#, code: -32600, id: .number(3))
        assertInvalid(#"{"jsonrpc":"2.0","id":4,"method":12}"#, code: -32600, id: .number(4))
        assertInvalid(#"{"jsonrpc":"2.0","id":5,"method":"a","params":"x"}"#, code: -32600, id: .number(5))
    }

    func testMessageWithNeitherMethodNorResult() {
        assertInvalid(#"{"jsonrpc":"2.0","id":9}"#, code: -32600, id: .number(9))
    }

    private struct Params: Decodable { var name: String }

    func testDecodeParams() throws {
        let decoded = try XCTUnwrap(message(#"{"jsonrpc":"2.0","id":1,"method":"a","params":{"name":"x"}}"#))
        XCTAssertEqual(try decoded.decodeParams(Params.self).name, "x")
    }

    func testBadParamsAreInvalidParams() throws {
        let decoded = try XCTUnwrap(message(#"{"jsonrpc":"2.0","id":1,"method":"a","params":{"name":3}}"#))
        XCTAssertThrowsError(try decoded.decodeParams(Params.self)) { error in
            XCTAssertEqual((error as? ResponseError)?.code, -32602)
            XCTAssertTrue((error as? ResponseError)?.message.contains("name") ?? false)
        }
    }

    func testNullParamsAreReadAsAbsent() throws {
        // eglot 1.9 sends `"params": null` with shutdown and exit.
        let shutdown = try XCTUnwrap(message(#"{"jsonrpc":"2.0","id":5,"method":"shutdown","params":null}"#))
        XCTAssertEqual(shutdown.kind, .request(id: .number(5), method: "shutdown"))
        XCTAssertNil(try shutdown.decodeParams(JSONValue?.self))
        XCTAssertThrowsError(try shutdown.decodeParams(Params.self))
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","method":"exit","params":null}"#)?.kind, .notification(method: "exit"))
    }

    func testAbsentParamsDecodeAsNull() throws {
        let decoded = try XCTUnwrap(message(#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#))
        XCTAssertNil(try decoded.decodeParams(JSONValue?.self))
        XCTAssertThrowsError(try decoded.decodeParams(Params.self))
    }

    func testJSONValueKeepsNumbersAndBooleansApart() throws {
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(#"[1, true, 1.5, "1", null]"#.utf8))
        XCTAssertEqual(value, .array([.int(1), .bool(true), .double(1.5), .string("1"), .null]))
    }

    /// Issue 16, item 11: ids an Int cannot hold are echoed as they were written.
    func testIdsBeyondIntAreKeptAsWritten() {
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","id":9007199254740993,"method":"m"}"#)?.id, .number(9_007_199_254_740_993))
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","id":18446744073709551617,"method":"m"}"#)?.id,
                       .numberText("18446744073709551617"))
        XCTAssertEqual(message(#"{"method":"m", "id" : 1e308 ,"jsonrpc":"2.0","params":{"id":"x"}}"#)?.id, .numberText("1e308"))
        XCTAssertEqual(message(#"{"jsonrpc":"2.0","params":{"id":[1,{"id":2}]},"id":-1E+300,"method":"m"}"#)?.id,
                       .numberText("-1E+300"))
        assertInvalid(#"{"jsonrpc":"2.0","id":1.5,"method":"m"}"#, code: -32600)
    }

    /// Issue 16, item 9: half a surrogate pair, as JSON.stringify writes it, decodes as
    /// U+FFFD (in the params too) instead of failing the whole message.
    func testLoneSurrogatesDecodeAsReplacementCharacter() throws {
        struct Params: Decodable { var text: String }
        for (json, expected) in [(#""X\ud83dY""#, "X\u{FFFD}Y"), (#""X\uDE00""#, "X\u{FFFD}"),
                                 (#""\ud83d\ud83d\ude00""#, "\u{FFFD}😀"), (#""\ud83d\u0041""#, "\u{FFFD}A"),
                                 (#""\\ud83d""#, "\\ud83d"), (#""\ud83d""#, "\u{FFFD}")] {
            let body = #"{"jsonrpc":"2.0","method":"m","params":{"text":"# + json + "}}"
            let decoded = try XCTUnwrap(message(body), json)
            XCTAssertEqual(try decoded.decodeParams(Params.self).text, expected, json)
        }
        // A proper pair is left as it is, and bad JSON stays bad.
        XCTAssertEqual(try message(#"{"jsonrpc":"2.0","method":"m","params":{"text":"\ud83d\ude00"}}"#)?
            .decodeParams(Params.self).text, "😀")
        assertInvalid(#"{"jsonrpc":"2.0","method":"m","params":{"text":"\ud83d}}"#, code: -32700)
    }
}

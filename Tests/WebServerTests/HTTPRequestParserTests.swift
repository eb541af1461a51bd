import WebServer
import XCTest

final class HTTPRequestParserTests: XCTestCase {
    private func parse(_ text: String, limits: HTTPRequestParser.Limits = .init()) -> HTTPRequestParser.Outcome {
        var parser = HTTPRequestParser(limits: limits)
        parser.append(Array(text.utf8))
        return parser.next()
    }

    private func request(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> HTTPRequest? {
        guard case .request(let request) = parse(text) else {
            XCTFail("no request from \(text.debugDescription): \(parse(text))", file: file, line: line)
            return nil
        }
        return request
    }

    private func status(_ text: String) -> Int? {
        if case .failure(let failure) = parse(text) { return failure.status }
        return nil
    }

    func testGetWithDecodedPathAndQuery() throws {
        let request = try XCTUnwrap(request("GET /api/drafts/mijn%20vraag.vraag?token=ab%2Bc&x=1+2 HTTP/1.1\r\nHost: 127.0.0.1:80\r\nX-Thing:  value \r\n\r\n"))
        XCTAssertEqual(request.method, "GET")
        XCTAssertEqual(request.pathSegments, ["api", "drafts", "mijn vraag.vraag"])
        XCTAssertEqual(request.query, ["token": "ab+c", "x": "1 2"])
        XCTAssertEqual(request.header("HOST"), "127.0.0.1:80")
        XCTAssertEqual(request.header("x-thing"), "value")
        XCTAssertEqual(request.body, [])
    }

    func testEncodedTraversalIsDecodedIntoSegmentsForTheCallerToRefuse() throws {
        let request = try XCTUnwrap(request("GET /cm/%2e%2e/%2E%2E/etc/passwd HTTP/1.1\r\nHost: h\r\n\r\n"))
        XCTAssertEqual(request.pathSegments, ["cm", "..", "..", "etc", "passwd"])
        let slash = try XCTUnwrap(self.request("GET /a%2Fb HTTP/1.1\r\nHost: h\r\n\r\n"))
        XCTAssertEqual(slash.pathSegments, ["a/b"], "an encoded slash stays inside its segment, where a check can see it")
    }

    func testBodyByContentLengthArrivingByteByByte() {
        var parser = HTTPRequestParser()
        let text = "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\nhé 😀"
        var outcomes: [HTTPRequestParser.Outcome] = []
        for byte in Array(text.utf8).prefix(text.utf8.count - 1) {
            parser.append([byte])
            outcomes.append(parser.next())
        }
        XCTAssertTrue(outcomes.allSatisfy { $0 == .incomplete })
        parser.append(Array(text.utf8).suffix(1))
        guard case .request(let request) = parser.next() else { return XCTFail("no request") }
        XCTAssertEqual(String(decoding: request.body, as: UTF8.self), "hé 😀")
    }

    func testBytesBehindARequestAreKept() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n\u{81}\u{05}".utf8))
        guard case .request = parser.next() else { return XCTFail("no request") }
        XCTAssertEqual(parser.leftover, Array("\u{81}\u{05}".utf8))
    }

    func testMalformedHeads() {
        XCTAssertEqual(status("GET /\r\nHost: h\r\n\r\n"), 400, "two-part request line")
        XCTAssertEqual(status("GET  / HTTP/1.1\r\n\r\n"), 400, "double space")
        XCTAssertEqual(status("get / HTTP/1.1\r\n\r\n"), 400, "lowercase method")
        XCTAssertEqual(status("GET http://evil/ HTTP/1.1\r\n\r\n"), 400, "absolute target")
        XCTAssertEqual(status("GET / HTTP/2.0\r\n\r\n"), 505)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nNo colon here\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\n: empty name\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n"), 400)
        XCTAssertEqual(status("GET / HTTP/1.1\r\nA: b\nC: d\r\n\r\n"), 400, "bare LF")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nA: b\rC: d\r\n\r\n"), 400, "bare CR")
        XCTAssertEqual(status("GET / HTTP/1.1\r\nA: b\u{0}c\r\n\r\n"), 400, "NUL")
        XCTAssertEqual(status("GET /%zz HTTP/1.1\r\n\r\n"), 400, "bad escape")
        XCTAssertEqual(status("GET /%00 HTTP/1.1\r\n\r\n"), 400, "encoded NUL")
        XCTAssertEqual(status("GET /%ff HTTP/1.1\r\n\r\n"), 400, "not UTF-8")
        XCTAssertEqual(status("GET /x? HTTP/1.1\r\nHost: h\r\n\r\n"), nil, "an empty query is fine")
    }

    func testBodyFraming() {
        XCTAssertEqual(status("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"), 501)
        XCTAssertEqual(status("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"), 400)
        XCTAssertEqual(status("POST / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n"), 400)
        XCTAssertEqual(status("POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n"), 400)
        XCTAssertEqual(status("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"), 400)
        var limits = HTTPRequestParser.Limits()
        limits.maximumBodyBytes = 10
        XCTAssertEqual(parse("POST / HTTP/1.1\r\nContent-Length: 11\r\n\r\n", limits: limits),
                       .failure(.init(status: 413, reason: "request body too large")))
    }

    func testHeadLimits() {
        var limits = HTTPRequestParser.Limits()
        limits.maximumHeadBytes = 100
        let long = "GET / HTTP/1.1\r\nX: " + String(repeating: "a", count: 200)
        guard case .failure(let failure) = parse(long, limits: limits) else { return XCTFail("accepted") }
        XCTAssertEqual(failure.status, 431, "refused before the head even ends")
        limits = .init()
        limits.maximumHeaderCount = 3
        let many = "GET / HTTP/1.1\r\n" + (0..<4).map { "H\($0): v\r\n" }.joined() + "\r\n"
        guard case .failure(let tooMany) = parse(many, limits: limits) else { return XCTFail("accepted") }
        XCTAssertEqual(tooMany.status, 431)
    }
}

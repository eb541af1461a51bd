/// Reads HTTP/1.1 requests from a byte stream, incrementally: bytes go in as they
/// arrive, a request comes out once its head and body are complete.
///
/// Strict on purpose, since only our own page talks to it: `Content-Length` bodies
/// only (no chunked encoding), bounded head and body, no obsolete line folding.
public struct HTTPRequestParser: Sendable {
    public struct Limits: Sendable {
        public var maximumHeadBytes = 16 * 1024
        public var maximumHeaderCount = 100
        public var maximumBodyBytes = 8 * 1024 * 1024
        public init() {}
    }

    /// Why a request was refused, with the status to answer.
    public struct Failure: Error, Equatable, Sendable {
        public var status: Int
        public var reason: String

        public init(status: Int, reason: String) {
            self.status = status
            self.reason = reason
        }
    }

    public enum Outcome: Equatable, Sendable {
        case incomplete
        case request(HTTPRequest)
        case failure(Failure)
    }

    private let limits: Limits
    private var buffer: [UInt8] = []
    /// Where the search for the end of the head goes on, so a head that trickles in
    /// byte by byte is still scanned once.
    private var scannedCount = 0

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        buffer.append(contentsOf: bytes)
    }

    /// Bytes received after the last complete request (a WebSocket client may send
    /// its first frame right behind the handshake).
    public var leftover: [UInt8] { buffer }

    /// The next complete request, if the buffer holds one.
    public mutating func next() -> Outcome {
        guard let headEnd = Self.endOfHead(buffer, from: max(0, scannedCount - 3)) else {
            scannedCount = buffer.count
            if buffer.count > limits.maximumHeadBytes {
                return .failure(Failure(status: 431, reason: "request head too large"))
            }
            return .incomplete
        }
        guard headEnd <= limits.maximumHeadBytes else {
            return .failure(Failure(status: 431, reason: "request head too large"))
        }
        let head: HeadParts
        switch parseHead(Array(buffer[..<headEnd])) {
        case .success(let parts): head = parts
        case .failure(let failure): return .failure(failure)
        }
        var bodyLength = 0
        let lengths = head.headers.filter { $0.name == "content-length" }.map(\.value)
        if head.headers.contains(where: { $0.name == "transfer-encoding" }) {
            return .failure(Failure(status: 501, reason: "Transfer-Encoding is not supported"))
        }
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), !first.isEmpty, first.count <= 12,
                  first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(first) else {
                return .failure(Failure(status: 400, reason: "bad Content-Length"))
            }
            guard length <= limits.maximumBodyBytes else {
                return .failure(Failure(status: 413, reason: "request body too large"))
            }
            bodyLength = length
        }
        let bodyStart = headEnd + 4
        guard buffer.count >= bodyStart + bodyLength else { return .incomplete }
        let body = Array(buffer[bodyStart..<(bodyStart + bodyLength)])
        buffer.removeFirst(bodyStart + bodyLength)
        scannedCount = 0
        guard let target = RequestTarget(head.target) else {
            return .failure(Failure(status: 400, reason: "bad request target"))
        }
        return .request(HTTPRequest(method: head.method, target: head.target, pathSegments: target.pathSegments,
                                    query: target.query, version: head.version, headers: head.headers, body: body))
    }

    private struct HeadParts {
        var method: String
        var target: String
        var version: String
        var headers: [(name: String, value: String)]
    }

    private func parseHead(_ head: [UInt8]) -> Result<HeadParts, Failure> {
        // Lines end in CRLF; a bare CR or LF, or a control byte, is refused.
        var lines: [ArraySlice<UInt8>] = []
        var lineStart = 0
        var index = 0
        while index < head.count {
            let byte = head[index]
            if byte == 0x0D {
                guard index + 1 < head.count, head[index + 1] == 0x0A else {
                    return .failure(Failure(status: 400, reason: "bare CR in the request head"))
                }
                lines.append(head[lineStart..<index])
                index += 2
                lineStart = index
                continue
            }
            if byte == 0x0A || (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                return .failure(Failure(status: 400, reason: "control character in the request head"))
            }
            index += 1
        }
        lines.append(head[lineStart..<head.count])
        guard let requestLine = lines.first else { return .failure(Failure(status: 400, reason: "empty request")) }
        let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
        guard parts.count == 3, let method = ascii(parts[0]), let target = ascii(parts[1]), let version = ascii(parts[2]),
              !method.isEmpty, method.utf8.allSatisfy({ $0 >= 0x41 && $0 <= 0x5A }), target.hasPrefix("/") else {
            return .failure(Failure(status: 400, reason: "malformed request line"))
        }
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            return .failure(Failure(status: 505, reason: "unsupported HTTP version"))
        }
        var headers: [(name: String, value: String)] = []
        for line in lines.dropFirst() {
            guard headers.count < limits.maximumHeaderCount else {
                return .failure(Failure(status: 431, reason: "too many headers"))
            }
            guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
                  let name = ascii(line[line.startIndex..<colon]), name.utf8.allSatisfy(Self.isTokenByte) else {
                return .failure(Failure(status: 400, reason: "malformed header line"))
            }
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self)[...].trimmingSpaces()
            headers.append((name.lowercased(), value))
        }
        return .success(HeadParts(method: method, target: target, version: version, headers: headers))
    }

    private func ascii(_ bytes: ArraySlice<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 9110 token characters, the only ones allowed in a header name.
    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
        default: return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    /// The index of the CRLFCRLF that ends the head.
    private static func endOfHead(_ bytes: [UInt8], from start: Int) -> Int? {
        guard bytes.count >= 4, start <= bytes.count - 4 else { return nil }
        for index in start...(bytes.count - 4)
        where bytes[index] == 0x0D && bytes[index + 1] == 0x0A && bytes[index + 2] == 0x0D && bytes[index + 3] == 0x0A {
            return index
        }
        return nil
    }
}

/// A request target split into decoded path segments and query parameters.
struct RequestTarget {
    var pathSegments: [String]
    var query: [String: String]

    /// Nil when a percent escape is malformed or decodes to invalid UTF-8 or a NUL.
    init?(_ target: String) {
        let pathPart: Substring
        var queryPart: Substring = ""
        if let question = target.firstIndex(of: "?") {
            pathPart = target[target.index(after: target.startIndex)..<question]
            queryPart = target[target.index(after: question)...]
        } else {
            pathPart = target.dropFirst()
        }
        var segments: [String] = []
        for segment in pathPart.split(separator: "/", omittingEmptySubsequences: false) {
            guard let decoded = Self.percentDecoded(segment, plusIsSpace: false) else { return nil }
            segments.append(decoded)
        }
        pathSegments = segments
        query = [:]
        for pair in queryPart.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.percentDecoded(parts[0], plusIsSpace: true),
                  let value = Self.percentDecoded(parts.count > 1 ? parts[1] : "", plusIsSpace: true) else { return nil }
            if query[name] == nil { query[name] = value }
        }
    }

    static func percentDecoded(_ text: Substring, plusIsSpace: Bool) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == 0x25 {
                guard let high = iterator.popFirst().flatMap(hexValue), let low = iterator.popFirst().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else if byte == 0x2B && plusIsSpace {
                bytes.append(0x20)
            } else {
                bytes.append(byte)
            }
        }
        guard !bytes.contains(0), let decoded = String(validating: bytes, as: UTF8.self) else { return nil }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }
}

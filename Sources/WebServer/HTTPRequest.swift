/// One HTTP/1.1 request as the server received it: the request line split into
/// method, path and query (percent-decoded), the headers and the body.
public struct HTTPRequest: Sendable, Equatable {
    public var method: String
    /// The raw request target, as sent (`/api/drafts?token=...`).
    public var target: String
    /// The path, percent-decoded, split on `/` into segments (empty segments kept,
    /// so `//` and a trailing `/` are visible to whoever checks paths).
    public var pathSegments: [String]
    public var query: [String: String]
    public var version: String
    /// Header names lowercased; a repeated header keeps every value in order.
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(method: String, target: String, pathSegments: [String], query: [String: String], version: String,
                headers: [(name: String, value: String)], body: [UInt8]) {
        self.method = method
        self.target = target
        self.pathSegments = pathSegments
        self.query = query
        self.version = version
        self.headers = headers
        self.body = body
    }

    /// The decoded path, `/` joined.
    public var path: String { "/" + pathSegments.joined(separator: "/") }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name == lowered }?.value
    }

    /// Every value of header `name`, comma-separated lists split, trimmed, lowercased:
    /// for token lists such as `Connection: keep-alive, Upgrade`.
    public func headerTokens(_ name: String) -> [String] {
        let lowered = name.lowercased()
        return headers.filter { $0.name == lowered }.flatMap { header in
            header.value.split(separator: ",").map { $0.trimmingSpaces().lowercased() }
        }
    }

    public static func == (lhs: HTTPRequest, rhs: HTTPRequest) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.pathSegments == rhs.pathSegments
            && lhs.query == rhs.query && lhs.version == rhs.version && lhs.body == rhs.body
            && lhs.headers.map(\.name) == rhs.headers.map(\.name) && lhs.headers.map(\.value) == rhs.headers.map(\.value)
    }
}

extension Substring {
    func trimmingSpaces() -> String {
        var slice = self[...]
        while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
        return String(slice)
    }
}

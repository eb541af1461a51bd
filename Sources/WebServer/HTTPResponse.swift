import Foundation

/// An HTTP response: status, headers and body. Every response closes the connection
/// (`Connection: close`): the page makes few requests, and one request per
/// connection keeps the server simple.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public static func text(_ status: Int, _ text: String) -> HTTPResponse {
        HTTPResponse(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    public static func json<Value: Encodable>(_ status: Int, _ value: Value) -> HTTPResponse {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value) else {
            return .text(500, "The answer could not be encoded.")
        }
        return HTTPResponse(status: status, headers: ["Content-Type": "application/json; charset=utf-8"], body: Array(data))
    }

    /// The response as bytes on the wire, with the headers every response carries.
    public func serialized() -> [UInt8] {
        var all = headers
        if status != 101 {
            all["Content-Length"] = String(body.count)
            all["Connection"] = "close"
        }
        all["Cache-Control"] = all["Cache-Control"] ?? "no-store"
        // The token is in the page's URL: never send it on as a referrer.
        all["Referrer-Policy"] = "no-referrer"
        all["X-Content-Type-Options"] = "nosniff"
        all["X-Frame-Options"] = "DENY"
        var head = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for name in all.keys.sorted() {
            head += "\(name): \(all[name] ?? "")\r\n"
        }
        head += "\r\n"
        return Array(head.utf8) + body
    }

    static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 101: "Switching Protocols"
        case 200: "OK"
        case 201: "Created"
        case 204: "No Content"
        case 400: "Bad Request"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 413: "Content Too Large"
        case 426: "Upgrade Required"
        case 431: "Request Header Fields Too Large"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 505: "HTTP Version Not Supported"
        default: "Status"
        }
    }
}

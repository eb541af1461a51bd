import Foundation

/// The opening handshake of RFC 6455 (section 4.2): checks a client's upgrade
/// request and computes `Sec-WebSocket-Accept`.
public enum WebSocketHandshake {
    static let acceptGUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    public enum Outcome: Equatable, Sendable {
        /// The request is a valid upgrade: answer with this 101 response.
        case accept(HTTPResponse)
        /// The request is not a valid upgrade: answer with this error.
        case refuse(HTTPResponse)
    }

    /// Whether the request asks for a WebSocket at all (so a plain GET on the same
    /// path can be told apart from a broken handshake).
    public static func isUpgradeRequest(_ request: HTTPRequest) -> Bool {
        request.headerTokens("upgrade").contains("websocket")
    }

    public static func respond(to request: HTTPRequest) -> Outcome {
        guard request.method == "GET" else {
            return .refuse(.text(405, "A WebSocket handshake must be a GET request."))
        }
        guard request.version == "HTTP/1.1" else {
            return .refuse(.text(400, "A WebSocket handshake needs HTTP/1.1."))
        }
        guard request.header("host") != nil else {
            return .refuse(.text(400, "The handshake has no Host header."))
        }
        guard request.headerTokens("upgrade").contains("websocket") else {
            return .refuse(.text(400, "The handshake lacks Upgrade: websocket."))
        }
        guard request.headerTokens("connection").contains("upgrade") else {
            return .refuse(.text(400, "The handshake lacks Connection: Upgrade."))
        }
        guard request.header("sec-websocket-version") == "13" else {
            var response = HTTPResponse.text(426, "Only WebSocket version 13 is supported.")
            response.headers["Sec-WebSocket-Version"] = "13"
            return .refuse(response)
        }
        guard let key = request.header("sec-websocket-key"), let decoded = Data(base64Encoded: key), decoded.count == 16 else {
            return .refuse(.text(400, "Sec-WebSocket-Key must be 16 bytes in base64."))
        }
        let response = HTTPResponse(status: 101, headers: [
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Accept": acceptValue(forKey: key),
        ])
        return .accept(response)
    }

    /// base64(SHA-1(key + GUID)), RFC 6455 section 4.2.2.
    public static func acceptValue(forKey key: String) -> String {
        Data(SHA1.digest(Array((key + acceptGUID).utf8))).base64EncodedString()
    }
}

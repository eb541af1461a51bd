/// Who may talk to the server: requests that carry the token, name our own address
/// as Host (no DNS rebinding) and, when they say where they come from, come from
/// our own page (`Origin`). Jupyter's model: the token is in the printed URL.
public struct AccessGuard: Sendable {
    public let token: String
    public let port: UInt16

    public init(token: String, port: UInt16) {
        self.token = token
        self.port = port
    }

    /// The names the page may be reached by.
    var hosts: [String] { ["127.0.0.1:\(port)", "localhost:\(port)"] }
    var origins: [String] { hosts.map { "http://\($0)" } }

    /// Nil when the request may go on; otherwise the refusal to send.
    public func refusal(for request: HTTPRequest) -> HTTPResponse? {
        guard let host = request.header("host"), hosts.contains(host.lowercased()) else {
            return .text(403, "Geweigerd: onbekende Host. Open de pagina via http://127.0.0.1:\(port)/.")
        }
        let offered = request.query["token"] ?? request.header("x-vraagbaak-token")
        guard let offered, Self.constantTimeEqual(offered, token) else {
            return .text(403, "Geweigerd: de toegangssleutel ontbreekt of klopt niet. "
                + "Open de pagina via de volledige link die 'vraagbaak web' toonde.")
        }
        if let origin = request.header("origin") {
            guard origins.contains(origin.lowercased()) else {
                return .text(403, "Geweigerd: verzoeken van \(origin) zijn niet toegestaan.")
            }
        } else if (request.method != "GET" && request.method != "HEAD") || WebSocketHandshake.isUpgradeRequest(request) {
            // Browsers always send Origin on these; a request without one is not our page.
            return .text(403, "Geweigerd: dit verzoek moet van de pagina zelf komen (Origin ontbreekt).")
        }
        return nil
    }

    /// A comparison whose time does not depend on where the strings differ.
    static func constantTimeEqual(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// A fresh random token: 24 bytes from the system's secure generator, in hex.
    public static func makeToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hex.encode((0..<24).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }
}

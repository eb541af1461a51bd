import Foundation
import Synchronization

/// A small HTTP/1.1 and WebSocket server on 127.0.0.1, one thread per connection,
/// one request per connection (WebSockets excepted). Every request passes the
/// `AccessGuard` before the handler sees it. Knows nothing of what it serves.
public final class HTTPServer: Sendable {
    public enum Reply: Sendable {
        case response(HTTPResponse)
        /// Accept the WebSocket handshake; the closure gets the socket and returns
        /// who listens to it.
        case webSocket(@Sendable (WebSocket) -> any WebSocketDelegate)
    }

    public typealias Handler = @Sendable (HTTPRequest) -> Reply

    public struct Limits: Sendable {
        public var request = HTTPRequestParser.Limits()
        public var maximumMessageBytes = 8 * 1024 * 1024
        public var maximumConnections = 64
        /// How long a client may take to send its request.
        public var requestTimeoutSeconds = 30
        public init() {}
    }

    public let port: UInt16
    public let accessGuard: AccessGuard
    private let listener: LoopbackListener
    private let handler: Handler
    private let limits: Limits
    private let activeConnections = Mutex(0)

    /// Binds 127.0.0.1:`port` (0: any free port) at once, so the caller knows the port
    /// before `start`.
    public init(port: UInt16, token: String, limits: Limits = Limits(), handler: @escaping Handler) throws {
        listener = try LoopbackListener(port: port)
        self.port = listener.port
        accessGuard = AccessGuard(token: token, port: listener.port)
        self.handler = handler
        self.limits = limits
    }

    /// Accepts connections on a thread of its own until `stop`.
    public func start() {
        let thread = Thread { [self] in
            while let socket = listener.accept() {
                let admitted = activeConnections.withLock { count in
                    guard count < limits.maximumConnections else { return false }
                    count += 1
                    return true
                }
                guard admitted else {
                    socket.write(HTTPResponse.text(503, "Te veel verbindingen.").serialized())
                    socket.close()
                    continue
                }
                let connectionThread = Thread { [self] in
                    serve(socket)
                    activeConnections.withLock { $0 -= 1 }
                }
                connectionThread.start()
            }
        }
        thread.start()
    }

    public func stop() {
        listener.close()
    }

    private func serve(_ socket: Socket) {
        defer { socket.close() }
        socket.setReadTimeout(seconds: limits.requestTimeoutSeconds)
        var parser = HTTPRequestParser(limits: limits.request)
        var request: HTTPRequest?
        while request == nil {
            switch parser.next() {
            case .incomplete:
                guard let bytes = socket.read() else { return }
                parser.append(bytes)
            case .failure(let failure):
                socket.write(HTTPResponse.text(failure.status, "Ongeldig verzoek: \(failure.reason).").serialized())
                return
            case .request(let complete):
                request = complete
            }
        }
        guard let request else { return }
        if let refusal = accessGuard.refusal(for: request) {
            socket.write(refusal.serialized())
            return
        }
        switch handler(request) {
        case .response(let response):
            socket.write(response.serialized())
        case .webSocket(let makeDelegate):
            guard WebSocketHandshake.isUpgradeRequest(request) else {
                socket.write(HTTPResponse.text(426, "Hier is alleen een WebSocket te krijgen.").serialized())
                return
            }
            switch WebSocketHandshake.respond(to: request) {
            case .refuse(let response):
                socket.write(response.serialized())
            case .accept(let response):
                guard socket.write(response.serialized()) else { return }
                socket.setReadTimeout(seconds: 0)
                let webSocket = WebSocket(socket: socket, maximumMessageBytes: limits.maximumMessageBytes)
                webSocket.run(delegate: makeDelegate(webSocket), initialBytes: parser.leftover)
            }
        }
    }
}

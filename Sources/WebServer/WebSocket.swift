import Dispatch
import Synchronization

/// What a WebSocket's owner hears. Called on the socket's reader thread, in order.
public protocol WebSocketDelegate: Sendable {
    func webSocket(_ socket: WebSocket, receivedText text: String)
    /// The connection is over (closed by either side, or broken). Called once.
    func webSocketClosed(_ socket: WebSocket)
}

/// The server end of one WebSocket: a reader loop on the connection's thread, and
/// `send`/`close` callable from any thread (writes never interleave).
public final class WebSocket: Sendable {
    private let socket: Socket
    private let maximumMessageBytes: Int
    /// True once a close frame was sent: nothing may follow it (RFC 6455 section 5.5.1).
    private let closeSent = Mutex(false)

    init(socket: Socket, maximumMessageBytes: Int) {
        self.socket = socket
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// Sends one text message in one frame; false when the socket is closing or gone.
    @discardableResult
    public func send(text: String) -> Bool {
        write(WebSocketFrame(opcode: .text, payload: Array(text.utf8)))
    }

    /// Starts the closing handshake; the socket is shut down if the peer does not
    /// answer within two seconds.
    public func close(code: UInt16 = 1000, reason: String = "") {
        sendClose(code: code, reason: reason)
        let socket = self.socket
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) { socket.shutdown() }
    }

    @discardableResult
    private func write(_ frame: WebSocketFrame) -> Bool {
        closeSent.withLock { sent in
            guard !sent else { return false }
            if frame.opcode == .close { sent = true }
            return socket.write(frame.encoded())
        }
    }

    private func sendClose(code: UInt16?, reason: String) {
        var payload: [UInt8] = []
        if let code {
            payload = [UInt8(code >> 8), UInt8(code & 0xFF)] + Array(reason.utf8.prefix(123))
        }
        write(WebSocketFrame(opcode: .close, payload: payload))
    }

    /// Reads frames until the connection ends; `initialBytes` are bytes that arrived
    /// behind the handshake.
    func run(delegate: any WebSocketDelegate, initialBytes: [UInt8]) {
        var frames = WebSocketFrameParser(maximumPayloadBytes: maximumMessageBytes)
        var messages = WebSocketMessageAssembler(maximumMessageBytes: maximumMessageBytes)
        var pending: [UInt8]? = initialBytes
        reading: while let bytes = pending ?? socket.read() {
            pending = nil
            frames.append(bytes)
            do throws(WebSocketViolation) {
                while let frame = try frames.next() {
                    guard let event = try messages.receive(frame) else { continue }
                    switch event {
                    case .text(let text):
                        delegate.webSocket(self, receivedText: text)
                    case .binary:
                        sendClose(code: 1003, reason: "only text messages")
                        break reading
                    case .ping(let payload):
                        write(WebSocketFrame(opcode: .pong, payload: payload))
                    case .pong:
                        break
                    case .close(let code, _):
                        // Echo the close (section 5.5.1) unless we began it; then the TCP
                        // connection ends, server first (section 7.1.1).
                        sendClose(code: code.map { _ in 1000 }, reason: "")
                        break reading
                    }
                }
            } catch {
                sendClose(code: error.code, reason: error.reason)
                break reading
            }
        }
        // Nothing may be written once the descriptor is closed: its number is reused by
        // the next connection or pipe, which must not receive our close frame.
        closeSent.withLock { $0 = true }
        socket.close()
        delegate.webSocketClosed(self)
    }
}

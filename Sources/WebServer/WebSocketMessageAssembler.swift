/// Turns frames into messages (RFC 6455 section 5.4): joins fragments, enforces the
/// message size limit across them, validates text as UTF-8 and close payloads, and
/// lets control frames arrive between the fragments of a message.
public struct WebSocketMessageAssembler: Sendable {
    public enum Event: Equatable, Sendable {
        case text(String)
        case binary([UInt8])
        case ping([UInt8])
        case pong([UInt8])
        /// The peer closes; `code` is nil when its close frame had no payload.
        case close(code: UInt16?, reason: String)
    }

    public let maximumMessageBytes: Int
    private var fragmentOpcode: WebSocketFrame.Opcode?
    private var fragments: [UInt8] = []

    public init(maximumMessageBytes: Int) {
        self.maximumMessageBytes = maximumMessageBytes
    }

    /// The event a frame completes, if any.
    public mutating func receive(_ frame: WebSocketFrame) throws(WebSocketViolation) -> Event? {
        switch frame.opcode {
        case .ping: return .ping(frame.payload)
        case .pong: return .pong(frame.payload)
        case .close: return try Self.closeEvent(frame.payload)
        case .text, .binary:
            guard fragmentOpcode == nil else {
                throw .protocolError("a new message began before the fragmented one ended")
            }
            if frame.isFinal { return try Self.message(frame.opcode, frame.payload) }
            fragmentOpcode = frame.opcode
            fragments = frame.payload
            return nil
        case .continuation:
            guard let opcode = fragmentOpcode else { throw .protocolError("a continuation frame with no message to continue") }
            guard fragments.count + frame.payload.count <= maximumMessageBytes else {
                throw .tooLarge("message over the limit of \(maximumMessageBytes) bytes")
            }
            fragments += frame.payload
            guard frame.isFinal else { return nil }
            let payload = fragments
            fragmentOpcode = nil
            fragments = []
            return try Self.message(opcode, payload)
        }
    }

    private static func message(_ opcode: WebSocketFrame.Opcode, _ payload: [UInt8]) throws(WebSocketViolation) -> Event {
        guard opcode == .text else { return .binary(payload) }
        guard let text = String(validating: payload, as: UTF8.self) else {
            throw .invalidData("a text message that is not UTF-8")
        }
        return .text(text)
    }

    private static func closeEvent(_ payload: [UInt8]) throws(WebSocketViolation) -> Event {
        if payload.isEmpty { return .close(code: nil, reason: "") }
        guard payload.count >= 2 else { throw .protocolError("a close payload of one byte") }
        let code = UInt16(payload[0]) << 8 | UInt16(payload[1])
        guard isValidCloseCode(code) else { throw .protocolError("close code \(code) is not allowed on the wire") }
        guard let reason = String(validating: payload[2...], as: UTF8.self) else {
            throw .invalidData("a close reason that is not UTF-8")
        }
        return .close(code: code, reason: reason)
    }

    /// Codes a peer may send (RFC 6455 section 7.4): 1000-1003, 1007-1014, and the
    /// ranges for libraries and applications; 1004-1006 and 1015 are never sent.
    static func isValidCloseCode(_ code: UInt16) -> Bool {
        switch code {
        case 1000...1003, 1007...1014, 3000...4999: true
        default: false
        }
    }
}

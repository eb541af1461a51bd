/// One WebSocket frame (RFC 6455 section 5.2) and its encoding.
public struct WebSocketFrame: Equatable, Sendable {
    public enum Opcode: UInt8, Sendable {
        case continuation = 0x0, text = 0x1, binary = 0x2, close = 0x8, ping = 0x9, pong = 0xA

        public var isControl: Bool { rawValue & 0x8 != 0 }
    }

    public var isFinal: Bool
    public var opcode: Opcode
    /// The payload, already unmasked.
    public var payload: [UInt8]

    public init(isFinal: Bool = true, opcode: Opcode, payload: [UInt8]) {
        self.isFinal = isFinal
        self.opcode = opcode
        self.payload = payload
    }

    /// The frame on the wire. A server sends unmasked frames; a client (our tests)
    /// must mask with a 4-byte key.
    public func encoded(maskingKey: [UInt8]? = nil) -> [UInt8] {
        var bytes: [UInt8] = [(isFinal ? 0x80 : 0) | opcode.rawValue]
        let maskBit: UInt8 = maskingKey == nil ? 0 : 0x80
        switch payload.count {
        case 0..<126:
            bytes.append(maskBit | UInt8(payload.count))
        case 126...0xFFFF:
            bytes.append(maskBit | 126)
            bytes += [UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        default:
            bytes.append(maskBit | 127)
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: UInt64(payload.count) >> UInt64(shift)))
            }
        }
        if let maskingKey {
            bytes += maskingKey
            bytes += payload.enumerated().map { $0.element ^ maskingKey[$0.offset & 3] }
        } else {
            bytes += payload
        }
        return bytes
    }
}

/// Why a peer's bytes end the connection: the close code to send and a reason.
public struct WebSocketViolation: Error, Equatable, Sendable {
    public var code: UInt16
    public var reason: String

    public static func protocolError(_ reason: String) -> WebSocketViolation { .init(code: 1002, reason: reason) }
    public static func tooLarge(_ reason: String) -> WebSocketViolation { .init(code: 1009, reason: reason) }
    public static func invalidData(_ reason: String) -> WebSocketViolation { .init(code: 1007, reason: reason) }
}

/// Cuts a client's byte stream into frames. Incremental; checks everything that
/// can be checked on a single frame: reserved bits (no extensions are negotiated),
/// known opcodes, masking (client frames must be masked), control frames short and
/// unfragmented, and the size limit before the payload is buffered.
public struct WebSocketFrameParser: Sendable {
    public let maximumPayloadBytes: Int
    private var buffer: [UInt8] = []
    private var readIndex = 0

    public init(maximumPayloadBytes: Int) {
        self.maximumPayloadBytes = maximumPayloadBytes
    }

    public mutating func append<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        if readIndex > 0 && readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete frame, nil when more bytes are needed, or a violation.
    public mutating func next() throws(WebSocketViolation) -> WebSocketFrame? {
        let available = buffer.count - readIndex
        guard available >= 2 else { return nil }
        let first = buffer[readIndex]
        let second = buffer[readIndex + 1]
        guard first & 0x70 == 0 else { throw .protocolError("reserved bits set without an extension") }
        guard let opcode = WebSocketFrame.Opcode(rawValue: first & 0x0F) else {
            throw .protocolError("unknown opcode \(first & 0x0F)")
        }
        let isFinal = first & 0x80 != 0
        guard second & 0x80 != 0 else { throw .protocolError("client frames must be masked") }
        var headerLength = 2
        var length = UInt64(second & 0x7F)
        if length == 126 {
            guard available >= 4 else { return nil }
            length = UInt64(buffer[readIndex + 2]) << 8 | UInt64(buffer[readIndex + 3])
            guard length >= 126 else { throw .protocolError("payload length not minimally encoded") }
            headerLength = 4
        } else if length == 127 {
            guard available >= 10 else { return nil }
            length = 0
            for offset in 2..<10 { length = length << 8 | UInt64(buffer[readIndex + offset]) }
            guard length >> 63 == 0 else { throw .protocolError("payload length has its top bit set") }
            guard length > 0xFFFF else { throw .protocolError("payload length not minimally encoded") }
            headerLength = 10
        }
        if opcode.isControl {
            guard isFinal else { throw .protocolError("control frames must not be fragmented") }
            guard length <= 125 else { throw .protocolError("control frame payload over 125 bytes") }
        }
        guard length <= UInt64(maximumPayloadBytes) else {
            throw .tooLarge("frame of \(length) bytes over the limit of \(maximumPayloadBytes)")
        }
        let payloadLength = Int(length)
        guard available >= headerLength + 4 + payloadLength else { return nil }
        let keyStart = readIndex + headerLength
        let key = Array(buffer[keyStart..<(keyStart + 4)])
        let payloadStart = keyStart + 4
        var payload = Array(buffer[payloadStart..<(payloadStart + payloadLength)])
        for index in payload.indices { payload[index] ^= key[index & 3] }
        readIndex = payloadStart + payloadLength
        if readIndex > 64 * 1024 && readIndex * 2 > buffer.count {
            buffer.removeFirst(readIndex)
            readIndex = 0
        }
        return WebSocketFrame(isFinal: isFinal, opcode: opcode, payload: payload)
    }
}

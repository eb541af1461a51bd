import Foundation
import Glibc
import WebServer

/// A raw TCP client for the server tests: sends exactly the bytes a test gives and
/// reads what comes back, with a timeout so a test fails instead of hanging.
final class TestClient {
    let descriptor: Int32
    private var buffered: [UInt8] = []

    init?(port: UInt16) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { close(descriptor) }

    func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    func send(_ text: String) { send(Array(text.utf8)) }

    /// Everything until the server closes the connection (or 5 s pass).
    func readToEnd() -> [UInt8] {
        while let chunk = readChunk() { buffered += chunk }
        defer { buffered = [] }
        return buffered
    }

    /// The HTTP response head, through its blank line.
    func readHead() -> String? {
        while true {
            if let end = find([13, 10, 13, 10]) {
                let head = Array(buffered[..<(end + 4)])
                buffered.removeFirst(end + 4)
                return String(decoding: head, as: UTF8.self)
            }
            guard let chunk = readChunk() else { return nil }
            buffered += chunk
        }
    }

    /// One unmasked server frame.
    func readFrame() -> WebSocketFrame? {
        while true {
            if buffered.count >= 2 {
                let length = Int(buffered[1] & 0x7F)
                var header = 2
                var payloadLength = length
                if length == 126, buffered.count >= 4 {
                    payloadLength = Int(buffered[2]) << 8 | Int(buffered[3])
                    header = 4
                } else if length == 127, buffered.count >= 10 {
                    payloadLength = (2..<10).reduce(0) { $0 << 8 | Int(buffered[$1]) }
                    header = 10
                }
                if length < 126 || header > 2, buffered.count >= header + payloadLength {
                    let frame = WebSocketFrame(isFinal: buffered[0] & 0x80 != 0,
                                               opcode: WebSocketFrame.Opcode(rawValue: buffered[0] & 0x0F) ?? .binary,
                                               payload: Array(buffered[header..<(header + payloadLength)]))
                    buffered.removeFirst(header + payloadLength)
                    return frame
                }
            }
            guard let chunk = readChunk() else { return nil }
            buffered += chunk
        }
    }

    private func readChunk() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 65536, 0) }
        return count > 0 ? Array(chunk[0..<count]) : nil
    }

    private func find(_ needle: [UInt8]) -> Int? {
        guard buffered.count >= needle.count else { return nil }
        return (0...(buffered.count - needle.count)).first { Array(buffered[$0..<($0 + needle.count)]) == needle }
    }
}

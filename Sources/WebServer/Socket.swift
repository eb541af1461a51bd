import Glibc
import Synchronization

/// A connected TCP socket: blocking reads and whole writes, closed once.
/// Writes use MSG_NOSIGNAL so a peer that went away is an error, not a SIGPIPE.
final class Socket: Sendable {
    let descriptor: Int32
    /// Closing is idempotent behind the lock, so a reader and a writer thread may race to close.
    private let isClosed = Mutex(false)

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close() }

    /// Up to `maximum` bytes; nil at the end of input, on an error or a timeout.
    func read(maximum: Int = 64 * 1024) -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, maximum, 0) }
            if count > 0 { return Array(buffer[0..<count]) }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Writes all of `bytes`; false when the peer is gone.
    @discardableResult
    func write(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                Glibc.send(descriptor, raw.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// A read that waits longer than `seconds` fails (0: wait for ever).
    func setReadTimeout(seconds: Int) {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        _ = setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    /// Ends both directions, waking a thread blocked in `read`, without releasing
    /// the descriptor (that is `close`'s job, so it is never reused under a reader).
    func shutdown() {
        isClosed.withLock { closed in
            if !closed { _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR)) }
        }
    }

    func close() {
        isClosed.withLock { closed in
            if !closed {
                closed = true
                _ = Glibc.close(descriptor)
            }
        }
    }
}

/// A listening socket on 127.0.0.1 only.
final class LoopbackListener: Sendable {
    let descriptor: Int32
    let port: UInt16

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    init(port: UInt16) throws(Failure) {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "cannot create a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian   // 127.0.0.1, never 0.0.0.0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let message = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw Failure(description: "cannot listen on 127.0.0.1:\(port): \(message)")
        }
        guard listen(descriptor, 64) == 0 else {
            let message = String(cString: strerror(errno))
            Glibc.close(descriptor)
            throw Failure(description: "cannot listen on 127.0.0.1:\(port): \(message)")
        }
        var boundAddress = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &boundAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        self.descriptor = descriptor
        self.port = UInt16(bigEndian: boundAddress.sin_port)
    }

    /// The next connection; nil once the listener is closed.
    func accept() -> Socket? {
        while true {
            let client = Glibc.accept(descriptor, nil, nil)
            if client >= 0 {
                _ = fcntl(client, F_SETFD, FD_CLOEXEC)
                // A peer that stops reading cannot hold a writer (and its lock) for ever.
                var timeout = timeval(tv_sec: 30, tv_usec: 0)
                _ = setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
                return Socket(descriptor: client)
            }
            switch errno {
            case EINTR, ECONNABORTED, EMFILE, ENFILE, ENOBUFS, ENOMEM:
                if errno != EINTR && errno != ECONNABORTED { usleep(100_000) }
                continue
            default:
                return nil
            }
        }
    }

    func close() {
        _ = Glibc.shutdown(descriptor, Int32(SHUT_RDWR))
        _ = Glibc.close(descriptor)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one corpus file as text, safely: never through a symbolic link (the walk
/// skipped links, and a file swapped for one since must not lead the server outside
/// its folders), only a regular file, and never more than a size limit, however
/// much the file grew since it was listed.
public enum CorpusFileReader {
    public enum Outcome: Equatable, Sendable {
        case text(String, wasUTF8: Bool)
        case binary
        case tooLarge(bytes: Int)
        case unreadable
    }

    /// No written question is this long.
    public static let maximumSize = 4 * 1024 * 1024

    public static func read(_ path: String, maximumSize: Int = maximumSize) -> Outcome {
        read(pathBytes: Array(path.utf8), maximumSize: maximumSize)
    }

    /// A listed file, by its path's bytes (its name need not be UTF-8).
    public static func read(_ entry: CorpusFiles.Entry, maximumSize: Int = maximumSize) -> Outcome {
        read(pathBytes: entry.pathBytes, maximumSize: maximumSize)
    }

    static func read(pathBytes: [UInt8], maximumSize: Int) -> Outcome {
        var status: stat?
        switch readFile(pathBytes: pathBytes, maximumSize: maximumSize, status: &status) {
        case .bytes(let bytes): return decoded(bytes)
        case .other(let outcome): return outcome
        }
    }

    /// A file's bytes as text (UTF-8, else Windows-1252), or binary.
    private static func decoded(_ bytes: [UInt8]) -> Outcome {
        switch TextDecoding.decode(bytes) {
        case .utf8(let text): return .text(text, wasUTF8: true)
        case .windows1252(let text): return .text(text, wasUTF8: false)
        case .binary: return .binary
        }
    }

    /// A listed file as the index reads it: valid UTF-8 as its bytes (no byte-order
    /// mark), with no `String` made of them only to be turned back into bytes for the
    /// parse (a copy, a validation and an allocation per file of a 100,000-file build).
    enum IndexOutcome {
        case utf8([UInt8])
        case other(Outcome)
    }

    /// `status`: the file's status as the read found it, when it could be opened.
    static func readForIndex(_ entry: CorpusFiles.Entry, maximumSize: Int = maximumSize,
                             status: inout stat?) -> IndexOutcome {
        readForIndex(pathBytes: entry.pathBytes, maximumSize: maximumSize, status: &status)
    }

    private static func readForIndex(pathBytes: [UInt8], maximumSize: Int, status: inout stat?) -> IndexOutcome {
        switch readFile(pathBytes: pathBytes, maximumSize: maximumSize, status: &status) {
        case .bytes(let bytes):
            if let body = TextDecoding.utf8Body(bytes) { return .utf8(body) }
            return .other(decoded(bytes))
        case .other(let outcome):
            return .other(outcome)
        }
    }

    private enum RawRead {
        case bytes([UInt8])
        case other(Outcome)
    }

    private static func readFile(pathBytes: [UInt8], maximumSize: Int, status found: inout stat?) -> RawRead {
        // Non-blocking, so a FIFO planted in a folder cannot hang the open; it is refused below.
        let descriptor = CorpusFiles.withCString(pathBytes) { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) }
        guard descriptor >= 0 else { return .other(.unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .other(.unreadable) }
        found = status
        guard status.st_mode & S_IFMT == S_IFREG else { return .other(.unreadable) }
        guard Int(status.st_size) <= maximumSize else { return .other(.tooLarge(bytes: Int(status.st_size))) }
        // Read straight into the result, sized for the file plus one byte: a file that
        // grew since the stat shows as a full buffer, and grows it up to the limit.
        var bytes = [UInt8](repeating: 0, count: min(Int(status.st_size), maximumSize) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= maximumSize else { return .other(.tooLarge(bytes: count)) }
                bytes.append(contentsOf: repeatElement(0, count: min(count, maximumSize + 1 - count)))
            }
            let read = bytes.withUnsafeMutableBytes { readBytes(descriptor, UnsafeMutableRawBufferPointer(rebasing: $0[count...])) }
            if read < 0 && errno == EINTR { continue }
            guard read >= 0 else { return .other(.unreadable) }
            if read == 0 { break }
            count += read
        }
        bytes.removeSubrange(count...)
        return .bytes(bytes)
    }

    /// The file's text, or nil when it cannot be read as text.
    public static func text(_ path: String) -> String? {
        if case .text(let text, _) = read(path) { return text }
        return nil
    }

    /// The UTF-8 of `text(path)`: a UTF-8 file's own bytes, with no `String` made of
    /// them only to be turned back into bytes for a parse.
    static func textBytes(_ path: String) -> [UInt8]? {
        var status: stat?
        switch readForIndex(pathBytes: Array(path.utf8), maximumSize: maximumSize, status: &status) {
        case .utf8(let bytes): return bytes
        case .other(.text(let text, _)): return Array(text.utf8)
        case .other: return nil
        }
    }
}

/// `read(2)`, outside the enum, whose own `read` would hide it.
private func readBytes(_ descriptor: Int32, _ buffer: UnsafeMutableRawBufferPointer) -> Int {
    read(descriptor, buffer.baseAddress, buffer.count)
}

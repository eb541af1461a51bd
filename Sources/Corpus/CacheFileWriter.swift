#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes one cache file safely: into a temporary file created anew (never through
/// a link planted at its name), renamed into place at the end. A crash mid-write
/// never leaves a half file under the real name, and a process that still maps the
/// old cache keeps its contents: the old file is replaced, not rewritten.
final class CacheFileWriter {
    struct Failure: Error, CustomStringConvertible {
        let path: String
        let code: Int32
        var description: String { "cannot write \(path): \(String(cString: strerror(code)))" }
    }

    let destination: String
    private let temporary: String
    private let descriptor: Int32
    /// The first write error; reported by `commit`.
    private var error: Int32?
    private var closed = false

    init(destination: String, processID: Int32) throws {
        self.destination = destination
        temporary = destination + ".tmp-\(processID)"
        unlink(temporary) // a leftover of a crashed process with the same id, or a planted link
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(path: temporary, code: errno) }
    }

    deinit {
        // Abandoned before `commit`: leave nothing behind.
        if !closed {
            close(descriptor)
            unlink(temporary)
        }
    }

    /// Appends bytes; a failure is remembered and reported by `commit`.
    func append(_ bytes: UnsafeRawBufferPointer) {
        guard error == nil, var address = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let count = write(descriptor, address, left)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                error = count < 0 ? errno : EIO
                return
            }
            address += count
            left -= count
        }
    }

    /// Overwrites bytes already written (a checksum known only at the end).
    func patch(_ bytes: [UInt8], at offset: Int) {
        guard error == nil else { return }
        let count = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(offset)) }
        if count != bytes.count { error = count < 0 ? errno : EIO }
    }

    /// Closes the file and renames it into place, or removes it and throws.
    func commit() throws {
        closed = true
        if close(descriptor) != 0, error == nil { error = errno }
        if error == nil, rename(temporary, destination) != 0 { error = errno }
        if let error {
            unlink(temporary)
            throw Failure(path: destination, code: error)
        }
    }
}

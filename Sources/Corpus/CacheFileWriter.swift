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
        var reason: String { String(cString: strerror(code)) }
        var description: String { "cannot write \(path): \(reason)" }
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
        // 0600: the cache holds excerpts of the corpus, which may be private.
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(path: temporary, code: errno) }
    }

    /// Creates `path` and missing parents, 0700 (the cache holds excerpts of the
    /// corpus); a folder that exists is left as it is.
    static func createFolder(_ path: String) throws(Failure) {
        if mkdir(path, 0o700) == 0 { return }
        var code = errno
        if code == ENOENT, let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try createFolder(String(path[..<slash]))
            if mkdir(path, 0o700) == 0 { return }
            code = errno
        }
        var status = stat()
        if code == EEXIST, stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR { return }
        throw Failure(path: path, code: code == EEXIST ? ENOTDIR : code)
    }

    /// Removes `index-*.bin.tmp-PID` files that interrupted writes left (an editor
    /// closed during the first indexing): those of processes that are gone, and any
    /// older than a day (the id may have been reused). Our own are left to us.
    static func removeStaleTemporaries(in folder: String, now: time_t = time(nil)) {
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        let own = getpid()
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw -> String in
                let bytes = raw.bindMemory(to: UInt8.self)
                return String(decoding: bytes[..<(bytes.firstIndex(of: 0) ?? bytes.count)], as: UTF8.self)
            }
            guard name.hasPrefix("index-"), let marker = name.range(of: ".bin.tmp-"),
                  let pid = Int32(name[marker.upperBound...]), pid > 0, pid != own else { continue }
            var status = stat()
            guard fstatat(dirfd(directory), name, &status, AT_SYMLINK_NOFOLLOW) == 0 else { continue }
            let gone = kill(pid, 0) != 0 && errno == ESRCH
            #if canImport(Darwin)
            let modified = status.st_mtimespec.tv_sec
            #else
            let modified = status.st_mtim.tv_sec
            #endif
            if gone || now - modified > 24 * 3600 { unlinkat(dirfd(directory), name, 0) }
        }
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
        guard error == nil else { return }
        error = Self.writeAll(descriptor, bytes)
    }

    /// Writes all of `bytes` to `descriptor` (again after a short write or a signal);
    /// nil when done, else the error code.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var address = bytes.baseAddress else { return nil }
        var left = bytes.count
        while left > 0 {
            let count = write(descriptor, address, left)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return count < 0 ? errno : EIO }
            address += count
            left -= count
        }
        return nil
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

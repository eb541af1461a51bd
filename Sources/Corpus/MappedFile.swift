#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file's bytes in memory, read-only, released when the last column that points
/// into them is gone.
///
/// On Linux the file is mapped straight from the page cache under a read lease
/// (`FileLeases`): nothing is copied, and a truncation waits until the mapping has
/// become a private copy. Where no lease can be had, the bytes are read into an
/// anonymous mapping (whole pages, aligned for the columns) made read-only. Either
/// way a cache that changes on disk changes nothing here: a plain mapping of a file
/// that someone truncates kills the process with SIGBUS at the next read of a lost
/// page, and the cache folder is the user's to touch.
///
/// Opening is careful too: without following a link, without blocking (a FIFO at
/// the path is refused, not waited on), regular files only, and the caller checks
/// the first bytes and the size before the rest is read, so an 8 GB sparse file
/// that is no cache costs nothing.
final class MappedFile: Sendable {
    /// Unchecked: the memory is read-only and stays mapped until `deinit`.
    private struct Region: @unchecked Sendable { let bytes: UnsafeRawBufferPointer }
    private let region: Region
    #if os(Linux)
    /// The read lease that keeps a mapping of the file itself safe; nil for a copy.
    private let lease: FileLeases.Mapping?
    #endif

    var bytes: UnsafeRawBufferPointer { region.bytes }

    enum Failure: Error, Equatable {
        case missing
        case notRegularFile
        case empty
        case tooLarge(Int)
        /// The first bytes say it is not what the caller reads.
        case wrongHeader
        case unreadable(Int32)
    }

    /// Reads the file at `path`. `header` gets the first `headerLength` bytes (fewer
    /// when the file is shorter) and says whether to read on.
    init(path: String, maximumSize: Int, headerLength: Int = 0,
         header: (UnsafeRawBufferPointer) -> Bool = { _ in true }) throws(Failure) {
        // Not through a symbolic link: the cache folder is the only place read.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw .missing
            case ELOOP: throw .notRegularFile // a symbolic link
            case let code: throw .unreadable(code)
            }
        }
        var keepsDescriptor = false
        defer { if !keepsDescriptor { close(descriptor) } }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(errno) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegularFile }
        guard status.st_size > 0, let size = Int(exactly: status.st_size) else { throw .empty }
        guard size <= maximumSize else { throw .tooLarge(size) }
        var first = [UInt8](repeating: 0, count: min(headerLength, size))
        let headerRead = first.withUnsafeMutableBytes { Self.readFully(descriptor, into: $0, at: 0) }
        guard headerRead == first.count else { throw .unreadable(headerRead < 0 ? errno : EIO) }
        guard first.withUnsafeBytes(header) else { throw .wrongHeader }

        #if os(Linux)
        if let (bytes, lease) = FileLeases.shared.map(descriptor, size: size) {
            keepsDescriptor = true // the lease's until it is released
            region = Region(bytes: bytes)
            self.lease = lease
            return
        }
        lease = nil
        #endif

        guard let address = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              address != MAP_FAILED else { throw .unreadable(errno) }
        #if os(Linux)
        // Huge pages where the kernel has them for the asking: 261 MB in 4 KB pages is
        // 64,000 page faults while the file is copied in, most of a reopen's time.
        _ = madvise(address, size, MADV_HUGEPAGE)
        #endif
        let memory = UnsafeMutableRawBufferPointer(start: address, count: size)
        let count = Self.readFully(descriptor, into: memory, at: 0)
        // A file that shrank while it was read is not the file that was checked.
        guard count == size else {
            munmap(address, size)
            throw .unreadable(count < 0 ? errno : EIO)
        }
        mprotect(address, size, PROT_READ)
        region = Region(bytes: UnsafeRawBufferPointer(memory))
    }

    deinit {
        #if os(Linux)
        if let lease { FileLeases.shared.release(lease) }
        #endif
        munmap(UnsafeMutableRawPointer(mutating: region.bytes.baseAddress), region.bytes.count)
    }

    /// `pread` until `buffer` is full or the file ends; the bytes read, or -1.
    private static func readFully(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var done = 0
        while done < buffer.count {
            let count = pread(descriptor, base + done, buffer.count - done, off_t(offset + done))
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return -1 }
            if count == 0 { break }
            done += count
        }
        return done
    }
}

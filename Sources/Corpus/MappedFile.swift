#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file mapped read-only into memory, unmapped when the last column that points
/// into it is gone.
///
/// Why a mapping and not a read: the index cache of a 100,000-question corpus is
/// some 200 MB, and reading it means copying every byte into fresh pages, which
/// takes most of the time a reopen may take. A mapping shares the kernel's page
/// cache. The cache file is only ever replaced by a rename, never rewritten in
/// place, so a mapped file keeps its contents for as long as it is mapped.
final class MappedFile: Sendable {
    /// Unchecked: the memory is read-only and stays mapped until `deinit`.
    private struct Region: @unchecked Sendable { let bytes: UnsafeRawBufferPointer }
    private let region: Region

    var bytes: UnsafeRawBufferPointer { region.bytes }

    /// nil when the file cannot be opened, is not a regular file, is empty, or cannot be mapped.
    init?(path: String) {
        // Not through a symbolic link: the cache folder is the only place read.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size > 0,
              let size = Int(exactly: status.st_size) else { return nil }
        #if os(Linux)
        // Mapped up front: one kernel call instead of a page fault per 4 KB read.
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, descriptor, 0), address != MAP_FAILED else { return nil }
        region = Region(bytes: UnsafeRawBufferPointer(start: address, count: size))
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: region.bytes.baseAddress), region.bytes.count)
    }
}

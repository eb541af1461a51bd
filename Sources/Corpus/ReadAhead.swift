#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks the kernel to read corpus files into the page cache before they are parsed
/// (`posix_fadvise(WILLNEED)`): the disk gets many reads at once instead of one per
/// parsing worker. Only the read-ahead: nothing is read into memory here.
enum ReadAhead {
    /// A file read (open, read, close) slower than this on average came from the
    /// disk; from the page cache it takes a few microseconds.
    static let coldRead = Duration.microseconds(50)

    static func files(_ inputs: ArraySlice<CorpusLoader.Input>) {
        for case .file(let entry) in inputs {
            // As the reader opens it: never through a link, never blocking on a FIFO.
            let descriptor = CorpusFiles.withCString(entry.pathBytes) {
                open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            }
            guard descriptor >= 0 else { continue }
            #if canImport(Glibc)
            _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED)
            #endif
            close(descriptor)
        }
    }
}

#if canImport(Glibc)
import Glibc
#endif

/// Gives the memory a build has freed back to the system. glibc's allocator keeps
/// freed blocks for reuse: after an index build (hundreds of megabytes of
/// temporary postings and parse results) the server would keep that much resident
/// for nothing. `malloc_trim` is not in Swift's Glibc module, so it is looked up.
enum FreedMemory {
    static func release() {
        #if canImport(Glibc)
        typealias Trim = @convention(c) (Int) -> Int32
        // RTLD_DEFAULT: the symbol wherever it is loaded (it is in libc).
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return }
        _ = unsafeBitCast(symbol, to: Trim.self)(0)
        #endif
    }
}

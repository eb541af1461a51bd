#if os(Linux)
import Foundation
import Glibc
import Synchronization

/// Maps files straight from the page cache, read-only, and keeps them safe from a
/// truncation with a read lease.
///
/// Why: a warm start maps a 266 MB index cache. Copying it into memory of our own
/// costs more than all the rest of the reading (the kernel zeroes each fresh page
/// before the copy fills it); a mapping of the page cache costs nothing. But a mapped
/// file that someone truncates kills the process with SIGBUS at the next read of a
/// lost page, and the cache folder is the user's to touch.
///
/// A read lease (`F_SETLEASE`) closes that gap: before any other process, or this
/// one, can open the file for writing or truncate it, the kernel tells us with a
/// signal and holds the writer back until we give the lease up (or for
/// `/proc/sys/fs/lease-break-time`). On that signal the keeper thread replaces the
/// mapping, in place and in one step (`MAP_FIXED`), by a private copy of the same
/// bytes, and then gives the lease up. Readers see the same bytes before and after.
///
/// Process-wide by nature: a signal handler belongs to the process, so there is one
/// keeper (`shared`) for every mapped file. Where no lease can be had (another
/// filesystem, leases disabled, the file open for writing elsewhere) `map` answers
/// nil and the caller copies the file instead.
final class FileLeases: Sendable {
    static let shared = FileLeases()

    /// A mapped file under lease. Plain values: the address is only used under `leases`' lock.
    private struct Lease: Sendable {
        let token: UInt64
        let address: UInt
        let size: Int
    }

    /// What `map` hands out: release it with `release` before unmapping.
    struct Mapping: Sendable {
        let descriptor: Int32
        let token: UInt64
    }

    /// By descriptor: what the signal names.
    private let leases = Mutex<(next: UInt64, byDescriptor: [Int32: Lease])>((1, [:]))
    private let isAvailable: Bool

    private init() {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            isAvailable = false
            return
        }
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        // Someone else's SIGIO handler is not taken over: then no leases, and copies.
        var previous = sigaction()
        guard sigaction(SIGIO, nil, &previous) == 0, previous.__sigaction_handler.sa_handler == nil else {
            close(ends[0])
            close(ends[1])
            isAvailable = false
            return
        }
        leaseBreakPipe = ends[1]
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = leaseBroken
        // Restart what the signal interrupts: it may land on any thread.
        action.sa_flags = SA_SIGINFO | SA_RESTART
        sigemptyset(&action.sa_mask)
        guard sigaction(SIGIO, &action, nil) == 0 else {
            isAvailable = false
            return
        }
        isAvailable = true
        let readEnd = ends[0]
        let thread = Thread { [unowned self] in keep(readingFrom: readEnd) }
        thread.name = "vraagbaak-file-leases"
        thread.start()
    }

    /// `size` bytes of the open regular file `descriptor`, mapped read-only under a read
    /// lease; nil when no lease can be had. The descriptor then belongs to the lease
    /// until `release`.
    func map(_ descriptor: Int32, size: Int) -> (UnsafeRawBufferPointer, Mapping)? {
        guard isAvailable, size > 0 else { return nil }
        // Under the lock, so a break that comes at once waits for the registration.
        return leases.withLock { leases in
            guard fcntl(descriptor, Self.setSignal, SIGIO) == 0,
                  fcntl(descriptor, Self.setLease, Int32(F_RDLCK)) == 0 else { return nil }
            // The lease makes the calling thread the one told, and a thread that has
            // ended hears nothing: the process is told instead. A break that came
            // before this line went unheard: then the lease is broken already.
            var status = stat()
            guard fcntl(descriptor, F_SETOWN, getpid()) == 0,
                  fcntl(descriptor, Self.getLease) == Int32(F_RDLCK),
                  // The file may have changed before the lease was had: checked again under it.
                  fstat(descriptor, &status) == 0, status.st_size == size,
                  let address = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, descriptor, 0),
                  address != MAP_FAILED else {
                _ = fcntl(descriptor, Self.setLease, Int32(F_UNLCK))
                return nil
            }
            let token = leases.next
            leases.next += 1
            leases.byDescriptor[descriptor] = Lease(token: token, address: UInt(bitPattern: address), size: size)
            return (UnsafeRawBufferPointer(start: address, count: size), Mapping(descriptor: descriptor, token: token))
        }
    }

    /// Gives the lease up and closes the descriptor; the caller unmaps afterwards.
    func release(_ mapping: Mapping) {
        leases.withLock { leases in
            // A lease already broken was released, and its descriptor closed, by the keeper:
            // the number may now be another file's.
            guard leases.byDescriptor[mapping.descriptor]?.token == mapping.token else { return }
            leases.byDescriptor[mapping.descriptor] = nil
            _ = fcntl(mapping.descriptor, Self.setLease, Int32(F_UNLCK))
            close(mapping.descriptor)
        }
    }

    /// The keeper thread: for each broken lease, the mapping becomes a private copy,
    /// then the lease is given up so the writer can go on.
    private func keep(readingFrom readEnd: Int32) {
        var descriptor: Int32 = -1
        while true {
            let count = withUnsafeMutableBytes(of: &descriptor) { read(readEnd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count == MemoryLayout<Int32>.size else { return }
            let broken = descriptor
            leases.withLock { leases in
                guard let lease = leases.byDescriptor[broken] else { return }
                leases.byDescriptor[broken] = nil
                Self.replaceWithCopy(lease)
                _ = fcntl(broken, Self.setLease, Int32(F_UNLCK))
                close(broken)
            }
        }
    }

    /// Maps a private copy of the lease's bytes over its mapping: a shared memory object
    /// nobody else can reach (unlinked at once), mapped at the same address with
    /// `MAP_FIXED`, which replaces the old pages in one step for every thread.
    private static func replaceWithCopy(_ lease: Lease) {
        guard let old = UnsafeRawPointer(bitPattern: lease.address) else { return }
        let name = "/vraagbaak-cache-\(getpid())-\(lease.token)"
        var copy = shm_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if copy >= 0 {
            shm_unlink(name)
        } else {
            // No /dev/shm: an unlinked temporary file does the same.
            var template = Array((NSTemporaryDirectory() + "/vraagbaak-cache-XXXXXX").utf8CString)
            copy = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard copy >= 0 else { return }
            template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        }
        defer { close(copy) }
        guard CacheFileWriter.writeAll(copy, UnsafeRawBufferPointer(start: old, count: lease.size)) == nil else { return }
        _ = mmap(UnsafeMutableRawPointer(mutating: old), lease.size, PROT_READ, MAP_SHARED | MAP_FIXED, copy, 0)
    }

    /// Linux's `fcntl` commands for leases; Glibc's Swift module leaves these GNU ones out.
    private static let setLease: Int32 = 1024 // F_SETLEASE
    private static let getLease: Int32 = 1025 // F_GETLEASE
    private static let setSignal: Int32 = 10 // F_SETSIG: the signal carries the descriptor
}

/// The write end of the keeper's pipe. A signal handler can reach globals only, and may
/// only make async-signal-safe calls such as `write`; set once, before the handler is.
nonisolated(unsafe) private var leaseBreakPipe: Int32 = -1

/// SIGIO: a lease is being broken; the keeper thread is told which descriptor.
private func leaseBroken(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
    guard var descriptor = info?.pointee._sifields._sigpoll.si_fd else { return }
    let saved = errno
    _ = withUnsafeBytes(of: &descriptor) { write(leaseBreakPipe, $0.baseAddress, $0.count) }
    errno = saved
}
#endif

import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The embedded seeds as files, so that navigation (go to definition, document links,
/// workspace symbols, references) has somewhere to go with the default corpus: any
/// client opens a `file:` URI without extra code.
///
/// On first use each seed is written read-only (0400) under its own name into
/// `<cache folder>/seeds/` (0700), through a fresh temporary file renamed into place.
/// A file already there is reused only when it is a regular file of ours, not
/// writable, and holds exactly the embedded bytes; otherwise it is replaced.
public final class SeedFiles: Sendable {
    /// The seeds' paths by name, per cache folder, once written or checked.
    private let written = Mutex<[String: [String: String]]>([:])

    public init() {}

    /// The file of the embedded seed `name` in the `seeds` subfolder of `cacheFolder`
    /// (the index cache's folder), written (or checked) on first use; nil when the
    /// seeds cannot be written there. Safe to call from any thread.
    public func path(ofSeed name: String, cacheFolder: URL) -> String? {
        let folder = cacheFolder.appendingPathComponent("seeds")
        return written.withLock { written in
            // Checked at every use (a few kilobytes): a copy changed since is written again.
            if let path = written[folder.path]?[name], let bytes = Self.bytes(ofSeed: name), Self.holds(path, exactly: bytes) {
                return path
            }
            written[folder.path] = try? Self.materialise(in: folder)
            return written[folder.path]?[name]
        }
    }

    public struct Failure: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    static func bytes(ofSeed name: String) -> [UInt8]? {
        EmbeddedSeeds.encoded.first { $0.name == name }.flatMap { Data(base64Encoded: $0.base64) }.map { [UInt8]($0) }
    }

    /// Writes every seed into `folder` unless an identical read-only copy is there;
    /// returns the path of each seed by name.
    static func materialise(in folder: URL) throws -> [String: String] {
        try makePrivateFolder(folder)
        var paths: [String: String] = [:]
        for (name, base64) in EmbeddedSeeds.encoded {
            guard let data = Data(base64Encoded: base64), !name.contains("/") else { continue }
            let path = folder.appendingPathComponent(name).path
            let bytes = [UInt8](data)
            if !holds(path, exactly: bytes) { try writeReadOnly(bytes, to: path) }
            paths[name] = path
        }
        return paths
    }

    /// The folder and its parents, created 0700; the folder itself must be a real
    /// folder owned by us (not a link planted at its name).
    private static func makePrivateFolder(_ folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        var status = stat()
        guard lstat(folder.path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR, status.st_uid == getuid() else {
            throw Failure(path: folder.path, reason: "not a folder of ours")
        }
        if status.st_mode & 0o077 != 0 { chmod(folder.path, 0o700) }
    }

    /// Whether `path` is a regular, non-writable file of ours with exactly `bytes`.
    static func holds(_ path: String, exactly bytes: [UInt8]) -> Bool {
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_uid == getuid(),
              status.st_mode & 0o222 == 0, Int(status.st_size) == bytes.count else { return false }
        var found = [UInt8](repeating: 0, count: bytes.count + 1)
        var count = 0
        while count < found.count {
            let read = found.withUnsafeMutableBytes { buffer -> Int in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { break }
            count += read
        }
        return count == bytes.count && found.prefix(count).elementsEqual(bytes)
    }

    /// A fresh temporary file (never through a link), read-only, renamed into place.
    static func writeReadOnly(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".tmp-\(getpid())"
        unlink(temporary)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o400)
        guard descriptor >= 0 else { throw Failure(path: temporary, reason: String(cString: strerror(errno))) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer -> Int in systemWrite(descriptor, buffer.baseAddress! + written, bytes.count - written) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            written += count
        }
        let closed = close(descriptor) == 0
        guard written == bytes.count, closed, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw Failure(path: path, reason: reason)
        }
    }
}

/// `read(2)` and `write(2)`, outside the class, whose own names would hide them.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

import Foundation
import Glibc
import Synchronization
import WebServer

/// The drafts of one folder as the page sees them: `*.vraag` files directly in it,
/// read with a version (the SHA-1 of the bytes) and written only over the version the
/// writer last saw, so two tabs (or a tab and another program) never overwrite each
/// other silently. Every write is atomic: a temporary file in the same folder,
/// flushed, then renamed over the draft.
public final class DraftFolder: Sendable {
    public let path: String
    /// Writes are checked and done one at a time, so a version check and the rename
    /// that follows it cannot interleave with another writer in this process.
    private let writing = Mutex(())

    public struct Draft: Codable, Equatable, Sendable {
        public var name: String
        public var version: String
        public var text: String
    }

    public struct Entry: Codable, Equatable, Sendable {
        public var name: String
        public var bytes: Int
    }

    public enum Failure: Error, Equatable {
        case invalidName
        case notFound
        case notUTF8
        case exists
        /// The draft changed since `expected` was read; `current` is what it holds now.
        case conflict(current: Draft)
        case io(String)
    }

    public static let fileExtension = ".vraag"
    static let maximumBytes = 4 * 1024 * 1024

    /// Nil when `path` is not a folder.
    public init?(path: String) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
              let files = StaticFiles(root: path) else { return nil }
        self.path = files.root
    }

    /// A draft's name: a plain file name ending in `.vraag`, no hidden files, no
    /// folders, no control characters.
    public static func isValidName(_ name: String) -> Bool {
        name.hasSuffix(fileExtension) && name.count > fileExtension.count && name.utf8.count <= 200
            && StaticFiles.isPlainSegment(name) && !name.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    public func list() -> [Entry] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
        return names.filter(Self.isValidName).sorted { $0.localizedStandardCompare($1) == .orderedAscending }.compactMap { name in
            guard let file = resolve(name) else { return nil }
            var info = stat()
            guard stat(file, &info) == 0 else { return nil }
            return Entry(name: name, bytes: Int(info.st_size))
        }
    }

    public func read(_ name: String) throws(Failure) -> Draft {
        guard Self.isValidName(name) else { throw .invalidName }
        guard let file = resolve(name) else { throw .notFound }
        guard let data = FileManager.default.contents(atPath: file), data.count <= Self.maximumBytes else { throw .notFound }
        guard let text = String(validating: Array(data), as: UTF8.self) else { throw .notUTF8 }
        return Draft(name: name, version: SHA1.hexDigest(Array(data)), text: text)
    }

    /// Replaces the draft's text if it still is at `expectedVersion`; returns the new version.
    public func write(_ name: String, text: String, expectedVersion: String) throws(Failure) -> String {
        guard Self.isValidName(name) else { throw .invalidName }
        let bytes = Array(text.utf8)
        return try writing.withLock { _ throws(Failure) -> String in
            let current = try read(name)
            guard current.version == expectedVersion else { throw .conflict(current: current) }
            guard let file = resolve(name) else { throw .notFound }
            try Self.replaceAtomically(file, with: bytes, inFolder: path)
            return SHA1.hexDigest(bytes)
        }
    }

    /// Creates a new draft; fails with `.exists` rather than replace one.
    public func create(_ name: String, text: String) throws(Failure) -> Draft {
        guard Self.isValidName(name) else { throw .invalidName }
        let bytes = Array(text.utf8)
        try writing.withLock { _ throws(Failure) in
            let temporary = try Self.writeTemporary(bytes, inFolder: path, mode: 0o644)
            defer { unlink(temporary) }
            // link() refuses to replace an existing name: no check-then-create race.
            guard link(temporary, path + "/" + name) == 0 else {
                throw errno == EEXIST ? .exists : .io(String(cString: strerror(errno)))
            }
        }
        return Draft(name: name, version: SHA1.hexDigest(bytes), text: text)
    }

    /// The draft's path if it is a regular file inside the folder (a symbolic link
    /// that leads out of it is not a draft of this folder).
    private func resolve(_ name: String) -> String? {
        StaticFiles(root: path)?.resolve([name])
    }

    private static func replaceAtomically(_ file: String, with bytes: [UInt8], inFolder folder: String) throws(Failure) {
        var info = stat()
        let mode = stat(file, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let temporary = try writeTemporary(bytes, inFolder: (file as NSString).deletingLastPathComponent, mode: mode)
        guard rename(temporary, file) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw .io("cannot replace \(file): \(message)")
        }
        syncFolder(folder)
    }

    /// A hidden temporary file in `folder` holding `bytes`, flushed to disk.
    private static func writeTemporary(_ bytes: [UInt8], inFolder folder: String, mode: mode_t) throws(Failure) -> String {
        var template = Array((folder + "/.vraagbaak-web-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .io("cannot create a temporary file in \(folder): \(String(cString: strerror(errno)))") }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var offset = 0
        var failed = false
        while offset < bytes.count && !failed {
            let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + offset, bytes.count - offset) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { failed = true } else { offset += count }
        }
        let synced = !failed && fchmod(descriptor, mode) == 0 && fsync(descriptor) == 0
        let message = String(cString: strerror(errno))
        close(descriptor)
        guard synced else {
            unlink(temporary)
            throw .io("cannot write \(temporary): \(message)")
        }
        return temporary
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if descriptor >= 0 {
            fsync(descriptor)
            close(descriptor)
        }
    }
}

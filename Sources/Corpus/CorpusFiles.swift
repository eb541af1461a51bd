import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the corpus files under a folder: recursively, regular files with a corpus
/// extension, symbolic links not followed (a link must not lead the server out of
/// the folders it was given), hidden files skipped, in a stable order.
///
/// Walks with `opendir`/`readdir`/`lstat` directly: listing and checking 100,000
/// files is on the path of reopening a corpus from its cache, and Foundation's
/// enumerator with resource values is several times slower.
public enum CorpusFiles {
    public static let extensions: Set<String> = ["txt", "vraag"]

    public struct Entry: Hashable, Sendable {
        /// The path to show; a name that is not UTF-8 shows U+FFFD for its bad bytes.
        public let path: String
        /// The path's bytes when they are not valid UTF-8 (a Latin-1 name): what the
        /// file is opened by. Nil for the usual UTF-8 path.
        public let rawPath: [UInt8]?
        public let size: Int
        /// Modification time in whole milliseconds, to compare with a cache.
        public let modified: Int64
        /// Status-change time in whole milliseconds: `chmod` moves it, not `modified`.
        public let changed: Int64
        public let inode: UInt64

        /// The bytes the file is opened by.
        public var pathBytes: [UInt8] { rawPath ?? Array(path.utf8) }

        /// Listed without a `stat` (`size` -1, times and inode 0): a load with no
        /// cache to check the files against takes them from the reads' own `fstat`.
        public var isUnstated: Bool { size < 0 }

        /// The same file with the status a read found.
        func with(_ status: stat) -> Entry {
            let (modified, changed) = CorpusFiles.times(status)
            return Entry(path: path, rawPath: rawPath, size: Int(status.st_size), modified: modified,
                         changed: changed, inode: UInt64(status.st_ino))
        }
    }

    /// `stated`: false lists corpus files by their folder entries alone, without a
    /// `stat` each (a third of a 100,000-file listing's time), where the file system
    /// gives the entries' types; their status comes from the reads (`Entry.isUnstated`).
    /// An exclusion needs the inodes, so it always stats.
    public static func list(_ folder: String, warnings: inout [LoadWarning], excluding exclusion: FileExclusion = .none,
                            stated: Bool = true) -> [Entry] {
        let entries = list(folder, warnings: &warnings, stated: stated || !exclusion.isEmpty)
        return exclusion.isEmpty ? entries : entries.filter { !exclusion.excludes($0) }
    }

    private static func list(_ folder: String, warnings: inout [LoadWarning], stated: Bool) -> [Entry] {
        var status = stat()
        guard lstat(folder, &status) == 0 else {
            warnings.append(LoadWarning(path: folder, kind: .missingFolder, message: "corpus folder does not exist"))
            return []
        }
        if status.st_mode & S_IFMT == S_IFREG {
            return hasCorpusExtension(Array(folder.utf8)) ? [entry(Array(folder.utf8), status)] : []
        }
        // The configured folder itself may be a link the user chose; links inside are not followed.
        guard stat(folder, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else {
            warnings.append(LoadWarning(path: folder, kind: .unreadable, message: "corpus folder cannot be read"))
            return []
        }
        let root = Array((folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder).utf8)
        var entries: [Entry] = []
        var subfolders: [[UInt8]] = []
        scan(root, files: &entries, subfolders: &subfolders, warnings: &warnings, stated: stated)
        // Subtrees are walked in parallel (a stat per file is most of the cost of
        // checking a large corpus against its cache) and joined in order.
        let folders = subfolders
        let results = ListingSlots(count: folders.count)
        DispatchQueue.concurrentPerform(iterations: folders.count) { index in
            var found: [Entry] = []
            var problems: [LoadWarning] = []
            walk(folders[index], into: &found, warnings: &problems, stated: stated)
            results.set(index, (found, problems))
        }
        for (found, problems) in results.values() {
            entries += found
            warnings += problems
        }
        return entries
    }


    private static func walk(_ folder: [UInt8], into entries: inout [Entry], warnings: inout [LoadWarning], stated: Bool) {
        var subfolders: [[UInt8]] = []
        scan(folder, files: &entries, subfolders: &subfolders, warnings: &warnings, stated: stated)
        for subfolder in subfolders { walk(subfolder, into: &entries, warnings: &warnings, stated: stated) }
    }

    /// One folder's corpus files and subfolders, in byte order of their names.
    /// Paths are bytes, as the kernel has them: a folder whose name is not UTF-8
    /// (Latin-1, say) is walked like any other.
    private static func scan(_ folder: [UInt8], files entries: inout [Entry], subfolders: inout [[UInt8]],
                             warnings: inout [LoadWarning], stated: Bool) {
        guard let directory = withCString(folder, { opendir($0) }) else {
            warnings.append(LoadWarning(path: String(decoding: folder, as: UTF8.self), kind: .unreadable,
                                        message: "folder cannot be read"))
            return
        }
        defer { closedir(directory) }
        // Each entry is judged from its directory entry, in place, before anything is
        // copied: on the path of every warm start, 100,000 names must cost a stat each
        // and little more. The entry's type spares a stat for folders, links and files
        // that are not corpus files; only a corpus file needs one, for its size and time.
        var names: [[UInt8]] = []
        var statuses: [stat] = []
        var folders: [[UInt8]] = []
        while let item = readdir(directory) {
            let type = item.pointee.d_type
            withUnsafeBytes(of: item.pointee.d_name) { raw in
                let name = UnsafeRawBufferPointer(rebasing: raw[..<(raw.firstIndex(of: 0) ?? raw.count)])
                guard name.first != UInt8(ascii: ".") else { return } // ., .. and hidden files
                switch Int(type) {
                case Int(DT_DIR):
                    folders.append(Array(name))
                    return
                case Int(DT_REG):
                    guard hasCorpusExtension(name) else { return }
                    if !stated {
                        names.append(Array(name))
                        var unstated = stat()
                        unstated.st_size = -1
                        statuses.append(unstated)
                        return
                    }
                case Int(DT_UNKNOWN):
                    break // the stat tells
                default:
                    return // symbolic links, sockets, devices
                }
                var status = stat()
                // Relative to the open folder: the kernel need not walk the whole path again.
                let found = raw.withMemoryRebound(to: CChar.self) {
                    fstatat(dirfd(directory), $0.baseAddress!, &status, AT_SYMLINK_NOFOLLOW) == 0
                }
                guard found else { return }
                switch status.st_mode & S_IFMT {
                case S_IFDIR: folders.append(Array(name))
                case S_IFREG where hasCorpusExtension(name):
                    names.append(Array(name))
                    statuses.append(status)
                default: break // symbolic links, sockets, devices
                }
            }
        }
        // Names are sorted byte-wise per folder and folders visited in that order,
        // so the listing is stable without sorting 100,000 full paths.
        // Positions are sorted, not the entries: a `stat` is 144 bytes to move.
        let order = names.indices.sorted { names[$0].lexicographicallyPrecedes(names[$1]) }
        folders.sort { $0.lexicographicallyPrecedes($1) }
        let prefix = folder + [UInt8(ascii: "/")]
        entries.reserveCapacity(entries.count + order.count)
        for index in order { entries.append(entry(prefix + names[index], statuses[index])) }
        for name in folders { subfolders.append(prefix + name) }
    }

    /// Whether a name ends in a corpus extension (`.txt`, `.vraag`; ASCII case ignored).
    static func hasCorpusExtension<Name: BidirectionalCollection<UInt8>>(_ name: Name) -> Bool where Name.Index == Int {
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")) else { return false }
        let suffix = name[(dot + 1)...]
        // The extensions are lowercase letters: setting bit 5 lowercases a letter, and
        // no other byte becomes one.
        return extensionBytes.contains { known in
            known.count == suffix.count && zip(known, suffix).allSatisfy { $0 == $1 | 0x20 }
        }
    }

    /// The extensions' bytes, lowercase ASCII.
    private static let extensionBytes: [[UInt8]] = extensions.sorted().map { Array($0.utf8) }

    static func entry(_ path: [UInt8], _ status: stat) -> Entry {
        let (modified, changed) = times(status)
        return Entry(pathBytes: path, size: Int(status.st_size), modified: modified, changed: changed,
                     inode: UInt64(status.st_ino))
    }

    /// The status of a listed file that could not be opened (`lstat`: never through a link).
    static func status(of entry: Entry) -> stat? {
        var status = stat()
        return withCString(entry.pathBytes) { lstat($0, &status) } == 0 ? status : nil
    }

    /// Modification and status-change times in whole milliseconds.
    static func times(_ status: stat) -> (modified: Int64, changed: Int64) {
        #if canImport(Darwin)
        let (modified, changed) = (status.st_mtimespec, status.st_ctimespec)
        #else
        let (modified, changed) = (status.st_mtim, status.st_ctim)
        #endif
        return (milliseconds(modified), milliseconds(changed))
    }

    private static func milliseconds(_ time: timespec) -> Int64 {
        Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
    }

    /// `bytes` as a NUL-terminated C string for the duration of `body`.
    static func withCString<Result>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> Result) -> Result {
        (bytes + [0]).withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}

extension CorpusFiles.Entry {
    /// An entry for a path as the kernel has it: shown as UTF-8, its bytes kept when
    /// they are not UTF-8 (a listed file, or one the index cache remembers).
    init(pathBytes: [UInt8], size: Int, modified: Int64, changed: Int64, inode: UInt64) {
        let text = String(validating: pathBytes, as: UTF8.self)
        self.init(path: text ?? String(decoding: pathBytes, as: UTF8.self), rawPath: text == nil ? pathBytes : nil,
                  size: size, modified: modified, changed: changed, inode: inode)
    }
}

/// Result slots for the parallel walk, each written by one worker.
private final class ListingSlots: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<([CorpusFiles.Entry], [LoadWarning])>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: ([], []))
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    // Safe: distinct indices per worker; read after `concurrentPerform` returns.
    func set(_ index: Int, _ value: ([CorpusFiles.Entry], [LoadWarning])) { buffer[index] = value }

    func values() -> [([CorpusFiles.Entry], [LoadWarning])] { Array(buffer) }
}

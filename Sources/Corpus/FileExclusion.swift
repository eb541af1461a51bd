import Foundation

/// Files the corpus never holds although they lie in a corpus folder: the server's
/// own log. A `--log` file inside a corpus folder was indexed as a question, and
/// every line written to it was a change that reloaded the corpus, which logged
/// more lines.
///
/// Matched by inode first (a number the listing has anyway), then by canonical path.
public struct FileExclusion: Sendable, Equatable {
    private let inodes: Set<UInt64>
    private let canonicalPaths: Set<String>

    public static let none = FileExclusion(paths: [])

    /// The files at `paths` as they are now (a path that does not exist excludes nothing).
    public init(paths: [String]) {
        var inodes: Set<UInt64> = []
        var canonical: Set<String> = []
        for path in paths {
            var status = stat()
            guard stat(path, &status) == 0, let real = Self.canonical(path) else { continue }
            inodes.insert(UInt64(status.st_ino))
            canonical.insert(real)
        }
        self.inodes = inodes
        self.canonicalPaths = canonical
    }

    public var isEmpty: Bool { inodes.isEmpty }

    public func excludes(_ entry: CorpusFiles.Entry) -> Bool {
        inodes.contains(entry.inode) && excludes(path: entry.path)
    }

    public func excludes(path: String) -> Bool {
        !isEmpty && Self.canonical(path).map(canonicalPaths.contains) == true
    }

    private static func canonical(_ path: String) -> String? {
        guard let real = realpath(path, nil) else { return nil }
        defer { free(real) }
        return String(cString: real)
    }
}

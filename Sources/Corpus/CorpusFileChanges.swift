#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One file as `CorpusFiles.list` would (or would not) find it, and the order the
/// listing gives: what an update from notified paths needs, so that it need not list
/// 100,000 files again for one that changed.
extension CorpusFiles {
    /// The entry for `path` under the listed folder `root`, or nil when a listing
    /// would not have it: missing, not a regular file with a corpus extension, hidden,
    /// or reached through a symbolic link.
    static func entry(atPath path: String, under root: String) -> Entry? {
        let rootBytes = Array(root.utf8), pathBytes = Array(path.utf8)
        guard pathBytes.count > rootBytes.count + 1, pathBytes.starts(with: rootBytes),
              pathBytes[rootBytes.count] == UInt8(ascii: "/") else { return nil }
        let components = pathBytes[(rootBytes.count + 1)...].split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard components.allSatisfy({ !$0.isEmpty && $0.first != UInt8(ascii: ".") }),
              let name = components.last, hasCorpusExtension(Array(name)) else { return nil }
        var status = stat()
        // Every folder on the way must be a folder, not a link to one.
        var prefix = rootBytes
        for component in components.dropLast() {
            prefix += [UInt8(ascii: "/")] + component
            guard withCString(prefix, { lstat($0, &status) }) == 0, status.st_mode & S_IFMT == S_IFDIR else { return nil }
        }
        guard withCString(pathBytes, { lstat($0, &status) }) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return entry(pathBytes, status)
    }

    /// Whether `path` is a folder now (a notification may name one).
    static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return withCString(Array(path.utf8), { lstat($0, &status) }) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }

    /// Whether the listing of one folder gives `a` before `b`: in each folder its
    /// files by name, then its subfolders by name, each walked in turn.
    static func listsBefore(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { a in b.withUTF8 { b in listsBefore(a, b) } }
    }

    static func listsBefore(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let slash = UInt8(ascii: "/")
        var index = 0
        while index < a.count, index < b.count, a[index] == b[index] { index += 1 }
        if index == a.count && index == b.count { return false }
        // The component where they part: from the slash before `index`.
        var start = index
        while start > 0, a[start - 1] != slash { start -= 1 }
        var endA = index, endB = index
        while endA < a.count, a[endA] != slash { endA += 1 }
        while endB < b.count, b[endB] != slash { endB += 1 }
        let aIsFile = endA == a.count, bIsFile = endB == b.count
        if aIsFile != bIsFile { return aIsFile }
        return UnsafeBufferPointer(rebasing: a[start..<endA]).lexicographicallyPrecedes(UnsafeBufferPointer(rebasing: b[start..<endB]))
    }
}

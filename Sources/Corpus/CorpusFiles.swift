import Foundation

/// Finds the corpus files under a folder: recursively, regular files with a corpus
/// extension, symbolic links not followed (a link must not lead the server out of
/// the folders it was given), in a stable order.
public enum CorpusFiles {
    public static let extensions: Set<String> = ["txt", "vraag"]

    public struct Entry: Hashable, Sendable {
        public let path: String
        public let size: Int
        /// Modification time in whole milliseconds, to compare with a cache.
        public let modified: Int64
    }

    public static func list(_ folder: String, warnings: inout [LoadWarning]) -> [Entry] {
        let root = URL(fileURLWithPath: folder)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            warnings.append(LoadWarning(path: folder, kind: .missingFolder, message: "corpus folder does not exist"))
            return []
        }
        if !isDirectory.boolValue {
            return entry(root).map { [$0] } ?? []
        }
        let keys: [URLResourceKey] = [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]
        guard let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles]) else {
            warnings.append(LoadWarning(path: folder, kind: .unreadable, message: "corpus folder cannot be read"))
            return []
        }
        var entries: [Entry] = []
        for case let url as URL in enumerator where extensions.contains(url.pathExtension.lowercased()) {
            if let entry = entry(url) { entries.append(entry) }
        }
        return entries.sorted { $0.path < $1.path }
    }

    private static func entry(_ url: URL) -> Entry? {
        guard let values = try? url.resourceValues(
            forKeys: [.isRegularFileKey, .isSymbolicLinkKey, .fileSizeKey, .contentModificationDateKey]),
              values.isSymbolicLink != true, values.isRegularFile == true else { return nil }
        let modified = Int64((values.contentModificationDate?.timeIntervalSince1970 ?? 0) * 1000)
        return Entry(path: url.path, size: values.fileSize ?? 0, modified: modified)
    }
}

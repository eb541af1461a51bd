import Corpus
import Foundation

/// A repository's `vraagbaak.json` may name corpus folders inside its own folder
/// only. Otherwise cloning a repository and opening it would make the server read
/// `/etc` or `~/.secrets` and show their first lines in hover, search and workspace
/// symbols, and write excerpts into the cache. Folders elsewhere come from the
/// user's own settings or the command line, which are not confined.
package enum WorkspaceConfinement {
    /// Whether `folder` (as written in the file: relative to the file's folder, `~`
    /// allowed) lies inside `workspace`, both with symbolic links resolved, so a link
    /// in the workspace that points out of it is outside too.
    package static func contains(_ folder: String, workspace: String) -> Bool {
        let expanded = HomeDirectory.expandingTilde(in: folder)
        let absolute = expanded.hasPrefix("/") ? expanded : workspace + "/" + expanded
        let root = resolved(workspace)
        let target = resolved(absolute)
        return target == root || target.hasPrefix(root == "/" ? "/" : root + "/")
    }

    /// The canonical path: `realpath` of the longest part that exists, with the rest
    /// (a folder not made yet) standardised onto it.
    static func resolved(_ path: String) -> String {
        var existing = URL(fileURLWithPath: path).standardized.path
        var rest: [String] = []
        while true {
            if let real = realpath(existing, nil) {
                defer { free(real) }
                var base = String(cString: real)
                for component in rest.reversed() { base = base == "/" ? "/" + component : base + "/" + component }
                return base
            }
            if existing == "/" || existing.isEmpty { return URL(fileURLWithPath: path).standardized.path }
            rest.append((existing as NSString).lastPathComponent)
            existing = (existing as NSString).deletingLastPathComponent
        }
    }
}

import Foundation

/// `vraagbaak.json` on disk: found from a folder upwards (as ruff, eslint and
/// editorconfig find theirs) and read through the one decoder.
package enum ConfigurationFile {
    package static let name = "vraagbaak.json"

    /// The nearest `vraagbaak.json` in `folder` or one of its parents; nil when none.
    package static func find(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        while true {
            let candidate = url.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path || url.path == "/" { return nil }
            url = parent
        }
    }

    /// A file read and decoded. A missing file is a problem only for a chosen file:
    /// the server looks for `vraagbaak.json` whether or not there is one.
    package static func load(_ path: String, as source: ConfigurationSource) -> (ConfigurationLayer, [ConfigurationProblem]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            if case .workspaceFile = source, !FileManager.default.fileExists(atPath: path) { return (ConfigurationLayer(), []) }
            return (ConfigurationLayer(), [ConfigurationProblem(.error, source, "", "cannot be read")])
        }
        return ConfigurationDecoder.decode(data, from: source)
    }
}

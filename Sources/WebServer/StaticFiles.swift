import Foundation
import Glibc

/// Files served from one folder: the path must be plain segments (no `.`, `..`,
/// hidden names, backslashes) and, once symbolic links are resolved, still inside the
/// folder. Anything else is refused before the disk is touched.
public struct StaticFiles: Sendable {
    /// The folder, with its symbolic links resolved.
    public let root: String
    public let maximumFileBytes: Int

    public init?(root: String, maximumFileBytes: Int = 16 * 1024 * 1024) {
        guard let resolved = Self.realPath(root) else { return nil }
        self.root = resolved
        self.maximumFileBytes = maximumFileBytes
    }

    /// Whether a path segment may be part of a served path.
    public static func isPlainSegment(_ segment: String) -> Bool {
        !segment.isEmpty && !segment.hasPrefix(".") && !segment.contains("/") && !segment.contains("\\")
            && !segment.contains("\0") && !segment.contains(":")
    }

    /// The file at `segments` under the root, or nil when it is not a regular file
    /// inside the root.
    public func resolve(_ segments: [String]) -> String? {
        guard !segments.isEmpty, segments.allSatisfy(Self.isPlainSegment) else { return nil }
        guard let resolved = Self.realPath(root + "/" + segments.joined(separator: "/")),
              resolved.hasPrefix(root + "/") else { return nil }
        var info = stat()
        guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return resolved
    }

    public func response(for segments: [String]) -> HTTPResponse {
        guard let path = resolve(segments) else { return .text(404, "Niet gevonden.") }
        guard let data = FileManager.default.contents(atPath: path), data.count <= maximumFileBytes else {
            return .text(404, "Niet gevonden.")
        }
        return HTTPResponse(status: 200, headers: ["Content-Type": Self.contentType(of: path), "Cache-Control": "private, max-age=3600"],
                            body: Array(data))
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "js": "text/javascript; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        case "png": "image/png"
        case "svg": "image/svg+xml"
        default: "application/octet-stream"
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = Glibc.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

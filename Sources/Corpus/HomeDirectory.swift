import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The user's home folder as every command-line tool finds it: `$HOME`, and the
/// password database only when `HOME` is unset or empty. Foundation's
/// `homeDirectoryForCurrentUser` and `expandingTildeInPath` read the password
/// database on Linux even when `HOME` is set, so they are not used.
public enum HomeDirectory {
    public static func path(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            let path = String(cString: directory)
            if !path.isEmpty { return path }
        }
        return "/"
    }

    /// `~` and `~/…` expanded with `path(environment:)`; `~user/…` from the password
    /// database; anything else unchanged.
    public static func expandingTilde(in path: String,
                                      environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard path.hasPrefix("~") else { return path }
        if path == "~" { return self.path(environment: environment) }
        if path.hasPrefix("~/") {
            let home = self.path(environment: environment)
            return (home.hasSuffix("/") ? String(home.dropLast()) : home) + path.dropFirst()
        }
        return (path as NSString).expandingTildeInPath
    }
}

import Foundation

/// Empties the file at `path` with `truncate -s 0`, from another process, as a user
/// or a tool would. The command opens without blocking: while a process holding a
/// read lease on the file gives it up, it is refused, so it is tried again (up to
/// about five seconds). True once the file is truncated.
public func truncateFromAnotherProcess(_ path: String) throws -> Bool {
    for _ in 0..<100 {
        let truncation = Process()
        truncation.executableURL = URL(fileURLWithPath: "/usr/bin/truncate")
        truncation.arguments = ["-s", "0", path]
        truncation.standardError = FileHandle.nullDevice
        try truncation.run()
        truncation.waitUntilExit()
        if truncation.terminationStatus == 0 { return true }
        Thread.sleep(forTimeInterval: 0.05)
    }
    return false
}

import Foundation
import Synchronization

/// An optional trace of the traffic and of internal events, written to a file
/// (`--log FILE`). Never to stdout: stdout carries only frames.
public final class Trace: Sendable {
    private let handle: Mutex<FileHandle>
    private let maximumLoggedBodyLength = 4096
    /// Where the log is written, so the corpus can leave it out.
    public let path: String

    public init(path: String) throws {
        self.path = path
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
            }
        }
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        self.handle = Mutex(handle)
    }

    public func log(_ line: String) {
        let stamp = Date().formatted(.iso8601)
        let data = Data("[\(stamp)] \(line)\n".utf8)
        handle.withLock { try? $0.write(contentsOf: data) }
    }

    func logIncoming(_ body: [UInt8]) {
        log("<- " + abbreviate(String(decoding: body.prefix(maximumLoggedBodyLength), as: UTF8.self), total: body.count))
    }

    func logOutgoing(_ framed: Data) {
        log("-> " + abbreviate(String(decoding: framed.prefix(maximumLoggedBodyLength), as: UTF8.self), total: framed.count))
    }

    private func abbreviate(_ text: String, total: Int) -> String {
        total > maximumLoggedBodyLength ? text + " … (\(total) bytes)" : text
    }
}

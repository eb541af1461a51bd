import Foundation

/// One command of the built binary (`vraagbaak lint ...`), run to its end the way a
/// user runs it from a shell: the tests of the commands share this one way.
enum CommandRun {
    /// Runs `vraagbaak ARGUMENTS` in `folder` (else the current folder), with
    /// `environment` set over this process's, `stdin` as its input (else none).
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:],
                    stdin: String? = nil) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = ServerProcess.binaryURL
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = folder }
        var merged = ProcessInfo.processInfo.environment
        for (key, value) in environment { merged[key] = value }
        process.environment = merged
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            input.fileHandleForWriting.write(Data(stdin.utf8))
            try input.fileHandleForWriting.close()
        }
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stdout, stderr)
    }
}

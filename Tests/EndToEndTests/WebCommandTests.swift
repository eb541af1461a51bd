import Foundation
import Glibc
import XCTest

/// `vraagbaak web` as a user starts it: its errors, and LSP over its WebSocket with a
/// hand-written RFC 6455 client (masked frames, as a browser sends them).
final class WebCommandTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-web-\(UUID().uuidString)")
        let manager = FileManager.default
        try manager.createDirectory(at: folder.appendingPathComponent("drafts"), withIntermediateDirectories: true)
        // A stand-in for CodeMirror: the command checks the files are there, the page is not loaded here.
        for file in ["lib/codemirror.js", "lib/codemirror.css", "addon/lint/lint.js", "addon/lint/lint.css",
                     "addon/hint/show-hint.js", "addon/hint/show-hint.css", "addon/dialog/dialog.js", "addon/dialog/dialog.css"] {
            let url = folder.appendingPathComponent("cm/" + file)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("/* */".utf8).write(to: url)
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = ServerProcess.binaryURL
        process.arguments = arguments
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, stderr)
    }

    func testErrorsAreExplained() throws {
        let drafts = folder.appendingPathComponent("drafts").path
        let noEditor = try run(["web", "--port", "0", "--codemirror", folder.appendingPathComponent("nergens").path, drafts])
        XCTAssertEqual(noEditor.status, 2)
        XCTAssertTrue(noEditor.stderr.contains("apt-get install libjs-codemirror"), noEditor.stderr)
        let notAFolder = try run(["web", "--port", "0", "--codemirror", folder.appendingPathComponent("cm").path, drafts + "/geen-map"])
        XCTAssertEqual(notAFolder.status, 2)
        XCTAssertTrue(notAFolder.stderr.contains("is not a folder"), notAFolder.stderr)
        let badPort = try run(["web", "--port", "99999", drafts])
        XCTAssertEqual(badPort.status, 2)
        XCTAssertTrue(badPort.stderr.contains("--port"), badPort.stderr)
        let twoFolders = try run(["web", drafts, drafts])
        XCTAssertEqual(twoFolders.status, 2)
    }

    func testLanguageServerOverTheWebSocket() throws {
        let drafts = folder.appendingPathComponent("drafts")
        let process = Process()
        process.executableURL = ServerProcess.binaryURL
        process.arguments = ["web", "--port", "0", "--codemirror", folder.appendingPathComponent("cm").path, drafts.path]
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = folder.path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }

        var printed = ""
        // The link, once its line is complete.
        while printed.range(of: #"token=[0-9a-f]+\n"#, options: .regularExpression) == nil {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            printed += String(decoding: chunk, as: UTF8.self)
        }
        let link = try XCTUnwrap(printed.range(of: #"http://127\.0\.0\.1:[0-9]+/\?token=[0-9a-f]+"#, options: .regularExpression)
            .map { String(printed[$0]) }, printed)
        let port = try XCTUnwrap(UInt16(link.split(separator: ":")[2].split(separator: "/")[0]))
        let token = String(link.split(separator: "=")[1])

        let socket = try XCTUnwrap(RawWebSocket(port: port, path: "/lsp?token=\(token)"))
        socket.sendText(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
        let initialized = try XCTUnwrap(socket.receiveJSON { $0["id"] as? Int == 1 })
        let capabilities = try XCTUnwrap((initialized["result"] as? [String: Any])?["capabilities"] as? [String: Any])
        XCTAssertNotNil(capabilities["completionProvider"])
        socket.sendText(#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#)
        // A draft with an empty question: one JSON-RPC message per frame, in and out.
        let uri = drafts.appendingPathComponent("a.vraag").absoluteString
        let text = "aan: Gwendolyn Rutten\\n\\nOnderwerp - Iets\\n\\nWaarom dit?\\n\\n1. Hoeveel?\\n2.\\n"
        socket.sendText(#"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"\#(uri)","languageId":"vraag","version":1,"text":"\#(text)"}}}"#)
        let published = try XCTUnwrap(socket.receiveJSON {
            $0["method"] as? String == "textDocument/publishDiagnostics"
                && !(((($0["params"] as? [String: Any])?["diagnostics"]) as? [Any]) ?? []).isEmpty
        })
        let diagnostics = try XCTUnwrap((published["params"] as? [String: Any])?["diagnostics"] as? [[String: Any]])
        XCTAssertTrue(diagnostics.contains { $0["code"] as? String == "item-empty" }, "\(diagnostics)")
        // The structure diagnostics come before the corpus: wait for it before searching.
        var records = 0
        for attempt in 0..<200 where records == 0 {
            socket.sendText(#"{"jsonrpc":"2.0","id":"status-\#(attempt)","method":"vraagbaak/corpusStatus"}"#)
            let status = try XCTUnwrap(socket.receiveJSON { $0["id"] as? String == "status-\(attempt)" })
            records = ((status["result"] as? [String: Any])?["records"] as? Int) ?? 0
            if records == 0 { usleep(50_000) }
        }
        XCTAssertGreaterThan(records, 0, "the corpus loaded")
        // A message split over three fragments is one message.
        let search = Array(#"{"jsonrpc":"2.0","id":2,"method":"vraagbaak/search","params":{"text":"inburgering attest","limit":2}}"#.utf8)
        socket.sendFragments([Array(search[0..<10]), Array(search[10..<40]), Array(search[40...])])
        let found = try XCTUnwrap(socket.receiveJSON { $0["id"] as? Int == 2 })
        XCTAssertEqual((found["result"] as? [Any])?.count, 2)
        // Closing is answered and ends the connection; the process serves the next page.
        socket.sendClose()
        XCTAssertTrue(socket.receivesCloseThenEnd())
        XCTAssertTrue(process.isRunning)
        let second = try XCTUnwrap(RawWebSocket(port: port, path: "/lsp?token=\(token)"))
        second.sendText(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"processId":null,"rootUri":null,"capabilities":{}}}"#)
        XCTAssertNotNil(second.receiveJSON { $0["id"] as? Int == 1 })
    }
}

/// Just enough of a WebSocket client for the test: handshake, masked frames out,
/// unmasked frames in.
private final class RawWebSocket {
    private let descriptor: Int32
    private var buffer: [UInt8] = []

    init?(port: UInt16, path: String) {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard connected == 0 else { return nil }
        let host = "127.0.0.1:\(port)"
        send(Array(("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nOrigin: http://\(host)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8))
        while true {
            if let end = (0..<max(0, buffer.count - 3)).first(where: { buffer[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }) {
                let head = String(decoding: buffer[..<end], as: UTF8.self)
                buffer.removeFirst(end + 4)
                guard head.hasPrefix("HTTP/1.1 101 ") else { return nil }
                break
            }
            guard let chunk = read() else { return nil }
            buffer += chunk
        }
    }

    deinit { close(descriptor) }

    func sendText(_ text: String) { send(frame(opcode: 0x1, final: true, Array(text.utf8))) }

    func sendFragments(_ parts: [[UInt8]]) {
        for (index, part) in parts.enumerated() {
            send(frame(opcode: index == 0 ? 0x1 : 0x0, final: index == parts.count - 1, part))
        }
    }

    func sendClose() { send(frame(opcode: 0x8, final: true, [0x03, 0xE8])) }

    /// The next text message whose JSON satisfies `matches`.
    func receiveJSON(_ matches: ([String: Any]) -> Bool) -> [String: Any]? {
        while let (opcode, payload) = nextFrame() {
            guard opcode == 0x1 else { return nil }
            if let object = (try? JSONSerialization.jsonObject(with: Data(payload))) as? [String: Any], matches(object) {
                return object
            }
        }
        return nil
    }

    func receivesCloseThenEnd() -> Bool {
        while let (opcode, _) = nextFrame() {
            if opcode == 0x8 { return read() == nil }
        }
        return false
    }

    private func nextFrame() -> (UInt8, [UInt8])? {
        while true {
            if buffer.count >= 2 {
                var length = Int(buffer[1] & 0x7F)
                var header = 2
                if length == 126, buffer.count >= 4 {
                    length = Int(buffer[2]) << 8 | Int(buffer[3])
                    header = 4
                } else if length == 127, buffer.count >= 10 {
                    length = (2..<10).reduce(0) { $0 << 8 | Int(buffer[$1]) }
                    header = 10
                }
                if (buffer[1] & 0x7F) < 126 || header > 2, buffer.count >= header + length {
                    let frame = (buffer[0] & 0x0F, Array(buffer[header..<(header + length)]))
                    buffer.removeFirst(header + length)
                    return frame
                }
            }
            guard let chunk = read() else { return nil }
            buffer += chunk
        }
    }

    private func frame(opcode: UInt8, final: Bool, _ payload: [UInt8]) -> [UInt8] {
        let key: [UInt8] = [0x5A, 0x13, 0xC7, 0x02]
        var bytes: [UInt8] = [(final ? 0x80 : 0) | opcode]
        if payload.count < 126 {
            bytes.append(0x80 | UInt8(payload.count))
        } else if payload.count <= 0xFFFF {
            bytes += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        } else {
            bytes.append(0x80 | 127)
            bytes += (0..<8).reversed().map { UInt8(truncatingIfNeeded: payload.count >> ($0 * 8)) }
        }
        return bytes + key + payload.enumerated().map { $0.element ^ key[$0.offset & 3] }
    }

    private func send(_ bytes: [UInt8]) {
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    private func read() -> [UInt8]? {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, 65536, 0) }
        return count > 0 ? Array(chunk[0..<count]) : nil
    }
}

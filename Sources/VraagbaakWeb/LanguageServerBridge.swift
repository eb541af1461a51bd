import Foundation
import Glibc
import JSONRPC
import Server
import Synchronization
import WebServer

/// One WebSocket speaking LSP to a `LanguageServer` of its own: the same server
/// code as `vraagbaak serve`, reached through the same `Connection`. The socket's
/// text messages (one JSON-RPC message each) are framed with `Content-Length` into a
/// pipe the connection reads; what the connection writes to its other pipe is cut
/// into messages again and sent as text frames.
///
/// Pipes keep the server's transport exactly the one it has in production, so
/// nothing in `JSONRPC` or `Server` knows a browser is on the other end.
final class LanguageServerBridge: WebSocketDelegate {
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let inputClosed = Mutex(false)
    private let outputClosed = Mutex(false)

    init(socket: WebSocket, trace: Trace?) {
        let connection = Connection(input: toServer.fileHandleForReading, output: fromServer.fileHandleForWriting, trace: trace)
        let server = LanguageServer(trace: trace) { [self] _ in
            // `exit`, or the end of input: this page's server stops, not the process.
            closeInput()
            closeOutput()
            socket.close(code: 1000, reason: "server stopped")
        }
        let input = toServer.fileHandleForReading
        let output = fromServer.fileHandleForReading
        Thread {
            connection.run(handler: server)
            try? input.close()   // run has returned: nothing reads it any more
        }.start()
        Thread {
            Self.forward(from: output, to: socket)
            try? output.close()
        }.start()
    }

    func webSocket(_ socket: WebSocket, receivedText text: String) {
        let body = Array(text.utf8)
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        let written = inputClosed.withLock { closed -> Bool in
            guard !closed else { return false }
            return (try? toServer.fileHandleForWriting.write(contentsOf: frame)) != nil
        }
        if !written { socket.close(code: 1011, reason: "server stopped") }
    }

    func webSocketClosed(_ socket: WebSocket) {
        // The end of input stops the server, which then closes its output.
        closeInput()
    }

    private func closeInput() {
        inputClosed.withLock { closed in
            guard !closed else { return }
            closed = true
            try? toServer.fileHandleForWriting.close()
        }
    }

    /// Ends the forwarding thread. The server may still write (a late diagnostic),
    /// so its descriptor is not closed but pointed at /dev/null: the pipe sees its
    /// last writer go, and the server's writes still land somewhere harmless.
    private func closeOutput() {
        outputClosed.withLock { closed in
            guard !closed else { return }
            closed = true
            let devNull = open("/dev/null", O_WRONLY | O_CLOEXEC)
            if devNull >= 0 {
                dup2(devNull, fromServer.fileHandleForWriting.fileDescriptor)
                Glibc.close(devNull)
            }
        }
    }

    /// Server output → text frames, one JSON-RPC message each, until the pipe ends.
    private static func forward(from output: FileHandle, to socket: WebSocket) {
        var parser = FrameParser()
        while true {
            let chunk = output.availableData
            if chunk.isEmpty { break }
            parser.append(chunk)
            while let frame = parser.nextFrame() {
                if case .body(let body) = frame {
                    socket.send(text: String(decoding: body, as: UTF8.self))
                }
            }
        }
    }
}

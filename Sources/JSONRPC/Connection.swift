import Dispatch
import Foundation
import Synchronization

/// Receives messages from a `Connection`'s reader thread.
public protocol MessageHandler: Sendable {
    /// Called on the reader thread, in arrival order, for every request and
    /// notification. Implementations hand work to their own queue quickly, so
    /// that messages behind it (a cancellation, say) are seen at once.
    func receive(_ message: IncomingMessage, from connection: Connection)
    /// Called on the reader thread for a message that must be answered with an
    /// error (bad JSON, not a request). Handlers answer it in turn, after the
    /// messages that came before it.
    func receiveInvalid(_ error: ResponseError, id: RequestID?, from connection: Connection)
    /// The input ended (EOF, cleanly or in the middle of a message).
    func inputEnded(_ connection: Connection)
}

/// A JSON-RPC connection over a pair of byte streams (stdio in production, pipes
/// in tests). It frames, decodes and answers protocol-level errors itself; it knows
/// no method names.
///
/// Writes are serialized by a lock: two messages never interleave on the wire.
public final class Connection: Sendable {
    public typealias ResponseHandler = @Sendable (Result<JSONValue, ResponseError>) -> Void

    private let input: FileHandle
    private let output: FileHandle
    private let trace: Trace?
    private let writeLock = Mutex(())
    private let outgoing = Mutex(OutgoingRequests())

    private struct OutgoingRequests {
        var nextID = 1
        var handlers: [RequestID: ResponseHandler] = [:]
    }

    public init(input: FileHandle, output: FileHandle, trace: Trace? = nil) {
        self.input = input
        self.output = output
        self.trace = trace
    }

    /// Reads until the input ends, handing each message to `handler`. Blocks the caller.
    public func run(handler: MessageHandler) {
        var parser = FrameParser()
        while true {
            let chunk = input.availableData
            if chunk.isEmpty {
                if parser.bufferedByteCount > 0 {
                    trace?.log("input ended in the middle of a message (\(parser.bufferedByteCount) bytes dropped)")
                }
                handler.inputEnded(self)
                return
            }
            parser.append(chunk)
            while let frame = parser.nextFrame() {
                switch frame {
                case .malformed(let problem):
                    trace?.log("malformed frame: \(problem)")
                    handler.receiveInvalid(.parseError("Malformed message header: \(problem)"), id: nil, from: self)
                case .body(let body):
                    trace?.logIncoming(body)
                    dispatch(MessageDecoder.decode(body), to: handler)
                }
            }
        }
    }

    private func dispatch(_ outcome: MessageDecoder.Outcome, to handler: MessageHandler) {
        switch outcome {
        case .invalid(let error, let id):
            handler.receiveInvalid(error, id: id, from: self)
        case .ignored(let reason):
            trace?.log("ignored: \(reason)")
        case .message(let message):
            if case .response(let id, let result) = message.kind {
                let responseHandler = outgoing.withLock { $0.handlers.removeValue(forKey: id) }
                if let responseHandler {
                    responseHandler(result)
                } else {
                    trace?.log("response to unknown request \(id)")
                }
            } else {
                handler.receive(message, from: self)
            }
        }
    }

    // MARK: - Sending

    public func sendResponse<Result: Encodable>(_ result: Result, id: RequestID) {
        write(OutgoingMessage.Response(id: id, result: result))
    }

    public func sendError(_ error: ResponseError, id: RequestID?) {
        write(OutgoingMessage.ErrorResponse(id: id, error: error))
    }

    public func sendNotification<Params: Encodable>(_ method: String, _ params: Params) {
        write(OutgoingMessage.Notification(method: method, params: params))
    }

    /// A notification encoded and framed now, sent later by `send(_:)`: a caller that
    /// decides under a lock whether to send it keeps the encoding out of the lock.
    /// Nil when it cannot be encoded (logged).
    public func framedNotification<Params: Encodable>(_ method: String, _ params: Params) -> FramedMessage? {
        frame(OutgoingMessage.Notification(method: method, params: params)).map(FramedMessage.init)
    }

    public func send(_ message: FramedMessage) {
        write(framed: message.bytes)
    }

    /// Sends a request to the peer; `onResponse` runs on the reader thread when the
    /// answer arrives. With a `timeout`, a peer that never answers gets
    /// `onResponse(.failure)` with `ResponseError.timedOut` after that many seconds
    /// (on another thread), and a late answer is dropped: whatever waits goes on.
    @discardableResult
    public func sendRequest<Params: Encodable>(
        _ method: String, _ params: Params, timeout: Double? = nil, onResponse: @escaping ResponseHandler
    ) -> RequestID {
        let id = outgoing.withLock { state -> RequestID in
            let id = RequestID.number(state.nextID)
            state.nextID += 1
            state.handlers[id] = onResponse
            return id
        }
        write(OutgoingMessage.Request(id: id, method: method, params: params))
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [self] in
                // Whichever comes first takes the handler: the answer or this.
                guard let handler = outgoing.withLock({ $0.handlers.removeValue(forKey: id) }) else { return }
                trace?.log("no answer to \(method) (\(id)) within \(timeout) s")
                handler(.failure(.timedOut(method, seconds: timeout)))
            }
        }
        return id
    }

    private func write<Message: Encodable>(_ message: Message) {
        guard let framed = frame(message) else { return }
        write(framed: framed)
    }

    /// The message's frame; nil when it cannot be encoded (an answer to a request is
    /// then answered with an error instead).
    private func frame<Message: Encodable>(_ message: Message) -> Data? {
        do {
            return try OutgoingMessage.frame(message)
        } catch {
            // Only a non-finite Double can fail to encode; report it instead of dropping the reply.
            trace?.log("could not encode an outgoing message: \(error)")
            if let response = message as? any IdentifiedMessage, response.payload.member == "result" {
                write(OutgoingMessage.ErrorResponse(
                    id: response.requestID, error: .internalError("The result could not be encoded")))
            }
            return nil
        }
    }

    private func write(framed: Data) {
        writeLock.withLock { _ in
            do {
                try output.write(contentsOf: framed)
                trace?.logOutgoing(framed)
            } catch {
                trace?.log("write failed: \(error)")
            }
        }
    }
}

/// A message encoded and framed, ready to be written (`Connection.framedNotification`).
public struct FramedMessage: Sendable {
    fileprivate let bytes: Data
}

/// A message that answers a request, so an encoding failure can still be answered,
/// and an id kept as text can be written around its payload.
protocol IdentifiedMessage {
    var requestID: RequestID? { get }
    /// The member besides `jsonrpc` and `id`: `result` or `error`, and its value.
    var payload: (member: String, value: any Encodable) { get }
}
extension OutgoingMessage.Response: IdentifiedMessage {
    var requestID: RequestID? { id }
    var payload: (member: String, value: any Encodable) { ("result", result) }
}
extension OutgoingMessage.ErrorResponse: IdentifiedMessage {
    var requestID: RequestID? { id }
    var payload: (member: String, value: any Encodable) { ("error", error) }
}

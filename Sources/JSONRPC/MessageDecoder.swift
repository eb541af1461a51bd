import Foundation

/// Turns one framed body into an `IncomingMessage`, or into the error the peer must
/// receive for it (with the request id when one could be read).
public enum MessageDecoder {
    public enum Outcome: Sendable {
        case message(IncomingMessage)
        case invalid(ResponseError, id: RequestID?)
        /// Valid, but nothing to act on or answer (an error response with a null id).
        case ignored(String)
    }

    public static func decode(_ body: [UInt8]) -> Outcome {
        decode(Data(body))
    }

    public static func decode(_ received: Data) -> Outcome {
        var body = received
        let value: JSONValue
        do {
            value = try JSONDecoder().decode(JSONValue.self, from: body)
        } catch {
            // Half a surrogate pair (`"\ud83d"`) is valid JSON that no string can
            // hold: read it as U+FFFD rather than drop an edit (see `LoneSurrogates`).
            guard let repaired = LoneSurrogates.repaired(body),
                  let repairedValue = try? JSONDecoder().decode(JSONValue.self, from: repaired) else {
                return .invalid(.parseError("Invalid JSON: the message body could not be parsed"), id: nil)
            }
            body = repaired
            value = repairedValue
        }
        guard case .object(let object) = value else {
            if case .array = value {
                return .invalid(.invalidRequest("Batch messages are not supported"), id: nil)
            }
            return .invalid(.invalidRequest("A message must be a JSON object"), id: nil)
        }

        var id: RequestID?
        switch object["id"] {
        case nil, .null?: id = nil
        case .int(let number)?: id = .number(number)
        case .string(let string)?: id = .string(string)
        case .double(let number)? where number.isFinite && number.rounded() == number:
            // Too large for an Int: echo the number as it was written.
            let written = RawMember.text(of: "id", in: [UInt8](body)).flatMap { text in
                !text.isEmpty && text.utf8.allSatisfy { Self.numberBytes.contains($0) } ? text : nil
            }
            id = .numberText(written ?? "\(number)")
        default: return .invalid(.invalidRequest("The id must be a number or a string"), id: nil)
        }

        guard object["jsonrpc"] == .string("2.0") else {
            return .invalid(.invalidRequest("The jsonrpc member must be \"2.0\""), id: id)
        }

        if let methodValue = object["method"] {
            guard case .string(let method) = methodValue else {
                return .invalid(.invalidRequest("The method must be a string"), id: id)
            }
            if let params = object["params"] {
                switch params {
                // `null` is not allowed by JSON-RPC, but clients send it for "no
                // params" (eglot's shutdown and exit): read it as absent.
                case .object, .array, .null: break
                default: return .invalid(.invalidRequest("The params must be an object or an array"), id: id)
                }
            }
            if object["id"] == .null {
                return .invalid(.invalidRequest("A request id must not be null"), id: nil)
            }
            if let id {
                return .message(IncomingMessage(kind: .request(id: id, method: method), body: body))
            }
            return .message(IncomingMessage(kind: .notification(method: method), body: body))
        }

        // No method: a response to a request we sent.
        if let id {
            if let errorValue = object["error"] {
                let error = decodeError(errorValue)
                return .message(IncomingMessage(kind: .response(id: id, result: .failure(error)), body: body))
            }
            if let result = object["result"] {
                return .message(IncomingMessage(kind: .response(id: id, result: .success(result)), body: body))
            }
        }
        if object["error"] != nil || object["result"] != nil {
            // An error response with a null id (the peer could not parse something we
            // sent): nothing to match it with, and nothing to answer.
            return .ignored("A response without an id")
        }
        return .invalid(.invalidRequest("A message needs a method, or a result or error"), id: id)
    }

    private static let numberBytes = Set("0123456789+-.eE".utf8)

    private static func decodeError(_ value: JSONValue) -> ResponseError {
        ResponseError(
            code: value["code"]?.intValue ?? ResponseError.internalErrorCode,
            message: value["message"]?.stringValue ?? "Unknown error",
            data: value["data"])
    }
}

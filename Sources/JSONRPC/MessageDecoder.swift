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
        // Half a surrogate pair (`"\ud83d"`) is valid JSON that no string can hold:
        // read it as U+FFFD rather than drop an edit (see `LoneSurrogates`). Repaired
        // before decoding, as the params are decoded only later, into their type.
        let body = LoneSurrogates.repaired(received) ?? received
        // `JSONDecoder` checks a string's escapes or a number's digits only when it
        // decodes them, and the envelope leaves the params undecoded: the whole body is
        // checked first (a few µs for a keystroke), so JSON that is broken anywhere is
        // a parse error, as JSON-RPC says.
        guard (try? JSONSerialization.jsonObject(with: body, options: .fragmentsAllowed)) != nil,
              let envelope = try? JSONDecoder().decode(MessageEnvelope.self, from: body) else {
            return .invalid(.parseError("Invalid JSON: the message body could not be parsed"), id: nil)
        }
        guard case .object(let object) = envelope else {
            if case .array = envelope {
                return .invalid(.invalidRequest("Batch messages are not supported"), id: nil)
            }
            return .invalid(.invalidRequest("A message must be a JSON object"), id: nil)
        }

        var id: RequestID?
        switch object.id {
        case .absent, .value(.null): id = nil
        case .value(.int(let number)): id = .number(number)
        case .value(.string(let string)): id = .string(string)
        case .value(.double(let number)) where number.isFinite && number.rounded() == number:
            // Too large for an Int: echo the number as it was written.
            let written = RawMember.text(of: "id", in: [UInt8](body)).flatMap { text in
                !text.isEmpty && text.utf8.allSatisfy { Self.numberBytes.contains($0) } ? text : nil
            }
            id = .numberText(written ?? "\(number)")
        default: return .invalid(.invalidRequest("The id must be a number or a string"), id: nil)
        }

        guard object.jsonrpc == "2.0" else {
            return .invalid(.invalidRequest("The jsonrpc member must be \"2.0\""), id: id)
        }

        switch object.method {
        case .wrongType:
            return .invalid(.invalidRequest("The method must be a string"), id: id)
        case .value(let method):
            switch object.params {
            // `null` is not allowed by JSON-RPC, but clients send it for "no
            // params" (eglot's shutdown and exit): read it as absent.
            case nil, .object?, .array?, .null?: break
            case .other?: return .invalid(.invalidRequest("The params must be an object or an array"), id: id)
            }
            if case .value(.null) = object.id {
                return .invalid(.invalidRequest("A request id must not be null"), id: nil)
            }
            if let id {
                return .message(IncomingMessage(kind: .request(id: id, method: method), body: body))
            }
            return .message(IncomingMessage(kind: .notification(method: method), body: body))
        case .absent:
            break
        }

        // No method: a response to a request we sent.
        if let id {
            if let errorValue = object.error {
                let error = decodeError(errorValue)
                return .message(IncomingMessage(kind: .response(id: id, result: .failure(error)), body: body))
            }
            if let result = object.result {
                return .message(IncomingMessage(kind: .response(id: id, result: .success(result)), body: body))
            }
        }
        if object.error != nil || object.result != nil {
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

import Foundation

/// Encodes the messages we send. Encoding happens before the write lock is taken,
/// so a slow encode never blocks another writer.
enum OutgoingMessage {
    struct Response<Result: Encodable>: Encodable {
        var id: RequestID?
        var result: Result

        enum CodingKeys: String, CodingKey { case jsonrpc, id, result }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)      // `null` when absent, as JSON-RPC wants
            try container.encode(result, forKey: .result) // `null` results must be present too
        }
    }

    struct ErrorResponse: Encodable {
        var id: RequestID?
        var error: ResponseError

        enum CodingKeys: String, CodingKey { case jsonrpc, id, error }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            try container.encode(error, forKey: .error)
        }
    }

    struct Notification<Params: Encodable>: Encodable {
        var method: String
        var params: Params

        enum CodingKeys: String, CodingKey { case jsonrpc, method, params }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(method, forKey: .method)
            try container.encode(params, forKey: .params)
        }
    }

    struct Request<Params: Encodable>: Encodable {
        var id: RequestID
        var method: String
        var params: Params

        enum CodingKeys: String, CodingKey { case jsonrpc, id, method, params }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode("2.0", forKey: .jsonrpc)
            try container.encode(id, forKey: .id)
            try container.encode(method, forKey: .method)
            try container.encode(params, forKey: .params)
        }
    }

    static func frame<Message: Encodable>(_ message: Message) throws -> Data {
        // What `JSONEncoder` with `[.withoutEscapingSlashes, .sortedKeys]` writes, faster.
        let encoder = CompactJSONEncoder()
        let body: Data
        if let response = message as? any IdentifiedMessage, case .numberText(let idText)? = response.requestID {
            // An id no Int or Double holds is written as the peer wrote it: the
            // response is assembled around the encoded result or error.
            let (member, value) = response.payload
            var assembled = Data(#"{"id":\#(idText),"jsonrpc":"2.0","\#(member)":"#.utf8)
            assembled.append(try encoder.encode(value))
            assembled.append(UInt8(ascii: "}"))
            body = assembled
        } else {
            body = try encoder.encode(message)
        }
        var framed = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
        framed.append(body)
        return framed
    }
}

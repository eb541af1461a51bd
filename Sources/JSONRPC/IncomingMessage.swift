import Foundation

/// A message received from the peer, checked against JSON-RPC 2.0.
/// Its params stay undecoded until the handler knows which type they should have.
public struct IncomingMessage: Sendable {
    public enum Kind: Sendable, Equatable {
        case request(id: RequestID, method: String)
        case notification(method: String)
        case response(id: RequestID, result: Result<JSONValue, ResponseError>)
    }

    public let kind: Kind
    /// The raw JSON body, kept so params decode straight into their type.
    public let body: Data

    public init(kind: Kind, body: Data) {
        self.kind = kind
        self.body = body
    }

    public var method: String? {
        switch kind {
        case .request(_, let method), .notification(let method): return method
        case .response: return nil
        }
    }

    public var id: RequestID? {
        switch kind {
        case .request(let id, _), .response(let id, _): return id
        case .notification: return nil
        }
    }

    /// Decodes `params` as `Params`; a mismatch is the client's fault: -32602.
    public func decodeParams<Params: Decodable>(_ type: Params.Type) throws(ResponseError) -> Params {
        do {
            return try JSONDecoder().decode(ParamsEnvelope<Params>.self, from: body).params
        } catch let error as DecodingError {
            throw ResponseError.invalidParams("Invalid params for \(method ?? "message"): \(Self.describe(error))")
        } catch {
            throw ResponseError.invalidParams("Invalid params for \(method ?? "message"): \(error)")
        }
    }

    private struct ParamsEnvelope<Params: Decodable>: Decodable {
        var params: Params

        enum CodingKeys: String, CodingKey { case params }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if container.contains(.params) {
                params = try container.decode(Params.self, forKey: .params)
            } else {
                // Absent params decode like `null`, so optional params types work.
                params = try Params(from: NullDecoder())
            }
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { key in key.intValue.map { "[\($0)]" } ?? key.stringValue }
            return keys.isEmpty ? "params" : keys.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing \(key.stringValue) in \(path(context))"
        case .typeMismatch(let type, let context):
            return "\(path(context)) is not \(type)"
        case .valueNotFound(let type, let context):
            return "\(path(context)) is null, expected \(type)"
        case .dataCorrupted(let context):
            return "\(path(context)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A decoder that holds a single `null`: used when a message has no `params`.
private struct NullDecoder: Decoder {
    var codingPath: [CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "params are missing"))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        throw DecodingError.valueNotFound([Any].self, .init(codingPath: [], debugDescription: "params are missing"))
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer { NullContainer() }

    private struct NullContainer: SingleValueDecodingContainer {
        var codingPath: [CodingKey] = []
        func decodeNil() -> Bool { true }
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            throw DecodingError.valueNotFound(type, .init(codingPath: [], debugDescription: "params are missing"))
        }
    }
}

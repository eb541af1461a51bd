import Foundation

/// The members of a message that JSON-RPC validation looks at (`jsonrpc`, `id`,
/// `method`, what kind of value `params` is, `result` and `error`), decoded without
/// the params themselves: they decode once, into their own type, when the handler
/// asks (`IncomingMessage.decodeParams`). Decoding a whole message into `JSONValue`
/// first took the reader thread tens to hundreds of µs for a keystroke, before the
/// request behind it was queued.
///
/// Decoding it never throws for valid JSON: each member is read as what it is.
/// It checks nothing inside the params: `MessageDecoder` checks the body is JSON.
enum MessageEnvelope: Decodable {
    case object(Members)
    case array
    /// A string, number, boolean or null.
    case scalar

    struct Members {
        /// Nil when absent or not a string.
        var jsonrpc: String?
        var id: Member<IDValue>
        var method: Member<String>
        var params: ValueKind?
        var result: JSONValue?
        var error: JSONValue?
    }

    /// A member: absent, of the expected type, or present as something else.
    enum Member<Value> {
        case absent
        case value(Value)
        case wrongType
    }

    enum IDValue {
        case null
        case int(Int)
        case string(String)
        case double(Double)
    }

    enum ValueKind { case object, array, null, other }

    private enum Key: String, CodingKey { case jsonrpc, id, method, params, result, error }

    /// Any key: `params` is opened as an object without naming its members.
    private struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        guard let container = try? decoder.container(keyedBy: Key.self) else {
            self = (try? decoder.unkeyedContainer()) != nil ? .array : .scalar
            return
        }
        var members = Members(id: .absent, method: .absent)
        members.jsonrpc = try? container.decodeIfPresent(String.self, forKey: .jsonrpc)
        if container.contains(.id) {
            // In the order `JSONValue` reads them: an integer before a double.
            if (try? container.decodeNil(forKey: .id)) == true {
                members.id = .value(.null)
            } else if (try? container.decode(Bool.self, forKey: .id)) != nil {
                members.id = .wrongType
            } else if let number = try? container.decode(Int.self, forKey: .id) {
                members.id = .value(.int(number))
            } else if let number = try? container.decode(Double.self, forKey: .id) {
                members.id = .value(.double(number))
            } else if let text = try? container.decode(String.self, forKey: .id) {
                members.id = .value(.string(text))
            } else {
                members.id = .wrongType
            }
        }
        if container.contains(.method) {
            members.method = (try? container.decode(String.self, forKey: .method)).map { .value($0) } ?? .wrongType
        }
        if container.contains(.params) {
            if (try? container.decodeNil(forKey: .params)) == true {
                members.params = .null
            } else if (try? container.nestedContainer(keyedBy: AnyKey.self, forKey: .params)) != nil {
                members.params = .object
            } else if (try? container.nestedUnkeyedContainer(forKey: .params)) != nil {
                members.params = .array
            } else {
                members.params = .other
            }
        }
        // Only responses have these, and they are small: read whole.
        if container.contains(.result) { members.result = try container.decode(JSONValue.self, forKey: .result) }
        if container.contains(.error) { members.error = try container.decode(JSONValue.self, forKey: .error) }
        self = .object(members)
    }
}

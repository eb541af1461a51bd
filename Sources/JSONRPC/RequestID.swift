/// A request id: JSON-RPC allows a number or a string, and a response must echo it exactly.
public enum RequestID: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(Int)
    case string(String)
    /// A whole number that fits no `Int` (`18446744073709551617`, `1e308`), kept as
    /// the JSON text the peer sent so the response carries the same id.
    case numberText(String)

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        // Decode Int before String: JSONDecoder never turns a number into a Bool or
        // a String, so `1` stays `.number(1)` and `"1"` stays `.string("1")`.
        if let number = try? container.decode(Int.self) {
            self = .number(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else {
            self = .numberText(String(describing: try container.decode(Double.self)))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number)
        case .string(let string): try container.encode(string)
        case .numberText(let text): try container.encode(Double(text) ?? 0)
        }
    }

    public var description: String {
        switch self {
        case .number(let number): return String(number)
        case .string(let string): return "\"\(string)\""
        case .numberText(let text): return text
        }
    }
}

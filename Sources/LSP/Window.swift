public enum MessageType: Int, Codable, Sendable {
    case error = 1
    case warning = 2
    case info = 3
    case log = 4
}

public struct LogMessageParams: Codable, Hashable, Sendable {
    public var type: MessageType
    public var message: String

    public init(type: MessageType, message: String) {
        self.type = type
        self.message = message
    }
}

public typealias ShowMessageParams = LogMessageParams

import JSONRPC

public struct WorkDoneProgressCreateParams: Codable, Hashable, Sendable {
    public var token: JSONValue
    public init(token: JSONValue) { self.token = token }
}

/// The value of a `$/progress` notification for work done progress.
public struct WorkDoneProgress: Codable, Hashable, Sendable {
    public var kind: String
    public var title: String?
    public var message: String?
    public var percentage: Int?
    public var cancellable: Bool?

    public init(kind: String, title: String? = nil, message: String? = nil, percentage: Int? = nil) {
        self.kind = kind
        self.title = title
        self.message = message
        self.percentage = percentage
    }
}

public struct ProgressParams: Codable, Hashable, Sendable {
    public var token: JSONValue
    public var value: WorkDoneProgress
    public init(token: JSONValue, value: WorkDoneProgress) {
        self.token = token
        self.value = value
    }
}

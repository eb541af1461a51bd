/// A JSON-RPC error object. Handlers throw it; the connection turns it into a response.
public struct ResponseError: Error, Hashable, Sendable, Codable {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }
}

extension ResponseError {
    // JSON-RPC 2.0
    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    // Reserved by LSP for its own use, but defined in the JSON-RPC range.
    public static let serverNotInitializedCode = -32002
    public static let requestCancelledCode = -32800
    public static let contentModifiedCode = -32801
    public static let requestFailedCode = -32803

    public static func parseError(_ message: String) -> ResponseError {
        ResponseError(code: parseErrorCode, message: message)
    }
    public static func invalidRequest(_ message: String) -> ResponseError {
        ResponseError(code: invalidRequestCode, message: message)
    }
    public static func methodNotFound(_ method: String) -> ResponseError {
        ResponseError(code: methodNotFoundCode, message: "Unknown method: \(method)")
    }
    public static func invalidParams(_ message: String) -> ResponseError {
        ResponseError(code: invalidParamsCode, message: message)
    }
    public static func internalError(_ message: String) -> ResponseError {
        ResponseError(code: internalErrorCode, message: message)
    }
    public static func serverNotInitialized(_ method: String) -> ResponseError {
        ResponseError(code: serverNotInitializedCode, message: "Server not initialized: \(method) before initialize")
    }
    public static let cancelled = ResponseError(code: requestCancelledCode, message: "Request cancelled")
    /// What `Connection.sendRequest` reports when the peer did not answer in time.
    public static func timedOut(_ method: String, seconds: Double) -> ResponseError {
        ResponseError(code: requestFailedCode, message: "The client did not answer \(method) within \(seconds.formatted()) s",
                      data: .string("timeout"))
    }

    public var isTimeout: Bool { code == Self.requestFailedCode && data == .string("timeout") }

    public static func requestFailed(_ message: String) -> ResponseError {
        ResponseError(code: requestFailedCode, message: message)
    }
}

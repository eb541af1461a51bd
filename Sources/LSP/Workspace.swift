import JSONRPC

public struct DidChangeConfigurationParams: Codable, Hashable, Sendable {
    public var settings: JSONValue?
}

public struct ConfigurationItem: Codable, Hashable, Sendable {
    public var scopeUri: DocumentURI?
    public var section: String?
    public init(scopeUri: DocumentURI? = nil, section: String?) {
        self.scopeUri = scopeUri
        self.section = section
    }
}

public struct ConfigurationParams: Codable, Hashable, Sendable {
    public var items: [ConfigurationItem]
    public init(items: [ConfigurationItem]) { self.items = items }
}

public struct FileEvent: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    /// 1 created, 2 changed, 3 deleted.
    public var type: Int
}

public struct DidChangeWatchedFilesParams: Codable, Hashable, Sendable {
    public var changes: [FileEvent]
}

public struct FileSystemWatcher: Codable, Hashable, Sendable {
    public var globPattern: String
    public init(globPattern: String) { self.globPattern = globPattern }
}

public struct DidChangeWatchedFilesRegistrationOptions: Codable, Hashable, Sendable {
    public var watchers: [FileSystemWatcher]
    public init(watchers: [FileSystemWatcher]) { self.watchers = watchers }
}

public struct Registration: Encodable, Sendable {
    public var id: String
    public var method: String
    public var registerOptions: DidChangeWatchedFilesRegistrationOptions?
    public init(id: String, method: String, registerOptions: DidChangeWatchedFilesRegistrationOptions?) {
        self.id = id
        self.method = method
        self.registerOptions = registerOptions
    }
}

public struct RegistrationParams: Encodable, Sendable {
    public var registrations: [Registration]
    public init(registrations: [Registration]) { self.registrations = registrations }
}

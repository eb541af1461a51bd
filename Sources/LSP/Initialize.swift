import JSONRPC

/// The subset of `InitializeParams` the server reads. Unknown members are ignored.
public struct InitializeParams: Codable, Sendable {
    public var processId: Int?
    public var rootUri: DocumentURI?
    public var rootPath: String?
    public var capabilities: ClientCapabilities
    public var initializationOptions: JSONValue?
    public var workspaceFolders: [WorkspaceFolder]?
    public var clientInfo: ClientInfo?

    public init(capabilities: ClientCapabilities = ClientCapabilities()) {
        self.capabilities = capabilities
    }
}

public struct ClientInfo: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?
}

public struct WorkspaceFolder: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var name: String
}

/// What the client can do, as far as the server cares. Every member is optional
/// because clients send whatever subset they support.
public struct ClientCapabilities: Codable, Sendable {
    public var general: General?
    public var textDocument: TextDocument?
    public var window: Window?
    public var workspace: Workspace?

    public init() {}

    public struct General: Codable, Sendable {
        public var positionEncodings: [PositionEncodingKind]?
    }

    public struct TextDocument: Codable, Sendable {
        public var hover: Hover?
        public var documentSymbol: DocumentSymbol?
        public var diagnostic: DynamicRegistration?
        public var publishDiagnostics: PublishDiagnostics?
        public var completion: Completion?
        public var codeAction: CodeAction?

        public struct CodeAction: Codable, Sendable {
            /// The properties of a code action the client can ask for later with
            /// `codeAction/resolve` (`edit`).
            public var resolveSupport: ResolveSupport?
            public struct ResolveSupport: Codable, Sendable {
                public var properties: [String]
            }
        }

        public struct Hover: Codable, Sendable {
            public var contentFormat: [MarkupKind]?
        }

        public struct DocumentSymbol: Codable, Sendable {
            public var hierarchicalDocumentSymbolSupport: Bool?
        }

        public struct PublishDiagnostics: Codable, Sendable {
            public var versionSupport: Bool?
            public var relatedInformation: Bool?
        }

        public struct Completion: Codable, Sendable {
            public var completionItem: CompletionItem?
            public struct CompletionItem: Codable, Sendable {
                public var snippetSupport: Bool?
                public var documentationFormat: [MarkupKind]?
            }
        }
    }

    public struct Window: Codable, Sendable {
        public var workDoneProgress: Bool?
    }

    public struct Workspace: Codable, Sendable {
        public var configuration: Bool?
        public var didChangeWatchedFiles: DynamicRegistration?
        public var workspaceFolders: Bool?
        public var diagnostics: Diagnostics?

        public struct Diagnostics: Codable, Sendable {
            public var refreshSupport: Bool?
        }
    }

    public struct DynamicRegistration: Codable, Sendable {
        public var dynamicRegistration: Bool?
    }
}

public struct InitializeResult: Codable, Sendable {
    public var capabilities: ServerCapabilities
    public var serverInfo: ServerInfo?

    public init(capabilities: ServerCapabilities, serverInfo: ServerInfo?) {
        self.capabilities = capabilities
        self.serverInfo = serverInfo
    }
}

public struct ServerInfo: Codable, Hashable, Sendable {
    public var name: String
    public var version: String?

    public init(name: String, version: String?) {
        self.name = name
        self.version = version
    }
}

/// The capabilities the server announces. Only members that are set are sent, so
/// the list stays honest: a feature appears here when it is implemented.
public struct ServerCapabilities: Codable, Sendable {
    public var positionEncoding: PositionEncodingKind?
    public var textDocumentSync: TextDocumentSyncOptions?
    public var documentSymbolProvider: Bool?
    public var foldingRangeProvider: Bool?
    public var diagnosticProvider: DiagnosticOptions?
    public var codeActionProvider: CodeActionOptions?
    public var executeCommandProvider: ExecuteCommandOptions?
    public var completionProvider: CompletionOptions?
    public var hoverProvider: Bool?
    public var definitionProvider: Bool?
    public var referencesProvider: Bool?
    public var workspaceSymbolProvider: Bool?
    public var inlayHintProvider: Bool?
    public var semanticTokensProvider: SemanticTokensOptions?
    public var documentLinkProvider: DocumentLinkOptions?
    public var documentFormattingProvider: Bool?

    public init() {}
}

public struct CancelParams: Codable, Hashable, Sendable {
    public var id: RequestID
    public init(id: RequestID) { self.id = id }
}

import Foundation
import JSONRPC
import LSP

extension LanguageServer {
    func registerLifecycle() {
        onRequest("initialize", InitializeParams.self) { [unowned self] params in
            initialize(params)
        }
        onRequest("shutdown", JSONValue?.self) { [unowned self] _ in
            lifecycle = .shutDown
            return JSONValue.null
        }
    }

    private func initialize(_ params: InitializeParams) -> InitializeResult {
        session.capabilities = params.capabilities
        session.columnUnit = Session.negotiateColumnUnit(params.capabilities.general?.positionEncodings)
        session.clientName = params.clientInfo.map { "\($0.name) \($0.version ?? "")" } ?? "unknown client"
        session.rootPath = Self.rootPath(params)
        configurationLayers.initializationOptions = params.initializationOptions
        lifecycle = .running
        trace?.log("initialize from \(session.clientName), positions in \(session.columnUnit.rawValue)")
        return InitializeResult(
            capabilities: capabilities(),
            serverInfo: ServerInfo(name: VraagbaakVersion.name, version: VraagbaakVersion.current))
    }

    /// Only what is implemented: a capability appears here with its handler.
    private func capabilities() -> ServerCapabilities {
        var capabilities = ServerCapabilities()
        capabilities.positionEncoding = session.columnUnit.positionEncoding
        capabilities.textDocumentSync = TextDocumentSyncOptions(
            openClose: true, change: .incremental, save: SaveOptions(includeText: false))
        capabilities.documentSymbolProvider = true
        capabilities.foldingRangeProvider = true
        capabilities.codeActionProvider = CodeActionOptions(
            codeActionKinds: [CodeActionKind.quickFix, CodeActionKind.sourceFixAll], resolveProvider: true)
        capabilities.executeCommandProvider = ExecuteCommandOptions(commands: [Self.silenceCommand])
        if session.capabilities.textDocument?.diagnostic != nil {
            capabilities.diagnosticProvider = DiagnosticOptions(
                identifier: "vraagbaak", interFileDependencies: true, workspaceDiagnostics: false)
        }
        capabilities.completionProvider = CompletionOptions(triggerCharacters: [".", " ", ":"], resolveProvider: true)
        capabilities.hoverProvider = true
        capabilities.definitionProvider = true
        capabilities.referencesProvider = true
        capabilities.workspaceSymbolProvider = true
        capabilities.inlayHintProvider = true
        capabilities.semanticTokensProvider = SemanticTokensOptions(legend: ToLSP.semanticTokensLegend, full: true)
        capabilities.documentLinkProvider = DocumentLinkOptions(resolveProvider: false)
        capabilities.documentFormattingProvider = true
        return capabilities
    }

    private static func rootPath(_ params: InitializeParams) -> String? {
        if let uri = params.workspaceFolders?.first?.uri ?? params.rootUri, let url = URL(string: uri), url.isFileURL {
            return url.path
        }
        return params.rootPath
    }
}

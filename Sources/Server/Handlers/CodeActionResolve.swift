import Analysis
import JSONRPC
import LSP

/// `codeAction/resolve`: the edit of the fix-all action, made when the member picks
/// it rather than for every cursor move (it checks the text twice and more).
extension LanguageServer {
    func registerCodeActionResolve() {
        onRequestOffQueue("codeAction/resolve", CodeAction.self) { [unowned self] action in
            guard action.edit == nil, action.kind == CodeActionKind.sourceFixAll,
                  let uri = action.data?["uri"]?.stringValue, let version = action.data?["version"]?.intValue else {
                return { action } // nothing of ours left to fill in
            }
            guard documents[uri]?.version == version else {
                // The text changed since the action was offered: its edit would not fit.
                throw ResponseError(code: ResponseError.contentModifiedCode,
                                    message: "The document changed since this action was offered: ask for code actions again")
            }
            let (snapshot, converter) = try snapshot(uri)
            return {
                var resolved = action
                resolved.edit = WorkspaceEdit(changes: [uri: ToLSP.edits(snapshot.fixAllEdits(), converter)])
                return resolved
            }
        }
    }
}

extension Session {
    /// The client asks for a code action's `edit` with `codeAction/resolve`.
    var resolvesCodeActionEdits: Bool {
        capabilities.textDocument?.codeAction?.resolveSupport?.properties.contains("edit") == true
    }
}

import Analysis
import Corpus
import LSP

/// `textDocument/completion` and `completionItem/resolve`.
extension LanguageServer {
    func registerCompletion() {
        onRequest("textDocument/completion", CompletionParams.self) { [unowned self] params in
            let (snapshot, converter) = try snapshot(params.textDocument.uri)
            let preferences = CompletionPreferences(snippets: session.supportsSnippets,
                                                    documentation: session.completionDocumentationFormat)
            let trigger = CompletionTrigger(triggerKind: params.context?.triggerKind)
            return ToLSP.completionList(snapshot.completion(at: converter.utf8Offset(params.position), preferences: preferences,
                                                            trigger: trigger), converter)
        }
        onRequest("completionItem/resolve", CompletionItem.self) { [unowned self] item in
            guard item.documentation == nil, let handle = ToLSP.recordHandle(item),
                  let text = CompletionCandidates.documentation(handle, corpus: corpus,
                                                                format: session.completionDocumentationFormat) else { return item }
            var resolved = item
            resolved.documentation = ToLSP.markup(text)
            return resolved
        }
    }

    /// The vocabulary of the corpus in use: part of the index, loaded with it (from
    /// the cache or built by the same background load), never built on the queue.
    func completionVocabulary() -> CompletionVocabulary { corpus.vocabulary }
}

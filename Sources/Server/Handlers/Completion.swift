import Analysis
import Corpus
import Dispatch
import LSP

/// `textDocument/completion` and `completionItem/resolve`, and the completion
/// vocabulary of the corpus in use.
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

    /// The vocabulary of the corpus in use, built now if the background build has not
    /// finished yet.
    func completionVocabulary() -> CompletionVocabulary {
        if let vocabulary = editingState.vocabulary { return vocabulary }
        // A small corpus is quick to do now. A large one is being built off the queue;
        // until then completion offers only what needs no corpus (the client asks again,
        // lists are incomplete), rather than block every request behind it.
        let vocabulary = corpus.count <= 2_000 ? CompletionVocabulary(corpus) : .empty
        editingState.vocabulary = vocabulary
        return vocabulary
    }

    /// Called when `corpus` is replaced: drops the vocabulary of the old corpus and
    /// builds the new one off the queue.
    func corpusReplacedForEditing() {
        editingState.generation += 1
        editingState.vocabulary = nil
        let generation = editingState.generation
        let corpus = self.corpus
        DispatchQueue.global(qos: .utility).async { [self] in
            let vocabulary = CompletionVocabulary(corpus)
            queue.async { [self] in
                if editingState.generation == generation {
                    editingState.vocabulary = vocabulary
                }
            }
        }
    }
}

/// Derived state of the editing features, tied to the corpus in use.
struct EditingState: Sendable {
    var generation = 0
    var vocabulary: CompletionVocabulary?
}

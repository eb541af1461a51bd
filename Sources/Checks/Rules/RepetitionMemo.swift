import Corpus
import Synchronization

/// What the repetition check keeps between the checks of one document (the server
/// has one per open draft): its last decision, and the search scores it came from.
///
/// The decision depends on the question text's terms (title and question part, in
/// order, stopwords left out), the corpus and the limits. A keystroke that leaves
/// those unchanged (a space, a line break, punctuation, a stopword or a one-letter
/// word) reuses the decision. Any other keystroke (each letter typed changes a word)
/// searches again from the last scores (`SearchSession`), which costs only the
/// postings of the terms it changed.
///
/// Checks of the same document may run at once (pushed and pulled diagnostics, code
/// actions): one takes the session while it searches, another meanwhile searches
/// afresh. Either way the answer is the same.
public final class RepetitionMemo: Sendable {
    struct Key: Equatable {
        /// `Tokenizer.termKey`s of the title and the question part.
        let titleTerms: [UInt8]
        let bodyTerms: [UInt8]
        let excluded: Set<Int>
        let documentPath: String?
        let copyLimit: Int
        let relevanceLimit: Int
    }

    private struct State {
        var corpus: Corpus?
        var key: Key?
        var groups: [[RepetitionRule.Match]] = []
        var session: SearchSession?
    }

    private let state = Mutex(State())

    public init() {}

    /// The decision kept for `key` against `corpus`, if it is the last one made.
    func groups(for key: Key, corpus: Corpus) -> [[RepetitionRule.Match]]? {
        state.withLock { state in
            guard let kept = state.corpus, kept.isSame(as: corpus), state.key == key else { return nil }
            return state.groups
        }
    }

    /// The last search's scores, taken out while a search continues from them.
    func takeSession() -> SearchSession? {
        state.withLock { state in
            defer { state.session = nil }
            return state.session
        }
    }

    func keep(_ groups: [[RepetitionRule.Match]], for key: Key, corpus: Corpus, session: SearchSession?) {
        state.withLock { state in
            state.corpus = corpus
            state.key = key
            state.groups = groups
            if let session { state.session = session }
        }
    }
}

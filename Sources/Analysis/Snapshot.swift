import Checks
import Corpus
import QuestionModel
import SourceText

/// One text as analysis sees it: the text, its lines and its parse. Immutable.
package struct DocumentSnapshot: Sendable {
    /// The file path or URI, nil for standard input; decides draft or not.
    package let path: String?
    package let text: String
    package let lineIndex: LineIndex
    package let question: Question

    /// Parses `text` as `DraftDecision` says for `path` and `languageId`.
    package init(path: String?, languageId: String? = nil, text: String, lineIndex: LineIndex? = nil) {
        self.path = path
        self.text = text
        let lines = lineIndex ?? LineIndex(text)
        self.lineIndex = lines
        self.question = Question.parse(utf8: lines.utf8, as: DraftDecision.kind(path: path, languageId: languageId))
    }

    /// A parse already made for this text (the server keeps one per version).
    package init(path: String?, text: String, lineIndex: LineIndex, question: Question) {
        self.path = path
        self.text = text
        self.lineIndex = lineIndex
        self.question = question
    }

    package var kind: DocumentKind { question.kind }
    package var bytes: [UInt8] { lineIndex.utf8 }
}

/// Everything one request is answered from: the document, the corpus and its
/// completion vocabulary, the configuration and today's date. Immutable and
/// `Sendable`, so a feature runs on any thread while the server goes on.
/// Each feature is one function on it (the files beside this one), from the
/// snapshot and a UTF-8 offset or range to domain values; none knows the protocol.
package struct AnalysisSnapshot: Sendable {
    package let document: DocumentSnapshot
    package let corpus: Corpus
    package let vocabulary: CompletionVocabulary
    package let configuration: Configuration
    package let today: DutchDate
    /// Where record files are, for navigation.
    package let records: RecordLocator
    /// False until the first corpus is loaded: the checks that need one wait for it.
    package let usesCorpus: Bool
    /// What the repetition check keeps between checks of this document (the server
    /// keeps one per open draft, so a keystroke's check continues from the last).
    package var repetitionMemo: RepetitionMemo?
    /// The findings of this document's last check (the server keeps one per open
    /// document, so the requests of one version share a check).
    package var findingsMemo: FindingsMemo?

    package init(document: DocumentSnapshot, corpus: Corpus, vocabulary: CompletionVocabulary? = nil,
                 configuration: Configuration = .default, today: DutchDate, records: RecordLocator = .filesOnly,
                 usesCorpus: Bool = true) {
        self.records = records
        self.usesCorpus = usesCorpus
        self.document = document
        self.corpus = corpus
        self.vocabulary = vocabulary ?? .empty
        self.configuration = configuration
        self.today = today
    }

    package var question: Question { document.question }
    package var lineIndex: LineIndex { document.lineIndex }
}

extension AnalysisSnapshot {
    /// How a citation of this document resolves: `CitationResolution`, the one
    /// resolution the checks use too.
    package func resolve(_ citation: Citation) -> CitationResolution {
        CitationResolution.resolve(citation, in: question, corpus: corpus, today: today)
    }

    /// For resolving many citations of this document: each distinct one once.
    package func citationResolver() -> CitationResolver {
        CitationResolver(question: question, corpus: corpus, today: today)
    }
}

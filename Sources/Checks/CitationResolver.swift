import Corpus
import QuestionModel

/// Resolves the citations of one text against one corpus, each distinct reference
/// once. A long draft cites the same few questions thousands of times (a 1 MB draft
/// 20,000 times), and a citation by number alone filters the corpus by minister
/// every time it is resolved; three citation rules, inlay hints and document links
/// each resolve every citation.
///
/// What a citation resolves to depends only on its kind, number, date and (without a
/// date) its date mention, given the text, corpus and day: those are the key.
public struct CitationResolver {
    public let question: Question
    public let corpus: Corpus
    public let today: DutchDate
    private var known: [Reference: CitationResolution] = [:]

    private struct Reference: Hashable {
        let number: Int
        let date: DutchDate?
    }

    public init(question: Question, corpus: Corpus, today: DutchDate) {
        self.question = question
        self.corpus = corpus
        self.today = today
    }

    /// `CitationResolution.resolve`, remembered per distinct reference.
    public mutating func resolve(_ citation: Citation) -> CitationResolution {
        // A date mention that is no date (`31 februari`) answers with the mention itself.
        guard citation.kind == .writtenQuestion, let number = citation.number,
              citation.date != nil || citation.dateMention == nil else {
            return CitationResolution.resolve(citation, in: question, corpus: corpus, today: today)
        }
        let reference = Reference(number: number, date: citation.date)
        if let resolution = known[reference] { return resolution }
        let resolution = CitationResolution.resolve(citation, in: question, corpus: corpus, today: today)
        known[reference] = resolution
        return resolution
    }
}

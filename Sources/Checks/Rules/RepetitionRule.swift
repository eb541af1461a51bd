// repetition (information, drafts only): the draft closely matches a question the
// corpus holds with an answer. One BM25 search with the draft's title and questions
// finds candidates; the best one counts when its term overlap (Dice coefficient,
// over the same previews the corpus keeps) reaches the limit, 60 percent by
// default. Questions the draft already cites are skipped. Fix: cite it.
import Corpus
import QuestionModel
import SourceText

struct RepetitionRule: Rule {
    let code = RuleCode.repetition
    /// BM25 candidates re-ranked by overlap: enough to get past near-ties.
    static let candidateCount = 5

    func findings(in context: CheckContext) -> [Finding] {
        let question = context.question
        guard context.corpus.count > 0, let threshold = context.limit(for: code) else { return [] }
        let draft = TermProfile(question: question)
        guard !draft.full.isEmpty else { return [] }
        let cited = context.citedReferences
        let hits = context.corpus.search(draft.query, limit: Self.candidateCount, excluding: context.excludedRecords)
        var best: (hit: Corpus.SearchResult, similarity: Double)?
        for hit in hits where hit.record.hasAnswer {
            if let number = hit.record.number, let date = hit.record.date,
               cited.contains(QuestionReference(number: number, date: date)) { continue }
            let similarity = Self.similarity(draft, TermProfile(record: hit.record))
            if similarity > (best?.similarity ?? -1) { best = (hit, similarity) }
        }
        guard let best, Int((best.similarity * 100).rounded(.down)) >= threshold else { return [] }
        let record = best.hit.record
        // Rounded down, so a configured limit equal to the shown percentage fires.
        let percent = Int((best.similarity * 100).rounded(.down))
        let reference = record.number != nil && record.date != nil ? " (\(record.displayReference))" : ""
        var fixes: [Fix] = []
        if let number = record.number, let date = record.date {
            let insertAt = question.introduction?.range.start ?? question.numberedQuestions.first?.markerRange.start
                ?? question.questionRange?.start ?? context.bytes.count
            let sentence = "Deze vraag volgt op schriftelijke vraag nr. \(number) van \(date.canonicalText).\n\n"
            fixes.append(Fix(title: "Verwijzen naar schriftelijke vraag nr. \(number) van \(date.canonicalText)",
                             edits: [TextReplacement(range: TextRange(start: insertAt, end: insertAt), newText: sentence)]))
        }
        let range = question.title?.range ?? question.numberedQuestions.first?.range ?? question.questionRange
            ?? TextRange(start: 0, end: 0)
        return [Finding(code: code, range: range,
                        message: "Een gelijkaardige vraag werd al beantwoord: ‘\(record.title)’\(reference), \(percent)% gelijk. Lees dat antwoord, verwijs ernaar en vraag enkel wat nieuw is.",
                        fixes: fixes,
                        related: [RelatedRecord(recordIndex: best.hit.index, record: record,
                                                message: "\(record.displayReference): \(record.title) (beantwoord, \(percent)% gelijk)")])]
    }

    /// The terms of one side, cut to the corpus's preview lengths so a draft and a
    /// record compare like with like.
    struct TermProfile {
        var query = ""
        var questions: Set<String> = []
        var full: Set<String> = []

        init(question: Question) {
            let title = question.title?.text ?? ""
            let items = question.numberedQuestions.map(\.text)
            let prose = question.introduction?.text ?? ""
            // The query: what the draft asks; prose only when nothing is numbered.
            query = ([title] + (items.isEmpty ? [prose] : items)).joined(separator: "\n")
            let previews = items.prefix(RecordPreviewLimits.questions).map {
                RecordPreviewLimits.excerpt($0, length: RecordPreviewLimits.questionLength)
            }
            questions = Set(previews.flatMap { Tokenizer.terms(in: $0) })
            full = Set(([title, RecordPreviewLimits.excerpt(prose, length: RecordPreviewLimits.introductionLength)] + previews)
                .flatMap { Tokenizer.terms(in: $0) })
        }

        init(record: Record) {
            questions = Set(record.questions.flatMap { Tokenizer.terms(in: $0) })
            full = Set(([record.title, record.introductionExcerpt] + record.questions).flatMap { Tokenizer.terms(in: $0) })
        }
    }

    /// The larger of the questions' overlap (when both have numbered questions) and
    /// the whole previews' overlap; 0...1.
    static func similarity(_ draft: TermProfile, _ record: TermProfile) -> Double {
        var result = dice(draft.full, record.full)
        if !draft.questions.isEmpty, !record.questions.isEmpty {
            result = max(result, dice(draft.questions, record.questions))
        }
        return result
    }

    static func dice(_ a: Set<String>, _ b: Set<String>) -> Double {
        guard !a.isEmpty || !b.isEmpty else { return 0 }
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        let shared = small.reduce(0) { $0 + (large.contains($1) ? 1 : 0) }
        return 2 * Double(shared) / Double(a.count + b.count)
    }
}

// citation-date-mismatch (warning): the corpus knows the cited number, but not on the
// cited date. Fix: the right date, when the records with that number (narrowed to
// the draft's minister when it is known) have one date, or one closest date.
import Corpus
import QuestionModel

struct CitationDateMismatchRule: Rule {
    let code = RuleCode.citationDateMismatch

    func findings(in context: CheckContext) -> [Finding] {
        context.checkedCitations.compactMap { citation -> Finding? in
            guard citation.kind == .writtenQuestion, let number = citation.number, let date = citation.date,
                  let dateRange = citation.dateRange,
                  context.corpus.records(number: number, date: date).isEmpty else { return nil }
            let candidates = CitationCandidates.dated(number: number, in: context)
            guard !candidates.isEmpty else { return nil }
            let dates = Set(candidates.compactMap(\.record.date))
            let known = dates.sorted().map(\.canonicalText).joined(separator: ", ")
            var fixes: [Fix] = []
            if let best = CitationCandidates.closest(dates, to: date) {
                fixes.append(Fix(title: "Datum wijzigen in \(best.canonicalText)",
                                 edits: [TextReplacement(range: dateRange, newText: best.canonicalText)]))
            }
            let related = candidates.prefix(5).map { candidate in
                RelatedRecord(recordIndex: candidate.index, record: candidate.record,
                              message: "\(candidate.record.displayReference): \(candidate.record.title)")
            }
            let hint = fixes.isEmpty ? "Het corpus kent nr. \(number) op: \(known)." : "Bedoelt u \(known)?"
            return Finding(code: code, range: dateRange,
                           message: "Schriftelijke vraag nr. \(number) staat in het corpus, maar niet op \(date.canonicalText). \(hint) Controleer de datum.",
                           fixes: fixes, related: Array(related))
        }
    }
}

/// Records that could be meant by a number: shared by the date rules.
enum CitationCandidates {
    /// Records with `number` and a date, with their corpus index; narrowed to the
    /// draft's minister when the draft names one and some records match it.
    static func dated(number: Int, in context: CheckContext) -> [(index: Int, record: Record)] {
        let records = context.corpus.records(number: number).filter { $0.date != nil }
        guard !records.isEmpty else { return [] }
        let indexed = records.map { (index: $0.corpusIndex, record: $0) }
        if let minister = context.question.metadata.minister?.displayName {
            let key = TextScanning.nameKey(minister)
            let same = indexed.filter { $0.record.minister.map(TextScanning.nameKey) == key }
            if !same.isEmpty { return same }
        }
        return indexed
    }

    /// The one date, or the one closest to `date`; nil on a tie.
    static func closest(_ dates: Set<DutchDate>, to date: DutchDate) -> DutchDate? {
        let sorted = dates.sorted { abs($0.daysSinceEpoch - date.daysSinceEpoch) < abs($1.daysSinceEpoch - date.daysSinceEpoch) }
        guard let first = sorted.first else { return nil }
        if sorted.count > 1,
           abs(sorted[1].daysSinceEpoch - date.daysSinceEpoch) == abs(first.daysSinceEpoch - date.daysSinceEpoch) {
            return nil
        }
        return first
    }
}

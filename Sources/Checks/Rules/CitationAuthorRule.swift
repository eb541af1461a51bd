// citation-author (warning): `mijn schriftelijke vraag nr. N van DATE`, but the corpus
// says someone else asked it. Only when both the draft's author (`van:`) and the
// record's are known. Fix: `mijn` becomes `de`.
import Corpus
import QuestionModel
import SourceText

struct CitationAuthorRule: Rule {
    let code = RuleCode.citationAuthor

    func findings(in context: CheckContext) -> [Finding] {
        guard let author = context.question.metadata.author?.displayName, !author.isEmpty else { return [] }
        let authorKey = TextScanning.nameKey(author)
        return context.checkedCitations.compactMap { citation -> Finding? in
            guard citation.isOwnQuestion, citation.kind == .writtenQuestion, let number = citation.number,
                  let date = citation.date else { return nil }
            let records = context.corpus.records(number: number, date: date)
            let authors = records.compactMap(\.author)
            guard !records.isEmpty, authors.count == records.count,
                  !authors.contains(where: { TextScanning.nameKey($0) == authorKey }) else { return nil }
            let mijn = TextRange(start: citation.range.start, end: citation.range.start + 4)
            let replacement = context.string(mijn).first?.isUppercase == true ? "De" : "de"
            let shown = Array(records.prefix(5))
            let related = shown.map { record in
                RelatedRecord(recordIndex: record.corpusIndex, record: record,
                              message: "\(record.displayReference) van \(record.author ?? "?"): \(record.title)")
            }
            let others = Array(Set(authors)).sorted().joined(separator: ", ")
            return Finding(code: code, range: citation.range,
                           message: "Deze vraag is van \(others), niet van \(author): schrijf ‘de schriftelijke vraag’ in plaats van ‘mijn’, of controleer nummer en datum.",
                           fixes: [Fix(title: "‘mijn’ vervangen door ‘\(replacement)’",
                                       edits: [TextReplacement(range: mijn, newText: replacement)])],
                           related: related)
        }
    }
}

// repetition (drafts only): the draft asks again what an answered question of the
// corpus asked. Judged on the whole question text of both sides (title, introduction,
// every question and sub-item, the closing; never the answer), whatever the layout.
// - A warning when the draft is a near-verbatim copy: most of the word shingles of
//   the shorter side are in the other (`copy-limit`, 80 % by default).
// - An information when it asks the same in other words: its search score against
//   the record, over the geometric mean of both sides' scores against themselves,
//   reaches the rule's limit (30 %). Only answered records count here; a copy
//   counts answered or not (then the message says it still awaits its answer).
// The same question sent to several ministers is one match, with its ministers
// named; up to three matches are related. Records the draft cites are exempt, and so
// is the draft itself when it lies in the corpus. Fix: cite the answered question.
import Corpus
import Foundation
import QuestionModel
import SourceText

struct RepetitionRule: Rule {
    let code = RuleCode.repetition
    /// Search candidates judged: enough for a question sent to every minister
    /// (18 records in kamer-2017) and the matches after it.
    static let candidateCount = 30
    static let relatedLimit = 3
    /// Records sharing this share of shingles are one question filed several times.
    static let twinResemblance = 0.9

    enum Grade: Int, Comparable {
        case reworded, copy
        static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    struct Match {
        let index: Int
        let record: Record
        let grade: Grade
        let isAnswered: Bool
        /// The share that decided the grade, 0...1: shingles for a copy, relevance otherwise.
        let similarity: Double
    }

    func findings(in context: CheckContext) -> [Finding] {
        guard context.corpus.count > 0, let relevanceLimit = context.limit(for: code) else { return [] }
        let groups = Self.matches(in: context, copyLimit: context.repetitionCopyLimit,
                                  relevanceLimit: relevanceLimit)
        guard let best = groups.first?.first else { return [] }
        let question = context.question
        let range = question.title?.range ?? question.numberedQuestions.first?.range ?? question.questionRange
            ?? TextRange(start: 0, end: 0)
        let percent = Self.percent(best.similarity)
        let message: String
        switch best.grade {
        case .copy where best.isAnswered:
            message = "Deze vraag werd al gesteld en beantwoord: \(Self.describe(groups[0])) (\(percent)% gelijk). "
                + "Lees dat antwoord en verwijs ernaar; vraag enkel wat nieuw is."
        case .copy:
            message = "Deze vraag werd al gesteld en wacht nog op een antwoord: \(Self.describe(groups[0])) "
                + "(\(percent)% gelijk). Verwijs ernaar in plaats van ze opnieuw te stellen."
        case .reworded:
            message = "Een gelijkaardige vraag werd al gesteld en beantwoord: \(Self.describe(groups[0])) "
                + "(\(percent)% gelijk). Lees dat antwoord, verwijs ernaar en vraag enkel wat nieuw is."
        }
        let related = groups.prefix(Self.relatedLimit).map { group in
            let lead = group[0]
            let kind = lead.grade == .copy ? "dezelfde vraag" : "gelijkaardig"
            let answered = lead.isAnswered ? "beantwoord" : "nog niet beantwoord"
            return RelatedRecord(recordIndex: lead.index, record: lead.record,
                                 message: "\(Self.describe(group)) (\(answered); \(kind), \(Self.percent(lead.similarity))% gelijk)")
        }
        return [Finding(code: code, severity: best.grade == .copy ? .warning : .information, range: range,
                        message: message, fixes: Self.citingFix(groups[0], question: question, context: context),
                        related: related)]
    }

    /// The matches, best first, twins grouped (each group's best member first).
    static func matches(in context: CheckContext, copyLimit: Int, relevanceLimit: Int) -> [[Match]] {
        let corpus = context.corpus
        let parts = QuestionText.parts(of: context.question, text: String(decoding: context.bytes, as: UTF8.self))
        // The decision depends on the terms alone: kept for the next check of this
        // document, and reused while a keystroke leaves them as they are.
        let key = RepetitionMemo.Key(titleTerms: Tokenizer.termKey(in: parts.title), bodyTerms: Tokenizer.termKey(in: parts.body),
                                     excluded: context.excludedRecords, documentPath: context.documentPath,
                                     copyLimit: copyLimit, relevanceLimit: relevanceLimit)
        let memo = context.repetitionMemo
        let groups: [[Match]]
        if let kept = memo?.groups(for: key, corpus: corpus) {
            groups = kept
        } else {
            var session = memo?.takeSession()
            groups = Self.groupedMatches(in: context, parts: parts, copyLimit: copyLimit, relevanceLimit: relevanceLimit,
                                         session: &session)
            memo?.keep(groups, for: key, corpus: corpus, session: session)
        }
        // A question the draft cites is known to its author, and so are its twins
        // (the citations gathered only when there is a match: a long draft cites thousands of times).
        guard !groups.isEmpty else { return [] }
        let cited = context.citedReferences
        return groups.filter { group in
            !group.contains { match in
                guard let number = match.record.number, let date = match.record.date else { return false }
                return cited.contains(QuestionReference(number: number, date: date))
            }
        }
    }

    /// The matches of the question text `parts`, best first, twins grouped; the
    /// search continues from `session` and leaves its scores there.
    private static func groupedMatches(in context: CheckContext, parts: (title: String, body: String), copyLimit: Int,
                                       relevanceLimit: Int, session: inout SearchSession?) -> [[Match]] {
        let corpus = context.corpus
        let text = parts.title + "\n" + parts.body
        let shingles = Shingles(text: text)
        guard !shingles.isEmpty else { return [] }
        let ownScore = corpus.selfScore(title: parts.title, question: parts.body)
        var matches: [Match] = []
        // The draft's own file among the candidates is the draft itself: compared for
        // these few hits, never by a walk over every record at each keystroke.
        let ownFile = context.documentPath.map(Corpus.canonicalPath)
        let ownNames = Set([context.documentPath, ownFile].compactMap { $0.map { ($0 as NSString).lastPathComponent } })
        for hit in corpus.search(text, limit: candidateCount, excluding: context.excludedRecords, session: &session) {
            if let ownFile, let path = hit.record.source.filePath,
               ownNames.contains((path as NSString).lastPathComponent), Corpus.canonicalPath(path) == ownFile { continue }
            let copy = corpus.shingleOverlap(hit.index, with: shingles).resemblance
            let isAnswered = hit.record.hasAnswer
            if percent(copy) >= copyLimit {
                matches.append(Match(index: hit.index, record: hit.record, grade: .copy, isAnswered: isAnswered,
                                     similarity: copy))
                continue
            }
            guard isAnswered else { continue }
            let relevance = min(1, hit.score / max((corpus.selfScore(hit.index) * ownScore).squareRoot(), .leastNormalMagnitude))
            if percent(relevance) >= relevanceLimit {
                matches.append(Match(index: hit.index, record: hit.record, grade: .reworded, isAnswered: true,
                                     similarity: relevance))
            }
        }
        // Copies first; an answered record before one still waiting for its answer.
        matches.sort {
            ($0.grade, $0.isAnswered ? 1 : 0, $0.similarity, -$0.index) > ($1.grade, $1.isAnswered ? 1 : 0, $1.similarity, -$1.index)
        }
        var groups: [[Match]] = []
        var leadShingles: [Shingles] = []
        for match in matches {
            if let group = leadShingles.firstIndex(where: {
                corpus.shingleOverlap(match.index, with: $0).resemblance >= twinResemblance
            }) {
                groups[group].append(match)
            } else {
                groups.append([match])
                leadShingles.append(corpus.shingles(match.index))
            }
        }
        return groups
    }

    /// Rounded down, so a configured limit equal to the shown percentage fires.
    static func percent(_ share: Double) -> Int { Int((share * 100).rounded(.down)) }

    /// `nr. 123 van 26 januari 2024 aan Gwendolyn Rutten, ‘Title’`; a group names
    /// every minister it was sent to.
    static func describe(_ group: [Match]) -> String {
        let lead = group[0].record
        var text: String
        if let number = lead.number, let date = lead.date {
            text = "nr. \(number) van \(date.canonicalText)"
        } else if let date = lead.date {
            text = "de vraag van \(date.canonicalText)"
        } else {
            text = "de vraag"
        }
        var ministers: [String] = []
        for match in group {
            guard let name = match.record.minister ?? match.record.ministerOffice, !ministers.contains(name) else { continue }
            ministers.append(name)
        }
        let shown = Array(ministers.prefix(4))
        let others = ministers.count - shown.count
        if others > 0 {
            text += " aan " + shown.joined(separator: ", ") + " en \(others) anderen"
        } else if let last = shown.last {
            text += " aan " + (shown.count == 1 ? last : shown.dropLast().joined(separator: ", ") + " en " + last)
        }
        return text + ", ‘\(lead.title)’"
    }

    /// Cites the answered question, when a member of the match has a number and a date.
    static func citingFix(_ group: [Match], question: Question, context: CheckContext) -> [Fix] {
        guard let record = group.lazy.map(\.record).first(where: { $0.number != nil && $0.date != nil }),
              let number = record.number, let date = record.date else { return [] }
        let insertAt = question.introduction?.range.start ?? question.numberedQuestions.first?.markerRange.start
            ?? question.questionRange?.start ?? context.bytes.count
        let sentence = "Deze vraag volgt op schriftelijke vraag nr. \(number) van \(date.canonicalText).\n\n"
        return [Fix(title: "Verwijzen naar schriftelijke vraag nr. \(number) van \(date.canonicalText)",
                    edits: [TextReplacement(range: TextRange(start: insertAt, end: insertAt), newText: sentence)])]
    }
}

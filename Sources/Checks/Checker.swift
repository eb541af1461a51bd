import Corpus
import QuestionModel
import SourceText

/// The entry point: runs the catalogue's enabled rules over one parsed text.
///
/// Pure and cheap: no IO, no clock (`today` is passed in), one BM25 search for the
/// repetition rule; a 1,000-word draft against a 100,000-record corpus takes a few ms.
public struct Checker: Sendable {
    public let configuration: CheckConfiguration
    /// False while there is no corpus yet: the rules that need one are left out.
    public let usesCorpus: Bool
    /// Findings the member silenced for this draft (`Silence`): never reported, and
    /// never fixed by `fixAll`.
    public let silenced: Set<Silence>
    /// What the repetition check keeps between checks of one document (the server
    /// passes each open draft's own); nil: nothing is kept.
    public let repetitionMemo: RepetitionMemo?

    public init(configuration: CheckConfiguration = .default, usesCorpus: Bool = true, silenced: Set<Silence> = [],
                repetitionMemo: RepetitionMemo? = nil) {
        self.configuration = configuration
        self.usesCorpus = usesCorpus
        self.silenced = silenced
        self.repetitionMemo = repetitionMemo
    }

    /// Every rule of the catalogue, in registry order.
    static let catalogue: [any Rule] = [
        TitleMissingRule(), TitleFormatRule(), TitleSeparatorRule(), TitleTooLongRule(), TitlePunctuationRule(),
        AddresseeMissingRule(), IntroductionMissingRule(), QuestionsMissingRule(), QuestionsUnnumberedRule(),
        NumberingRule(), SubItemOrderRule(), ItemAsksNothingRule(), ItemEmptyRule(), WordLimitRule(),
        TooManyQuestionsRule(), NotDutchRule(),
        CitationUnknownRule(), CitationDateMismatchRule(), CitationDateMissingRule(), DateImpossibleRule(),
        CitationDateFutureRule(), CitationFormRule(), CitationAuthorRule(),
        RepetitionRule(),
    ]

    /// Findings for `question`, parsed from `text`, sorted by range (then code).
    ///
    /// Drafts get every rule; corpus records (`kind != .draft`) only the rules that
    /// are not about drafting conventions, and never a finding inside the answer.
    /// `excludingRecords` names corpus records that are this very document, and so
    /// does `documentPath`, the file the text was read from, when it lies inside the
    /// corpus: a draft is never a repetition of itself.
    public func check(question: Question, text: String, corpus: Corpus, today: DutchDate,
                      excludingRecords: Set<Int> = [], documentPath: String? = nil) -> [Finding] {
        let context = CheckContext(question: question, bytes: Array(text.utf8), corpus: corpus, today: today,
                                   configuration: configuration, excludedRecords: excludingRecords,
                                   documentPath: documentPath, repetitionMemo: repetitionMemo)
        // Rules write `\n`; a fix keeps the document's own line ending.
        let lineEnding = TextScanning.lineEnding(context.bytes)
        var findings: [Finding] = []
        for rule in Self.catalogue {
            guard configuration.isEnabled(rule.code) else { continue }
            if rule.code.checksDraftsOnly && !context.isDraft { continue }
            if rule.code.needsCorpus && !usesCorpus { continue }
            let configured = configuration.rules[rule.code]?.severity?.severity
            for var finding in rule.findings(in: context) where context.isChecked(finding.range) {
                if !silenced.isEmpty, silenced.contains(Silence(finding, in: context.bytes)) { continue }
                // A graded rule (repetition: a copy warns, a rewording informs) sets its
                // own severity; a configured severity overrides every grade.
                finding.severity = configured ?? finding.severity
                if lineEnding != "\n" { finding.fixes = finding.fixes.map { $0.withLineEnding(lineEnding) } }
                findings.append(finding)
            }
        }
        return Self.sortedByRange(findings)
    }

    /// Sorted by range, then code; equal keys keep their order. The keys are sorted,
    /// not the findings (large values, tens of thousands on a long draft), which are
    /// then moved once.
    static func sortedByRange(_ findings: [Finding]) -> [Finding] {
        let keys = findings.map { (start: $0.range.start, end: $0.range.end, code: $0.code) }
        let order = keys.indices.sorted { a, b in
            let (x, y) = (keys[a], keys[b])
            if x.start != y.start { return x.start < y.start }
            if x.end != y.end { return x.end < y.end }
            if x.code != y.code { return x.code.rawValue < y.code.rawValue }
            return a < b
        }
        return order.map { findings[$0] }
    }

    /// Parses `text` (layout detected unless `kind` is given) and checks it.
    public func check(text: String, as kind: DocumentKind? = nil, corpus: Corpus, today: DutchDate) -> [Finding] {
        check(question: Question.parse(text, as: kind), text: text, corpus: corpus, today: today)
    }
}

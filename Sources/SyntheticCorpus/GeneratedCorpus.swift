/// A deterministic synthetic corpus of written questions with answers.
///
/// Construction plans all records (metadata only, fast); texts are produced on
/// demand by `file(at:)`, which is pure, so callers may render records in any
/// order or in parallel and still get byte-identical output for a seed and count.
///
/// ```swift
/// let corpus = GeneratedCorpus(seed: 42, count: 10_000)
/// corpus.forEachFile { file in index(file.path, file.text) }
/// ```
public struct GeneratedCorpus: Sendable {
    public let configuration: CorpusConfiguration
    /// In date order; `records[i]` describes `file(at: i)`.
    public let records: [SyntheticRecord]

    public init(configuration: CorpusConfiguration) {
        self.configuration = configuration
        records = configuration.count > 0 ? CorpusPlanner.plan(configuration) : []
    }

    public init(seed: UInt64, count: Int) {
        self.init(configuration: CorpusConfiguration(seed: seed, count: count))
    }

    public var ministers: [Minister] { Vocabulary.ministers }
    public var members: [Member] { Cast.members }
    public var themes: [Theme] { Vocabulary.themes }

    public var count: Int { records.count }

    /// The text of one record. O(size of the record); copies of a multi-minister
    /// question recompose the shared question text from its own stream.
    public func file(at index: Int) -> SyntheticFile {
        let record = records[index]
        let first = records[record.firstCopyIndex]
        let theme = Vocabulary.themes[record.themeIndex]
        let seed = configuration.seed

        var colleague = ""
        if let citation = first.citation {
            colleague = Cast.members[records[citation.targetIndex].authorIndex].name
        }
        var questionComposer = QuestionComposer(filler: TemplateFiller(
            random: SplitMix64(seed: seed, stream: UInt64(record.questionIndex), salt: 1),
            theme: theme, minister: Vocabulary.ministers[first.ministerIndex], date: record.date))
        let question = questionComposer.compose(citation: first.citation, colleague: colleague)

        let minister = Vocabulary.ministers[record.ministerIndex]
        var answerComposer = AnswerComposer(filler: TemplateFiller(
            random: SplitMix64(seed: seed, stream: UInt64(index), salt: 2),
            theme: theme, minister: minister, date: record.date))
        let answer = answerComposer.compose(for: question, allowsAnnex: record.format == .parliamentExport)

        // Line width per question, so multi-minister copies wrap identically.
        var layout = SplitMix64(seed: seed, stream: UInt64(record.questionIndex), salt: 3)
        var ids = SplitMix64(seed: seed, stream: UInt64(index), salt: 4)
        let renderer = RecordRenderer(
            record: record, theme: theme, minister: minister, author: Cast.members[record.authorIndex],
            question: question, answer: answer,
            pdfID: 1_400_000 + index * 3 + ids.below(3), pageID: 1_700_000 + index * 2 + ids.below(2),
            width: layout.between(84, 90), keepsTrailingSpace: layout.percent(70))
        return SyntheticFile(path: record.path, text: renderer.render(), recordIndex: index)
    }

    /// All files in record order. Holds every text in memory: for large counts
    /// prefer `forEachFile` or `file(at:)`.
    public func files() -> [SyntheticFile] {
        records.indices.map(file(at:))
    }

    /// Renders the files one at a time, in record order.
    public func forEachFile(_ body: (SyntheticFile) throws -> Void) rethrows {
        for index in records.indices { try body(file(at: index)) }
    }

    /// Every folder the files go into, sorted, for creating them before writing.
    public var directories: [String] {
        var seen = Set<String>()
        var result: [String] = []
        for record in records {
            let folder = String(record.path[..<(record.path.lastIndex(of: "/") ?? record.path.endIndex)])
            if seen.insert(folder).inserted { result.append(folder) }
        }
        return result.sorted()
    }
}

/// The one-line entry point: `SyntheticCorpusGenerator.generate(seed: 1, count: 100)`.
public enum SyntheticCorpusGenerator {
    public static func generate(seed: UInt64, count: Int) -> [SyntheticFile] {
        GeneratedCorpus(seed: seed, count: count).files()
    }
}

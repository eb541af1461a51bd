import Dispatch
import Foundation
import QuestionModel
import Synchronization

/// Loads corpus sources into a `Corpus`: reads, decodes and parses files in
/// parallel batches, then indexes them in order, so the result does not depend on
/// thread timing. One bad file gives a warning and never stops the load.
public struct CorpusLoader: Sendable {
    /// Files over this size are skipped: no written question is that long.
    public var maximumFileSize = CorpusFileReader.maximumSize
    /// Files parsed in parallel before their records are added to the index.
    public var batchSize = 1024
    /// All records' stored text together (titles, excerpts); past it, files are
    /// skipped with a warning. Lowered by tests.
    var maximumRecordTextBytes = Int(UInt32.max)
    /// Files in the corpus folders that are not read (the server's log).
    public var exclusion = FileExclusion.none
    /// Asked between batches: true when nobody wants the result any more (a newer
    /// load began, the client left). The load then stops early, and what it returns
    /// is incomplete: never cached, for the caller to drop.
    public var isAbandoned: @Sendable () -> Bool = { false }
    /// When `update` parses only the changed files, and when it asks for a full rebuild.
    public var updateLimits = UpdateLimits()
    /// `open` reads the index cache but never writes it (`vraagbaak lint` writes no
    /// file). Without a cache to fill, a corpus built anew gets no completion vocabulary.
    public var cacheIsReadOnly = false

    public init() {}

    /// `withVocabulary`: with the completion vocabulary, as `open` builds it when it
    /// writes a cache (built alongside the index, so sooner than after it).
    public func load(_ sources: [CorpusSource], withVocabulary: Bool = false,
                     progress: (LoadProgress) -> Void = { _ in }) -> Corpus {
        var warnings: [LoadWarning] = []
        // No cache to check the files against: their status comes from the reads.
        let inputs = Self.inputs(sources, warnings: &warnings, excluding: exclusion, stated: false)
        return load(inputs, warnings: warnings, withVocabulary: withVocabulary, progress: progress)
    }

    /// Like `load`, but reuses the index cache when it is still valid for the files
    /// found now, and writes a new cache after a rebuild. A cache that cannot be
    /// written is not an error: the corpus is still returned.
    /// Folders are opened by their canonical paths, so the cache and the records' paths
    /// are the same whichever name the folder was given by.
    ///
    /// `provisional`, if given, gets the cached corpus as soon as the cache is read and
    /// found sound, before the files are checked against it (on another thread; its
    /// manifest is empty): a server answers from it at once and puts what `open`
    /// returns in its place.
    public func open(_ sources: [CorpusSource], cache: IndexCache?,
                     progress: (LoadProgress) -> Void = { _ in },
                     provisional: (@Sendable (Corpus) -> Void)? = nil) -> (corpus: Corpus, cache: IndexCache.Outcome?) {
        let sources = sources.map(\.canonical)
        // The cache is read while the files are listed: on a warm start these two are
        // all the work, and one waits on file metadata while the other copies memory.
        let hasFolder = sources.contains { if case .folder = $0 { return true } else { return false } }
        let reading = cache.flatMap { cache in
            hasFolder ? BackgroundResult {
                let read = cache.read(sources)
                if let cached = read.0, let provisional { provisional(cached.uncheckedCorpus) }
                return read
            } : nil
        }
        var warnings: [LoadWarning] = []
        // Without a cache file there is nothing to check the files against: listed
        // without a stat each, as `load` lists them.
        let cacheExists = cache.map { FileManager.default.fileExists(atPath: $0.fileURL(for: sources).path) } ?? false
        let inputs = Self.inputs(sources, warnings: &warnings, excluding: exclusion, stated: cacheExists)
        let manifest = inputs.compactMap(\.file)
        // The embedded seeds alone are faster to parse than to read from a cache.
        guard let cache, !manifest.isEmpty else {
            return (load(inputs, warnings: warnings, withVocabulary: !cacheIsReadOnly, progress: progress), nil)
        }
        let (cached, readOutcome) = reading?.value ?? cache.read(sources)
        var outcome = readOutcome
        var updated: Corpus?
        if let cached {
            outcome = cached.validate(manifest)
            if outcome == .hit {
                progress(LoadProgress(filesDone: inputs.count, filesTotal: inputs.count))
                return (cached.corpus(manifest: manifest), .hit)
            }
            // Files added, changed or removed while nobody watched: only they are
            // parsed, as for a change seen while running. (Contents changed behind
            // unchanged sizes and times cannot be told apart file by file: rebuilt.)
            if outcome == .stale(IndexCache.filesChanged),
               case .updated(let corpus, _) = update(cached.corpusAsBuilt, inputs: inputs, listingWarnings: warnings) {
                updated = corpus
            }
        }
        let corpus: Corpus
        if let updated {
            corpus = updated
        } else {
            let built = load(inputs, warnings: warnings, withVocabulary: !cacheIsReadOnly, progress: progress)
            guard !isAbandoned() else { return (built, outcome) } // incomplete: not cached
            corpus = built
        }
        guard !cacheIsReadOnly else { return (corpus, outcome) }
        // Problems with the cache are said once per load, with the path, and are not
        // stored in the cache they concern.
        var cacheWarnings: [LoadWarning] = []
        let cachePath = cache.fileURL(for: sources).path
        if case .unusable(let reason) = outcome {
            cacheWarnings.append(LoadWarning(path: cachePath, kind: .cache, message: reason))
        }
        do {
            try cache.save(corpus, for: sources)
        } catch {
            let failure = error as? CacheFileWriter.Failure
            cacheWarnings.append(LoadWarning(
                path: failure?.path ?? cachePath, kind: .cache,
                message: "the index cache cannot be written (\(failure?.reason ?? "\(error)")): the corpus is indexed again at every start"))
        }
        return (cacheWarnings.isEmpty ? corpus : corpus.adding(cacheWarnings), outcome)
    }

    /// `stated`: false lists the files without their status (`CorpusFiles.list`).
    static func inputs(_ sources: [CorpusSource], warnings: inout [LoadWarning], excluding exclusion: FileExclusion,
                       stated: Bool = true) -> [Input] {
        var inputs: [Input] = []
        for source in sources {
            switch source {
            case .embeddedSeeds:
                inputs += EmbeddedSeeds.files.map { Input.embedded(name: $0.name, text: $0.text) }
            case .folder(let path):
                inputs += CorpusFiles.list(path, warnings: &warnings, excluding: exclusion, stated: stated).map(Input.file)
            }
        }
        return inputs
    }

    enum Input: Sendable {
        case file(CorpusFiles.Entry)
        case embedded(name: String, text: String)

        /// The listed file, nil for an embedded seed.
        var file: CorpusFiles.Entry? {
            if case .file(let entry) = self { return entry }
            return nil
        }
    }

    /// `withVocabulary`: with the completion vocabulary (part of the index, so it is
    /// ready when the corpus is and cached with it); not for a load abandoned.
    func load(_ inputs: [Input], warnings initialWarnings: [LoadWarning], withVocabulary: Bool = false,
              progress: (LoadProgress) -> Void) -> Corpus {
        let merger = BatchMerger()
        merger.builder.warnings = initialWarnings
        merger.builder.records.maximumTextBytes = maximumRecordTextBytes
        merger.filesTotal = inputs.count
        progress(LoadProgress(filesDone: 0, filesTotal: inputs.count))
        // A pipeline of two stages: while one batch is merged into the index (in
        // order, on the merge queue), the next one is parsed, so no core waits.
        let mergeQueue = DispatchQueue(label: "vraagbaak.corpus-merge")
        let merging = DispatchGroup()
        // Files not in the page cache are read ahead, a batch before their parse,
        // once a batch's reads show they are cold (the workers would wait on the
        // disk one file at a time).
        let readingAhead = DispatchQueue(label: "vraagbaak.corpus-read-ahead", qos: .utility)
        var readsAreCold = false
        var readAheadEnd = 0
        // Each worker keeps its interner from batch to batch: a term is interned once
        // per worker, and a batch hands the merge only the terms new to the worker.
        let interners = WorkerInterners(count: ProcessInfo.processInfo.activeProcessorCount)
        // The files as read: a file listed without its status gets the read's.
        var manifest = inputs.map(\.file)
        var start = 0
        while start < inputs.count, !isAbandoned() {
            let batch = Array(inputs[start..<min(start + batchSize, inputs.count)])
            if readsAreCold {
                let end = min(inputs.count, start + 2 * batchSize)
                if readAheadEnd < end {
                    let ahead = inputs[max(readAheadEnd, start)..<end]
                    readingAhead.async { ReadAhead.files(ahead) }
                    readAheadEnd = end
                }
            }
            let parsed = parseInParallel(batch, interners: interners)
            for (offset, entry) in parsed.readEntries.enumerated() where entry != nil { manifest[start + offset] = entry }
            readsAreCold = parsed.readsAreCold
            merging.wait()
            if start > 0 { progress(LoadProgress(filesDone: start, filesTotal: inputs.count)) }
            mergeQueue.async(group: merging) { merger.merge(parsed) }
            start += batch.count
        }
        merging.wait()
        if let warning = merger.emptyFilesWarning { merger.builder.warnings.append(warning) }
        progress(LoadProgress(filesDone: inputs.count, filesTotal: inputs.count))
        merger.builder.manifest = manifest.compactMap { $0 }
        // Moved out of the merger, so the build consumes it and frees its parts as it goes.
        var builder = CorpusBuilder()
        swap(&builder, &merger.builder)
        let corpus = builder.build(withVocabulary: withVocabulary && !isAbandoned())
        FreedMemory.release()
        return corpus
    }

    enum Outcome: Sendable {
        case record(RecordFields, ExtractedText)
        case recordWithWarning(RecordFields, ExtractedText, LoadWarning)
        case warning(LoadWarning)
        /// A file with nothing but whitespace: skipped, and counted in one warning.
        case empty(String)
    }

    /// A batch parsed by the workers, each taking the next few files while any are
    /// left, with each worker's vocabulary.
    struct ParsedBatch: Sendable {
        var outcomes: [Outcome]
        /// Per outcome: the worker that parsed its file.
        var workers: [Int]
        /// Per outcome: the local ids of the terms its file was the first of its
        /// worker's to contain (consecutive: an interner numbers terms as it meets them).
        var newTerms: [Range<Int32>]
        /// Per worker: the terms its interner met first in this batch, by local id
        /// (continuing from its earlier batches' terms; all its terms for a fresh one).
        var vocabularies: [[String]]
        /// The files' reads took long enough for a disk (not the page cache).
        var readsAreCold = false
        /// Per outcome: its file with the status its read found, when it was listed
        /// without one (`CorpusFiles.Entry.isUnstated`).
        var readEntries: [CorpusFiles.Entry?] = []

        func worker(_ index: Int) -> Int { workers[index] }

        /// Extends `termMaps` (per worker: its local term ids as index-wide ids) by
        /// this batch's new terms, given index-wide ids by `id` in the order the files
        /// first contain them: the ids do not depend on which worker parsed which file
        /// (and are those of one parse of all the files in order).
        func extend(_ termMaps: inout [[Int32]], id: (String) -> Int32) {
            while termMaps.count < vocabularies.count { termMaps.append([]) }
            let firstNew = termMaps.map(\.count)
            for (worker, terms) in vocabularies.enumerated() {
                termMaps[worker] += repeatElement(-1, count: terms.count)
            }
            for (index, terms) in newTerms.enumerated() where !terms.isEmpty {
                let worker = workers[index]
                for local in terms {
                    termMaps[worker][Int(local)] = id(vocabularies[worker][Int(local) - firstNew[worker]])
                }
            }
        }
    }

    /// Files a worker takes at a time: few enough that the workers end a batch
    /// together (with static halves, one waited up to a tenth of the build for the
    /// other, slowed by the merge thread or by larger files), enough to make taking cheap.
    static let filesPerTake = 8

    /// `interners`: the workers' interners of the batches before (a fresh one each without).
    func parseInParallel(_ batch: [Input], interners: WorkerInterners? = nil) -> ParsedBatch {
        let results = UnsafeResults<Outcome>(count: batch.count)
        let parsers = UnsafeResults<(worker: Int, newTerms: Range<Int32>, read: CorpusFiles.Entry?)>(count: batch.count)
        let workers = max(1, min(interners?.count ?? ProcessInfo.processInfo.activeProcessorCount, batch.count))
        let vocabularies = UnsafeResults<[String]>(count: workers)
        let readTimes = UnsafeResults<Duration>(count: workers)
        let nextFile = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var reading = Duration.zero
            func parseFiles(_ interner: inout TermInterner) {
                while true {
                    let start = nextFile.wrappingAdd(Self.filesPerTake, ordering: .relaxed).oldValue
                    guard start < batch.count else { break }
                    // A worker's takes come in file order, so its interner meets each
                    // term first in the first of its files that contains it.
                    for index in start..<min(batch.count, start + Self.filesPerTake) {
                        let termsBefore = interner.termCount
                        var readEntry: CorpusFiles.Entry?
                        results.set(index, parse(batch[index], interner: &interner, reading: &reading, readEntry: &readEntry))
                        parsers.set(index, (worker, Int32(termsBefore)..<Int32(interner.termCount), readEntry))
                    }
                }
                vocabularies.set(worker, interner.takeNewTerms())
            }
            if let interners {
                interners.withInterner(worker, parseFiles)
            } else {
                var interner = TermInterner()
                parseFiles(&interner)
            }
            readTimes.set(worker, reading)
        }
        let files = batch.filter { $0.file != nil }.count
        let reading = readTimes.values().reduce(Duration.zero, +)
        let parsedBy = parsers.values()
        return ParsedBatch(outcomes: results.values(), workers: parsedBy.map(\.worker), newTerms: parsedBy.map(\.newTerms),
                           vocabularies: vocabularies.values(),
                           readsAreCold: files > 0 && reading / files > ReadAhead.coldRead, readEntries: parsedBy.map(\.read))
    }

    func parse(_ input: Input, interner: inout TermInterner) -> Outcome {
        var reading = Duration.zero
        var readEntry: CorpusFiles.Entry?
        return parse(input, interner: &interner, reading: &reading, readEntry: &readEntry)
    }

    /// `reading` adds the time spent reading the file; `readEntry` is its entry with
    /// the status its read found, when it was listed without one.
    func parse(_ input: Input, interner: inout TermInterner, reading: inout Duration,
               readEntry: inout CorpusFiles.Entry?) -> Outcome {
        switch input {
        case .embedded(let name, let text):
            let (record, bag) = RecordBuilder.make(parsing: text, source: .embedded(name: name), interner: &interner)
            return .record(record, bag)
        case .file(let entry):
            return parseFile(entry, interner: &interner, reading: &reading, readEntry: &readEntry)
        }
    }

    /// Nothing but spaces, tabs and line ends: an empty file, skipped and counted.
    private static func isBlank<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        bytes.allSatisfy { $0 == 0x20 || ($0 >= 0x09 && $0 <= 0x0D) }
    }

    func parseFile(_ entry: CorpusFiles.Entry, interner: inout TermInterner, reading: inout Duration,
                   readEntry: inout CorpusFiles.Entry?) -> Outcome {
        let path = entry.path
        func tooLarge(_ bytes: Int) -> Outcome {
            .warning(LoadWarning(path: path, kind: .tooLarge,
                                 message: "skipped: \(bytes) bytes is over the limit of \(maximumFileSize)"))
        }
        guard entry.size <= maximumFileSize else { return tooLarge(entry.size) }
        // An empty file is no question (100,000 of them made "100005 vragen"): counted, not indexed.
        guard entry.size != 0 else { return .empty(path) }
        let clock = ContinuousClock()
        let readStart = clock.now
        var status: stat?
        let indexRead = CorpusFileReader.readForIndex(entry, maximumSize: maximumFileSize, status: &status)
        reading += clock.now - readStart
        if entry.isUnstated, let status = status ?? CorpusFiles.status(of: entry) { readEntry = entry.with(status) }
        let read: CorpusFileReader.Outcome
        switch indexRead {
        case .utf8(let bytes):
            if Self.isBlank(bytes) { return .empty(path) }
            let (record, extracted) = RecordBuilder.make(parsingUTF8: bytes, source: .file(path: path), interner: &interner)
            return .record(record, extracted)
        case .other(let outcome):
            read = outcome
        }
        switch read {
        case .unreadable:
            return .warning(LoadWarning(path: path, kind: .unreadable, message: "skipped: cannot be read"))
        case .tooLarge(let bytes):
            return tooLarge(bytes)
        case .binary:
            return .warning(LoadWarning(path: path, kind: .binary, message: "skipped: a binary file, not text"))
        case .text(let text, _) where Self.isBlank(text.utf8):
            return .empty(path)
        case .text(let text, let wasUTF8):
            let (record, bag) = RecordBuilder.make(parsing: text, source: .file(path: path), interner: &interner)
            guard wasUTF8 else {
                return .recordWithWarning(record, bag, LoadWarning(
                    path: path, kind: .notUTF8, message: "not valid UTF-8: read as Windows-1252"))
            }
            return .record(record, bag)
        }
    }
}

/// The index under construction, touched by one merge at a time: the loader waits
/// for a merge to finish before it starts the next or reads the builder.
private final class BatchMerger: @unchecked Sendable {
    var builder = CorpusBuilder()

    /// Per worker: its interner's local term ids as index-wide ids, grown batch by batch.
    private var termMaps: [[Int32]] = []
    /// Files in the whole load, and merged so far: after the first batch, the
    /// builder reserves room for the whole corpus.
    var filesTotal = 0
    private var filesMerged = 0

    func merge(_ parsed: CorpusLoader.ParsedBatch) {
        // The terms new to a worker get index-wide ids once.
        parsed.extend(&termMaps) { builder.globalTermID(for: $0) }
        for (index, outcome) in parsed.outcomes.enumerated() {
            let termMap = termMaps[parsed.worker(index)]
            switch outcome {
            case .record(let record, let extracted):
                builder.add(record, extracted, globalTermIDs: termMap)
            case .warning(let warning):
                builder.warnings.append(warning)
            case .recordWithWarning(let record, let extracted, let warning):
                builder.add(record, extracted, globalTermIDs: termMap)
                builder.warnings.append(warning)
            case .empty(let path):
                emptyFiles.append(path)
            }
        }
        if filesMerged == 0, filesTotal > parsed.outcomes.count {
            // A little over the first batch's share, so a later batch of larger files
            // seldom needs a doubling after all.
            builder.reserve(growingBy: 1.05 * Double(filesTotal) / Double(parsed.outcomes.count))
        }
        filesMerged += parsed.outcomes.count
    }

    /// Paths of the empty files skipped, for one warning at the end.
    var emptyFiles: [String] = []

    /// One warning for all the empty files: the first path and how many there were.
    var emptyFilesWarning: LoadWarning? { CorpusLoader.emptyFilesWarning(emptyFiles) }
}

/// The loader's workers' term interners, one per worker, kept from batch to batch.
final class WorkerInterners: @unchecked Sendable {
    private let interners: UnsafeMutableBufferPointer<TermInterner>

    init(count: Int) {
        interners = .allocate(capacity: max(1, count))
        interners.initialize(repeating: TermInterner())
    }

    deinit {
        interners.deinitialize()
        interners.deallocate()
    }

    var count: Int { interners.count }

    // Safe because worker `index` alone uses interner `index` during a batch, and one
    // batch is parsed at a time.
    func withInterner(_ index: Int, _ body: (inout TermInterner) -> Void) { body(&interners[index]) }
}

/// Slots that parallel workers fill at distinct indices; read once all are done.
final class UnsafeResults<Value>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    // Safe because each index is written by exactly one worker, and `values()` is
    // called only after `concurrentPerform` returned. A raw buffer, not an array
    // property, so no exclusivity check sees the concurrent writes.
    func set(_ index: Int, _ value: Value) { buffer[index] = value }

    /// The values set, moved out (the slots are empty after): a copy retained every
    /// string of a batch's records, and the slots' release released them again.
    func values() -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(buffer.count)
        for index in buffer.indices {
            if let value = buffer[index].take() { values.append(value) }
        }
        return values
    }
}

import Dispatch
import Foundation

/// What `CorpusLoader.update` did with a corpus and the files there now.
public enum CorpusUpdate: Sendable {
    /// No corpus file was added, changed or removed.
    case unchanged
    /// The corpus with only the changed files parsed again.
    case updated(Corpus, CorpusChanges)
    /// A full rebuild is cheaper or safer; the reason, for the log.
    case rebuild(String)
}

/// How many corpus files an update found added, changed and removed.
public struct CorpusChanges: Sendable, Equatable, CustomStringConvertible {
    public var added = 0
    public var changed = 0
    public var removed = 0
    /// Where the update's time went (seconds per phase), for benchmarks and the log.
    public var phases: [Phase] = []

    public struct Phase: Sendable {
        public let name: String
        public let seconds: Double
    }

    public init(added: Int = 0, changed: Int = 0, removed: Int = 0) {
        self.added = added
        self.changed = changed
        self.removed = removed
    }

    public static func == (lhs: CorpusChanges, rhs: CorpusChanges) -> Bool {
        (lhs.added, lhs.changed, lhs.removed) == (rhs.added, rhs.changed, rhs.removed)
    }

    public var total: Int { added + changed + removed }
    public var description: String { "\(added) added, \(changed) changed, \(removed) removed" }
}

/// When an update is worth it, rather than a full rebuild.
public struct UpdateLimits: Sendable {
    /// Changed files are always updated incrementally up to this many...
    public var alwaysIncremental = 8
    /// ...and up to this share of the files: past it, parsing them is most of a rebuild.
    public var changedShare = 0.05
    /// Records updated since the last full build, as a share of the corpus, before
    /// the search weights' averages are computed afresh (see `SearchIndex.updated`).
    public var driftShare = 0.10
    /// Up to this many records, the completion vocabulary's phrases are counted
    /// again (cheap); above, those of the last full build are kept.
    public var recountedPhrases = 500

    public init() {}
}

extension CorpusLoader {
    /// `corpus`, built from `sources`, brought up to date with the files there now.
    ///
    /// The folders are listed again and compared with the corpus's manifest (path,
    /// size, times, inode), so missed or repeated notifications change nothing. Only
    /// added and changed files are parsed, through the same `parse` as a full build;
    /// the records kept are copied column by column in their order, the new ones
    /// put where a full build would put them, so records, counts, lookups,
    /// signatures, abbreviations, warnings and the manifest are a full build's. The
    /// search index differs only in its weights' normalization (`SearchIndex.updated`);
    /// the completion vocabulary is rebuilt from the records except its sampled
    /// phrases, which are kept (`UpdateLimits.recountedPhrases`).
    public func update(_ corpus: Corpus, sources: [CorpusSource]) -> CorpusUpdate {
        let started = DispatchTime.now()
        var listingWarnings: [LoadWarning] = []
        let inputs = Self.inputs(sources.map(\.canonical), warnings: &listingWarnings, excluding: exclusion)
        let listed = DispatchTime.now()
        let outcome = update(corpus, inputs: inputs, listingWarnings: listingWarnings)
        guard case .updated(let updated, var changes) = outcome else { return outcome }
        changes.phases.insert(.init(name: "listing", seconds: Self.seconds(started, listed)), at: 0)
        return .updated(updated, changes)
    }

    /// One input's place in the updated corpus.
    private enum Slot {
        /// An unchanged input: its old record (if it made one), its warnings, and
        /// its path when it is an empty file.
        case kept(record: Int?, warnings: [LoadWarning], emptyPath: String?)
        /// An added or changed input: its index among those parsed.
        case parsed(Int)
    }

    func update(_ corpus: Corpus, inputs: [Input], listingWarnings: [LoadWarning]) -> CorpusUpdate {
        let store = corpus.records.store
        // The old records by path, and the old files with their warnings.
        var fileRecords: [String: Int] = [:]
        var seedRecords: [String: Int] = [:]
        fileRecords.reserveCapacity(store.count)
        for record in 0..<store.count {
            let name = store.string(.source, record) ?? ""
            if store.isEmbedded(record) {
                guard seedRecords.updateValue(record, forKey: name) == nil else { return .rebuild("two seeds of one name") }
            } else {
                guard fileRecords.updateValue(record, forKey: name) == nil else { return .rebuild("two records of one file") }
            }
        }
        var oldFiles: [String: CorpusFiles.Entry] = [:]
        oldFiles.reserveCapacity(corpus.manifest.count)
        for entry in corpus.manifest {
            // A name that is not UTF-8 shows U+FFFD: two such names could look alike.
            guard entry.rawPath == nil, oldFiles.updateValue(entry, forKey: entry.path) == nil
            else { return .rebuild("a file name that is not UTF-8") }
        }
        var fileWarnings: [String: [LoadWarning]] = [:]
        var oldListingWarnings: [LoadWarning] = []
        for warning in corpus.warnings {
            switch warning.kind {
            case .corpusFull: return .rebuild("the corpus was full")
            case .cache, .empty: continue // about the last load; the empty files are counted again
            default:
                if oldFiles[warning.path] != nil {
                    fileWarnings[warning.path, default: []].append(warning)
                } else {
                    oldListingWarnings.append(warning)
                }
            }
        }

        // Which inputs are unchanged, and which are parsed.
        var slots: [Slot] = []
        slots.reserveCapacity(inputs.count)
        var parsedInputs: [Input] = []
        var changes = CorpusChanges()
        var unchangedFiles = 0
        var lastKept = -1
        for input in inputs {
            switch input {
            case .embedded(let name, _):
                guard let record = seedRecords[name] else {
                    slots.append(.parsed(parsedInputs.count))
                    parsedInputs.append(input)
                    continue
                }
                guard record > lastKept else { return .rebuild("the records' order changed") }
                lastKept = record
                slots.append(.kept(record: record, warnings: [], emptyPath: nil))
            case .file(let entry):
                guard entry.rawPath == nil else { return .rebuild("a file name that is not UTF-8") }
                guard let old = oldFiles[entry.path], old == entry else {
                    if oldFiles[entry.path] == nil { changes.added += 1 } else { changes.changed += 1 }
                    slots.append(.parsed(parsedInputs.count))
                    parsedInputs.append(input)
                    continue
                }
                unchangedFiles += 1
                let record = fileRecords[entry.path]
                if let record {
                    guard record > lastKept else { return .rebuild("the records' order changed") }
                    lastKept = record
                }
                let warnings = fileWarnings[entry.path] ?? []
                slots.append(.kept(record: record, warnings: warnings,
                                   emptyPath: record == nil && warnings.isEmpty ? entry.path : nil))
            }
        }
        changes.removed = corpus.manifest.count - unchangedFiles - changes.changed
        guard changes.total > 0 || listingWarnings != oldListingWarnings else { return .unchanged }
        let limit = max(updateLimits.alwaysIncremental, Int(Double(inputs.count) * updateLimits.changedShare))
        guard changes.total <= limit else { return .rebuild("\(changes.total) files changed (\(changes))") }
        let drift = corpus.searchIndex.updatedDocuments + changes.total
        guard drift <= max(updateLimits.alwaysIncremental, Int(Double(store.count) * updateLimits.driftShare)) else {
            return .rebuild("\(drift) records updated since the last full build")
        }

        var clock = DispatchTime.now()
        func phase(_ name: String) {
            let now = DispatchTime.now()
            changes.phases.append(.init(name: name, seconds: Self.seconds(clock, now)))
            clock = now
        }
        phase("comparing")
        let parsed = parseInParallel(parsedInputs)
        phase("parsing \(parsedInputs.count)")
        // New terms get ids after the old ones.
        var termIDs = corpus.searchIndex.termIDs
        let termMaps = parsed.vocabularies.map { terms in
            terms.map { term -> Int32 in
                if let id = termIDs[term] { return id }
                let id = Int32(termIDs.count)
                termIDs[term] = id
                return id
            }
        }

        // The columns: runs of kept records copied in bulk, new records appended in place.
        var records = RecordStoreBuilder()
        records.maximumTextBytes = maximumRecordTextBytes
        var signatures = RecordSignaturesBuilder()
        var definitions = RecordAbbreviationsBuilder()
        var newNumbers = [Int32](repeating: -1, count: store.count)
        var added: [SearchIndex.AddedDocument] = []
        var warnings = listingWarnings
        var emptyFiles: [String] = []
        var count = 0
        var run: Range<Int>?
        var fits = true
        func copyRun() {
            guard let kept = run else { return }
            run = nil
            guard records.append(store, records: kept) else { fits = false; return }
            signatures.append(corpus.signatures, records: kept)
            definitions.append(corpus.recordAbbreviations, records: kept)
        }
        for slot in slots {
            switch slot {
            case .kept(let record, let keptWarnings, let emptyPath):
                if let record {
                    newNumbers[record] = Int32(count)
                    count += 1
                    if let current = run, current.upperBound == record {
                        run = current.lowerBound..<(record + 1)
                    } else {
                        copyRun()
                        run = record..<(record + 1)
                    }
                }
                warnings += keptWarnings
                if let emptyPath { emptyFiles.append(emptyPath) }
            case .parsed(let index):
                let outcome = parsed.outcomes[index]
                switch outcome {
                case .record(let fields, let extracted), .recordWithWarning(let fields, let extracted, _):
                    copyRun()
                    guard records.fits(fields) else { return .rebuild("the corpus is full") }
                    records.append(fields)
                    signatures.append(extracted.shingles)
                    definitions.append(extracted.abbreviations)
                    added.append(SearchIndex.AddedDocument(document: Int32(count), bag: extracted.terms,
                                                           globalIDs: termMaps[parsed.worker(index)]))
                    count += 1
                    if case .recordWithWarning(_, _, let warning) = outcome { warnings.append(warning) }
                case .warning(let warning):
                    warnings.append(warning)
                case .empty(let path):
                    emptyFiles.append(path)
                }
            }
        }
        copyRun()
        let postings = corpus.searchIndex.postingDocuments.count + added.reduce(0) { $0 + $1.bag.counts.count }
        guard fits, count < Int(Int32.max), postings <= SearchIndexBuilder.maximumPostings else {
            return .rebuild("the corpus is full")
        }
        if let warning = Self.emptyFilesWarning(emptyFiles) { warnings.append(warning) }

        let newStore = records.build()
        let recordAbbreviations = definitions.build()
        let newSignatures = signatures.build()
        phase("records")
        let index = corpus.searchIndex.updated(newNumbers: newNumbers, documentCount: count, adding: added,
                                               termIDs: termIDs, changes: changes.total)
        phase("search index")
        let lookups = RecordLookups(newStore)
        phase("lookups")
        let manifest = inputs.compactMap { input -> CorpusFiles.Entry? in
            if case .file(let entry) = input { return entry }
            return nil
        }
        var updated = Corpus(store: newStore, warnings: warnings, manifest: manifest, searchIndex: index,
                             lookups: lookups, signatures: newSignatures,
                             abbreviations: recordAbbreviations.abbreviations(),
                             recordAbbreviations: recordAbbreviations)
        let recount = count <= updateLimits.recountedPhrases
        updated.vocabulary = CompletionVocabulary(updated, phrases: recount ? nil : corpus.vocabulary.phrases)
        phase("vocabulary")
        return .updated(updated, changes)
    }

    private static func seconds(_ start: DispatchTime, _ end: DispatchTime) -> Double {
        Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }

    /// One warning for all the empty files: the first path and how many there were.
    static func emptyFilesWarning(_ paths: [String]) -> LoadWarning? {
        guard let first = paths.first else { return nil }
        let others = paths.count - 1
        return LoadWarning(path: first, kind: .empty, message: others == 0 ? "skipped: an empty file"
                           : "skipped: an empty file, as were \(others) more (\(paths.count) empty files in all)")
    }
}

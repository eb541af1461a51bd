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
    ///
    /// `rebuildsVocabulary: false` leaves the vocabulary remapped (`CompletionVocabulary.remapped`),
    /// for `Corpus.rebuildingVocabulary` to finish after the corpus is in use.
    public func update(_ corpus: Corpus, sources: [CorpusSource], rebuildsVocabulary: Bool = true) -> CorpusUpdate {
        let started = DispatchTime.now()
        var listingWarnings: [LoadWarning] = []
        let inputs = Self.inputs(sources.map(\.canonical), warnings: &listingWarnings, excluding: exclusion)
        let listed = DispatchTime.now()
        let outcome = update(corpus, inputs: inputs, listingWarnings: listingWarnings, rebuildsVocabulary: rebuildsVocabulary)
        guard case .updated(let updated, var changes) = outcome else { return outcome }
        changes.phases.insert(.init(name: "listing", seconds: Self.seconds(started, listed)), at: 0)
        return .updated(updated, changes)
    }

    /// Like `update(_:sources:rebuildsVocabulary:)`, for the files `changedPaths` name
    /// (a `didChangeWatchedFiles` notification): only those are looked at, and the
    /// rest of the manifest is taken as it is, so 100,000 files are not listed again
    /// for one. A path that is a folder, or lies outside the sources' folders, makes
    /// it list them after all.
    public func update(_ corpus: Corpus, sources: [CorpusSource], changedPaths: [String],
                       rebuildsVocabulary: Bool = true) -> CorpusUpdate {
        let started = DispatchTime.now()
        guard let patched = patchedPlan(corpus, sources: sources.map(\.canonical), paths: changedPaths) else {
            return update(corpus, sources: sources, rebuildsVocabulary: rebuildsVocabulary)
        }
        return update(corpus, inputs: patched.inputs, listingWarnings: patched.plan.oldListingWarnings, plan: patched.plan,
                      rebuildsVocabulary: rebuildsVocabulary, started: started)
    }

    /// The plan from the old manifest and the notified paths; nil when the folders
    /// must be listed instead.
    private func patchedPlan(_ corpus: Corpus, sources: [CorpusSource], paths: [String]) -> (inputs: [Input], plan: Plan)? {
        let store = corpus.records.store
        let manifest = corpus.manifest
        // The manifest is the sources' listings one after the other.
        var runs: [Range<Int>] = []
        var folders: [String?] = []
        var position = 0
        for source in sources {
            switch source {
            case .embeddedSeeds:
                runs.append(position..<position)
                folders.append(nil)
            case .folder(let folder):
                let prefix = Array((folder + "/").utf8)
                var end = position
                while end < manifest.count, manifest[end].path == folder || manifest[end].path.utf8.starts(with: prefix) {
                    end += 1
                }
                runs.append(position..<end)
                folders.append(folder)
                position = end
            }
        }
        guard position == manifest.count else { return nil }
        func source(of path: String) -> Int? {
            folders.firstIndex { folder in
                guard let folder else { return false }
                return path == folder || path.utf8.starts(with: Array((folder + "/").utf8))
            }
        }
        /// Where `path` is, or would be, in source `k`'s listing.
        func place(_ path: String, in k: Int) -> (position: Int, isListed: Bool) {
            let run = runs[k]
            let position = manifest[run].bisect { !CorpusFiles.listsBefore($0.path, path) }
            return (position, position < run.upperBound && manifest[position].path == path)
        }

        // What each notified path is now.
        var changed: [Int: CorpusFiles.Entry?] = [:]
        var additions = [[CorpusFiles.Entry]](repeating: [], count: sources.count)
        var removedFolders: [(source: Int, prefix: [UInt8])] = []
        for path in Set(paths) {
            // A source that is one file, a folder now, or a path outside: list instead.
            guard let k = source(of: path), let folder = folders[k], path != folder, !CorpusFiles.isFolder(path)
            else { return nil }
            var entry = CorpusFiles.entry(atPath: path, under: folder)
            if let found = entry, exclusion.excludes(found) { entry = nil }
            guard entry?.rawPath == nil else { return nil }
            let (position, isListed) = place(path, in: k)
            if isListed {
                changed[position] = .some(entry)
            } else if let entry {
                additions[k].append(entry)
            } else {
                // Gone and never listed: a folder, perhaps, with listed files inside.
                removedFolders.append((k, Array((path + "/").utf8)))
            }
        }
        guard removedFolders.count <= 16 else { return nil }
        for k in additions.indices { additions[k].sort { CorpusFiles.listsBefore($0.path, $1.path) } }

        // The old warnings: about a listed file, or about the folders.
        var plan = Plan()
        var fileWarnings: [Int: [LoadWarning]] = [:]
        for warning in corpus.warnings {
            switch warning.kind {
            case .corpusFull: return nil
            case .cache, .empty: continue
            default:
                if let k = source(of: warning.path), case let (position, true) = place(warning.path, in: k) {
                    fileWarnings[position, default: []].append(warning)
                } else {
                    plan.oldListingWarnings.append(warning)
                }
            }
        }

        var inputs: [Input] = []
        inputs.reserveCapacity(manifest.count + additions.reduce(0) { $0 + $1.count })
        var record = 0 // the old records follow the old inputs
        func parse(_ input: Input) {
            plan.slots.append(.parsed(plan.parsedInputs.count))
            plan.parsedInputs.append(input)
            inputs.append(input)
        }
        for (k, source) in sources.enumerated() {
            guard case .folder = source else {
                for seed in EmbeddedSeeds.files {
                    let input = Input.embedded(name: seed.name, text: seed.text)
                    if record < store.count, store.isEmbedded(record), store.text.bytesEqual(store.range(.source, record), seed.name) {
                        plan.slots.append(.kept(record: record, warnings: [], emptyPath: nil))
                        inputs.append(input)
                        record += 1
                    } else {
                        parse(input)
                    }
                }
                continue
            }
            var nextAddition = 0
            for position in runs[k] {
                let old = manifest[position]
                guard old.rawPath == nil else { return nil }
                while nextAddition < additions[k].count, CorpusFiles.listsBefore(additions[k][nextAddition].path, old.path) {
                    parse(.file(additions[k][nextAddition]))
                    plan.changes.added += 1
                    nextAddition += 1
                }
                var oldRecord: Int?
                if record < store.count, !store.isEmbedded(record), store.text.bytesEqual(store.range(.source, record), old) {
                    oldRecord = record
                    record += 1
                }
                if let change = changed[position] {
                    guard let entry = change else {
                        plan.changes.removed += 1
                        continue
                    }
                    if entry != old {
                        plan.changes.changed += 1
                        parse(.file(entry))
                        continue
                    }
                } else if !removedFolders.isEmpty,
                          removedFolders.contains(where: { $0.source == k && old.path.utf8.starts(with: $0.prefix) }) {
                    plan.changes.removed += 1
                    continue
                }
                let warnings = fileWarnings[position] ?? []
                plan.slots.append(.kept(record: oldRecord, warnings: warnings,
                                        emptyPath: oldRecord == nil && warnings.isEmpty ? old.path : nil))
                inputs.append(.file(old))
            }
            for addition in additions[k][nextAddition...] {
                parse(.file(addition))
                plan.changes.added += 1
            }
        }
        // The records must have lined up with the manifest; else list and compare by path.
        guard record == store.count else { return nil }
        return (inputs, plan)
    }

    /// One input's place in the updated corpus.
    private enum Slot {
        /// An unchanged input: its old record (if it made one), its warnings, and
        /// its path when it is an empty file.
        case kept(record: Int?, warnings: [LoadWarning], emptyPath: String?)
        /// An added or changed input: its index among those parsed.
        case parsed(Int)
    }

    /// Which inputs are kept and which are parsed, and what changed.
    private struct Plan {
        var slots: [Slot] = []
        var parsedInputs: [Input] = []
        var changes = CorpusChanges()
        /// The old corpus's warnings about its folders rather than its files.
        var oldListingWarnings: [LoadWarning] = []
    }

    func update(_ corpus: Corpus, inputs: [Input], listingWarnings: [LoadWarning], rebuildsVocabulary: Bool = true) -> CorpusUpdate {
        let clock = DispatchTime.now()
        switch listedPlan(corpus, inputs: inputs) {
        case .success(let plan):
            return update(corpus, inputs: inputs, listingWarnings: listingWarnings, plan: plan,
                          rebuildsVocabulary: rebuildsVocabulary, started: clock)
        case .failure(let rebuild):
            return .rebuild(rebuild.reason)
        }
    }

    private struct Rebuild: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// The plan from a new listing: old records and files found by path.
    private func listedPlan(_ corpus: Corpus, inputs: [Input]) -> Result<Plan, Rebuild> {
        let store = corpus.records.store
        // The old records by path, and the old files with their warnings.
        var fileRecords: [String: Int] = [:]
        var seedRecords: [String: Int] = [:]
        fileRecords.reserveCapacity(store.count)
        for record in 0..<store.count {
            let name = store.string(.source, record) ?? ""
            if store.isEmbedded(record) {
                guard seedRecords.updateValue(record, forKey: name) == nil else { return .failure(Rebuild("two seeds of one name")) }
            } else {
                guard fileRecords.updateValue(record, forKey: name) == nil else { return .failure(Rebuild("two records of one file")) }
            }
        }
        var oldFiles: [String: CorpusFiles.Entry] = [:]
        oldFiles.reserveCapacity(corpus.manifest.count)
        for entry in corpus.manifest {
            // A name that is not UTF-8 shows U+FFFD: two such names could look alike.
            guard entry.rawPath == nil, oldFiles.updateValue(entry, forKey: entry.path) == nil
            else { return .failure(Rebuild("a file name that is not UTF-8")) }
        }
        var fileWarnings: [String: [LoadWarning]] = [:]
        var oldListingWarnings: [LoadWarning] = []
        for warning in corpus.warnings {
            switch warning.kind {
            case .corpusFull: return .failure(Rebuild("the corpus was full"))
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
        var plan = Plan()
        plan.slots.reserveCapacity(inputs.count)
        plan.oldListingWarnings = oldListingWarnings
        var unchangedFiles = 0
        var lastKept = -1
        for input in inputs {
            switch input {
            case .embedded(let name, _):
                guard let record = seedRecords[name] else {
                    plan.slots.append(.parsed(plan.parsedInputs.count))
                    plan.parsedInputs.append(input)
                    continue
                }
                guard record > lastKept else { return .failure(Rebuild("the records' order changed")) }
                lastKept = record
                plan.slots.append(.kept(record: record, warnings: [], emptyPath: nil))
            case .file(let entry):
                guard entry.rawPath == nil else { return .failure(Rebuild("a file name that is not UTF-8")) }
                guard let old = oldFiles[entry.path], old == entry else {
                    if oldFiles[entry.path] == nil { plan.changes.added += 1 } else { plan.changes.changed += 1 }
                    plan.slots.append(.parsed(plan.parsedInputs.count))
                    plan.parsedInputs.append(input)
                    continue
                }
                unchangedFiles += 1
                let record = fileRecords[entry.path]
                if let record {
                    guard record > lastKept else { return .failure(Rebuild("the records' order changed")) }
                    lastKept = record
                }
                let warnings = fileWarnings[entry.path] ?? []
                plan.slots.append(.kept(record: record, warnings: warnings,
                                   emptyPath: record == nil && warnings.isEmpty ? entry.path : nil))
            }
        }
        plan.changes.removed = corpus.manifest.count - unchangedFiles - plan.changes.changed
        return .success(plan)
    }

    private func update(_ corpus: Corpus, inputs: [Input], listingWarnings: [LoadWarning], plan: Plan,
                        rebuildsVocabulary: Bool, started: DispatchTime) -> CorpusUpdate {
        var clock = started
        let store = corpus.records.store
        let (slots, parsedInputs) = (plan.slots, plan.parsedInputs)
        var changes = plan.changes
        guard changes.total > 0 || listingWarnings != plan.oldListingWarnings else { return .unchanged }
        let limit = max(updateLimits.alwaysIncremental, Int(Double(inputs.count) * updateLimits.changedShare))
        guard changes.total <= limit else { return .rebuild("\(changes.total) files changed (\(changes))") }
        let drift = corpus.searchIndex.updatedDocuments + changes.total
        guard drift <= max(updateLimits.alwaysIncremental, Int(Double(store.count) * updateLimits.driftShare)) else {
            return .rebuild("\(drift) records updated since the last full build")
        }

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
        var termMaps: [[Int32]] = []
        parsed.extend(&termMaps) { term in
            if let id = termIDs[term] { return id }
            let id = Int32(termIDs.count)
            termIDs[term] = id
            return id
        }

        // The columns: runs of kept records copied in bulk, new records appended in place.
        var records = RecordStoreBuilder()
        records.maximumTextBytes = maximumRecordTextBytes
        var signatures = RecordSignaturesBuilder()
        var definitions = RecordAbbreviationsBuilder()
        // The old sizes and a margin for the new records: no column grows by doubling.
        let margin = parsedInputs.count
        records.reserve(records: store.count + margin, textBytes: store.text.count + margin * 4_096,
                        citations: store.citedNumbers.count + margin * 16)
        signatures.reserve(records: store.count + margin, hashes: corpus.signatures.hashes.count + margin * 1_024)
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
        let lookups = RecordLookups(newStore, updating: corpus.lookups, newNumbers: newNumbers, added: added.map(\.document))
        phase("lookups")
        let manifest = inputs.compactMap(\.file)
        var updated = Corpus(store: newStore, warnings: warnings, manifest: manifest, searchIndex: index,
                             lookups: lookups, signatures: newSignatures,
                             abbreviations: recordAbbreviations.abbreviations(),
                             recordAbbreviations: recordAbbreviations)
        if rebuildsVocabulary {
            updated = updated.rebuildingVocabulary(phrasesOf: corpus, limits: updateLimits)
            phase("vocabulary")
        } else {
            updated.vocabulary = corpus.vocabulary.remapped(newNumbers, count: count)
            phase("vocabulary remapped")
        }
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

extension CompletionVocabulary {
    /// This vocabulary for a corpus updated in place (`newNumbers` as in
    /// `SearchIndex.updated`): record indices moved, removed records dropped. Added
    /// records are not in it, and counts are the old ones, until it is rebuilt: a
    /// few integer passes, so the updated corpus is in use at once and its exact
    /// vocabulary follows (`Corpus.rebuildingVocabulary`).
    func remapped(_ newNumbers: [Int32], count: Int) -> CompletionVocabulary {
        func moved(_ records: [Int32]) -> [Int32] {
            records.compactMap { record in
                let new = newNumbers[Int(record)]
                return new >= 0 ? new : nil
            }
        }
        var keptNumbered: [Int32] = []
        var keptNumbers: [Int] = []
        for (record, number) in zip(numbered, numbers) where newNumbers[Int(record)] >= 0 {
            keptNumbered.append(newNumbers[Int(record)])
            keptNumbers.append(number)
        }
        var ranks = [Int32](repeating: Int32.max, count: count)
        for (old, rank) in recencyRank.enumerated() where old < newNumbers.count && newNumbers[old] >= 0 {
            ranks[Int(newNumbers[old])] = rank
        }
        return CompletionVocabulary(
            numbered: keptNumbered, numbers: keptNumbers, recent: moved(recent), ministers: ministers, authors: authors,
            themes: themes, subjects: subjects, specifications: specifications, terms: terms, abbreviations: abbreviations,
            titleWords: titleWords, recordsByTitleWord: recordsByTitleWord.map(moved), recencyRank: ranks, phrases: phrases)
    }
}

extension Corpus {
    /// This corpus with its completion vocabulary built from its records, the
    /// sampled phrases of `previous` kept (counted again for a small corpus, see
    /// `UpdateLimits.recountedPhrases`): what follows an update made with
    /// `rebuildsVocabulary: false`.
    public func rebuildingVocabulary(phrasesOf previous: Corpus, limits: UpdateLimits = UpdateLimits()) -> Corpus {
        var corpus = self
        let recount = count <= limits.recountedPhrases
        corpus.vocabulary = CompletionVocabulary(self, phrases: recount ? nil : previous.vocabulary.phrases)
        return corpus
    }
}

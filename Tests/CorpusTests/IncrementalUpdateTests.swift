@testable import Corpus
import Foundation
import QuestionModel
import SyntheticCorpus
import XCTest

/// An incremental update (`CorpusLoader.update`) gives what a full rebuild of the
/// same files gives: random rounds of changed, added and removed files, each
/// applied to the previous round's updated corpus, compared with a full load.
final class IncrementalUpdateTests: XCTestCase {
    private var folder: URL!
    private var corpusFolder: URL { folder.appendingPathComponent("corpus") }
    private var sources: [CorpusSource] { [.embeddedSeeds, .folder(path: corpusFolder.path)] }
    /// Distinct modification times, so no change hides behind a same-millisecond write.
    private var clock = Date(timeIntervalSince1970: 1_700_000_000)

    override func setUpWithError() throws {
        folder = try Fixtures.temporaryFolder()
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    private func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
        clock += 1
        try FileManager.default.setAttributes([.modificationDate: clock], ofItemAtPath: url.path)
    }

    private func corpusFiles() throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: corpusFolder, includingPropertiesForKeys: nil)
        return (enumerator?.allObjects as? [URL] ?? []).filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
    }

    private var loader: CorpusLoader {
        var loader = CorpusLoader()
        // Every round is incremental, up to the drift limit (10% of the records).
        loader.updateLimits.changedShare = 1
        return loader
    }

    func testRandomEditsUpdateAsAFullRebuildWould() throws {
        let generated = GeneratedCorpus(configuration: CorpusConfiguration(seed: 11, count: 260, citationPercent: 60)).files()
        // 160 files to start with; the rest are the texts edits bring in.
        for file in generated.prefix(160) {
            try write(Data(file.text.utf8), to: corpusFolder.appendingPathComponent(file.path))
        }
        let pool = generated.dropFirst(160).map(\.text)
        let cache = IndexCache(folder: folder.appendingPathComponent("cache"), applicationVersion: "test")
        XCTAssertEqual(loader.open(sources, cache: cache).cache, .missing)
        // Start from the cache, as the server does after a warm start: mapped columns.
        let reopened = loader.open(sources, cache: cache)
        XCTAssertEqual(reopened.cache, .hit)
        var corpus = reopened.corpus

        var random = SeededRandom(seed: 2024)
        var added = 0
        var seen = CorpusChanges()
        var drift = 0
        var rebuilds = 0
        for round in 0..<12 {
            var files = try corpusFiles()
            // What a client would notify: every path written or removed.
            var touched: [String] = []
            for _ in 0..<(1 + random.next(5)) {
                let special: [Data] = [Data(), Data(" \n\t\n".utf8), Data([0x89, 0x50, 0x00, 0x01]),
                                       Data([0x54, 0x69, 0x74, 0x65, 0x6C, 0x3A, 0x20, 0xE9, 0x0A])]
                let text = random.next(8) == 0 ? special[random.next(special.count)]
                    : Data(pool[random.next(pool.count)].utf8)
                switch random.next(3) {
                case 0 where !files.isEmpty: // change
                    let file = files[random.next(files.count)]
                    try write(text, to: file)
                    touched.append(file.path)
                case 1 where !files.isEmpty: // remove (now and then a whole new folder, notified as one path)
                    let index = random.next(files.count)
                    let file = files.remove(at: index)
                    let parent = file.deletingLastPathComponent()
                    if parent.lastPathComponent.hasPrefix("nieuw-"), random.next(2) == 0 {
                        try FileManager.default.removeItem(at: parent)
                        files.removeAll { $0.path.hasPrefix(parent.path + "/") }
                        touched.append(parent.path)
                    } else {
                        try FileManager.default.removeItem(at: file)
                        touched.append(file.path)
                    }
                default: // add, now and then in a new folder
                    added += 1
                    let name = random.next(4) == 0 ? "nieuw-\(round)/extra-\(added).txt" : "extra-\(added).txt"
                    let url = corpusFolder.appendingPathComponent(name)
                    try write(text, to: url)
                    files.append(url)
                    touched.append(url.path)
                }
            }
            // A notification for a file that did not change changes nothing.
            if let unchanged = files.randomElement() { touched.append(unchanged.path) }
            let full = loader.open(sources, cache: nil).corpus
            // Every other round from the notified paths alone, without listing.
            // Those rounds leave the vocabulary remapped, as the server does, and rebuild it after.
            let notified = round % 2 == 0
            let outcome = notified ? loader.update(corpus, sources: sources, changedPaths: touched, rebuildsVocabulary: false)
                : loader.update(corpus, sources: sources)
            switch outcome {
            case .updated(var updated, let changes):
                XCTAssertEqual(changes.phases.contains { $0.name == "listing" }, !notified, "round \(round): \(changes.phases)")
                if notified {
                    let remapped = updated.vocabulary
                    XCTAssertEqual(remapped.recencyRank.count, updated.count)
                    XCTAssertTrue(remapped.numbered.allSatisfy { Int($0) < updated.count })
                    XCTAssertTrue(remapped.recordsByTitleWord.joined().allSatisfy { Int($0) < updated.count })
                    // A remapped record is still the record with that number.
                    for (record, number) in zip(remapped.numbered, remapped.numbers) {
                        XCTAssertEqual(updated.records[Int(record)].number, number)
                    }
                    updated = updated.rebuildingVocabulary(phrasesOf: corpus, limits: loader.updateLimits)
                }
                seen.added += changes.added
                seen.changed += changes.changed
                seen.removed += changes.removed
                drift += changes.total
                XCTAssertEqual(updated.searchIndex.updatedDocuments, drift, "the drift is counted")
                try assertSame(updated, full, "round \(round)")
                corpus = updated
            case .rebuild(let reason):
                // Past 10% of the records updated, the weights are normalized afresh.
                XCTAssertTrue(reason.contains("since the last full build"), reason)
                XCTAssertGreaterThan(drift + 6, corpus.count / 10, "round \(round): \(reason)")
                rebuilds += 1
                drift = 0
                corpus = full
            case .unchanged:
                XCTFail("round \(round): the edits were not seen")
            }
        }
        XCTAssertGreaterThan(seen.added, 5)
        XCTAssertGreaterThan(seen.changed, 5)
        XCTAssertGreaterThan(seen.removed, 5)
        XCTAssertGreaterThan(rebuilds, 0)
        XCTAssertLessThan(rebuilds, 5)

        // Nothing changed: nothing to do.
        guard case .unchanged = loader.update(corpus, sources: sources) else { return XCTFail("no change expected") }
        // An updated corpus goes to the cache and comes back as it was.
        try cache.save(corpus, for: sources)
        let again = loader.open(sources, cache: cache)
        XCTAssertEqual(again.cache, .hit)
        try assertSame(again.corpus, corpus, "reopened", exactScores: true)
        XCTAssertEqual(again.corpus.searchIndex.updatedDocuments, drift)
    }

    func testPhrasesAreKeptAboveTheRecountLimitAndLimitsAskForARebuild() throws {
        let generated = GeneratedCorpus(configuration: CorpusConfiguration(seed: 12, count: 120)).files()
        for file in generated.prefix(100) {
            try write(Data(file.text.utf8), to: corpusFolder.appendingPathComponent(file.path))
        }
        var loader = CorpusLoader()
        loader.updateLimits.recountedPhrases = 0
        let corpus = loader.open(sources, cache: nil).corpus
        XCTAssertFalse(corpus.vocabulary.phrases.isEmpty)
        let files = try corpusFiles()
        try write(Data(generated[110].text.utf8), to: files[3])
        guard case .updated(let updated, let changes) = loader.update(corpus, sources: sources) else {
            return XCTFail("one changed file is updated incrementally")
        }
        XCTAssertEqual(changes, CorpusChanges(added: 0, changed: 1, removed: 0))
        XCTAssertEqual(updated.vocabulary.phrases.map(\.text), corpus.vocabulary.phrases.map(\.text),
                       "the sampled phrases are kept")
        XCTAssertEqual(updated.vocabulary.numbers, CompletionVocabulary(updated).numbers, "the rest is rebuilt")

        // Past the changed share (5% of 105 inputs, at least 8), a full rebuild is cheaper.
        for index in 0..<9 { try FileManager.default.removeItem(at: files[10 + index]) }
        guard case .rebuild(let reason) = loader.update(updated, sources: sources) else {
            return XCTFail("nine of 105 files changed: a rebuild")
        }
        XCTAssertTrue(reason.contains("9 files changed"), reason)
        // Past the drift share, too.
        loader.updateLimits.changedShare = 1
        loader.updateLimits.driftShare = 0.05
        guard case .rebuild(let drift) = loader.update(updated, sources: sources) else {
            return XCTFail("ten records updated since the full build: a rebuild")
        }
        XCTAssertTrue(drift.contains("since the last full build"), drift)
    }

    // MARK: Comparison

    private func assertSame(_ updated: Corpus, _ full: Corpus, _ round: String, exactScores: Bool = false,
                            file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(updated.count, full.count, round, file: file, line: line)
        XCTAssertEqual(updated.records, full.records, "\(round): records", file: file, line: line)
        XCTAssertEqual(updated.manifest, full.manifest, "\(round): manifest", file: file, line: line)
        XCTAssertEqual(updated.warnings, full.warnings, "\(round): warnings", file: file, line: line)
        XCTAssertEqual(updated.abbreviations, full.abbreviations, "\(round): abbreviations", file: file, line: line)
        // Lookups: the columns themselves, and through the API.
        let (a, b) = (updated.lookups, full.lookups)
        XCTAssertEqual(Array(a.byReference), Array(b.byReference), round, file: file, line: line)
        XCTAssertEqual(Array(a.citations), Array(b.citations), round, file: file, line: line)
        for (x, y) in [(a.authors, b.authors), (a.ministers, b.ministers), (a.themes, b.themes)] {
            XCTAssertEqual(Array(x.keyText), Array(y.keyText), round, file: file, line: line)
            XCTAssertEqual(Array(x.recordStarts), Array(y.recordStarts), round, file: file, line: line)
            XCTAssertEqual(Array(x.records), Array(y.records), round, file: file, line: line)
        }
        XCTAssertEqual(updated.authors.map(\.name), full.authors.map(\.name), round, file: file, line: line)
        for record in full.records.prefix(40) {
            if let number = record.number, let date = record.date {
                XCTAssertEqual(updated.records(number: number, date: date), full.records(number: number, date: date),
                               round, file: file, line: line)
                let reference = QuestionReference(number: number, date: date)
                XCTAssertEqual(updated.records(citing: reference), full.records(citing: reference), round, file: file, line: line)
            }
        }
        // Signatures, record by record.
        XCTAssertEqual(Array(updated.signatures.starts), Array(full.signatures.starts), round, file: file, line: line)
        XCTAssertEqual(Array(updated.signatures.hashes), Array(full.signatures.hashes), round, file: file, line: line)

        // Search: the same documents per term, the same top results.
        let (u, f) = (updated.searchIndex, full.searchIndex)
        XCTAssertEqual(u.documentCount, f.documentCount, round, file: file, line: line)
        var postingsDiffer = 0
        for (term, id) in f.termIDs {
            guard let other = u.termIDs[term] else { postingsDiffer += 1; continue }
            let mine = Array(u.postingDocuments[Int(u.postingStarts[Int(other)])..<Int(u.postingStarts[Int(other) + 1])])
            let theirs = Array(f.postingDocuments[Int(f.postingStarts[Int(id)])..<Int(f.postingStarts[Int(id) + 1])])
            if mine != theirs { postingsDiffer += 1 }
        }
        // Terms no record uses any more keep their (empty) slot.
        let extra = u.termIDs.filter { f.termIDs[$0.key] == nil }
            .filter { u.postingStarts[Int($0.value)] != u.postingStarts[Int($0.value) + 1] }
        XCTAssertEqual(postingsDiffer, 0, "\(round): postings", file: file, line: line)
        XCTAssertEqual(extra.count, 0, "\(round): postings of terms no record has", file: file, line: line)
        var worstScore = 0.0
        defer { print("\(round): largest relative score difference \(worstScore)") }
        for record in stride(from: 0, to: full.count, by: max(1, full.count / 25)) {
            let query = full.records[record].title + " " + full.records[record].questions.joined(separator: " ")
            let mine = updated.search(query, limit: 10)
            let theirs = full.search(query, limit: 10)
            let allTheirs = Dictionary(uniqueKeysWithValues: full.search(query, limit: full.count).map { ($0.index, $0.score) })
            XCTAssertEqual(Set(updated.search(query, limit: full.count).map(\.index)), Set(allTheirs.keys),
                           "\(round): matches", file: file, line: line)
            guard let best = theirs.first else { XCTAssertTrue(mine.isEmpty, round, file: file, line: line); continue }
            // The best hit is the same unless a near tie (see `SearchIndex.updated`).
            if theirs.count < 2 || best.score > theirs[1].score * 1.05 {
                XCTAssertEqual(mine.first?.index, best.index, "\(round): best hit for \(query)", file: file, line: line)
            }
            for hit in mine {
                let expected = allTheirs[hit.index] ?? 0
                worstScore = max(worstScore, abs(hit.score - expected) / expected)
                XCTAssertEqual(hit.score, expected, accuracy: exactScores ? 0 : expected * 0.03,
                               "\(round): score of \(hit.index)", file: file, line: line)
            }
            // A kept record's self score keeps the idf of the corpus it was scored in: on
            // 160 records with up to 10% of them updated, terms' document counts move
            // by several percent (at 100,000 records, by thousandths).
            XCTAssertEqual(updated.selfScore(record), full.selfScore(record),
                           accuracy: exactScores ? 0 : full.selfScore(record) * 0.08, "\(round): self score",
                           file: file, line: line)
        }

        // The completion vocabulary (its phrases recounted: the corpus is small).
        let (v, w) = (updated.vocabulary, full.vocabulary)
        XCTAssertEqual(v.numbered, w.numbered, round, file: file, line: line)
        XCTAssertEqual(v.numbers, w.numbers, round, file: file, line: line)
        XCTAssertEqual(v.recent, w.recent, round, file: file, line: line)
        XCTAssertEqual(v.recencyRank, w.recencyRank, round, file: file, line: line)
        XCTAssertEqual(v.titleWords, w.titleWords, round, file: file, line: line)
        XCTAssertEqual(v.recordsByTitleWord, w.recordsByTitleWord, round, file: file, line: line)
        for (x, y) in [(v.ministers, w.ministers), (v.authors, w.authors), (v.themes, w.themes), (v.subjects, w.subjects),
                       (v.terms, w.terms), (v.abbreviations, w.abbreviations)] {
            XCTAssertEqual(x.entries.map { "\($0.text)|\($0.detail ?? "")|\($0.count)" },
                           y.entries.map { "\($0.text)|\($0.detail ?? "")|\($0.count)" }, round, file: file, line: line)
        }
    }
}

/// SplitMix64: the same edits on every run.
private struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

import Corpus
import Dispatch
import Foundation
import JSONRPC
import Server

/// `incremental --corpus DIR`: on a copy of the corpus (made once, in the temporary
/// folder; the original is never touched), the time `CorpusLoader.update` takes for
/// one changed, one added and one removed file and for a burst of 8 changed files
/// (from the notified paths, as the server does; once by listing, as the poller
/// does), beside a full rebuild of the same files in the same run; then the same through
/// an in-process server, from `didChangeWatchedFiles` to the new corpus answering,
/// and to the draft's diagnostics. Every figure has the load average beside it.
func runIncrementalBenchmark(_ options: [String]) {
    guard let original = optionValue(options, "--corpus") else {
        printError("incremental needs --corpus DIR (it works on a copy)")
        exitWithFailure()
    }
    let runs = intOption(options, "--runs", default: 3)
    let originalURL = URL(fileURLWithPath: original).standardizedFileURL
    let work = URL(fileURLWithPath: optionValue(options, "--work")
        ?? FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-incremental-\(originalURL.lastPathComponent)").path)
    let folder = work.appendingPathComponent("corpus")
    copyOnce(originalURL, to: folder, marker: work.appendingPathComponent(".copied"))
    let sources: [CorpusSource] = [.folder(path: folder.path)]
    // The server's version: the server started below opens the cache written here.
    let cache = IndexCache(folder: work.appendingPathComponent("cache"), applicationVersion: VraagbaakVersion.current)
    let clock = ContinuousClock()
    var warnings: [LoadWarning] = []
    let files = CorpusFiles.list(folder.path, warnings: &warnings).map(\.path).filter { !$0.contains("/incremental-") }
    DispatchQueue.concurrentPerform(iterations: files.count) { _ = CorpusFileReader.read(files[$0]) }
    report("corpus copy: \(folder.path), \(files.count) files (page cache warmed)")

    if options.contains("--server-only") {
        return runServerIncrementalBenchmark(folder: folder, cacheFolder: cache.folder, runs: runs)
    }
    // The peer: a full rebuild of the same files, vocabulary included (what `open` does without a cache).
    var corpus = Corpus.empty
    let full = clock.measure { corpus = CorpusLoader().open(sources, cache: nil).corpus }
    report("full rebuild:               \(formatted(full.seconds, decimals: 2)) s  (\(corpus.count) records)  load \(loadAverage())")
    try? cache.save(corpus, for: sources)

    var random = SystemRandomNumberGenerator()
    var serial = Int(Date().timeIntervalSince1970)
    func mark() -> String {
        serial += 1
        return "zzinkrementeel\(serial)"
    }
    /// A changed file: a new first line, so the new word is in its (indexed) title.
    func append(_ word: String, to path: String) {
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        FileManager.default.createFile(atPath: path, contents: Data(("Ook \(word)\n" + text).utf8))
    }
    /// As the server does: from the notified paths (or, `listing`, as the poller does,
    /// by listing the folders), the vocabulary remapped; then the vocabulary rebuilt.
    func measureUpdate(_ label: String, expecting word: String?, listing: Bool = false, _ edit: () -> [String]) {
        let paths = edit()
        var outcome = CorpusUpdate.unchanged
        let duration = clock.measure {
            outcome = listing ? CorpusLoader().update(corpus, sources: sources, rebuildsVocabulary: false)
                : CorpusLoader().update(corpus, sources: sources, changedPaths: paths, rebuildsVocabulary: false)
        }
        guard case .updated(let updated, let changes) = outcome else {
            report("\(label): no incremental update (\(outcome))")
            return
        }
        if let word, updated.search(word, limit: 1).isEmpty { report("\(label): the change is not in the index!") }
        let previous = corpus
        let vocabulary = clock.measure { corpus = updated.rebuildingVocabulary(phrasesOf: previous) }
        let phases = changes.phases.map { "\($0.name) \(formatted($0.seconds * 1000, decimals: 0))" }.joined(separator: ", ")
        report("\(label) \(formatted(duration.seconds * 1000, decimals: 0)) ms  (\(changes); \(phases) ms; "
            + "then the vocabulary \(formatted(vocabulary.seconds * 1000, decimals: 0)) ms)  load \(loadAverage())")
    }
    for run in 1...runs {
        let word = mark()
        measureUpdate("update, 1 changed file #\(run):  ", expecting: word) {
            let file = files.randomElement(using: &random)!
            append(word, to: file)
            return [file]
        }
        let added = folder.appendingPathComponent("incremental-\(serial).txt").path
        let addedWord = mark()
        measureUpdate("update, 1 added file #\(run):    ", expecting: addedWord) {
            let text = (try? String(contentsOfFile: files.randomElement(using: &random)!, encoding: .utf8)) ?? ""
            // The new word in the title line, which is always indexed.
            FileManager.default.createFile(atPath: added, contents: Data(("Ook \(addedWord)\n" + text).utf8))
            return [added]
        }
        measureUpdate("update, 1 removed file #\(run):  ", expecting: nil) {
            try? FileManager.default.removeItem(atPath: added)
            return [added]
        }
        let burst = (0..<8).map { _ in mark() }
        measureUpdate("update, burst of 8 changes #\(run):", expecting: burst.last) {
            burst.map { word in
                let file = files.randomElement(using: &random)!
                append(word, to: file)
                return file
            }
        }
        let listed = mark()
        measureUpdate("update, 1 changed, listing #\(run):", expecting: listed, listing: true) {
            let file = files.randomElement(using: &random)!
            append(listed, to: file)
            return [file]
        }
    }
    try? cache.save(corpus, for: sources)
    runServerIncrementalBenchmark(folder: folder, cacheFolder: cache.folder, runs: runs)
}

/// Through the server: `didChangeWatchedFiles` after one changed file, and after a
/// burst of 8 notifications (one per file), until a search finds the new words.
private func runServerIncrementalBenchmark(folder: URL, cacheFolder: URL, runs: Int) {
    var warnings: [LoadWarning] = []
    let files = CorpusFiles.list(folder.path, warnings: &warnings).map(\.path)
    let client = InProcessClient()
    let clock = ContinuousClock()
    let started = clock.now
    _ = client.request("initialize", .object([
        "processId": .null, "rootUri": .null,
        "capabilities": .object(["workspace": .object(["didChangeWatchedFiles": .object(["dynamicRegistration": .bool(true)])])]),
        "initializationOptions": .object([
            "corpus": .array([.string(folder.path)]), "seeds": .bool(false), "cacheDirectory": .string(cacheFolder.path),
        ]),
    ]))
    client.notify("initialized", .object([:]))
    var records = 0
    while records < files.count / 2 {
        usleep(100_000)
        records = client.request("vraagbaak/corpusStatus", .null).result["records"]?.intValue ?? 0
    }
    report("server: \(records) records ready in \(formatted((clock.now - started).seconds, decimals: 1)) s")
    var serial = Int(Date().timeIntervalSince1970) + 1_000
    func waitUntilFound(_ word: String, since start: ContinuousClock.Instant) -> Duration? {
        while clock.now - start < .seconds(120) {
            let hits = client.request("vraagbaak/search", .object(["text": .string(word), "limit": .int(1)])).result
            if !(hits.arrayValue ?? []).isEmpty { return clock.now - start }
            usleep(2_000)
        }
        return nil
    }
    for run in 1...runs {
        for burst in [1, 8] {
            let chosen = (0..<burst).map { _ in files.randomElement()! }
            var words: [String] = []
            let start = clock.now
            var changes: [JSONValue] = []
            for path in chosen {
                serial += 1
                let word = "zzserverwoord\(serial)"
                words.append(word)
                // A new first line: the word is then in the (indexed) title.
                let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
                FileManager.default.createFile(atPath: path, contents: Data(("Ook \(word)\n" + text).utf8))
                changes.append(.object(["uri": .string(URL(fileURLWithPath: path).absoluteString), "type": .int(2)]))
            }
            // One notification per file, as an editor saving 8 files sends them.
            for change in changes { client.notify("workspace/didChangeWatchedFiles", .object(["changes": .array([change])])) }
            let found = words.map { waitUntilFound($0, since: start) }
            let last = found.compactMap { $0 }.max()
            report("server, \(burst) file\(burst == 1 ? "" : "s") changed #\(run): notification to new corpus in use "
                + (last.map { "\(formatted($0.seconds * 1000, decimals: 0)) ms" } ?? "never (120 s)")
                + "  load \(loadAverage())")
        }
    }
}

private func copyOnce(_ original: URL, to folder: URL, marker: URL) {
    if FileManager.default.fileExists(atPath: marker.path) { return }
    printError("copying \(original.path) to \(folder.path) (once) ...")
    try? FileManager.default.removeItem(at: folder)
    try? FileManager.default.createDirectory(at: folder.deletingLastPathComponent(), withIntermediateDirectories: true)
    do {
        try FileManager.default.copyItem(at: original, to: folder)
        FileManager.default.createFile(atPath: marker.path, contents: Data())
    } catch {
        printError("cannot copy the corpus: \(error)")
        exitWithFailure()
    }
}

import Corpus
import Dispatch
import Foundation
import QuestionModel

/// `vraagbaak-bench corpus --corpus DIR`: full index build, reopen from the cache,
/// resident memory, and top-10 similar-question search latency for long queries.
/// Writes the queries to a file so `scripts/bench_fts5.py` can run the very same
/// queries against SQLite FTS5.
func runCorpusBenchmark(_ options: [String]) {
    guard let folder = optionValue(options, "--corpus") else {
        printError("corpus needs --corpus DIR (generate one with vraagbaak-generate)")
        exitWithFailure()
    }
    let queryCount = intOption(options, "--queries", default: 500)
    let queryWords = intOption(options, "--query-words", default: 300)
    let queriesFile = optionValue(options, "--queries-out") ?? "/tmp/vraagbaak-queries.jsonl"
    let sources: [CorpusSource] = [.folder(path: folder)]
    let clock = ContinuousClock()

    // 0. The files into the page cache, so the build measures indexing, not the disk:
    // on this machine a compile can evict them, and reading 100,000 cold files takes
    // several times longer than indexing them.
    if options.contains("--cold") {
        // The other case: the files not in the page cache (the loader reads ahead).
        // Only for a copy of a corpus: the next reader of these files waits on the disk.
        let evicting = clock.measure { evictFromPageCache(folder) }
        print(String(format: "page cache emptied:    %.2f s (the files' pages dropped; --cold)", evicting.seconds))
    } else {
        let warming = clock.measure { warmPageCache(folder) }
        print(String(format: "page cache warmed:     %.2f s (files read once; not part of the build)", warming.seconds))
    }

    // 1. Full build, no cache: the index with its completion vocabulary, as
    // `CorpusLoader.open` builds them when there is no cache.
    var corpus = Corpus.empty
    print("load average:          \(loadAverage())")
    let cpuBefore = processCPUTime()
    let build = clock.measure { corpus = CorpusLoader().load(sources, withVocabulary: true) }
    let vocabulary = corpus.vocabulary
    let cpu = (processCPUTime() - cpuBefore).seconds
    print("records:               \(corpus.count) (\(corpus.warnings.count) warnings)")
    print(String(format: "full index build:      %.2f s (index and completion vocabulary, built alongside; %.1f s of CPU)  [target < 4 s]",
                 build.seconds, cpu) + "  load \(loadAverage())")
    print("resident memory:       \(residentMegabytes()) MB now, \(peakResidentMegabytes()) MB peak")
    let statistics = corpus.statistics
    print("index:                 \(statistics.terms) terms, \(statistics.postings) postings, \(statistics.recordTextBytes / 1_000_000) MB of record text, \(vocabulary.terms.entries.count) vocabulary terms")
    if options.contains("--build-only") { return }

    // 2. Reopen from the cache (listing the files and checking them is included).
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-bench-cache-\(getpid())")
    defer { try? FileManager.default.removeItem(at: cacheFolder) }
    let cache = IndexCache(folder: cacheFolder, applicationVersion: "bench")
    let save = clock.measure { try? cache.save(corpus, for: sources) }
    let cacheBytes = (try? FileManager.default.attributesOfItem(atPath: cache.fileURL(for: sources).path)[.size] as? Int) ?? 0
    print(String(format: "cache write:           %.2f s (%d MB)", save.seconds, cacheBytes / 1_000_000))
    var reopenTimes = Samples()
    for _ in 0..<3 {
        var outcome: IndexCache.Outcome?
        let reopen = clock.measure { (_, outcome) = CorpusLoader().open(sources, cache: cache) }
        guard outcome == .hit else {
            printError("the cache was not used: \(String(describing: outcome))")
            exitWithFailure()
        }
        reopenTimes.append(reopen)
    }
    print(String(format: "reopen from cache:     %.3f s (best of 3; median %.3f s)",
                 (reopenTimes.percentile(0) / 1e6), reopenTimes.median / 1e6))
    var listed: [CorpusFiles.Entry] = []
    let listing = clock.measure {
        var warnings: [LoadWarning] = []
        listed = CorpusFiles.list(folder, warnings: &warnings)
    }
    let decoding = clock.measure { consume(cache.load(sources, manifest: listed)) }
    print(String(format: "  of which: listing %.3f s, reading the cache %.3f s", listing.seconds, decoding.seconds))

    // 3. Queries: `queryWords` words of a record's question and answer text, from
    // records spread over the corpus.
    let queries = makeQueries(corpus, count: queryCount, words: queryWords)
    writeQueries(queries, to: queriesFile)
    for query in queries.prefix(20) { consume(corpus.search(query, limit: 10)) } // warm up
    var latencies = Samples()
    for query in queries {
        var hits: [Corpus.SearchResult] = []
        latencies.append(clock.measure { hits = corpus.search(query, limit: 10) })
        consume(hits)
    }
    print(String(format: "search top-10 (%d queries of %d words): p50 %.2f ms, p99 %.2f ms, max %.2f ms",
                 queries.count, queryWords, latencies.median / 1000, latencies.percentile(0.99) / 1000,
                 latencies.maximum / 1000))
    print("queries written to \(queriesFile)")
    print("memory after queries:  \(residentMegabytes()) MB resident, \(peakResidentMegabytes()) MB peak")
}

/// Reads every corpus file once, in parallel.
func warmPageCache(_ folder: String) {
    var warnings: [LoadWarning] = []
    let files = CorpusFiles.list(folder, warnings: &warnings)
    DispatchQueue.concurrentPerform(iterations: files.count) { index in
        _ = CorpusFileReader.read(files[index].path)
    }
}

/// Drops the corpus files' pages from the page cache (`posix_fadvise(DONTNEED)`).
private func evictFromPageCache(_ folder: String) {
    var warnings: [LoadWarning] = []
    for file in CorpusFiles.list(folder, warnings: &warnings) {
        let descriptor = open(file.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { continue }
        _ = posix_fadvise(descriptor, 0, 0, POSIX_FADV_DONTNEED)
        close(descriptor)
    }
}

private func makeQueries(_ corpus: Corpus, count: Int, words: Int) -> [String] {
    guard corpus.count > 0 else { return [] }
    let step = max(1, corpus.count / max(1, count))
    var queries: [String] = []
    var index = 0
    while queries.count < count, index < corpus.count {
        let record = corpus.records[index]
        index += step
        guard let path = record.source.filePath, let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
        let question = Question.parse(text)
        let parts = [question.title?.text ?? "", question.introduction?.text ?? ""]
            + question.numberedQuestions.map(\.text) + [question.answer?.body?.text ?? ""]
        let tokens = parts.joined(separator: " ").split(whereSeparator: { $0.isWhitespace })
        guard tokens.count >= words / 2 else { continue }
        queries.append(tokens.prefix(words).joined(separator: " "))
    }
    return queries
}

private func writeQueries(_ queries: [String], to path: String) {
    // The terms as Vraagbaak's tokenizer sees them (stopwords out, accents folded),
    // so FTS5 is asked for exactly the same words.
    struct Line: Encodable { let text: String; let terms: [String] }
    let lines = queries.map { query -> String in
        let terms = Array(Set(Tokenizer.terms(in: query))).sorted()
        let data = (try? JSONEncoder().encode(Line(text: query, terms: terms))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
    try? (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
}

/// Resident memory from /proc (Linux); 0 elsewhere.
func residentMegabytes() -> Int { procStatus("VmRSS:") / 1024 }
func peakResidentMegabytes() -> Int { procStatus("VmHWM:") / 1024 }

private func procStatus(_ key: String) -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix(key) {
        return Int(line.dropFirst(key.count).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") ?? 0
    }
    return 0
}

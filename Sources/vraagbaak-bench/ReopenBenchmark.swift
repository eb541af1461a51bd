import Corpus
import Foundation

/// `vraagbaak-bench reopen --corpus DIR [--runs N]`: how long a warm start takes to
/// have the corpus, split into its two parts: listing the files (a stat each, what
/// the cache is checked against) and reading and checking the cache file. The cache
/// is built once into a folder of its own and kept, so runs after the first measure
/// the reopen alone; the target (issue 12) is under 0.3 s at 100,000 questions.
func runReopenBenchmark(_ options: [String]) {
    guard let folder = optionValue(options, "--corpus") else {
        printError("reopen needs --corpus DIR (generate one with vraagbaak-generate)")
        exitWithFailure()
    }
    let runs = max(1, intOption(options, "--runs", default: 5))
    let sources: [CorpusSource] = [.folder(path: folder)]
    let canonical = sources.map(\.canonical)
    let cacheFolder = URL(fileURLWithPath: optionValue(options, "--cache-dir")
                          ?? FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-bench-reopen").path)
    let cache = IndexCache(folder: cacheFolder, applicationVersion: "bench-reopen")
    let clock = ContinuousClock()
    warmPageCache(folder)

    var (corpus, outcome) = CorpusLoader().open(sources, cache: cache)
    if outcome != .hit {
        print("cache built first (\(outcome.map { "\($0)" } ?? "no cache")): \(corpus.count) records")
        (corpus, outcome) = CorpusLoader().open(sources, cache: cache)
        guard outcome == .hit else {
            printError("the cache was not used after it was written: \(String(describing: outcome))")
            exitWithFailure()
        }
    }
    let cacheBytes = (try? FileManager.default.attributesOfItem(atPath: cache.fileURL(for: canonical).path)[.size] as? Int) ?? 0
    print("corpus: \(corpus.count) records; cache \(cacheBytes / 1_000_000) MB at \(cacheFolder.path)")
    corpus = .empty

    // Wall time, and the CPU time of all threads (less at the mercy of other load
    // on a shared machine than the wall time).
    var whole = Samples(), listing = Samples(), reading = Samples(), inUse = Samples()
    var wholeCPU = Samples(), listingCPU = Samples(), readingCPU = Samples()
    for _ in 0..<runs {
        var cpu = processCPUTime()
        let offered = OfferTime()
        let start = clock.now
        whole.append(clock.measure {
            let (opened, outcome) = CorpusLoader().open(sources, cache: cache, provisional: { _ in offered.mark(clock.now - start) })
            precondition(outcome == .hit, "the cache was not used")
            consume(opened)
        })
        wholeCPU.append(processCPUTime() - cpu)
        if let time = offered.time { inUse.append(time) }
        var listed: [CorpusFiles.Entry] = []
        cpu = processCPUTime()
        listing.append(clock.measure {
            var warnings: [LoadWarning] = []
            listed = canonical.flatMap { source -> [CorpusFiles.Entry] in
                guard case .folder(let path) = source else { return [] }
                return CorpusFiles.list(path, warnings: &warnings)
            }
        })
        listingCPU.append(processCPUTime() - cpu)
        cpu = processCPUTime()
        reading.append(clock.measure { consume(cache.load(canonical, manifest: listed)) })
        readingCPU.append(processCPUTime() - cpu)
    }
    func seconds(_ samples: Samples, _ cpu: Samples) -> String {
        String(format: "best %.3f s, median %.3f s; CPU (all threads) median %.3f s",
               samples.percentile(0) / 1e6, samples.median / 1e6, cpu.median / 1e6)
    }
    // The first reopen in a process is what a server starting does, and it costs
    // more than the later ones (fresh memory is faulted in): printed on its own.
    print(String(format: "first reopen in this process (a server's start):  %.3f s, in use after %.3f s  [target < 0.3 s]",
                 (whole.microseconds.first ?? 0) / 1e6, (inUse.microseconds.first ?? 0) / 1e6))
    print("reopen from cache (\(runs) runs):  \(seconds(whole, wholeCPU))  [target < 0.3 s]  load \(loadAverage())")
    print("  in use (the server answers from the cache, the files still being checked):  "
          + String(format: "best %.3f s, median %.3f s", inUse.percentile(0) / 1e6, inUse.median / 1e6))
    print("  listing the files:    \(seconds(listing, listingCPU))")
    print("  reading the cache:    \(seconds(reading, readingCPU))")
    print("resident memory:        \(residentMegabytes()) MB now, \(peakResidentMegabytes()) MB peak")
}


/// When `CorpusLoader.open` offered its provisional corpus (from its reading thread).
private final class OfferTime: @unchecked Sendable {
    private let lock = NSLock()
    private var offered: Duration?

    var time: Duration? { lock.withLock { offered } }

    func mark(_ time: Duration) { lock.withLock { offered = time } }
}

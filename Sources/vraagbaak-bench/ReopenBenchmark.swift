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

    var whole = Samples(), listing = Samples(), reading = Samples()
    for _ in 0..<runs {
        whole.append(clock.measure {
            let (opened, outcome) = CorpusLoader().open(sources, cache: cache)
            precondition(outcome == .hit, "the cache was not used")
            consume(opened)
        })
        var listed: [CorpusFiles.Entry] = []
        listing.append(clock.measure {
            var warnings: [LoadWarning] = []
            listed = canonical.flatMap { source -> [CorpusFiles.Entry] in
                guard case .folder(let path) = source else { return [] }
                return CorpusFiles.list(path, warnings: &warnings)
            }
        })
        reading.append(clock.measure { consume(cache.load(canonical, manifest: listed)) })
    }
    func seconds(_ samples: Samples) -> String {
        String(format: "best %.3f s, median %.3f s", samples.percentile(0) / 1e6, samples.median / 1e6)
    }
    print("reopen from cache (\(runs) runs):  \(seconds(whole))  [target < 0.3 s]  load \(loadAverage())")
    print("  listing the files:    \(seconds(listing))")
    print("  reading the cache:    \(seconds(reading))")
    print("resident memory:        \(residentMegabytes()) MB now, \(peakResidentMegabytes()) MB peak")
}

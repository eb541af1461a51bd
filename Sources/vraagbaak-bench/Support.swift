import Foundation

let benchmarkUsage = """
    usage: vraagbaak-bench <benchmark> [options]
    benchmarks:
      parse [--runs N] [--megabytes N] [--seeds DIR]
            reparse time of a ~1,000-word draft, and parse throughput over the seeds
      editing [--runs N] [--corpus DIR | --count N --seed S] [--push-diagnostics]
            completion and hover latency at an in-process server on a corpus folder,
            or on a synthetic corpus (default 100,000 questions) generated into /tmp
      diagnostics [--runs N] [--corpus DIR | --count N --seed S] [--off CODE] [--typing]
            keystroke-to-diagnostics latency of a 1,000-word draft at the server;
            --typing types and deletes a word, so every keystroke changes the terms
      corpus --corpus DIR [--queries N] [--query-words N] [--queries-out FILE] [--build-only] [--cold]
            index build (with the completion vocabulary), cache reopen, memory, and
            top-10 search latency; --build-only stops after the build; --cold drops
            the files from the page cache first (use a copy of a corpus)
      reopen --corpus DIR [--runs N] [--cache-dir DIR]
            a warm start's corpus reopen from its cache: listing the files, reading
            and checking the cache (the cache is built once and kept)
      repetition [--corpus DIR] [--drafts DIR] [--queries-out FILE] [--verbose]
            search precision@1 on kamer-2017's identical questions; recall of the
            repetition check on exact re-filings (five layouts) and reworded drafts;
            novel drafts; check latency
      startup --corpus DIR
            a cold and a warm server start: first diagnostics of a draft opened at once,
            corpus and completion vocabulary ready, resident memory after the load
      incremental --corpus DIR [--runs N] [--work DIR] [--server-only]
            on a copy of the corpus: incremental update time for one changed, added and
            removed file and a burst of 8, beside a full rebuild; then through the server,
            from didChangeWatchedFiles to the new corpus in use
      long-lines [--megabytes N]
            semantic tokens on an N MB (default 4) one-line draft, and every document
            request after a keystroke on 1 MB drafts (one line; many lines)
    """

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

func exitWithFailure() -> Never { exit(1) }

/// The value after `--name`, if given.
func optionValue(_ options: [String], _ name: String) -> String? {
    guard let index = options.firstIndex(of: name), index + 1 < options.count else { return nil }
    return options[index + 1]
}

func intOption(_ options: [String], _ name: String, default value: Int) -> Int {
    optionValue(options, name).flatMap(Int.init) ?? value
}

/// The seeds folder: `--seeds DIR`, else `seeds/` in the working directory, else
/// found from this source file (`Sources/vraagbaak-bench/` is two levels down).
func seedsFolder(_ options: [String]) -> URL {
    if let path = optionValue(options, "--seeds") { return URL(fileURLWithPath: path) }
    let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("seeds")
    if FileManager.default.fileExists(atPath: local.path) { return local }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("seeds")
}

func readSeeds(_ options: [String]) -> [String] {
    let folder = seedsFolder(options)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
        .filter { $0.hasSuffix(".txt") }.sorted()
    let texts = names.compactMap { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
    if texts.isEmpty {
        printError("no seeds in \(folder.path); pass --seeds DIR")
        exitWithFailure()
    }
    return texts
}

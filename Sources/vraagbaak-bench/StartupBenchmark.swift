import Foundation
import JSONRPC

/// `startup --corpus DIR`: what a user waits for when the server starts, cold (no
/// index cache) and warm (the cache written by the cold start): the first
/// diagnostics of a draft opened at once, the corpus, the completion vocabulary, the
/// diagnostics with the corpus checks, and the resident memory after the load. Each
/// start runs in a child process of its own, so the warm start's memory is its own.
func runStartupBenchmark(_ options: [String]) {
    guard let folder = optionValue(options, "--corpus") else {
        printError("startup needs --corpus DIR (generate one with vraagbaak-generate)")
        exitWithFailure()
    }
    let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-bench-startup-\(getpid())")
    defer { try? FileManager.default.removeItem(at: cacheFolder) }
    for phase in ["cold (no index cache)", "warm (the cache of the cold start)"] {
        report("\(phase):  load \(loadAverage())")
        let child = Process()
        child.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        child.arguments = ["startup-once", "--corpus", folder, "--cache", cacheFolder.path]
        do {
            try child.run()
            child.waitUntilExit()
        } catch {
            printError("cannot start \(child.executableURL?.path ?? "?"): \(error)")
            exitWithFailure()
        }
    }
}

/// One start, in this process: see `runStartupBenchmark`.
func runStartupOnce(_ options: [String]) {
    guard let folder = optionValue(options, "--corpus"), let cacheFolder = optionValue(options, "--cache") else {
        printError("startup-once needs --corpus DIR --cache DIR")
        exitWithFailure()
    }
    let client = InProcessClient()
    let clock = ContinuousClock()
    let started = clock.now
    func since(_ instant: ContinuousClock.Instant) -> String { "\(formatted((instant - started).seconds * 1000)) ms" }
    _ = client.request("initialize", .object([
        "processId": .null, "rootUri": .null,
        "capabilities": .object(["textDocument": .object([
            "completion": .object(["completionItem": .object(["snippetSupport": .bool(true)])]),
        ])]),
        "initializationOptions": .object([
            "corpus": .array([.string(folder)]), "seeds": .bool(false), "cacheDirectory": .string(cacheFolder),
        ]),
    ]))
    client.notify("initialized", .object([:]))
    let draftLines = [
        "aan: Gwendolyn Rutten", "datum: 26 januari 2024", "", "Inburgering  -  Stand van zaken", "",
        "Ik verwijs naar mijn schriftelijke vraag nr. 99999 van 3 maart 2020.", "",
        "1. Hoeveel inburgeraars zijn er?", "3. Waarom zijn het er niet meer?", "Zie mijn schriftelijke vraag nr. 1",
    ]
    let uri = "file:///tmp/vraagbaak-bench-startup.vraag"
    let opened = clock.now
    client.open(uri, draftLines.joined(separator: "\n"))
    let first = client.diagnosticsArrival(version: 1)
    report("  first diagnostics:         \(formatted((first.arrival - opened).seconds * 1000)) ms after didOpen "
        + "(\(first.count) findings, structure checks)  [target < 50 ms]  load \(loadAverage())")

    var corpusReady: ContinuousClock.Instant?
    var vocabularyReady: ContinuousClock.Instant?
    var records = 0
    // Questions by number after `nr. 1`, or ministers after `aan: G` (a corpus without
    // question numbers, like kamer-2017, has only the latter): both come from the vocabulary.
    let probes: [JSONValue] = [(draftLines.count - 1, draftLines.last!.utf16.count), (0, 6)].map { line, character in
        .object(["textDocument": .object(["uri": .string(uri)]),
                 "position": .object(["line": .int(line), "character": .int(character)])])
    }
    while vocabularyReady == nil {
        if corpusReady == nil {
            records = client.request("vraagbaak/corpusStatus", .null).result["records"]?.intValue ?? 0
            if records > 0 { corpusReady = clock.now }
        }
        let items = probes.map { client.request("textDocument/completion", $0).result["items"]?.arrayValue?.count ?? 0 }
        if items.contains(where: { $0 > 0 }) { vocabularyReady = clock.now } else { usleep(5_000) }
        if let corpusReady, clock.now - corpusReady > .seconds(60) {
            report("  no completion from the vocabulary 60 s after the corpus")
            break
        }
    }
    if corpusReady == nil {
        // The corpus came between the status request and the completion: both at once.
        records = client.request("vraagbaak/corpusStatus", .null).result["records"]?.intValue ?? 0
        corpusReady = vocabularyReady
    }
    report("  corpus ready:              \(since(corpusReady ?? clock.now)) after the start (\(records) records)")
    let vocabularyTime = vocabularyReady ?? clock.now
    report("  completion vocabulary:     \(since(vocabularyTime)) after the start, "
        + "\(formatted(((vocabularyTime - (corpusReady ?? vocabularyTime)).seconds) * 1000)) ms after the corpus  "
        + "[target < 300 ms after a warm start]")
    let checked = client.diagnosticsArrival(version: 1)
    report("  diagnostics with the corpus checks: \(since(checked.arrival)) after the start (\(checked.count) findings)")
    report("  resident memory after the load: \(residentMegabytes()) MB (peak \(peakResidentMegabytes()) MB)  "
        + "[target < 400 MB]  load \(loadAverage())")
    _ = client.request("shutdown", .null)
    client.notify("exit", .null)
}

import Foundation
import JSONRPC
import Server
import SyntheticCorpus

/// `editing`: completion and hover latency at the server, on a large corpus. A
/// `LanguageServer` runs in this process behind a pair of pipes; a sample is the time
/// from writing a request to reading its response (JSON coding and framing included),
/// right after a keystroke (`didChange`) so each request also reparses the draft.
func runEditingBenchmark(_ options: [String]) {
    let runs = intOption(options, "--runs", default: 2_000)
    let folder = editingCorpusFolder(options)
    // A client that pulls diagnostics: the checks then do not run after every
    // keystroke, and the numbers are completion and hover alone. `--push-diagnostics`
    // measures them with the checks running in the background, as most editors do.
    let pushesDiagnostics = options.contains("--push-diagnostics")
    let client = InProcessClient()

    let clock = ContinuousClock()
    let loadStart = clock.now
    var textDocument: [String: JSONValue] = [
        "hover": .object(["contentFormat": .array([.string("markdown"), .string("plaintext")])]),
        "completion": .object(["completionItem": .object([
            "snippetSupport": .bool(true), "documentationFormat": .array([.string("markdown")]),
        ])]),
    ]
    if !pushesDiagnostics { textDocument["diagnostic"] = .object([:]) }
    let records = client.start(corpus: folder, textDocumentCapabilities: textDocument)
    report("diagnostics: \(pushesDiagnostics ? "pushed after every keystroke (checks in the background)" : "pulled (no checks while measuring)")")
    report("corpus: \(records) records from \(folder.path), ready in \(formatted((clock.now - loadStart).seconds, decimals: 1)) s")

    // A cited question that exists, found through the server's own search.
    let hit = client.request("vraagbaak/search", .object(["text": .string("overzicht aantal"), "limit": .int(50)]))
        .result.arrayValue?.first { $0["number"]?.intValue != nil && $0["date"] != nil }
    let reference = hit?["reference"]?.stringValue ?? "nr. 123 van 26 januari 2024"
    let draftLines = [
        "aan: M",
        "datum: 26 januari 2024",
        "",
        "Inb",
        "",
        "Ik verwijs naar mijn schriftelijke vraag \(reference) en naar vraag nr. 99999 van 3 maart 2020.",
        "Zie mijn schriftelijke vraag nr. 1",
        "Zie mijn schriftelijke vraag nr. 12",
        "Zie mijn schriftelijke vraag nr. 123 van ",
        "Zie mijn schriftelijke vraag nr. over",
        "Het gesprek met de lokale be",
        "Het Agentschap (AgII) op 5 januari 2024 en de Vlaamse Re",
        "",
        "1. Ho",
        "2. Kan de minister een overzicht geven?",
        "",
    ]
    let draft = draftLines.joined(separator: "\n")
    let uri = "file:///tmp/vraagbaak-bench-draft.vraag"
    client.notify("textDocument/didOpen", .object(["textDocument": .object([
        "uri": .string(uri), "languageId": .string("vraag"), "version": .int(1), "text": .string(draft),
    ])]))
    func endOf(_ line: Int) -> (Int, Int) { (line, draftLines[line].utf16.count) }
    let completionPoints = [endOf(0), endOf(3), endOf(6), endOf(7), endOf(8), endOf(9), endOf(10), endOf(11), endOf(13)]
    let referenceColumn = draftLines[5].utf16.count - "en naar vraag nr. 99999 van 3 maart 2020.".utf16.count - 10
    let hoverPoints = [(5, referenceColumn), (5, draftLines[5].utf16.count - 10), (1, 10), (11, 16), (11, 32)]

    var version = 1
    /// Samples per place, after a keystroke each.
    func measure(_ method: String, _ points: [(Int, Int)], runs: Int) -> (all: Samples, perPoint: [Samples], items: Int) {
        var all = Samples()
        var perPoint = [Samples](repeating: Samples(), count: points.count)
        var items = 0
        for run in 0..<runs {
            // A keystroke on the last (empty) line, so the draft is parsed again.
            version += 1
            client.notify("textDocument/didChange", .object([
                "textDocument": .object(["uri": .string(uri), "version": .int(version)]),
                "contentChanges": .array([.object([
                    "range": lspRange(draftLines.count - 1, 0, draftLines.count - 1, run % 2 == 0 ? 0 : 1),
                    "text": .string(run % 2 == 0 ? "x" : ""),
                ])]),
            ]))
            let (line, character) = points[run % points.count]
            let (response, duration) = client.request(method, .object([
                "textDocument": .object(["uri": .string(uri)]),
                "position": .object(["line": .int(line), "character": .int(character)]),
            ]))
            all.append(duration)
            perPoint[run % points.count].append(duration)
            items += response["items"]?.arrayValue?.count ?? (response == .null ? 0 : 1)
        }
        return (all, perPoint, items)
    }

    // The vocabulary is built off the server queue after the load; until it is ready
    // a question-number completion is empty.
    let vocabularyStart = clock.now
    while measure("textDocument/completion", [completionPoints[2]], runs: 1).items == 0 {
        usleep(100_000)
    }
    report("completion vocabulary ready \(formatted((clock.now - vocabularyStart).seconds, decimals: 1)) s after the corpus")
    _ = measure("textDocument/completion", completionPoints, runs: 200)  // warm up
    _ = measure("textDocument/hover", hoverPoints, runs: 200)
    let completion = measure("textDocument/completion", completionPoints, runs: runs)
    let hover = measure("textDocument/hover", hoverPoints, runs: runs)
    report("completion over \(runs) requests (\(completionPoints.count) contexts, \(completion.items / max(1, runs)) items on average): "
        + summary(completion.all) + "  [target p99 < 5 ms]")
    for (index, samples) in completion.perPoint.enumerated() {
        let (line, character) = completionPoints[index]
        let before = String(draftLines[line].utf16.prefix(character)) ?? ""
        report("  \(before.suffix(30).padding(toLength: 30, withPad: " ", startingAt: 0))  " + summary(samples))
    }
    report("hover over \(runs) requests (\(hoverPoints.count) places, \(hover.items) answered): " + summary(hover.all)
        + "  [target p99 < 2 ms]")
    for (index, samples) in hover.perPoint.enumerated() {
        report("  place \(index + 1)  " + summary(samples))
    }
    _ = client.request("shutdown", .null)
    client.notify("exit", .null)
}

/// Unbuffered, so progress shows at once even through a pipe.
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

func summary(_ samples: Samples) -> String {
    "median \(formatted(samples.median / 1000, decimals: 3)) ms, p99 \(formatted(samples.percentile(0.99) / 1000, decimals: 3)) ms, "
        + "max \(formatted(samples.maximum / 1000, decimals: 3)) ms"
}

func lspRange(_ startLine: Int, _ startCharacter: Int, _ endLine: Int, _ endCharacter: Int) -> JSONValue {
    .object([
        "start": .object(["line": .int(startLine), "character": .int(startCharacter)]),
        "end": .object(["line": .int(endLine), "character": .int(endCharacter)]),
    ])
}

/// `--corpus DIR`, or a synthetic corpus of `--count N` (default 100,000) questions
/// generated once into the temporary folder (never into the repository).
func editingCorpusFolder(_ options: [String]) -> URL {
    if let path = optionValue(options, "--corpus") { return URL(fileURLWithPath: path) }
    let count = intOption(options, "--count", default: 100_000)
    let seed = UInt64(intOption(options, "--seed", default: 1))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-bench-corpus-\(count)-\(seed)")
    let marker = folder.appendingPathComponent(".complete")
    if FileManager.default.fileExists(atPath: marker.path) { return folder }
    printError("generating \(count) synthetic questions into \(folder.path) ...")
    try? FileManager.default.removeItem(at: folder)
    let corpus = GeneratedCorpus(configuration: CorpusConfiguration(seed: seed, count: count))
    do {
        for directory in corpus.directories {
            try FileManager.default.createDirectory(at: folder.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
        try corpus.forEachFile { file in
            try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.path))
        }
        try Data().write(to: marker)
    } catch {
        printError("cannot write the synthetic corpus: \(error)")
        exitWithFailure()
    }
    return folder
}

extension InProcessClient {
    /// Initializes the server on the corpus in `folder` alone (its cache in the
    /// temporary folder) and waits until the corpus is loaded; returns its record count.
    func start(corpus folder: URL, textDocumentCapabilities: [String: JSONValue] = [:], checks: JSONValue? = nil) -> Int {
        let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-bench-cache")
        _ = request("initialize", .object([
            "processId": .null, "rootUri": .null,
            "capabilities": .object(["textDocument": .object(textDocumentCapabilities)]),
            "initializationOptions": .object([
                "corpus": .array([.string(folder.path)]), "seeds": .bool(false),
                "cacheDirectory": .string(cacheFolder.path),
            ].merging(checks.map { ["checks": $0] } ?? [:]) { $1 }),
        ]))
        notify("initialized", .object([:]))
        var records = 0
        var previous = -1
        // Loaded when the count is non-zero and stops changing.
        while records == 0 || records != previous {
            previous = records
            usleep(records == 0 ? 200_000 : 500_000)
            records = request("vraagbaak/corpusStatus", .null).result["records"]?.intValue ?? 0
        }
        return records
    }
}

/// A client talking to an in-process `LanguageServer` over pipes.
final class InProcessClient: @unchecked Sendable {
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private let condition = NSCondition()
    private var responses: [Int: (value: JSONValue, arrival: ContinuousClock.Instant)] = [:]  // guarded by `condition`
    /// When diagnostics for each document version arrived, for `diagnostics`.
    private var diagnostics: [Int: (count: Int, arrival: ContinuousClock.Instant)] = [:]  // guarded by `condition`
    private var nextID = 1
    private let clock = ContinuousClock()

    init() {
        let server = LanguageServer { _ in }
        let connection = Connection(input: toServer.fileHandleForReading, output: fromServer.fileHandleForWriting)
        Thread.detachNewThread { connection.run(handler: server) }
        Thread.detachNewThread { [self] in readLoop() }
    }

    private func readLoop() {
        var parser = FrameParser()
        let handle = fromServer.fileHandleForReading
        while true {
            let chunk = handle.availableData
            let arrival = clock.now
            if chunk.isEmpty { return }
            parser.append(chunk)
            while let frame = parser.nextFrame() {
                guard case .body(let body) = frame else { continue }
                let data = Data(body)
                // Published diagnostics are read for their version and count alone:
                // decoded whole into `JSONValue` they took this thread about 2 ms each,
                // and a response behind them in the pipe waited for that, so the
                // benchmark measured its own client.
                if let published = try? JSONDecoder().decode(PublishedDiagnostics.self, from: data),
                   published.method == "textDocument/publishDiagnostics" {
                    if let params = published.params, let version = params.version {
                        condition.lock()
                        diagnostics[version] = (params.diagnostics.count, arrival)
                        condition.broadcast()
                        condition.unlock()
                    }
                    continue
                }
                guard let value = try? JSONDecoder().decode(JSONValue.self, from: data) else { continue }
                guard value["method"] == nil, let id = value["id"]?.intValue else { continue }
                condition.lock()
                responses[id] = (value, arrival)
                condition.broadcast()
                condition.unlock()
            }
        }
    }

    private func send(_ message: JSONValue) {
        guard let body = try? JSONEncoder().encode(message) else { return }
        toServer.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: JSONValue) {
        var message: [String: JSONValue] = ["jsonrpc": .string("2.0"), "method": .string(method)]
        if params != .null { message["params"] = params }  // JSON-RPC forbids `"params": null`
        send(.object(message))
    }

    /// Waits until diagnostics for `version` arrive; their count and arrival time.
    func diagnosticsArrival(version: Int) -> (count: Int, arrival: ContinuousClock.Instant) {
        condition.lock()
        defer { condition.unlock() }
        while diagnostics[version] == nil { condition.wait() }
        return diagnostics.removeValue(forKey: version)!
    }

    var now: ContinuousClock.Instant { clock.now }

    func request(_ method: String, _ params: JSONValue) -> (result: JSONValue, duration: Duration) {
        let id = nextID
        nextID += 1
        let start = clock.now
        var message: [String: JSONValue] = ["jsonrpc": .string("2.0"), "id": .int(id), "method": .string(method)]
        if params != .null { message["params"] = params }
        send(.object(message))
        condition.lock()
        while responses[id] == nil { condition.wait() }
        let (value, arrival) = responses.removeValue(forKey: id)!
        condition.unlock()
        if let error = value["error"] { printError("\(method) failed: \(error)") }
        return (value["result"] ?? .null, arrival - start)
    }

}

/// What the client reads of a message that may be `textDocument/publishDiagnostics`:
/// the method, the version and the number of diagnostics, nothing else decoded.
private struct PublishedDiagnostics: Decodable {
    struct Params: Decodable {
        let version: Int?
        let diagnostics: ElementCount
    }

    let method: String?
    let params: Params?
}

/// The length of a JSON array, its elements left undecoded.
private struct ElementCount: Decodable {
    let count: Int

    init(from decoder: any Decoder) throws {
        count = try decoder.unkeyedContainer().count ?? 0
    }
}

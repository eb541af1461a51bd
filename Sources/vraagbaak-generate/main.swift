// vraagbaak-generate: writes a deterministic synthetic corpus for scale tests.
// All generation lives in SyntheticCorpus; this file parses arguments and does IO.
import Dispatch
import Foundation
import Synchronization
import SyntheticCorpus

let usage = """
usage: vraagbaak-generate [--count N] [--seed S] [--years Y] (--output DIR | --dry-run)

  --count N    number of records (files) to write, default 1000
  --seed S     unsigned 64-bit seed, default 1; same seed and count, same bytes
  --years Y    parliamentary years covered, ending with 2023-2024
               (default: about 8,000 records a year, at least 3)
  --output DIR folder to write into (created if missing); never the repository
  --dry-run    generate every text but write nothing (times the generator alone)

"""

struct Options {
    var count = 1000
    var seed: UInt64 = 1
    var years: Int?
    var output: String?
    var isDryRun = false
}

enum ArgumentError: Error {
    case message(String)
}

func parse(_ arguments: [String]) throws(ArgumentError) -> Options? {
    var options = Options()
    var position = 0
    func value(for flag: String) throws(ArgumentError) -> String {
        position += 1
        guard position < arguments.count else { throw .message("\(flag) needs a value") }
        return arguments[position]
    }
    while position < arguments.count {
        var flag = arguments[position]
        var inlineValue: String?
        if flag.hasPrefix("--"), let equals = flag.firstIndex(of: "=") {
            inlineValue = String(flag[flag.index(after: equals)...])
            flag = String(flag[..<equals])
        }
        func next() throws(ArgumentError) -> String {
            if let inlineValue { return inlineValue }
            return try value(for: flag)
        }
        switch flag {
        case "-h", "--help":
            return nil
        case "--count":
            let text = try next()
            guard let count = Int(text), count >= 0 else { throw .message("--count wants a whole number >= 0, got '\(text)'") }
            options.count = count
        case "--seed":
            let text = try next()
            guard let seed = UInt64(text) else { throw .message("--seed wants an unsigned 64-bit integer, got '\(text)'") }
            options.seed = seed
        case "--years":
            let text = try next()
            guard let years = Int(text), (1...50).contains(years) else { throw .message("--years wants 1...50, got '\(text)'") }
            options.years = years
        case "--output", "-o":
            options.output = try next()
        case "--dry-run":
            options.isDryRun = true
        default:
            throw .message("unknown argument '\(arguments[position])'")
        }
        position += 1
    }
    guard options.output != nil || options.isDryRun else { throw .message("--output DIR is required") }
    return options
}

func fail(_ message: String, code: Int32) -> Never {
    FileHandle.standardError.write(Data("vraagbaak-generate: \(message)\n".utf8))
    exit(code)
}

let options: Options
do {
    guard let parsed = try parse(Array(CommandLine.arguments.dropFirst())) else {
        print(usage, terminator: "")
        exit(0)
    }
    options = parsed
} catch {
    switch error {
    case .message(let message):
        FileHandle.standardError.write(Data("vraagbaak-generate: \(message)\n\n\(usage)".utf8))
        exit(2)
    }
}

let clock = ContinuousClock()
let start = clock.now
let configuration = CorpusConfiguration(seed: options.seed, count: options.count, parliamentaryYears: options.years)
let corpus = GeneratedCorpus(configuration: configuration)
let planned = clock.now

let root = URL(fileURLWithPath: options.output ?? ".", isDirectory: true)
if !options.isDryRun {
    do {
        for folder in corpus.directories {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder, isDirectory: true),
                                                    withIntermediateDirectories: true)
        }
    } catch {
        fail("cannot create folders under \(root.path): \(error.localizedDescription)", code: 1)
    }
}

/// Plain POSIX writes: for 100,000 small files `Data.write(to:)` and URL building
/// cost more than generating the text.
func writeFile(_ text: String, to path: String) -> Int32? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard descriptor >= 0 else { return errno }
    defer { close(descriptor) }
    var text = text
    return text.withUTF8 { buffer -> Int32? in
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, base + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return nil
    }
}

// Records are independent, so workers render and write disjoint strides; the
// bytes do not depend on the order of writing.
let workers = max(1, ProcessInfo.processInfo.activeProcessorCount)
let rootPath = root.path
let isDryRun = options.isDryRun
let totalBytes = Atomic<Int>(0)
let failures = Mutex<[String]>([])
DispatchQueue.concurrentPerform(iterations: workers) { worker in
    var bytes = 0
    var index = worker
    while index < corpus.count {
        let file = corpus.file(at: index)
        if !isDryRun, let code = writeFile(file.text, to: rootPath + "/" + file.path) {
            failures.withLock { $0.append("\(file.path): \(String(cString: strerror(code)))") }
            return
        }
        bytes += file.text.utf8.count
        index += workers
    }
    totalBytes.add(bytes, ordering: .relaxed)
}
let finished = clock.now

let problems = failures.withLock { $0 }
if let first = problems.first {
    fail("could not write \(problems.count) file(s); first: \(first)", code: 1)
}

func seconds(_ duration: Duration) -> String {
    let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
    return "\(milliseconds / 1000).\(String(milliseconds % 1000 + 1000).dropFirst()) s"
}

let records = corpus.records
let plain = records.filter { $0.format == .plainExport }.count
let copies = records.filter(\.isMultiMinisterCopy).count
let citing = records.filter { $0.citation != nil }.count
let years = Set(records.map(\.parliamentaryYear)).count
let megabytes = totalBytes.load(ordering: .relaxed) / 1_000_000
print("""
\(isDryRun ? "generated (dry run)" : "wrote") \(records.count) files (\(records.count - plain) parliament export, \(plain) plain export) \(isDryRun ? "" : "to " + rootPath)
  \(years) parliamentary years, \(copies) multi-minister copies, \(citing) citing an earlier question
  \(megabytes) MB; seed \(options.seed); planned in \(seconds(planned - start)), total \(seconds(finished - start)) with \(workers) workers
""")

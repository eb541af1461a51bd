// libFuzzer harness: the index cache reader on corrupt caches.
//
// The input is the cache's payload (after the checksum). The harness writes a valid
// header (magic, format, version, the payload's checksum) so the fuzzer gets past the
// checksum and reaches the decoder, writes the file where `IndexCache` looks, loads
// it, and then uses everything a loaded corpus offers (`CorruptCache`, in
// Tests/ReliabilityTests, which scripts/fuzz.sh compiles in): a cache that loads must
// never make a later lookup trap.
//
// With VRAAGBAAK_FUZZ_WRITE_SEEDS=<folder>, it first writes seed payloads made from
// real caches (the embedded seeds and small corpora) into that folder.
import Foundation
@testable import Corpus
import QuestionModel

private let cacheFolder: URL = {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("vraagbaak-cachefuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()
private let sources = [CorpusSource.folder(path: "/fuzz-corpus")]
private let cache = IndexCache(folder: cacheFolder, applicationVersion: "fuzz")


private let writeSeedsOnce: Void = {
    guard let folder = ProcessInfo.processInfo.environment["VRAAGBAAK_FUZZ_WRITE_SEEDS"] else { return }
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let corpora: [(String, [CorpusLoader.Input])] = [
        ("seeds", EmbeddedSeeds.files.map { .embedded(name: $0.name, text: $0.text) }),
        ("one", [.embedded(name: "a.txt", text: EmbeddedSeeds.files.first?.text ?? "")]),
        ("empty", []),
        ("draft", [.embedded(name: "d.vraag", text: "aan: minister\n\nTitel - ondertitel\n\nInleiding (VVSG).\n\n1. Kan de minister zeggen? Zie vraag nr. 12 van 3 januari 2024.\n")]),
    ]
    for (name, inputs) in corpora {
        let corpus = CorpusLoader().load(inputs, warnings: [], progress: { _ in })
        guard (try? cache.save(corpus, for: sources)) != nil,
              let data = FileManager.default.contents(atPath: cache.fileURL(for: sources).path) else { continue }
        // Strip the header (magic, format, version, checksum): the harness adds it again.
        let payloadStart = CorruptCache.header(for: []).count
        guard data.count >= payloadStart else { continue }
        FileManager.default.createFile(atPath: folder + "/cache-\(name).bin", contents: Data(data[payloadStart...]))
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    _ = writeSeedsOnce
    let payload = Array(UnsafeBufferPointer(start: data, count: count))
    let file = Data(CorruptCache.header(for: payload) + payload)
    guard FileManager.default.createFile(atPath: cache.fileURL(for: sources).path, contents: file) else { return 0 }
    let (loaded, _) = cache.load(sources, manifest: [])
    guard let corpus = loaded else { return 0 }
    CorruptCache.useEverything(corpus)
    return 0
}

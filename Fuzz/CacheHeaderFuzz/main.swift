// libFuzzer harness: the index cache's header and size checks (issue 16, item 4).
//
// Unlike IndexCacheFuzz, which always writes a valid header, the input decides the
// whole file: its first byte picks how much of a valid header goes in front
// (none; the magic; magic, format and version), the rest follows as is, and the
// file is written where `IndexCache` looks. Loading it must never trap or hang,
// whatever the header claims, and a cache that loads is used in full
// (`CorruptCache`, compiled in by scripts/fuzz.sh).
import Foundation
@testable import Corpus

private let cacheFolder: URL = {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("vraagbaak-headerfuzz-\(ProcessInfo.processInfo.processIdentifier)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}()
private let sources = [CorpusSource.folder(path: "/fuzz-corpus")]
private let cache = IndexCache(folder: cacheFolder, applicationVersion: "fuzz")
private let validPrefix = Array(CorruptCache.header(for: []).dropLast(8))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let input = Array(UnsafeBufferPointer(start: data, count: count))
    guard let mode = input.first else { return 0 }
    let rest = Array(input.dropFirst())
    let file: [UInt8]
    switch mode % 3 {
    case 0: file = rest
    case 1: file = IndexCache.magic + rest
    default: file = validPrefix + rest
    }
    guard FileManager.default.createFile(atPath: cache.fileURL(for: sources).path, contents: Data(file)) else { return 0 }
    let (loaded, outcome) = cache.load(sources, manifest: [])
    if case .hit = outcome { precondition(loaded != nil) }
    if let loaded { CorruptCache.useEverything(loaded) }
    return 0
}

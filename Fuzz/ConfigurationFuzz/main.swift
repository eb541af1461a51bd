// libFuzzer harness: the one configuration decoder (issue 16, item 1 and 5).
//
// Any bytes are decoded as `vraagbaak.json` from each source (a workspace's file,
// a chosen file, initializationOptions, the client's settings), merged, and the
// resulting checks are run on a draft that exceeds every limit. Checked besides "no
// crash, no hang": decoding is deterministic; a workspace's file never sets the cache
// folder, never polls faster than once a second and names only folders inside its
// workspace; every limit is inside the decoder's range.
@testable import Analysis
import Checks
import Corpus
import Foundation
import QuestionModel

private let workspace = "/fuzz-workspace"
private let sources: [ConfigurationSource] = [
    .workspaceFile(path: workspace + "/vraagbaak.json"), .chosenFile(path: "/elsewhere/vraagbaak.json"),
    .initializationOptions, .clientSettings,
]
private let corpus = CorpusLoader().load([.embeddedSeeds])
private let today = DutchDate(year: 2024, month: 6, day: 1)!
private let draft = "Titel - " + String(repeating: "lang ", count: 60) + "\n\n"
    + String(repeating: "woord ", count: 1_200) + "\n\n"
    + (1...12).map { "\($0). Wie betaalt dat?\n" }.joined()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let bytes = Data(UnsafeBufferPointer(start: data, count: count))
    var layers: [ConfigurationLayer] = []
    for source in sources {
        let (layer, problems) = ConfigurationDecoder.decode(bytes, from: source)
        let again = ConfigurationDecoder.decode(bytes, from: source)
        precondition(again.0 == layer && again.1 == problems, "decoding is deterministic")
        if case .workspaceFile = source {
            precondition(layer.cacheDirectory == nil, "a workspace file chose the cache folder")
            precondition((layer.pollIntervalSeconds ?? 1) >= 1, "a workspace file polls faster than 1 s")
            for folder in layer.corpusFolders ?? [] {
                precondition(WorkspaceConfinement.contains(folder, workspace: workspace), "outside the workspace: \(folder)")
            }
        }
        for (code, setting) in layer.rules {
            if let limit = setting.limit, let range = ConfigurationDecoder.limitRange(code) {
                precondition(range.contains(limit), "\(code) limit \(limit) out of range")
            }
        }
        layers.append(layer)
    }
    let configuration = Configuration(layers: layers)
    _ = configuration.corpusSources(root: workspace)
    _ = Checker(configuration: configuration.checks).check(text: draft, corpus: corpus, today: today)
    return 0
}

import Corpus
import Foundation
import LSP

/// Where navigation goes for a record: its file, or for an embedded seed its
/// read-only copy in the cache folder (`SeedFiles`), written on first use.
extension LanguageServer {
    func recordPath(_ record: Record) -> String? {
        switch record.source {
        case .file(let path):
            return path
        case .embedded(let name):
            let folder = cacheFolder
            guard let path = seedFiles.path(ofSeed: name, cacheFolder: folder) else {
                trace?.log("cannot write the embedded seeds to \(folder.path): navigation to them is off")
                return nil
            }
            return path
        }
    }

    func recordURI(_ record: Record) -> DocumentURI? {
        recordPath(record).map { URL(fileURLWithPath: $0).absoluteString }
    }
}

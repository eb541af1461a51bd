import Corpus
import Foundation
import Server

/// The corpus a command works on: `--corpus DIR` folders, or the embedded seeds
/// when none is given.
struct CorpusOptions {
    var folders: [String]

    var sources: [CorpusSource] {
        folders.isEmpty ? [.embeddedSeeds] : folders.map { .folder(path: $0) }
    }

    func load(label: String = "Indexing") -> Corpus {
        let bar = ProgressBar(label: label)
        let cache = IndexCache(folder: IndexCache.defaultFolder(), applicationVersion: VraagbaakVersion.current)
        let (corpus, _) = CorpusLoader().open(sources, cache: cache) { progress in
            bar.update(done: progress.filesDone, total: progress.filesTotal)
        }
        bar.finish()
        return corpus
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data("vraagbaak: \(message)\n".utf8))
}

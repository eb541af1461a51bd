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

    /// The first `--corpus` folder that is not there, as an error to print (exit 2):
    /// every command refuses a corpus it cannot read rather than search nothing.
    var missingFolderProblem: String? {
        for folder in folders {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) else {
                return "corpus folder \(folder) does not exist"
            }
            if !isFolder.boolValue, !CorpusFiles.extensions.contains((folder as NSString).pathExtension) {
                return "corpus folder \(folder) is not a folder"
            }
        }
        return nil
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

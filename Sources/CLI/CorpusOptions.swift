import Corpus
import Foundation
import Server

/// The corpus a command works on: `--corpus DIR` folders, else the configuration's
/// (`vraagbaak.json` found from the current folder upwards, or `--config FILE`), else
/// the embedded seeds.
struct CorpusOptions {
    var sources: [CorpusSource]
    var cacheFolder: URL

    /// Nil after writing the configuration's errors, or a missing corpus folder, to
    /// stderr (the command exits 2).
    init?(_ arguments: Arguments, folders: [String]) throws(Arguments.UsageError) {
        var configurations = try ConfigurationOptions(arguments)
        let loaded = configurations.configuration(forFolder: ConfigurationOptions.currentFolder)
        if configurations.report(loaded) { return nil }
        sources = ConfigurationOptions.corpusSources(loaded, commandLineFolders: folders)
        cacheFolder = ConfigurationOptions.cacheFolder(loaded)
        if let problem = Self.missingFolderProblem(sources) {
            printError(problem)
            return nil
        }
    }

    /// The first corpus folder (`--corpus` or configured) that is not there, as an
    /// error to print (exit 2): every command refuses a corpus it cannot read rather
    /// than search nothing.
    static func missingFolderProblem(_ sources: [CorpusSource]) -> String? {
        for case .folder(let folder) in sources {
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
        let cache = IndexCache(folder: cacheFolder, applicationVersion: VraagbaakVersion.current)
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

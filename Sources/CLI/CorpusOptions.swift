import Corpus
import Foundation
import Server

/// The corpus a command works on: `--corpus DIR` folders, else the configuration's
/// (`vraagbaak.json` found from the current folder upwards, or `--config FILE`), else
/// the embedded seeds.
struct CorpusOptions {
    var sources: [CorpusSource]
    var cacheFolder: URL

    /// Nil after writing the configuration's errors to stderr (the command exits 2).
    init?(_ arguments: Arguments, folders: [String]) throws(Arguments.UsageError) {
        var configurations = try ConfigurationOptions(arguments)
        let loaded = configurations.configuration(forFolder: ConfigurationOptions.currentFolder)
        if configurations.report(loaded) { return nil }
        sources = ConfigurationOptions.corpusSources(loaded, commandLineFolders: folders)
        cacheFolder = ConfigurationOptions.cacheFolder(loaded)
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

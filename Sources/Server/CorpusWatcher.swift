import Corpus
import Dispatch
import Foundation

/// Polls corpus folders for added, changed and removed files, for clients that
/// cannot watch files for us (Neovim 0.7, for one). The interval grows with the
/// cost of a scan, so a huge corpus is not rescanned back to back.
final class CorpusWatcher: @unchecked Sendable {
    private let folders: [String]
    private let interval: Double
    private let onChange: @Sendable () -> Void
    private let timerQueue = DispatchQueue(label: "vraagbaak.corpus-watcher")
    // Touched only on `timerQueue`.
    private var snapshot: [CorpusFiles.Entry]?
    private var isStarted = false
    private var isStopped = false

    private let exclusion: FileExclusion

    init(folders: [String], interval: Double, excluding exclusion: FileExclusion = .none,
         onChange: @escaping @Sendable () -> Void) {
        self.exclusion = exclusion
        self.folders = folders
        self.interval = interval
        self.onChange = onChange
    }

    /// Starts polling (once), from `known` when given: the files the corpus in use
    /// was loaded from, so a start does not list 100,000 files a second time while
    /// the load does.
    func start(from known: [CorpusFiles.Entry]? = nil) {
        timerQueue.async { [self] in
            guard !isStarted, !isStopped else { return }
            isStarted = true
            snapshot = known ?? scan().entries
            schedule(after: interval)
        }
    }

    func stop() {
        timerQueue.async { [self] in isStopped = true }
    }

    private func schedule(after delay: Double) {
        timerQueue.asyncAfter(deadline: .now() + delay) { [self] in
            guard !isStopped else { return }
            let (entries, seconds) = scan()
            if entries != snapshot {
                snapshot = entries
                onChange()
            }
            schedule(after: max(interval, seconds * 20))
        }
    }

    private func scan() -> (entries: [CorpusFiles.Entry], seconds: Double) {
        let started = Date()
        var warnings: [LoadWarning] = []
        let entries = folders.flatMap { CorpusFiles.list($0, warnings: &warnings, excluding: exclusion) }
        return (entries, Date().timeIntervalSince(started))
    }
}

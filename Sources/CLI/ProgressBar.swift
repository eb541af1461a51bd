import Foundation

/// A one-line progress bar on stderr, drawn only when stderr is a terminal: a
/// pipe or a CI log stays quiet.
struct ProgressBar {
    let isEnabled: Bool
    let label: String

    init(label: String) {
        self.label = label
        isEnabled = isatty(2) == 1
    }

    func update(done: Int, total: Int) {
        guard isEnabled, total > 0 else { return }
        let width = 30
        let filled = done * width / total
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(done * 100 / total)% (\(done)/\(total))".utf8))
    }

    func finish() {
        guard isEnabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

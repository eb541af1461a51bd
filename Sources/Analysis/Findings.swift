import Foundation
import Checks
import Corpus
import QuestionModel

extension AnalysisSnapshot {
    /// The checks' findings on this document, sorted by range: what the editor shows
    /// and what `vraagbaak lint` prints, from the same call. With a `findingsMemo`,
    /// the findings it kept for this very check, or a check kept there.
    package func findings() -> [Finding] {
        guard let findingsMemo else { return check() }
        let key = findingsKey
        if let kept = findingsMemo.findings(for: key) { return kept }
        let findings = check()
        findingsMemo.keep(findings, for: key)
        return findings
    }

    private func check() -> [Finding] {
        checker.check(question: question, text: document.text, corpus: corpus, today: today,
                      documentPath: document.filePath)
    }

    /// The checker for this document: the configuration's rules, and the findings
    /// silenced for this draft in `vraagbaak.json`.
    private var checker: Checker {
        Checker(configuration: configuration.checks, usesCorpus: usesCorpus,
                silenced: configuration.silenced(forDocumentAt: document.path), repetitionMemo: repetitionMemo)
    }

    /// The text with every certain fix applied until none is left (`Checker.fixAll`).
    package func fixAll() -> String {
        checker.fixAll(text: document.text, as: question.kind, corpus: corpus, today: today)
    }
}

extension DocumentSnapshot {
    /// The file the document was read from (its path, or a `file:` URI's): a draft
    /// inside its own corpus is never checked against itself.
    package var filePath: String? {
        guard let path else { return nil }
        guard path.hasPrefix("file:") else { return path }
        return URL(string: path).flatMap { $0.isFileURL ? $0.path : nil }
    }
}

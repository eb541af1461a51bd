import Checks
import Corpus
import Dispatch
import Foundation
import JSONRPC
import LSP
import QuestionModel
import SourceText

/// The checks as LSP diagnostics: pushed after every change (computed off the
/// server queue, stale results dropped), or pulled with `textDocument/diagnostic`
/// by clients that announce it; quick fixes as code actions.
extension LanguageServer {
    func registerDiagnostics() {
        onRequest("textDocument/diagnostic", DocumentDiagnosticParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            let resultId = diagnosticsResultID(document)
            if params.previousResultId == resultId { return DocumentDiagnosticReport.unchanged(resultId: resultId) }
            guard Self.isChecked(document) else { return DocumentDiagnosticReport.full([], resultId: resultId) }
            let findings = checker.check(question: question, text: document.text.text, corpus: corpus, today: Self.today(),
                                         documentPath: document.filePath)
            let converter = document.converter(session.columnUnit)
            return DocumentDiagnosticReport.full(Self.diagnostics(findings, converter), resultId: resultId)
        }
        onRequest("textDocument/codeAction", CodeActionParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            guard Self.isChecked(document) else { return [CodeAction]() }
            let findings = checker.check(question: question, text: document.text.text, corpus: corpus, today: Self.today(),
                                         documentPath: document.filePath)
            return Self.codeActions(findings, document: document, requested: params, unit: session.columnUnit)
        }
    }

    /// Pull diagnostics replace pushing for clients that support them.
    var pushesDiagnostics: Bool { session.capabilities.textDocument?.diagnostic == nil }

    var checker: Checker { Checker(configuration: checkConfiguration) }

    /// Recomputes and publishes a document's diagnostics. Called after each change.
    /// The check runs off the server queue, one at a time per document: changes that
    /// arrive meanwhile are checked together once it is done, and a result that is no
    /// longer current is dropped. Typing is never blocked, and a burst of edits to a
    /// large document never runs a pile of checks at once.
    func scheduleDiagnostics(_ uri: DocumentURI) {
        guard pushesDiagnostics, corpusIsReady else { return }
        diagnosticsGeneration += 1
        latestDiagnostics[uri] = diagnosticsGeneration
        if diagnosticsRunning.contains(uri) {
            diagnosticsWanted.insert(uri)
            return
        }
        guard let (document, question) = documents.parsed(uri), Self.isChecked(document) else { return }
        let generation = diagnosticsGeneration
        diagnosticsRunning.insert(uri)
        let checker = self.checker, corpus = self.corpus, unit = session.columnUnit, today = Self.today()
        DispatchQueue.global().async { [self] in
            let findings = checker.check(question: question, text: document.text.text, corpus: corpus, today: today,
                                         documentPath: document.filePath)
            let diagnostics = Self.diagnostics(findings, document.converter(unit))
            queue.async { [self] in
                diagnosticsRunning.remove(uri)
                if latestDiagnostics[uri] == generation, documents[uri]?.version == document.version {
                    sendNotification("textDocument/publishDiagnostics",
                                     PublishDiagnosticsParams(uri: uri, version: document.version, diagnostics: diagnostics))
                }
                if diagnosticsWanted.remove(uri) != nil { scheduleDiagnostics(uri) }
            }
        }
    }

    /// After the corpus or the settings changed, every open document again.
    func refreshAllDiagnostics() {
        for document in documents.all { scheduleDiagnostics(document.uri) }
        if !pushesDiagnostics, session.capabilities.workspace?.diagnostics?.refreshSupport == true {
            currentConnection?.sendRequest("workspace/diagnostic/refresh", JSONValue?.none) { _ in }
        }
    }

    func clearDiagnostics(_ uri: DocumentURI) {
        latestDiagnostics[uri] = nil
        diagnosticsWanted.remove(uri)
        guard pushesDiagnostics else { return }
        sendNotification("textDocument/publishDiagnostics", PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
    }

    /// Changes whenever the text, the corpus or the settings change.
    private func diagnosticsResultID(_ document: OpenDocument) -> String {
        "\(document.version)-\(corpusGeneration)-\(settingsGeneration)"
    }

    /// Drafts are checked; corpus files opened to read are not.
    static func isChecked(_ document: OpenDocument) -> Bool {
        document.languageId == "vraag" || document.uri.hasSuffix(".vraag")
    }

    static func today() -> DutchDate {
        let components = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return DutchDate(year: components.year ?? 2000, month: components.month ?? 1, day: components.day ?? 1)
            ?? DutchDate(year: 2000, month: 1, day: 1)!
    }

    // MARK: - Conversion: the one place where findings become LSP

    /// At most this many diagnostics per document: a 10 MB paste of noise must not
    /// become a notification of a hundred megabytes that the editor cannot show anyway.
    static let diagnosticLimit = 1000

    /// The findings as diagnostics; over the limit, the most severe ones (the first
    /// among equals), in document order, and a note of how many were left out.
    static func diagnostics(_ findings: [Finding], _ converter: PositionConverter) -> [Diagnostic] {
        guard findings.count > diagnosticLimit else { return findings.map { diagnostic($0, converter) } }
        let kept = findings.indices
            .sorted { (-findings[$0].severity.rank, $0) < (-findings[$1].severity.rank, $1) }
            .prefix(diagnosticLimit)
            .sorted()
        let start = Position(line: 0, character: 0)
        let note = Diagnostic(
            range: Range(start: start, end: start), severity: .information, code: "too-many-findings",
            source: "vraagbaak",
            message: "Nog \(findings.count - diagnosticLimit) bevindingen niet getoond: de editor krijgt er ten hoogste "
                + "\(diagnosticLimit). `vraagbaak lint` toont ze allemaal.",
            relatedInformation: nil)
        return kept.map { diagnostic(findings[$0], converter) } + [note]
    }

    static func diagnostic(_ finding: Finding, _ converter: PositionConverter) -> Diagnostic {
        let related = finding.related.compactMap { related -> DiagnosticRelatedInformation? in
            guard let path = related.record.source.filePath else { return nil }
            let location = Location(uri: URL(fileURLWithPath: path).absoluteString,
                                    range: Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0)))
            return DiagnosticRelatedInformation(location: location, message: related.message)
        }
        return Diagnostic(range: converter.range(finding.range), severity: severity(finding.severity),
                          code: finding.code.rawValue, source: "vraagbaak", message: finding.message,
                          relatedInformation: related.isEmpty ? nil : related)
    }

    static func severity(_ severity: Severity) -> DiagnosticSeverity {
        switch severity {
        case .error: return .error
        case .warning: return .warning
        case .information: return .information
        case .hint: return .hint
        }
    }

    static func codeActions(_ findings: [Finding], document: OpenDocument, requested: CodeActionParams,
                            unit: ColumnUnit) -> [CodeAction] {
        let converter = document.converter(unit)
        let requestedRange = converter.textRange(requested.range)
        let wants = { (kind: String) -> Bool in
            guard let only = requested.context.only, !only.isEmpty else { return true }
            return only.contains { kind == $0 || kind.hasPrefix($0 + ".") }
        }
        func edit(_ fix: Fix) -> WorkspaceEdit {
            WorkspaceEdit(changes: [document.uri: fix.edits.map { TextEdit(range: converter.range($0.range), newText: $0.newText) }])
        }
        var actions: [CodeAction] = []
        if wants(CodeActionKind.quickFix) {
            for finding in findings where overlaps(finding.range, requestedRange) {
                let diagnostic = diagnostic(finding, converter)
                for (index, fix) in finding.fixes.enumerated() {
                    actions.append(CodeAction(title: fix.title, kind: CodeActionKind.quickFix, diagnostics: [diagnostic],
                                              isPreferred: index == 0, edit: edit(fix)))
                }
            }
        }
        if wants(CodeActionKind.sourceFixAll) {
            // The first fix of every finding, as long as its edits do not overlap
            // edits already taken.
            var taken: [TextRange] = []
            var edits: [TextReplacement] = []
            for finding in findings {
                guard let fix = finding.fixes.first,
                      !fix.edits.contains(where: { edit in taken.contains { overlaps($0, edit.range) } }) else { continue }
                taken += fix.edits.map(\.range)
                edits += fix.edits
            }
            if !edits.isEmpty {
                actions.append(CodeAction(title: "Alle automatische correcties toepassen", kind: CodeActionKind.sourceFixAll,
                                          diagnostics: nil, isPreferred: nil,
                                          edit: edit(Fix(title: "", edits: edits.sorted { $0.range.start < $1.range.start }))))
            }
        }
        return actions
    }

    /// Ranges overlap, or touch when one of them is empty (a cursor).
    static func overlaps(_ a: TextRange, _ b: TextRange) -> Bool {
        if a.isEmpty || b.isEmpty { return a.start <= b.end && b.start <= a.end }
        return a.start < b.end && b.start < a.end
    }
}

extension OpenDocument {
    /// The file the document was opened from, for a `file:` URI: a draft inside its
    /// own corpus is not checked against itself.
    var filePath: String? {
        guard let url = URL(string: uri), url.isFileURL else { return nil }
        return url.path
    }
}

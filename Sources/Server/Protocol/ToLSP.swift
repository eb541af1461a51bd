import Analysis
import Checks
import Foundation
import JSONRPC
import LSP
import SourceText

/// The one place where analysis results become LSP values. Positions come from
/// `PositionConverter`, the one place where a column unit is chosen.
enum ToLSP {
    // MARK: Diagnostics

    /// At most this many diagnostics per document: a 10 MB paste of noise must not
    /// become a notification of a hundred megabytes that the editor cannot show anyway.
    static let diagnosticLimit = 1000

    /// The findings as diagnostics; over the limit, the most severe ones (the first
    /// among equals), in document order, and a note of how many were left out.
    /// Related records point at their files (`records`: an embedded seed at its copy).
    static func diagnostics(_ findings: [Finding], _ converter: PositionConverter,
                            records: RecordLocator = .filesOnly) -> [Diagnostic] {
        guard findings.count > diagnosticLimit else { return findings.map { diagnostic($0, converter, records: records) } }
        let kept = Finding.mostSevere(findings, limit: diagnosticLimit)
        let start = Position(line: 0, character: 0)
        let note = Diagnostic(
            range: Range(start: start, end: start), severity: .information, code: "too-many-findings",
            source: "vraagbaak",
            message: "Nog \(findings.count - diagnosticLimit) bevindingen niet getoond: de editor krijgt er ten hoogste "
                + "\(diagnosticLimit). `vraagbaak lint` toont ze allemaal.",
            relatedInformation: nil)
        return kept.map { diagnostic($0, converter, records: records) } + [note]
    }

    static func diagnostic(_ finding: Finding, _ converter: PositionConverter,
                           records: RecordLocator = .filesOnly) -> Diagnostic {
        let related = finding.related.compactMap { related -> DiagnosticRelatedInformation? in
            guard let uri = records.uri(related.record) else { return nil }
            let location = Location(uri: uri,
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

    static func edits(_ replacements: [TextReplacement], _ converter: PositionConverter) -> [TextEdit] {
        replacements.map { TextEdit(range: converter.range($0.range), newText: $0.newText) }
    }

    /// A fix-all action left without its edit carries what `codeAction/resolve` needs
    /// to make it: the document and the version the action is for.
    static func codeAction(_ action: FixAction, uri: DocumentURI, version: Int? = nil,
                           _ converter: PositionConverter) -> CodeAction {
        let diagnostics = action.finding.map { [diagnostic($0, converter)] }
        let kind = action.isQuickFix ? CodeActionKind.quickFix : CodeActionKind.sourceFixAll
        if case .silence(let silence, let excerpt) = action.kind {
            // Arguments: the document's URI, the rule's code, the fingerprint, an excerpt.
            let command = Command(title: action.title, command: LanguageServer.silenceCommand,
                                  arguments: [.string(uri), .string(silence.code.rawValue), .string(silence.fingerprint),
                                              .string(excerpt)])
            return CodeAction(title: action.title, kind: kind, diagnostics: diagnostics, isPreferred: nil, edit: nil,
                              command: command)
        }
        if action.kind == .fixAll, action.edits.isEmpty, let version {
            return CodeAction(title: action.title, kind: kind, diagnostics: diagnostics, isPreferred: action.isPreferred,
                              edit: nil, data: .object(["uri": .string(uri), "version": .int(version)]))
        }
        return CodeAction(title: action.title, kind: kind, diagnostics: diagnostics, isPreferred: action.isPreferred,
                          edit: WorkspaceEdit(changes: [uri: edits(action.edits, converter)]))
    }

    // MARK: Text and places

    static func markup(_ text: MarkupText) -> MarkupContent {
        MarkupContent(kind: text.isMarkdown ? .markdown : .plaintext, value: text.value)
    }

    static func location(_ location: TextLocation, unit: ColumnUnit) -> Location {
        Location(uri: location.uri, range: PositionConverter(lineIndex: location.lineIndex, unit: unit).range(location.range))
    }

    // MARK: Structure

    static func documentSymbols(_ symbols: [OutlineSymbol], _ converter: PositionConverter) -> [DocumentSymbol] {
        symbols.map { symbol in
            DocumentSymbol(name: symbol.name, detail: symbol.detail, kind: symbolKind(symbol.kind),
                           range: converter.range(symbol.range), selectionRange: converter.range(symbol.selectionRange),
                           children: symbol.children.map { documentSymbols($0, converter) })
        }
    }

    /// For clients without hierarchical outlines: a flat list with container names.
    static func flatSymbols(_ symbols: [DocumentSymbol], uri: DocumentURI, container: String? = nil) -> [SymbolInformation] {
        symbols.flatMap { symbol in
            [SymbolInformation(name: symbol.name, kind: symbol.kind, location: Location(uri: uri, range: symbol.range),
                               containerName: container)]
                + flatSymbols(symbol.children ?? [], uri: uri, container: symbol.name)
        }
    }

    static func symbolKind(_ kind: OutlineSymbol.Kind) -> SymbolKind {
        switch kind {
        case .section: return .namespace
        case .field: return .property
        case .title: return .string
        case .item: return .function
        case .subItem: return .field
        case .part: return .module
        }
    }

    static func foldingRanges(_ folds: [FoldRegion]) -> [FoldingRange] {
        folds.map { FoldingRange(startLine: $0.startLine, endLine: $0.endLine, kind: .region) }
    }

    static let semanticTokensLegend = SemanticTokensLegend(tokenTypes: SemanticTokenType.allCases.map(\.name), tokenModifiers: [])

    /// The five-integer relative encoding, lengths and starts in the client's unit.
    static func semanticTokens(_ tokens: [SemanticTokenScanner.Token], lineIndex: LineIndex, unit: ColumnUnit) -> [Int] {
        var data: [Int] = []
        data.reserveCapacity(tokens.count * 5)
        var previousLine = 0
        var previousStart = 0
        for token in tokens {
            let start = lineIndex.lineColumn(of: token.range.start, in: unit)
            let length = lineIndex.count(token.range, in: unit)
            guard length > 0 else { continue }
            let deltaLine = start.line - previousLine
            // Five appends, no array per token: a 4 MB line has 270,000 tokens.
            data.append(deltaLine)
            data.append(deltaLine == 0 ? start.column - previousStart : start.column)
            data.append(length)
            data.append(token.type.rawValue)
            data.append(0)
            previousLine = start.line
            previousStart = start.column
        }
        return data
    }

    // MARK: Completion

    static func completionList(_ result: CompletionResult, _ converter: PositionConverter) -> CompletionList {
        let items = result.candidates.enumerated().map { position, candidate in
            CompletionItem(
                label: candidate.label, kind: completionKind(candidate.kind), detail: candidate.detail,
                documentation: candidate.documentation.map(markup), sortText: sortKey(position),
                filterText: candidate.filterText, insertTextFormat: candidate.isSnippet ? .snippet : .plainText,
                textEdit: TextEdit(range: converter.range(candidate.replace), newText: candidate.newText),
                data: candidate.record.map { .object(["record": .int($0.index), "source": .string($0.source)]) })
        }
        return CompletionList(isIncomplete: result.isIncomplete, items: items)
    }

    /// The record an item was made for, from its `data`.
    static func recordHandle(_ item: CompletionItem) -> RecordHandle? {
        guard let index = item.data?["record"]?.intValue, let source = item.data?["source"]?.stringValue else { return nil }
        return RecordHandle(index: index, source: source)
    }

    static func completionKind(_ kind: CompletionCandidate.Kind) -> CompletionItemKind {
        switch kind {
        case .question: return .reference
        case .snippet: return .snippet
        case .keyword: return .keyword
        case .value: return .value
        case .theme: return .enumMember
        case .subject: return .class
        case .specification: return .field
        case .term: return .text
        case .agency: return .module
        case .abbreviation: return .constant
        }
    }

    /// Keeps the client's order: ours is already ranked.
    private static func sortKey(_ position: Int) -> String {
        let digits = String(position)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

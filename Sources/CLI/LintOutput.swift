import Checks
import Foundation
import SourceText

/// One checked file: its text (for positions) and its findings.
struct LintedFile {
    let path: String
    let text: String
    let findings: [Finding]
    let lineIndex: LineIndex

    init(path: String, text: String, findings: [Finding]) {
        self.path = path
        self.text = text
        self.findings = findings
        self.lineIndex = LineIndex(text)
    }

    /// 1-based line and column, the column in UTF-16 code units.
    func position(_ utf8Offset: Int) -> (line: Int, column: Int) {
        let position = lineIndex.lineColumn(of: utf8Offset, in: .utf16)
        return (position.line + 1, position.column + 1)
    }
}

/// The text and JSON renderings of lint results.
enum LintOutput {
    // MARK: Text

    /// `file:line:column: severity: message [code]`, one per finding, related records
    /// indented below.
    static func text(_ files: [LintedFile], colour: Bool) -> String {
        var lines: [String] = []
        for file in files {
            for finding in file.findings {
                let (line, column) = file.position(finding.range.start)
                let severity = paint(finding.severity.rawValue, code: colourCode(finding.severity), colour: colour)
                let location = paint("\(file.path):\(line):\(column):", code: "1", colour: colour)
                lines.append("\(location) \(severity): \(finding.message) [\(finding.code.rawValue)]")
                for related in finding.related {
                    lines.append("    zie \(related.message) (\(related.record.source))")
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `2 errors, 1 warning, 0 information, 0 hints in 3 files`.
    static func summary(_ files: [LintedFile]) -> String {
        var counts: [Severity: Int] = [:]
        for file in files {
            for finding in file.findings { counts[finding.severity, default: 0] += 1 }
        }
        func plural(_ count: Int, _ one: String, _ many: String) -> String { "\(count) \(count == 1 ? one : many)" }
        return [plural(counts[.error] ?? 0, "error", "errors"), plural(counts[.warning] ?? 0, "warning", "warnings"),
                "\(counts[.information] ?? 0) information", plural(counts[.hint] ?? 0, "hint", "hints")]
            .joined(separator: ", ") + " in " + plural(files.count, "file", "files")
    }

    private static func colourCode(_ severity: Severity) -> String {
        switch severity {
        case .error: return "1;31"
        case .warning: return "1;33"
        case .information: return "1;36"
        case .hint: return "2"
        }
    }

    private static func paint(_ text: String, code: String, colour: Bool) -> String {
        colour ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    // MARK: JSON

    struct JSONPosition: Encodable {
        let line: Int
        let column: Int
    }

    struct JSONRange: Encodable {
        let start: JSONPosition
        let end: JSONPosition
    }

    struct JSONEdit: Encodable {
        let range: JSONRange
        let newText: String
    }

    struct JSONFix: Encodable {
        let title: String
        let edits: [JSONEdit]
    }

    struct JSONRelated: Encodable {
        let message: String
        let title: String
        let reference: String
        let source: String
    }

    struct JSONFinding: Encodable {
        let file: String
        let range: JSONRange
        let severity: String
        let code: String
        let message: String
        let fixes: [JSONFix]
        let related: [JSONRelated]
    }

    static func range(_ range: TextRange, in file: LintedFile) -> JSONRange {
        let start = file.position(range.start), end = file.position(range.end)
        return JSONRange(start: JSONPosition(line: start.line, column: start.column),
                         end: JSONPosition(line: end.line, column: end.column))
    }

    /// An array of findings; lines and columns 1-based, columns in UTF-16 code units.
    static func json(_ files: [LintedFile]) -> String {
        let findings = files.flatMap { file in
            file.findings.map { finding in
                JSONFinding(
                    file: file.path, range: range(finding.range, in: file), severity: finding.severity.rawValue,
                    code: finding.code.rawValue, message: finding.message,
                    fixes: finding.fixes.map { fix in
                        JSONFix(title: fix.title, edits: fix.edits.map { JSONEdit(range: range($0.range, in: file), newText: $0.newText) })
                    },
                    related: finding.related.map {
                        JSONRelated(message: $0.message, title: $0.record.title, reference: $0.record.displayReference,
                                    source: $0.record.source.description)
                    })
            }
        }
        return encode(findings)
    }

    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(value) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }
}

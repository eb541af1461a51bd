import JSONRPC

public enum DiagnosticSeverity: Int, Codable, Sendable {
    case error = 1
    case warning = 2
    case information = 3
    case hint = 4
}

public struct DiagnosticRelatedInformation: Codable, Hashable, Sendable {
    public var location: Location
    public var message: String
    public init(location: Location, message: String) {
        self.location = location
        self.message = message
    }
}

public struct CodeDescription: Codable, Hashable, Sendable {
    public var href: String
    public init(href: String) { self.href = href }
}

public struct Diagnostic: Codable, Hashable, Sendable {
    public var range: Range
    public var severity: DiagnosticSeverity?
    public var code: String?
    public var codeDescription: CodeDescription?
    public var source: String?
    public var message: String
    public var relatedInformation: [DiagnosticRelatedInformation]?
    public var data: JSONValue?

    public init(range: Range, severity: DiagnosticSeverity?, code: String?, source: String?, message: String,
                relatedInformation: [DiagnosticRelatedInformation]? = nil) {
        self.range = range
        self.severity = severity
        self.code = code
        self.source = source
        self.message = message
        self.relatedInformation = relatedInformation
    }
}

public struct PublishDiagnosticsParams: Codable, Hashable, Sendable {
    public var uri: DocumentURI
    public var version: Int?
    public var diagnostics: [Diagnostic]
    public init(uri: DocumentURI, version: Int?, diagnostics: [Diagnostic]) {
        self.uri = uri
        self.version = version
        self.diagnostics = diagnostics
    }
}

/// Params of `textDocument/diagnostic` (pull diagnostics).
public struct DocumentDiagnosticParams: Codable, Hashable, Sendable {
    public var textDocument: TextDocumentIdentifier
    public var identifier: String?
    public var previousResultId: String?
}

/// A full or unchanged document diagnostic report.
public struct DocumentDiagnosticReport: Codable, Hashable, Sendable {
    public var kind: String
    public var resultId: String?
    public var items: [Diagnostic]?

    public static func full(_ items: [Diagnostic], resultId: String) -> DocumentDiagnosticReport {
        DocumentDiagnosticReport(kind: "full", resultId: resultId, items: items)
    }

    public static func unchanged(resultId: String) -> DocumentDiagnosticReport {
        DocumentDiagnosticReport(kind: "unchanged", resultId: resultId, items: nil)
    }
}

public struct DiagnosticOptions: Codable, Hashable, Sendable {
    public var identifier: String?
    public var interFileDependencies: Bool
    public var workspaceDiagnostics: Bool
    public init(identifier: String?, interFileDependencies: Bool, workspaceDiagnostics: Bool) {
        self.identifier = identifier
        self.interFileDependencies = interFileDependencies
        self.workspaceDiagnostics = workspaceDiagnostics
    }
}

// Written by hand, members in key order: a long draft's diagnostics are a thousand
// (`CompactJSONWritable`).
extension Diagnostic: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        if let code {
            writer.key("code")
            writer.string(code)
        }
        if let codeDescription {
            writer.key("codeDescription")
            writer.value(codeDescription)
        }
        if let data {
            writer.key("data")
            writer.encodable(data)
        }
        writer.key("message")
        writer.string(message)
        writer.key("range")
        writer.value(range)
        if let relatedInformation {
            writer.key("relatedInformation")
            writer.array(relatedInformation)
        }
        if let severity {
            writer.key("severity")
            writer.int(severity.rawValue)
        }
        if let source {
            writer.key("source")
            writer.string(source)
        }
        writer.endObject()
    }
}

extension CodeDescription: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        writer.key("href")
        writer.string(href)
        writer.endObject()
    }
}

extension DiagnosticRelatedInformation: CompactJSONWritable {
    public func write(to writer: inout CompactJSONWriter) {
        writer.beginObject()
        writer.key("location")
        writer.value(location)
        writer.key("message")
        writer.string(message)
        writer.endObject()
    }
}

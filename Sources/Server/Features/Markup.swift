import LSP

/// Markdown or plain text, as the client said it can show; text built once for both.
struct MarkupText {
    let kind: MarkupKind
    private(set) var lines: [String] = []

    init(_ kind: MarkupKind) { self.kind = kind }

    var isMarkdown: Bool { kind == .markdown }

    /// Emphasised in Markdown, as is in plain text.
    func bold(_ text: String) -> String { isMarkdown ? "**\(escaped(text))**" : text }

    /// User text: escaped in Markdown so a `*` or `_` in a title stays a character.
    func escaped(_ text: String) -> String {
        guard isMarkdown else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            if "\\`*_[]<>#|".contains(character) { result.append("\\") }
            result.append(character)
        }
        return result
    }

    func link(_ title: String, _ target: String) -> String {
        isMarkdown ? "[\(escaped(title))](\(target))" : "\(title): \(target)"
    }

    mutating func paragraph(_ text: String) {
        if !lines.isEmpty { lines.append("") }
        lines.append(text)
    }

    /// Lines kept together (a list): one paragraph, one line each.
    mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        if !lines.isEmpty { lines.append("") }
        lines += items
    }

    var value: String { lines.joined(separator: "\n") }

    var content: MarkupContent { MarkupContent(kind: kind, value: value) }
}

extension Session {
    /// Markdown only for clients that list it: Emacs' eglot without markdown-mode
    /// lists plain text alone.
    var hoverFormat: MarkupKind {
        capabilities.textDocument?.hover?.contentFormat?.contains(.markdown) == true ? .markdown : .plaintext
    }

    var completionDocumentationFormat: MarkupKind {
        capabilities.textDocument?.completion?.completionItem?.documentationFormat?.contains(.markdown) == true
            ? .markdown : .plaintext
    }

    var supportsSnippets: Bool {
        capabilities.textDocument?.completion?.completionItem?.snippetSupport == true
    }
}

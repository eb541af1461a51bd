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
    /// Byte-wise: previews are built for many completion items per keystroke.
    func escaped(_ text: String) -> String {
        guard isMarkdown, text.utf8.contains(where: MarkupText.isMarkdownSpecial) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        for byte in text.utf8 {
            if MarkupText.isMarkdownSpecial(byte) { bytes.append(UInt8(ascii: "\\")) }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isMarkdownSpecial(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
             UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "#"), UInt8(ascii: "|"):
            return true
        default:
            return false
        }
    }

    /// The text on one line, cut at the first space after `limit` bytes, with `…`
    /// when cut (so never inside a character). Byte-wise, like `escaped`.
    static func oneLine(_ text: String, limit: Int) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(text.utf8.count, limit + 16))
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = !bytes.isEmpty
                continue
            }
            if pendingSpace {
                if bytes.count >= limit { return String(decoding: bytes, as: UTF8.self) + " …" }
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
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

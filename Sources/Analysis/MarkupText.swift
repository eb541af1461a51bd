/// How hover and completion documentation are written: what the client said it can show.
package enum MarkupFormat: Sendable, Equatable {
    case markdown, plaintext
}

/// Markdown or plain text, as the client said it can show; text built once for both.
package struct MarkupText: Sendable, Equatable {
    package let format: MarkupFormat
    package private(set) var lines: [String] = []

    package init(_ format: MarkupFormat) { self.format = format }

    package var isMarkdown: Bool { format == .markdown }

    /// Emphasised in Markdown, as is in plain text.
    package func bold(_ text: String) -> String { isMarkdown ? "**\(escaped(text))**" : text }

    /// User text: escaped in Markdown so a `*` or `_` in a title stays a character.
    /// Byte-wise: previews are built for many completion items per keystroke.
    package func escaped(_ text: String) -> String {
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
    package static func oneLine(_ text: String, limit: Int) -> String {
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

    package func link(_ title: String, _ target: String) -> String {
        isMarkdown ? "[\(escaped(title))](\(target))" : "\(title): \(target)"
    }

    package mutating func paragraph(_ text: String) {
        if !lines.isEmpty { lines.append("") }
        lines.append(text)
    }

    /// Lines kept together (a list): one paragraph, one line each.
    package mutating func list(_ items: [String]) {
        guard !items.isEmpty else { return }
        if !lines.isEmpty { lines.append("") }
        lines += items
    }

    package var value: String { lines.joined(separator: "\n") }
}

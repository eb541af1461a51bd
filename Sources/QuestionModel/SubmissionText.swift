import SourceText

/// The text to paste into the parliament's form: the title and the question part of
/// a draft, without the header lines (`aan:`, `thema:`, ... have fields of their own
/// in the form), with hard-wrapped lines joined into paragraphs, numbered questions
/// and sub-items each on a line of their own, and invisible characters (soft
/// hyphens, zero-width spaces, byte order marks) removed.
public enum SubmissionText {
    public static func make(_ text: String) -> String {
        let question = Question.parse(text)
        let bytes = Array(text.utf8)
        var parts: [String] = []
        if let title = question.title {
            parts.append(clean(title.text).trimmed())
        }
        let bodyStart = question.title?.range.end ?? question.metadata.range?.end ?? 0
        let bodyRange = question.questionRange ?? TextRange(start: bodyStart, end: bytes.count)
        let start = min(max(bodyRange.start, bodyStart), bytes.count)
        let end = min(max(bodyRange.end, start), bytes.count)
        parts += paragraphs(clean(String(decoding: bytes[start..<end], as: UTF8.self)))
        return parts.filter { !$0.isEmpty }.joined(separator: "\n\n")
    }

    private static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter {
            $0 != "\u{AD}" && $0 != "\u{200B}" && $0 != "\u{FEFF}"
        }))
    }

    /// Blank lines separate paragraphs; inside one, a line that starts a numbered
    /// question, a sub-item or a bullet starts a new line, any other line continues
    /// the one before it.
    private static func paragraphs(_ text: String) -> [String] {
        var result: [String] = []
        var lines: [String] = []
        func endParagraph() {
            if !lines.isEmpty { result.append(lines.joined(separator: "\n")) }
            lines = []
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let line = String(rawLine).trimmed()
            if line.isEmpty {
                endParagraph()
            } else if lines.isEmpty || startsItem(line) {
                lines.append(line)
            } else {
                lines[lines.count - 1] += " " + line
            }
        }
        endParagraph()
        return result
    }

    /// `1.`, `12)`, `a)`, `-`, `•`, `*` followed by a space.
    static func startsItem(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars.prefix(5))
        guard let first = scalars.first else { return false }
        if ["-", "•", "*", "–"].contains(first) { return scalars.count > 1 && scalars[1] == " " }
        var index = 0
        while index < scalars.count && index < 3 && ("0"..."9").contains(scalars[index]) { index += 1 }
        if index > 0 {
            return index + 1 < scalars.count && (scalars[index] == "." || scalars[index] == ")") && scalars[index + 1].properties.isWhitespace
        }
        return scalars.count > 2 && ("a"..."z").contains(first) && scalars[1] == ")" && scalars[2].properties.isWhitespace
    }
}

private extension String {
    func trimmed() -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

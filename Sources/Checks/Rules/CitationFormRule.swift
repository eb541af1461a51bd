// citation-form (information): a citation not written in the canonical form, e.g.
// `SV nr. 118 van 10/01/2023` for `schriftelijke vraag nr. 118 van 10 januari 2023`.
// Fix: the canonical form (capitalised when the citation opens a sentence; `SV` is
// upper case without opening one).
import QuestionModel

struct CitationFormRule: Rule {
    let code = RuleCode.citationForm

    func findings(in context: CheckContext) -> [Finding] {
        context.checkedCitations.compactMap { citation -> Finding? in
            guard !citation.isCanonical, !Self.readsAsCanonical(citation) else { return nil }
            var canonical = citation.canonicalText
            if Self.opensSentence(context.bytes, at: citation.range.start), let canonicalFirst = canonical.first {
                canonical = canonicalFirst.uppercased() + canonical.dropFirst()
            }
            return Finding(code: code, range: citation.range,
                           message: "Schrijf de verwijzing voluit: ‘\(canonical)’.",
                           fixes: [Fix(title: "Vervangen door ‘\(canonical)’",
                                       edits: [TextReplacement(range: citation.range, newText: canonical)], isCertain: true)])
        }
    }

    /// `Citation.isCanonical` misses a canonical form whose own first letter is a
    /// capital (`Tijdens de commissievergadering van ...`): compare again, with line
    /// breaks as spaces and the first letter in either case.
    static func readsAsCanonical(_ citation: Citation) -> Bool {
        sameIgnoringFirstLetterCase(TextScanning.collapsingWhitespace(citation.text), citation.canonicalText)
    }

    /// Equal strings but for the case of the first letter.
    static func sameIgnoringFirstLetterCase(_ written: String, _ canonical: String) -> Bool {
        // Both ASCII (nearly always; thousands of citations on a long draft): equal
        // strings are equal bytes, and an ASCII letter lowercases to its ASCII lowercase.
        var (writtenBytes, canonicalBytes) = (written, canonical)
        if let equal = writtenBytes.withUTF8({ written in canonicalBytes.withUTF8 { canonical -> Bool? in
            guard written.allSatisfy({ $0 < 0x80 }), canonical.allSatisfy({ $0 < 0x80 }) else { return nil }
            guard let first = written.first, let canonicalFirst = canonical.first else { return written.isEmpty && canonical.isEmpty }
            return written.count == canonical.count && Bytes.lowercased(first) == Bytes.lowercased(canonicalFirst)
                && written.dropFirst().elementsEqual(canonical.dropFirst())
        } }) { return equal }
        guard let first = written.first, let canonicalFirst = canonical.first else { return written == canonical }
        return written.dropFirst() == canonical.dropFirst() && first.lowercased() == canonicalFirst.lowercased()
    }

    /// Nothing but whitespace since the last `.` `?` `!`, a blank line, or the start.
    static func opensSentence(_ bytes: [UInt8], at offset: Int) -> Bool {
        var i = offset
        var newlines = 0
        while i > 0 {
            let byte = bytes[i - 1]
            if byte == 0x0A { newlines += 1 }
            let blank = Bytes.isWhitespace(byte) ? 1 : Bytes.blankWidth(bytes, endingAt: i)
            if blank == 0 {
                return newlines >= 2 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!")
            }
            i -= blank
        }
        return true
    }
}

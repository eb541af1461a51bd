import Corpus
import Checks
import QuestionModel
import SourceText

/// A link in a document: an http(s) URL, or a citation to its record's file.
package struct DocumentLinkTarget: Sendable, Equatable {
    package let range: TextRange
    /// A URL or a `file:` URI.
    package let target: String
    package let tooltip: String?
}

extension AnalysisSnapshot {
    /// The `pdf link:` and every http(s) URL, and citations to their records' files.
    package func documentLinks() -> [DocumentLinkTarget] {
        var links = URLScanner.urls(in: document.bytes).map { DocumentLinkTarget(range: $0.range, target: $0.text, tooltip: nil) }
        var resolver = citationResolver()
        for citation in question.citations {
            guard let record = resolver.resolve(citation).records.first, let uri = records.uri(record) else { continue }
            links.append(DocumentLinkTarget(range: citation.range, target: uri, tooltip: record.title.isEmpty ? nil : record.title))
        }
        return links
    }
}

/// Finds `http://` and `https://` URLs in UTF-8 text without regular expressions.
enum URLScanner {
    static func urls(in bytes: [UInt8]) -> [(text: String, range: TextRange)] {
        var found: [(String, TextRange)] = []
        var i = 0
        while i + 7 < bytes.count {
            guard bytes[i] == UInt8(ascii: "h"), i == 0 || !isURLByte(bytes[i - 1]) || bytes[i - 1] == UInt8(ascii: "("),
                  let schemeLength = scheme(bytes, at: i) else {
                i += 1
                continue
            }
            var end = i + schemeLength
            while end < bytes.count, isURLByte(bytes[end]) { end += 1 }
            // Punctuation that ends a sentence or a parenthesis is not part of the URL.
            while end > i + schemeLength, ".,;:!?)'\"".utf8.contains(bytes[end - 1]) { end -= 1 }
            if end > i + schemeLength {
                found.append((String(decoding: bytes[i..<end], as: UTF8.self), TextRange(start: i, end: end)))
            }
            i = max(end, i + 1)
        }
        return found
    }

    private static func scheme(_ bytes: [UInt8], at i: Int) -> Int? {
        for prefix in ["https://", "http://"] {
            let pattern = Array(prefix.utf8)
            if i + pattern.count <= bytes.count, Array(bytes[i..<(i + pattern.count)]) == pattern { return pattern.count }
        }
        return nil
    }

    /// Printable ASCII except spaces and brackets that commonly wrap a URL.
    private static func isURLByte(_ byte: UInt8) -> Bool {
        byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">") && byte != UInt8(ascii: "\"")
    }
}

import SourceText

extension String {
    /// The text at a byte range: how every test checks a range.
    public func slice(_ range: TextRange) -> String {
        let bytes = Array(utf8)
        let start = max(0, min(range.start, bytes.count)), end = max(start, min(range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    public func slice(_ range: TextRange?) -> String? { range.map { slice($0) } }

    /// Byte offset of the first occurrence of `needle`.
    public func utf8Offset(of needle: String) -> Int? {
        guard let found = range(of: needle) else { return nil }
        return utf8.distance(from: utf8.startIndex, to: found.lowerBound)
    }
}

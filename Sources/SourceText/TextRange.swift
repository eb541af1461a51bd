/// A half-open range of UTF-8 byte offsets into a text.
///
/// The whole domain speaks byte offsets; only `LineIndex` turns them into
/// line/column pairs in the unit a client negotiated.
public struct TextRange: Hashable, Sendable, Codable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = min(start, end)
        self.end = max(start, end)
    }

    public init(_ range: Range<Int>) {
        self.init(start: range.lowerBound, end: range.upperBound)
    }

    public var length: Int { end - start }
    public var isEmpty: Bool { start == end }

    /// True when `offset` lies inside the range or touches its end, as a cursor does.
    public func touches(_ offset: Int) -> Bool { start <= offset && offset <= end }

    public func contains(_ other: TextRange) -> Bool { start <= other.start && other.end <= end }

    public func shifted(by delta: Int) -> TextRange { TextRange(start: start + delta, end: end + delta) }

    public var description: String { "\(start)..<\(end)" }
}

import SourceText

/// A value read from the text together with the bytes it was read from.
public struct Located<Value: Sendable & Equatable>: Sendable, Equatable {
    public let value: Value
    public let range: TextRange

    public init(_ value: Value, range: TextRange) {
        self.value = value
        self.range = range
    }
}

import SourceText

/// How a date was written.
public enum DateForm: Sendable, Equatable {
    /// `6 januari 2023`
    case long
    /// `26/01/2024`, `26-01-2024`, `31/1/2024`
    case numeric
    /// `2024-01-26`
    case iso
}

/// A date written somewhere in a text, with what it says even when the day does not
/// exist (`31 februari 2023` has `date == nil` but keeps day, month and year).
public struct DateMention: Sendable, Equatable {
    public let range: TextRange
    public let form: DateForm
    public let day: Int
    public let month: Int
    public let year: Int
    /// Nil when the day does not exist.
    public let date: DutchDate?
    /// Written exactly as `DutchDate.canonicalText` renders it.
    public let isCanonical: Bool

    public var isValid: Bool { date != nil }
}

/// A member of parliament who writes questions.
public struct Member: Hashable, Sendable {
    public let name: String
    /// Indices into `SyntheticCorpus.themes` this member asks about most.
    public let focusThemes: [Int]
    /// Relative activity: some members write many more questions than others.
    public let activity: Int

    public var upperCasedName: String { name.uppercased() }
}

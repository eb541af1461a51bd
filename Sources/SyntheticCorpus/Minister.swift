/// A member of the Flemish Government who receives questions.
public struct Minister: Hashable, Sendable {
    public let name: String
    /// Upper case, as printed under `aan NAME` in the parliament export.
    public let title: String
    /// Lower-case ASCII folder name (`rutten`).
    public let slug: String
    /// `hij` or `zij`, for "geeft de minister aan dat hij ...".
    public let pronoun: String
    /// `zijn` or `haar`.
    public let possessive: String

    public var upperCasedName: String { name.uppercased() }
}

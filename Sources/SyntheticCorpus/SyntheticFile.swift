/// One generated file: where it goes under the output folder and what it holds.
public struct SyntheticFile: Hashable, Sendable {
    /// Relative, `/`-separated: `2023-2024/rutten/0123.txt`.
    public let path: String
    public let text: String
    /// Index of its metadata in `GeneratedCorpus.records`.
    public let recordIndex: Int
}

import QuestionModel

/// Whether a text is a draft: the one decision, for the editor and for every command.
///
/// A `.vraag` file, a document the editor calls `vraag`, and standard input are
/// drafts whatever their first line looks like (a title that starts with a space is a
/// draft's mistake, not a plain export). Every other file gets its layout detected:
/// a corpus record opened or linted gets the rules that are not about drafting.
package enum DraftDecision {
    /// The layout to parse as; nil: detect it from the text.
    /// `path` is a file path or URI, nil for standard input.
    package static func kind(path: String?, languageId: String? = nil) -> DocumentKind? {
        if languageId == "vraag" { return .draft }
        guard let path else { return .draft }
        return path.lowercased().hasSuffix(".vraag") ? .draft : nil
    }
}

/// The question part of a record, before layout. Identical for every copy of a
/// multi-minister question.
struct QuestionContent {
    struct Item {
        let kind: QuestionKind
        /// A context paragraph that opens the item (as in `seeds/003_*`).
        var context: String?
        /// The question sentences; ends with `:` when sub-items follow.
        var text: String
        /// Sub-item texts with their final `;`, `.` or `?`, without `a)` labels.
        var subItems: [String]
        /// A paragraph of context after the item, before the next one (as in `seeds/004_*`).
        var interlude: String?
    }

    var introduction: [String]
    var items: [Item]
    /// A last unnumbered question (`Kan de minister die gegevens ook bezorgen ...?`).
    var closing: String?

    /// One question is written without a number, as in `seeds/001_*`.
    var isNumbered: Bool { items.count > 1 }
}

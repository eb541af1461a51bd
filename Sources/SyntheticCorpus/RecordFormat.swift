/// The two corpus layouts of the seeds.
public enum RecordFormat: String, Hashable, Sendable {
    /// `title:`/`thema:` header, `SCHRIFTELIJKE VRAAG`, `ANTWOORD` (like `seeds/002_*`).
    case parliamentExport
    /// Title line with a leading space, question, answer opening with a space (like `seeds/000_*`).
    case plainExport
}

/// How a citation of an earlier written question is spelled.
public enum CitationForm: String, CaseIterable, Hashable, Sendable {
    /// `mijn schriftelijke vraag nr. 113 van 6 januari 2023` (or `de schriftelijke vraag ...`).
    case canonical
    /// `vraag nr. 113 van 6 januari 2023`.
    case shortVraag
    /// `vraag nr. 113 van 06/01/2023`.
    case slashedDate
    /// `mijn schriftelijke vraag nr. 113 van 06-01-2023`.
    case dashedDate
    /// `SV nr. 113 van 6 januari 2023`.
    case abbreviated
}

/// A reference in a record's introduction to an earlier record of the corpus.
public struct SyntheticCitation: Hashable, Sendable {
    /// Index into `GeneratedCorpus.records`; that record is in the parliament export,
    /// strictly earlier, and has exactly this number and date.
    public let targetIndex: Int
    public let form: CitationForm
    /// The cited question has the same author; only then does the text say `mijn`.
    public let isOwnQuestion: Bool
    /// The reference as it appears in the text, without the surrounding sentence.
    public let text: String

    static func render(form: CitationForm, number: Int, date: CalendarDate, isOwn: Bool) -> String {
        let article = isOwn ? "mijn" : "de"
        switch form {
        case .canonical: return "\(article) schriftelijke vraag nr. \(number) van \(date.dutchLong)"
        case .shortVraag: return "vraag nr. \(number) van \(date.dutchLong)"
        case .slashedDate: return "vraag nr. \(number) van \(date.slashed())"
        case .dashedDate: return "\(article) schriftelijke vraag nr. \(number) van \(date.dashed)"
        case .abbreviated: return "SV nr. \(number) van \(date.dutchLong)"
        }
    }

    /// Canonical two thirds of the time, as in the seeds.
    static let formWeights: [(CitationForm, Int)] = [
        (.canonical, 66), (.shortVraag, 12), (.slashedDate, 10), (.dashedDate, 7), (.abbreviated, 5),
    ]
}

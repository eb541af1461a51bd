/// A policy domain (`thema:` in the header) with its own vocabulary, so that texts
/// of one theme share words and BM25 search over the corpus is meaningful.
public struct Theme: Hashable, Sendable {
    public let name: String
    /// Index into `SyntheticCorpus.ministers` of the competent minister; nil for the
    /// cross-cutting theme whose questions go to several ministers at once.
    public let ministerIndex: Int?

    let commission: String
    /// Title subjects (`Inburgeringstraject`), the part before `  -  `.
    let subjects: [String]
    /// Theme-specific title specifications; generic ones are added at composition.
    let specifications: [String]
    /// Noun phrases with article: `het inburgeringstraject`.
    let topics: [String]
    /// Singular organisations: `het Agentschap Integratie en Inburgering`.
    let actors: [String]
    /// Plural bare nouns: `nieuwkomers`.
    let groups: [String]
    let projects: [String]
    /// Indefinite noun phrases: `een behoeftegericht aanbod`.
    let measures: [String]
    /// Countable things: `het aantal ondertekende inburgeringscontracten`.
    let indicators: [String]
    /// Sub-item breakdowns specific to the theme: `per agentschap`.
    let breakdowns: [String]
    /// Policy documents without year: `de beleidsnota Integratie en Inburgering`.
    let documents: [String]
}

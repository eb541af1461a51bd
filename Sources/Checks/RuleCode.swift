/// The registry of rules: one case per rule, its stable code, default severity and
/// a one-line summary. **The raw values are the contract with users' configuration**
/// (`vraagbaak.json`, workspace settings, SARIF rule ids): never rename one; retire a
/// code by keeping it and making its rule silent.
public enum RuleCode: String, Sendable, Hashable, CaseIterable, Codable, CustomStringConvertible {
    // Structure
    case titleMissing = "title-missing"
    case titleFormat = "title-format"
    case titleSeparator = "title-separator"
    case titleTooLong = "title-too-long"
    case titlePunctuation = "title-punctuation"
    case addresseeMissing = "addressee-missing"
    case introductionMissing = "introduction-missing"
    case questionsMissing = "questions-missing"
    case questionsUnnumbered = "questions-unnumbered"
    case numbering = "numbering"
    case subItemOrder = "sub-item-order"
    case itemAsksNothing = "item-asks-nothing"
    case itemEmpty = "item-empty"
    case wordLimit = "word-limit"
    case tooManyQuestions = "too-many-questions"
    case notDutch = "not-dutch"
    // References
    case citationUnknown = "citation-unknown"
    case citationDateMismatch = "citation-date-mismatch"
    case citationDateMissing = "citation-date-missing"
    case dateImpossible = "date-impossible"
    case citationDateFuture = "citation-date-future"
    case citationForm = "citation-form"
    case citationAuthor = "citation-author"
    // Repetition
    case repetition = "repetition"

    public var description: String { rawValue }

    public var defaultSeverity: Severity {
        switch self {
        case .titleMissing, .questionsMissing, .itemEmpty, .dateImpossible:
            return .error
        case .titleFormat, .titleTooLong, .titlePunctuation, .addresseeMissing, .introductionMissing,
             .questionsUnnumbered, .numbering, .subItemOrder, .itemAsksNothing, .wordLimit, .tooManyQuestions,
             .citationDateMismatch, .citationDateMissing, .citationDateFuture, .citationAuthor, .repetition:
            // repetition: a warning for a copy, an information for a question asked in other words.
            return .warning
        case .citationUnknown, .citationForm, .notDutch:
            return .information
        case .titleSeparator:
            return .hint
        }
    }

    /// One line, Dutch: what the rule checks (SARIF `shortDescription`, docs).
    public var summary: String {
        switch self {
        case .titleMissing: return "De vraag heeft geen titel."
        case .titleFormat: return "De titel heeft niet de vorm ‘Onderwerp - Specificatie’."
        case .titleSeparator: return "Onderwerp en specificatie worden gescheiden door ‘ - ’."
        case .titleTooLong: return "De titel is langer dan de limiet."
        case .titlePunctuation: return "De titel eindigt op een punt of vraagteken."
        case .addresseeMissing: return "De vraag noemt niet aan wie ze gericht is."
        case .introductionMissing: return "De vraag heeft geen inleiding."
        case .questionsMissing: return "De tekst stelt geen vraag."
        case .questionsUnnumbered: return "De vragen zijn niet genummerd."
        case .numbering: return "De nummering van de vragen heeft gaten, herhalingen of staat door elkaar."
        case .subItemOrder: return "De deelvragen a), b), c) staan niet op volgorde."
        case .itemAsksNothing: return "Een genummerde vraag vraagt niets."
        case .itemEmpty: return "Een genummerde vraag of deelvraag is leeg."
        case .wordLimit: return "De vraag is langer dan het aantal woorden dat het profiel toelaat."
        case .tooManyQuestions: return "De vraag heeft meer deelvragen dan het profiel toelaat."
        case .notDutch: return "De tekst is niet in het Nederlands geschreven; de controles gaan uit van het Nederlands."
        case .citationUnknown: return "Een geciteerde schriftelijke vraag staat niet in het corpus."
        case .citationDateMismatch: return "Het nummer van een geciteerde vraag bestaat, maar niet op die datum."
        case .citationDateMissing: return "Een geciteerde schriftelijke vraag heeft een nummer maar geen datum."
        case .dateImpossible: return "Een datum bestaat niet (31 februari)."
        case .citationDateFuture: return "Een geciteerde vraag of vergadering ligt in de toekomst."
        case .citationForm: return "Een verwijzing is niet in de gangbare vorm geschreven."
        case .citationAuthor: return "‘Mijn schriftelijke vraag’ verwijst naar een vraag van iemand anders."
        case .repetition: return "Deze vraag of een gelijkaardige werd al gesteld en beantwoord."
        }
    }

    /// Rules about drafting conventions run on drafts only; the rest also run on the
    /// question part of corpus records. No rule ever looks at an answer.
    public var checksDraftsOnly: Bool {
        switch self {
        case .titleSeparator, .addresseeMissing, .questionsUnnumbered, .repetition: return true
        default: return false
        }
    }

    /// Whether the rule compares the text with the corpus. The others (the structure
    /// checks) run before the corpus is loaded; these wait for it, or they would flag
    /// every citation against an empty corpus.
    public var needsCorpus: Bool {
        switch self {
        case .citationUnknown, .citationDateMismatch, .citationDateMissing, .citationAuthor, .repetition: return true
        default: return false
        }
    }

    /// What a configured `limit` means for this rule; nil when the rule takes none.
    public var limitUnit: String? {
        switch self {
        case .titleTooLong: return "tekens"
        case .wordLimit: return "woorden"
        case .tooManyQuestions: return "vragen"
        case .repetition: return "procent gelijkenis"
        default: return nil
        }
    }
}

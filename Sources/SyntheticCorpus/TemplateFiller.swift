/// Fills templates for one record: draws slot values from the theme, preferring the
/// record's focus so that its sentences hang together, and keeps a slot's value the
/// same within one sentence (`{Actor} ... {actor}` names one organisation).
struct TemplateFiller {
    var random: SplitMix64
    let theme: Theme
    let minister: Minister
    let date: CalendarDate
    let focus: Focus
    /// Set by the composer before filling a citation frame.
    var citation = ""
    var colleague = ""
    var tab = 1
    /// Templates used in this record, as `family * 1000 + index`.
    private var usedTemplates = Set<Int>()

    struct Focus {
        let topic: String
        let actor: String
        let group: String
        let indicator: String
        let project: String
    }

    init(random: SplitMix64, theme: Theme, minister: Minister, date: CalendarDate) {
        var random = random
        focus = Focus(topic: random.pick(theme.topics), actor: random.pick(theme.actors),
                      group: random.pick(theme.groups), indicator: random.pick(theme.indicators),
                      project: random.pick(theme.projects))
        self.random = random
        self.theme = theme
        self.minister = minister
        self.date = date
    }

    mutating func fill(_ template: Template) -> String {
        var memo = [String?](repeating: nil, count: Slot.allCases.count)
        var result = ""
        result.reserveCapacity(160)
        for segment in template.segments {
            switch segment {
            case .literal(let text):
                result += text
            case .slot(let slot, let capitalized):
                let value: String
                if let known = memo[slot.ordinal], !slot.variesWithinSentence {
                    value = known
                } else {
                    value = draw(slot)
                    memo[slot.ordinal] = value
                }
                result += capitalized ? TemplateFiller.capitalizingFirst(value) : value
            }
        }
        return result
    }

    mutating func fill(oneOf templates: [Template]) -> String {
        fill(templates[random.below(templates.count)])
    }

    /// A template of `pool` not used yet in this record, when one turns up in a few
    /// draws, filled in.
    mutating func fillDistinct(_ pool: [Template], family: Int) -> String {
        var index = random.below(pool.count)
        for _ in 0..<4 where usedTemplates.contains(family * 1000 + index) {
            index = random.below(pool.count)
        }
        usedTemplates.insert(family * 1000 + index)
        return fill(pool[index])
    }

    private mutating func focused(_ preferred: String, _ all: [String]) -> String {
        random.percent(55) ? preferred : random.pick(all)
    }

    private mutating func draw(_ slot: Slot) -> String {
        switch slot {
        case .topic: return focused(focus.topic, theme.topics)
        case .actor: return focused(focus.actor, theme.actors)
        case .group: return focused(focus.group, theme.groups)
        case .indicator: return focused(focus.indicator, theme.indicators)
        case .project: return focused(focus.project, theme.projects)
        case .measure: return random.pick(theme.measures)
        case .breakdown:
            return random.percent(50) ? random.pick(theme.breakdowns) : random.pick(Vocabulary.genericBreakdowns)
        case .document: return random.pick(theme.documents)
        case .commission: return theme.commission
        case .year: return String(date.year)
        case .prevyear: return String(date.year - 1)
        case .nextyear: return String(date.year + 1)
        case .amount: return NumberText.euros(thousands: 5 + random.below(40) * random.between(1, 120))
        case .percent: return "\(random.between(3, 85)) procent"
        case .count: return NumberText.grouped(random.between(12, 400) * random.between(1, 60))
        case .countword: return random.pick(Vocabulary.countWords)
        case .region: return random.pick(Vocabulary.regions)
        case .pron: return minister.pronoun
        case .poss: return minister.possessive
        case .meetingdate: return TemplateFiller.weekday(before: date, by: random.between(15, 400)).dutchLong
        case .shortdate: return date.adding(days: random.between(5, 25)).slashed(padded: false)
        case .season: return random.pick(Vocabulary.seasons)
        case .months: return random.pick(["twee maanden", "drie maanden", "zes maanden", "een jaar", "vier weken"])
        case .tab: return String(tab)
        case .citation: return citation
        case .colleague: return colleague
        }
    }

    /// A working day `days` or a little more before `date` (meetings are not held at weekends).
    static func weekday(before date: CalendarDate, by days: Int) -> CalendarDate {
        var candidate = date.adding(days: -days)
        while candidate.isWeekend { candidate = candidate.adding(days: -1) }
        return candidate
    }

    static func capitalizingFirst(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

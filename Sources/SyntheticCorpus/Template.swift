/// A sentence template parsed once into literal text and slots, so filling it
/// 100,000 times does not rescan the braces.
struct Template: Sendable {
    enum Segment: Sendable {
        case literal(String)
        case slot(Slot, capitalized: Bool)
    }

    let segments: [Segment]

    /// Unknown `{names}` stay literal text, which the tests would catch as a stray brace.
    init(_ source: String) {
        var segments: [Segment] = []
        var rest = Substring(source)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = rest[rest.index(after: open)..<close]
            if let slot = Slot(rawValue: name.lowercased()) {
                if open > rest.startIndex { segments.append(.literal(String(rest[..<open]))) }
                let capitalized = name.first.map { $0.isUppercase } ?? false
                segments.append(.slot(slot, capitalized: capitalized))
            } else {
                segments.append(.literal(String(rest[...close])))
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { segments.append(.literal(String(rest))) }
        self.segments = segments
    }

    static func parseAll(_ sources: [String]) -> [Template] {
        sources.map(Template.init)
    }
}

/// The names a template may use; the raw value is the lower-case spelling.
enum Slot: String, CaseIterable, Sendable {
    case topic, actor, group, project, measure, indicator, breakdown, document, commission
    case year, prevyear, nextyear, amount, percent, count, countword, region, pron, poss
    case meetingdate, shortdate, season, months, tab, citation, colleague

    /// Numbers are drawn afresh each time: "in 2022 ging het om 412, in 2023 om 388".
    var variesWithinSentence: Bool { self == .amount || self == .percent || self == .count }

    /// Dense index for the per-sentence memo.
    var ordinal: Int { Slot.allCases.firstIndex(of: self) ?? 0 }
}

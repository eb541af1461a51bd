/// Decides every record's metadata before any text is written: dates, authors,
/// themes, ministers, numbers, formats and citations. Text generation then only
/// needs a record and the seed, so any record can be rendered on its own.
enum CorpusPlanner {
    /// A question before numbering; sorted by day, then by drawing order.
    private struct Draft {
        let day: Int
        let order: Int
        let author: Int
        let theme: Int
        let ministers: [Int]
        var subject: String
        var specification: String
    }

    static func plan(_ configuration: CorpusConfiguration) -> [SyntheticRecord] {
        var random = SplitMix64(seed: configuration.seed, stream: 0, salt: 0x504C_414E)
        let firstStartYear = CorpusConfiguration.lastStartYear - configuration.yearCount + 1
        let firstDay = ParliamentaryYear(startYear: firstStartYear).opening.dayNumber
        let lastDay = ParliamentaryYear(startYear: CorpusConfiguration.lastStartYear).closing.dayNumber
        let drafts = makeDrafts(configuration, firstDay: firstDay, lastDay: lastDay, random: &random)

        let ministerCount = Vocabulary.ministers.count
        var counters = [[Int]](repeating: [Int](repeating: 0, count: configuration.yearCount), count: ministerCount)
        // Earlier records in the parliament export, the only ones a citation may target.
        var citableByAuthor = [[Int]](repeating: [], count: Cast.members.count)
        var citableByMinister = [[Int]](repeating: [], count: ministerCount)
        var records: [SyntheticRecord] = []
        records.reserveCapacity(configuration.count)

        for (questionIndex, original) in drafts.enumerated() {
            var draft = original
            let date = CalendarDate(dayNumber: draft.day)
            let year = ParliamentaryYear(containing: date)
            let primaryMinister = draft.ministers[0]
            var citation: SyntheticCitation?
            if random.percent(configuration.citationPercent) {
                citation = chooseCitation(day: draft.day, author: draft.author, minister: primaryMinister,
                                          records: records, byAuthor: citableByAuthor[draft.author],
                                          byMinister: citableByMinister[primaryMinister], random: &random)
            }
            // A follow-up often keeps the title of the question it follows up.
            if let citation, citation.isOwnQuestion, random.percent(40) {
                draft.subject = records[citation.targetIndex].titleSubject
                draft.specification = records[citation.targetIndex].titleSpecification
            }
            let firstCopy = records.count
            for minister in draft.ministers {
                counters[minister][year.startYear - firstStartYear] += 1
                let number = counters[minister][year.startYear - firstStartYear]
                let format: RecordFormat = random.percent(configuration.plainExportPercent) ? .plainExport : .parliamentExport
                let path = "\(year.label)/\(Vocabulary.ministers[minister].slug)/\(NumberText.padded(number)).txt"
                records.append(SyntheticRecord(
                    index: records.count, questionIndex: questionIndex, firstCopyIndex: firstCopy,
                    copyCount: draft.ministers.count, ministerIndex: minister, number: number, date: date,
                    parliamentaryYear: year, authorIndex: draft.author, themeIndex: draft.theme,
                    titleSubject: draft.subject, titleSpecification: draft.specification,
                    format: format, citation: citation, path: path))
            }
            for index in firstCopy..<records.count where records[index].format == .parliamentExport {
                citableByAuthor[draft.author].append(index)
                citableByMinister[records[index].ministerIndex].append(index)
            }
        }
        return records
    }

    private static func makeDrafts(_ configuration: CorpusConfiguration, firstDay: Int, lastDay: Int,
                                   random: inout SplitMix64) -> [Draft] {
        let themes = Vocabulary.themes
        let crossCutting = themes.count - 1
        let members = Cast.members
        let activity = members.map(\.activity)
        let ministerCount = Vocabulary.ministers.count
        var drafts: [Draft] = []
        var copies = 0
        while copies < configuration.count {
            let author = random.weightedIndex(activity)
            let roll = random.below(1000)
            var theme: Int
            var ministers: [Int]
            if roll < configuration.multiMinisterPerMille * 7 / 10 {
                // Cross-cutting questions (consultancy, campaigns) go to many ministers.
                theme = crossCutting
                ministers = random.percent(55)
                    ? Array(0..<ministerCount)
                    : random.distinctIndices(random.between(2, 6), of: ministerCount).sorted()
            } else {
                theme = random.percent(75) ? random.pick(members[author].focusThemes) : random.below(crossCutting)
                let primary = themes[theme].ministerIndex ?? 0
                ministers = [primary]
                if roll < configuration.multiMinisterPerMille {
                    let extras = random.distinctIndices(random.between(1, 2), of: ministerCount - 1)
                    ministers += extras.map { $0 >= primary ? $0 + 1 : $0 }
                }
            }
            if ministers.count > configuration.count - copies {
                ministers = Array(ministers.prefix(configuration.count - copies))
            }
            let subject = random.pick(themes[theme].subjects)
            var specification = random.percent(50)
                ? random.pick(themes[theme].specifications) : random.pick(Vocabulary.genericSpecifications)
            if specification == subject { specification = "Stand van zaken" }
            drafts.append(Draft(day: sampleDay(firstDay, lastDay, &random), order: drafts.count, author: author,
                                theme: theme, ministers: ministers, subject: subject, specification: specification))
            copies += ministers.count
        }
        drafts.sort { ($0.day, $0.order) < ($1.day, $1.order) }
        return drafts
    }

    /// A working day; July and August (recess) get about a third of the usual flow.
    private static func sampleDay(_ firstDay: Int, _ lastDay: Int, _ random: inout SplitMix64) -> Int {
        while true {
            let day = firstDay + random.below(lastDay - firstDay + 1)
            let date = CalendarDate(dayNumber: day)
            if date.isWeekend { continue }
            if (date.month == 7 || date.month == 8) && random.percent(65) { continue }
            return day
        }
    }

    private static func chooseCitation(day: Int, author: Int, minister: Int, records: [SyntheticRecord],
                                       byAuthor: [Int], byMinister: [Int],
                                       random: inout SplitMix64) -> SyntheticCitation? {
        var target: Int?
        if random.percent(55) {
            // A follow-up of one's own recent question to the same minister.
            let end = countBefore(day: day, in: byAuthor, records: records)
            var candidates: [Int] = []
            var position = end - 1
            while position >= 0 && position >= end - 60 {
                if records[byAuthor[position]].ministerIndex == minister { candidates.append(byAuthor[position]) }
                position -= 1
            }
            if !candidates.isEmpty { target = random.pick(candidates) }
        }
        if target == nil {
            let end = countBefore(day: day, in: byMinister, records: records)
            if end > 0 { target = byMinister[end - 1 - random.below(min(end, 300))] }
        }
        guard let target else { return nil }
        let cited = records[target]
        let isOwn = cited.authorIndex == author
        let weights = SyntheticCitation.formWeights
        let form = weights[random.weightedIndex(weights.map(\.1))].0
        return SyntheticCitation(targetIndex: target, form: form, isOwnQuestion: isOwn,
                                 text: SyntheticCitation.render(form: form, number: cited.number,
                                                                date: cited.date, isOwn: isOwn))
    }

    /// Entries are in date order, so those of `day` itself sit at the end.
    private static func countBefore(day: Int, in list: [Int], records: [SyntheticRecord]) -> Int {
        var end = list.count
        while end > 0 && records[list[end - 1]].date.dayNumber >= day { end -= 1 }
        return end
    }
}

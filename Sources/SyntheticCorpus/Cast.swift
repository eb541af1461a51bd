/// The people of the corpus: fixed for every seed, so benchmark output can name them.
enum Cast {
    static let memberCount = 120

    /// Members built from the name lists with a fixed stream; the first is Maaike
    /// De Vreese, the author of `seeds/002_*`.
    static let members: [Member] = makeMembers()

    private static func makeMembers() -> [Member] {
        var random = SplitMix64(seed: 0x5652_4141_4742_4141)
        let themeCount = Vocabulary.themes.count - 1 // not the cross-cutting theme
        var names: [String] = ["Maaike De Vreese"]
        var taken = Set(names).union(Vocabulary.ministers.map(\.name))
        while names.count < memberCount {
            let name = random.pick(Vocabulary.firstNames) + " " + random.pick(Vocabulary.surnames)
            if taken.insert(name).inserted { names.append(name) }
        }
        return names.map { name in
            let focus = random.distinctIndices(2, of: themeCount)
            // Skewed activity: a few members write many questions, most write a few.
            let activity = 1 + random.below(4) * random.below(5)
            return Member(name: name, focusThemes: name == "Maaike De Vreese" ? [0, 1] : focus, activity: activity)
        }
    }
}

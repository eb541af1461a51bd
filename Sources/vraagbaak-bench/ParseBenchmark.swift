import QuestionModel

/// `parse`: how long a reparse of a typical draft takes (the server reparses on every
/// keystroke), and how fast the parser reads corpus text.
func runParseBenchmark(_ options: [String]) {
    let seeds = readSeeds(options)
    let runs = intOption(options, "--runs", default: 2_000)
    let megabytes = intOption(options, "--megabytes", default: 100)
    let clock = ContinuousClock()

    // 1. Reparse of a ~1,000-word draft.
    let draft = makeDraft(fromSeeds: seeds, words: 1_000)
    let wordCount = draft.split(whereSeparator: { $0 == " " || $0 == "\n" }).count
    for _ in 0..<100 { consume(Question.parse(draft)) } // warm up
    var samples = Samples()
    for _ in 0..<runs {
        var question: Question?
        samples.append(clock.measure { question = Question.parse(draft) })
        consume(question)
    }
    let parsed = Question.parse(draft)
    print("draft: \(wordCount) words, \(draft.utf8.count) bytes, \(parsed.numberedQuestions.count) questions, \(parsed.citations.count) citations")
    print("reparse over \(runs) runs: median \(formatted(samples.median)) µs, p99 \(formatted(samples.percentile(0.99))) µs, "
        + "mean \(formatted(samples.mean)) µs, max \(formatted(samples.maximum)) µs")

    // 2. Throughput over the seeds repeated to the requested size.
    let targetBytes = megabytes * 1_000_000
    let allSeeds = seeds.joined()
    let repeats = max(1, targetBytes / max(1, allSeeds.utf8.count))
    var records: [[UInt8]] = []
    records.reserveCapacity(repeats * seeds.count)
    for _ in 0..<repeats { for seed in seeds { records.append(Array(seed.utf8)) } }
    let totalBytes = records.reduce(0) { $0 + $1.count }
    var questions = 0
    let recordsTime = clock.measure {
        for record in records { questions += Question.parse(utf8: record).numberedQuestions.count }
    }
    print("records: \(records.count) seeds, \(formatted(Double(totalBytes) / 1e6)) MB in \(formatted(recordsTime.seconds, decimals: 2)) s: "
        + "\(formatted(Double(totalBytes) / 1e6 / recordsTime.seconds)) MB/s (\(questions) questions)")
    records = []

    let oneText = Array(String(repeating: allSeeds, count: repeats).utf8)
    var citations = 0
    let oneTextTime = clock.measure { citations = Question.parse(utf8: oneText).citations.count }
    print("one text: \(formatted(Double(oneText.count) / 1e6)) MB in \(formatted(oneTextTime.seconds, decimals: 2)) s: "
        + "\(formatted(Double(oneText.count) / 1e6 / oneTextTime.seconds)) MB/s (\(citations) citations)")
}

/// A realistic draft assembled from the seeds' own parts: header, title,
/// introductions with their citations, then numbered questions until `words` words.
func makeDraft(fromSeeds seeds: [String], words: Int) -> String {
    let parsed = seeds.map { Question.parse($0) }
    let introductions = parsed.compactMap { $0.introduction?.text }
    let items = parsed.flatMap { $0.numberedQuestions.map(\.text) }
    var draft = """
        aan: Gwendolyn Rutten
        van: Maaike De Vreese
        thema: Integratie en Inburgering
        datum: 26 januari 2024

        Inburgeringstrajecten - Stand van zaken


        """
    func wordCount(_ text: String) -> Int { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }
    var count = wordCount(draft)
    for introduction in introductions.prefix(2) {
        draft += introduction + "\n\n"
        count += wordCount(introduction)
    }
    var number = 1
    var index = 0
    while count < words, !items.isEmpty {
        let item = items[index % items.count]
        draft += "\(number). \(item)\n"
        if number % 3 == 0 { draft += "   a) per provincie;\n   b) per jaar?\n" }
        count += wordCount(item) + 1
        number += 1
        index += 1
    }
    return draft
}

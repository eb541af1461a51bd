import Checks
import Corpus
import Foundation
import QuestionModel

/// `repetition`: the repetition check and the similar-question search on real data.
///
/// 1. Search precision@1 on the groups of identical questions of kamer-2017 (the
///    same question text filed by several records): each member's whole question
///    text is the query, itself excluded; a hit is another member ranked first.
/// 2. Exact re-filings: one member of every group as a draft in five layouts
///    (numbered items on their own lines, run together on one line, unnumbered
///    prose, the header export, the plain export), checked against the corpus
///    without that member. Recall: a `repetition` warning that names a member.
/// 3. Reworded drafts written by hand (`Tests/RepetitionDrafts/reworded`, each with
///    the file it rewords in `INDEX`): recall of a finding that names that record
///    or a twin of it. Novel drafts (`.../novel`): none may get a finding.
/// Latency: the whole check of each draft (every rule, one search).
func runRepetitionBenchmark(_ options: [String]) {
    let kamer = optionValue(options, "--corpus") ?? repositoryFile("../shared/corpora/kamer-2017").path
    let draftsFolder = optionValue(options, "--drafts").map { URL(fileURLWithPath: $0) }
        ?? repositoryFile("Tests/RepetitionDrafts")
    let queriesFile = optionValue(options, "--queries-out") ?? "/tmp/vraagbaak-repetition-queries.jsonl"
    let verbose = options.contains("--verbose")
    report("load average: \(loadAverage())")
    let clock = ContinuousClock()
    var corpus = Corpus.empty
    let loading = clock.measure { corpus = CorpusLoader().load([.folder(path: kamer), .embeddedSeeds]) }
    report("corpus: \(corpus.count) records (kamer-2017 and the seeds), built in \(formatted(loading.seconds, decimals: 2)) s")
    let today = DutchDate(year: 2030, month: 1, day: 1)!
    let checker = Checker()

    // Whole question texts and layouts of every file record.
    var texts: [Int: String] = [:]
    var parsed: [Int: Question] = [:]
    for index in corpus.records.indices {
        guard let path = corpus.records[index].source.filePath,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
        texts[index] = text
        parsed[index] = Question.parse(text)
    }
    var byBody: [String: [Int]] = [:]
    for (index, question) in parsed {
        let body = collapsed(QuestionText.parts(of: question, text: texts[index] ?? "").body)
        guard body.split(separator: " ").count >= 5 else { continue }
        byBody[body, default: []].append(index)
    }
    let groups = byBody.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    let groupOf = Dictionary(groups.enumerated().flatMap { group, members in members.map { ($0, group) } },
                             uniquingKeysWith: { first, _ in first })
    report("groups of identical questions: \(groups.count) (\(groups.reduce(0) { $0 + $1.count }) records)")

    // 1. Precision@1, and the same queries for scripts/bench_fts5.py.
    var firstRight = 0, probes = 0
    var shortProbes = 0, shortRight = 0
    var queryLines: [String] = []
    var searchTimes = Samples()
    for group in groups {
        for probe in group {
            guard let question = parsed[probe], let text = texts[probe] else { continue }
            let query = QuestionText.whole(of: question, text: text)
            var hits: [Corpus.SearchResult] = []
            searchTimes.append(clock.measure { hits = corpus.search(query, limit: 10, excluding: [probe]) })
            let right = hits.first.map { group.contains($0.index) } ?? false
            probes += 1
            if right { firstRight += 1 }
            let words = query.split(whereSeparator: \.isWhitespace).count
            if words <= 80 {
                shortProbes += 1
                if right { shortRight += 1 }
            }
            if !right && verbose {
                report("  p@1 miss: \(corpus.records[probe].source) -> \(hits.first.map { "\($0.record.source)" } ?? "nothing")")
            }
            let expected = group.filter { $0 != probe }.compactMap { corpus.records[$0].source.filePath }
            let line: [String: Any] = ["terms": Tokenizer.terms(in: query), "probe": corpus.records[probe].source.description,
                                       "expected": expected]
            if let data = try? JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]) {
                queryLines.append(String(decoding: data, as: UTF8.self))
            }
        }
    }
    try? Data((queryLines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: queriesFile))
    report(String(format: "search precision@1: %.3f (%d of %d probes); questions of at most 80 words: %d of %d; "
                  + "search p50 %.2f ms, p99 %.2f ms", Double(firstRight) / Double(max(1, probes)), firstRight, probes,
                  shortRight, shortProbes, searchTimes.median / 1000, searchTimes.percentile(0.99) / 1000))
    report("  queries written to \(queriesFile) (scripts/bench_fts5.py --corpus DIR --queries FILE compares SQLite FTS5)")

    // 2. Exact re-filings in five layouts, against the corpus without that member.
    var checkTimes = Samples()
    func check(_ draft: String, excluding: Set<Int>) -> Finding? {
        var found: [Finding] = []
        checkTimes.append(clock.measure {
            found = checker.check(question: Question.parse(draft, as: .draft), text: draft, corpus: corpus, today: today,
                                  excludingRecords: excluding)
        })
        return found.first { $0.code == .repetition }
    }
    var exactTotal = 0, exactWarned = 0
    var perLayout: [String: (warned: Int, total: Int)] = [:]
    var lowestCopy = 100
    for group in groups {
        let member = group[0]
        guard let question = parsed[member], let text = texts[member] else { continue }
        for (layout, draft) in refilings(question, text: text) {
            let finding = check(draft, excluding: [member])
            // A twin, or a record that differs from one by a word or a space (filed again).
            let memberShingles = corpus.shingles(member)
            let namesTwin = finding?.related.contains {
                group.contains($0.recordIndex) || corpus.shingleOverlap($0.recordIndex, with: memberShingles).resemblance >= 0.9
            } ?? false
            let warned = finding?.severity == .warning && namesTwin
            exactTotal += 1
            if warned { exactWarned += 1 }
            perLayout[layout, default: (0, 0)].total += 1
            if warned { perLayout[layout, default: (0, 0)].warned += 1 }
            if let percent = finding.flatMap(copyPercent) { lowestCopy = min(lowestCopy, percent) }
            if !warned {
                report("  exact miss (\(layout)): \(corpus.records[member].source): \(finding?.message ?? "no finding")")
            }
        }
    }
    report(String(format: "exact re-filings: recall %.1f%% (%d of %d warned, naming a twin); lowest shingle overlap %d%%",
                  100 * Double(exactWarned) / Double(max(1, exactTotal)), exactWarned, exactTotal, lowestCopy))
    report("  per layout: " + perLayout.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value.warned)/\($0.value.total)" }
        .joined(separator: ", "))

    // 3. Hand-written drafts.
    let index = (try? String(contentsOf: draftsFolder.appendingPathComponent("reworded/INDEX"), encoding: .utf8)) ?? ""
    var reworded = 0, rewordedFound = 0, rewordedWarned = 0
    for line in index.split(separator: "\n") where !line.hasPrefix("#") {
        let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard parts.count == 2 else { continue }
        guard let draft = try? String(contentsOf: draftsFolder.appendingPathComponent("reworded/\(parts[0])"), encoding: .utf8),
              let target = corpus.records.indices.first(where: { 
                  let source = corpus.records[$0].source.description
                  return source == parts[1] || source.hasSuffix("/" + parts[1])
              })
        else {
            report("  cannot read reworded/\(parts[0]) or find \(parts[1])")
            continue
        }
        let twins = groupOf[target].map { Set(groups[$0]) } ?? [target]
        let finding = check(draft, excluding: [])
        let found = finding?.related.contains { twins.contains($0.recordIndex) } ?? false
        reworded += 1
        if found { rewordedFound += 1 }
        if found && finding?.severity == .warning { rewordedWarned += 1 }
        if verbose {
            report("    " + explain(draft, target: target, corpus: corpus))
        }
        if verbose || !found {
            report("  reworded \(found ? "found" : "MISSED") \(parts[0]) -> \(parts[1]): \(finding?.message ?? "no finding")")
        }
    }
    report(String(format: "reworded drafts: recall %.1f%% (%d of %d; %d of them graded as copies)",
                  100 * Double(rewordedFound) / Double(max(1, reworded)), rewordedFound, reworded, rewordedWarned))
    let novelFolder = draftsFolder.appendingPathComponent("novel")
    let novelNames = ((try? FileManager.default.contentsOfDirectory(atPath: novelFolder.path)) ?? [])
        .filter { $0.hasSuffix(".vraag") }.sorted()
    var novelFlagged = 0
    for name in novelNames {
        guard let draft = try? String(contentsOf: novelFolder.appendingPathComponent(name), encoding: .utf8) else { continue }
        if let finding = check(draft, excluding: []) {
            novelFlagged += 1
            report("  novel FLAGGED \(name): \(finding.message)")
        }
        if verbose { report("    novel \(name): " + explain(draft, target: nil, corpus: corpus)) }
    }
    report("novel drafts: \(novelFlagged) of \(novelNames.count) flagged (target 0)")
    // 4. Every record as a draft, against the corpus without it and its twins: how
    // often an ordinary question gets a finding (kamer-2017 has many template series).
    var asDrafts = 0, warned = 0
    var informedAt: [Int: Int] = [:]
    let thresholds = [25, 30, 35, 40, 50]
    var lenient = CheckConfiguration()
    lenient.rules[.repetition] = RuleSetting(limit: thresholds[0])
    let lenientChecker = Checker(configuration: lenient)
    for (index, question) in parsed.sorted(by: { $0.key < $1.key }) {
        let draft = QuestionText.whole(of: question, text: texts[index] ?? "")
        let excluded = groupOf[index].map { Set(groups[$0]) } ?? [index]
        asDrafts += 1
        let finding = lenientChecker.check(question: Question.parse(draft, as: .draft), text: draft, corpus: corpus,
                                           today: today, excludingRecords: excluded).first { $0.code == .repetition }
        guard let finding else { continue }
        if finding.severity == .warning {
            warned += 1
        } else if let percent = sharePercent(finding) {
            for threshold in thresholds where percent >= threshold { informedAt[threshold, default: 0] += 1 }
        }
    }
    func rate(_ count: Int) -> String { String(format: "%.1f%%", 100 * Double(count) / Double(max(1, asDrafts))) }
    report("every record as a draft, against the corpus without it and its twins (\(asDrafts)): \(rate(warned)) warned "
        + "(near-verbatim of another record); informed at a limit of "
        + thresholds.map { "\($0)%: \(rate(informedAt[$0] ?? 0))" }.joined(separator: ", "))
    report("check latency per draft (every rule, one search): " + summary(checkTimes))
    report("load average: \(loadAverage())")
}

/// Where the target ranks for a draft, and the best candidates' measures.
private func explain(_ draft: String, target: Int?, corpus: Corpus) -> String {
    let question = Question.parse(draft, as: .draft)
    let text = QuestionText.whole(of: question, text: draft)
    let sides = QuestionText.parts(of: question, text: draft)
    let own = corpus.selfScore(title: sides.title, question: sides.body)
    let shingles = Shingles(text: text)
    let hits = corpus.search(text, limit: 30)
    func measures(_ hit: Corpus.SearchResult) -> String {
        let relevance = hit.score / max(corpus.selfScore(hit.index), 1e-9)
        let copy = corpus.shingleOverlap(hit.index, with: shingles).resemblance
        let symmetric = hit.score / max(1e-9, (own * corpus.selfScore(hit.index)).squareRoot())
        return String(format: "rel %.2f sym %.2f copy %.2f score %.1f self %.1f own %.1f", relevance, symmetric, copy,
                      hit.score, corpus.selfScore(hit.index), own)
    }
    var parts: [String] = []
    if let target {
        if let rank = hits.firstIndex(where: { $0.index == target }) {
            parts.append("target rank \(rank + 1): " + measures(hits[rank]))
        } else {
            parts.append("target not in top 30")
        }
    }
    let best = hits.max { a, b in
        a.score / max(corpus.selfScore(a.index), 1e-9).squareRoot() < b.score / max(corpus.selfScore(b.index), 1e-9).squareRoot()
    }
    if let best, best.index != target { parts.append("best other: " + measures(best) + " \(best.record.title)") }
    return parts.joined(separator: "; ")
}

/// One record's question as drafts in five layouts.
private func refilings(_ question: Question, text: String) -> [(String, String)] {
    let title = question.title?.text ?? question.metadata.titleLine?.value ?? ""
    let introduction = collapsed(question.introduction?.text ?? "")
    let items = question.numberedQuestions.map { collapsed($0.text) }
    let closing = collapsed(question.closing?.text ?? "")
    let tail = closing.isEmpty ? "" : "\n\n" + closing
    let numbered = items.enumerated().map { "\($0.offset + 1). \($0.element)" }
    var layouts: [(String, String)] = [
        ("numbered", "\(title)\n\n\(introduction)\n\n\(numbered.joined(separator: "\n"))\(tail)\n"),
        ("run-together", "\(title)\n\n\(introduction) \(numbered.joined())\(tail)\n"),
        ("prose", "\(title)\n\n\(([introduction] + items).joined(separator: " "))\(tail)\n"),
        ("header-export", text),
    ]
    let answer = question.answer?.body?.text ?? ""
    let body = ([introduction] + numbered).joined(separator: "\n") + tail
    layouts.append(("plain-export", " \(title.replacingOccurrences(of: " - ", with: "  -  "))\n\n\(body)\n \(collapsed(answer))\n"))
    return layouts
}

private func copyPercent(_ finding: Finding) -> Int? {
    finding.severity == .warning ? sharePercent(finding) : nil
}

/// The `NN` of the message's `(NN% gelijk)`.
private func sharePercent(_ finding: Finding) -> Int? {
    guard let end = finding.message.range(of: "% gelijk") else { return nil }
    let digits = finding.message[..<end.lowerBound].reversed().prefix { $0.isNumber }
    return Int(String(digits.reversed()))
}

private func collapsed(_ text: String) -> String {
    text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
}

/// A path relative to the repository (found from this source file).
func repositoryFile(_ relative: String) -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent(relative).standardizedFileURL
}

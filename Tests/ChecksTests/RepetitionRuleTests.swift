import Checks
import Corpus
import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

final class RepetitionRuleTests: XCTestCase {
    static let draftsFolder = TestData.repository.appendingPathComponent("Tests/RepetitionDrafts")

    func testRepetitionOfAnAnsweredSeed() throws {
        let text = try TestData.example("repetition.vraag")
        let finding = assertFinding(.repetition, in: text, at: "Inburgeringstrajecten - Stand van zaken")
        XCTAssertEqual(finding?.severity, .warning, "the questions of nr. 123, copied")
        XCTAssertEqual(finding?.related.count, 1)
        XCTAssertEqual(finding?.related.first?.record.number, 123)
        XCTAssertEqual(finding?.related.first.map { TestData.seedsCorpus.records[$0.recordIndex].title },
                       "Inburgeringstrajecten - Stand van zaken")
        // The message names the nr, the date, the minister and the title.
        let message = try XCTUnwrap(finding?.message)
        XCTAssertTrue(message.hasPrefix("Deze vraag werd al gesteld en beantwoord: nr. 123 van 26 januari 2024 aan "), message)
        XCTAssertTrue(message.localizedCaseInsensitiveContains("Gwendolyn Rutten"), message)
        XCTAssertTrue(message.contains("‘Inburgeringstrajecten - Stand van zaken’"), message)
        assertNoFinding(.repetition, in: try TestData.example("clean.vraag"))
        // The fix cites the answered question; a draft that cites it is no repetition.
        assertFix(.repetition, before: text, after: text.replacingOccurrences(
            of: "\nIk wil graag", with: "\nDeze vraag volgt op schriftelijke vraag nr. 123 van 26 januari 2024.\n\nIk wil graag"))
    }

    /// Every seed's question, pasted as a draft in every layout, is a copy of that seed.
    func testEveryLayoutOfEverySeedIsACopy() throws {
        for (index, record) in TestData.seedsCorpus.records.enumerated() {
            let text = try TestData.seed(String(record.source.description.dropFirst(6).prefix(3)))
            let question = Question.parse(text)
            for (layout, draft) in Self.layouts(question, original: text) {
                // As `lint` reads a `.vraag` file: a draft, whatever it looks like.
                let found = Checker().check(question: Question.parse(draft, as: .draft), text: draft,
                                            corpus: TestData.seedsCorpus, today: TestData.today)
                    .filter { $0.code == .repetition }
                XCTAssertEqual(found.count, 1, "seed \(record.source), \(layout)")
                XCTAssertEqual(found.first?.severity, .warning, "seed \(record.source), \(layout)")
                XCTAssertEqual(found.first?.related.first?.recordIndex, index, "seed \(record.source), \(layout)")
            }
        }
    }

    /// Items on their own lines, run together on one line, unnumbered prose: the same
    /// words, so the same shingles.
    func testLayoutsGiveTheSameShingles() throws {
        let text = try TestData.seed("002")
        let question = Question.parse(text)
        let reference = Shingles(text: QuestionText.whole(of: question, text: text))
        XCTAssertGreaterThan(reference.count, 100)
        for (layout, draft) in Self.layouts(question, original: text) {
            let shingles = Shingles(text: QuestionText.whole(of: Question.parse(draft, as: .draft), text: draft))
            let overlap = ShingleOverlap(shared: Self.shared(shingles, reference), draftCount: shingles.count,
                                         recordCount: reference.count)
            XCTAssertGreaterThanOrEqual(overlap.resemblance, 0.97, layout)
        }
        // The answer never counts: a pasted export's answer adds no shingle.
        let whole = QuestionText.whole(of: Question.parse(text, as: .draft), text: text)
        XCTAssertFalse(whole.contains("ANTWOORD"))
        XCTAssertFalse(whole.contains("De cijfers geven de situatie weer"))
        XCTAssertTrue(whole.contains("Kan de minister die gegevens ook bezorgen in een Excel-bestand?"))
    }

    func testQuestionsRunTogetherOnOneLineShingleAsOnTheirOwnLines() {
        let apart = Shingles(text: "Treinen - Pannes\nWat was de oorzaak van de panne en hoe?\n2. Zou er een procedure komen?")
        let together = Shingles(text: "Treinen - Pannes\nWat was de oorzaak van de panne en hoe?2. Zou er een procedure komen?")
        XCTAssertEqual(apart, together)
        XCTAssertFalse(apart.isEmpty)
        XCTAssertNotEqual(apart, Shingles(text: "Treinen - Pannes\nWat was de aanleiding van de vertraging?"))
    }

    /// A question in other words is an information, not a warning; a question on
    /// something the corpus never asked about gets nothing.
    func testRewordedSeedsAreInformationAndNovelDraftsNothing() throws {
        for (name, seed) in [("21-seed-inburgeringstrajecten.vraag", "002"), ("22-seed-gedetineerden.vraag", "000")] {
            let draft = try String(contentsOf: Self.draftsFolder.appendingPathComponent("reworded/\(name)"), encoding: .utf8)
            let found = findings(.repetition, in: draft)
            XCTAssertEqual(found.count, 1, name)
            XCTAssertEqual(found.first?.severity, .information, name)
            XCTAssertTrue(found.first?.message.hasPrefix("Een gelijkaardige vraag werd al gesteld en beantwoord") == true, name)
            let related = try XCTUnwrap(found.first?.related.first, name)
            XCTAssertTrue(related.record.source.description.hasPrefix("seeds/\(seed)_"), name)
        }
        for name in try Self.novelDrafts() {
            let draft = try String(contentsOf: Self.draftsFolder.appendingPathComponent("novel/\(name)"), encoding: .utf8)
            assertNoFinding(.repetition, in: draft)
        }
    }

    func testThresholdIsConfigurable() throws {
        let text = try String(contentsOf: Self.draftsFolder.appendingPathComponent("reworded/21-seed-inburgeringstrajecten.vraag"),
                              encoding: .utf8)
        let message = try XCTUnwrap(findings(.repetition, in: text).first?.message)
        let percent = try XCTUnwrap(Int(message.components(separatedBy: "% gelijk")[0].components(separatedBy: "(").last ?? ""))
        XCTAssertTrue((30..<80).contains(percent), message)
        var configuration = CheckConfiguration()
        configuration.rules[.repetition] = RuleSetting(limit: percent)
        XCTAssertEqual(findings(.repetition, in: text, configuration: configuration).count, 1)
        configuration.rules[.repetition] = RuleSetting(limit: percent + 1)
        assertNoFinding(.repetition, in: text, configuration: configuration)
        // The copy limit decides between the grades: at 0 % shared shingles every
        // match is a copy (a warning); the default 80 % keeps this rewording an information.
        configuration.rules[.repetition] = RuleSetting(copyLimit: 0)
        XCTAssertEqual(findings(.repetition, in: text, configuration: configuration).map(\.severity), [.warning])
        XCTAssertEqual(findings(.repetition, in: text).map(\.severity), [.information])
        // A configured severity overrides both grades.
        configuration.rules[.repetition] = RuleSetting(severity: .hint)
        XCTAssertEqual(findings(.repetition, in: try TestData.example("repetition.vraag"), configuration: configuration)
            .map(\.severity), [.hint])
        // Each profile keeps its own limits.
        XCTAssertEqual(Profile.flemishParliament.repetitionThreshold, 30)
        XCTAssertEqual(Profile.flemishParliament.repetitionCopyThreshold, 80)
        XCTAssertEqual(CheckConfiguration(profile: .europeanParliament).limit(for: .repetition),
                       Profile.europeanParliament.repetitionThreshold)
    }

    func testRecordsAreNotCheckedForRepetition() throws {
        // A corpus record is not a draft: it never repeats itself.
        let text = try TestData.seed("002")
        let found = Checker().check(question: Question.parse(text), text: text, corpus: TestData.seedsCorpus, today: TestData.today)
        XCTAssertFalse(found.contains { $0.code == .repetition })
    }

    func testExcludedRecordsAreSkipped() throws {
        let text = try TestData.example("repetition.vraag")
        let index = try XCTUnwrap(TestData.seedsCorpus.records.firstIndex { $0.number == 123 })
        let found = Checker().check(question: Question.parse(text), text: text, corpus: TestData.seedsCorpus,
                                    today: TestData.today, excludingRecords: [index])
        XCTAssertFalse(found.contains { $0.code == .repetition })
    }

    /// The same question sent to three ministers is one match naming all three; an
    /// unanswered copy still warns; a draft inside the corpus never matches itself.
    func testTwinsAreOneMatchAndADraftInItsCorpusIsNotItsOwnCopy() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-repetition-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let body = """
            Het aantal meldingen van fietsdiefstal aan stations neemt toe. Reizigers vinden hun fiets na een werkdag \
            niet meer terug en durven de trein niet meer te combineren met de fiets.1. Hoeveel fietsdiefstallen werden \
            er in 2016 aan stations gemeld, per provincie?2. Welke maatregelen worden er genomen om de fietsenstallingen \
            beter te beveiligen, met camera's of afgesloten stallingen?3. Hoeveel van de gestolen fietsen werden teruggevonden?
            """
        for (name, minister) in [("a", "MINISTER VAN MOBILITEIT"), ("b", "MINISTER VAN BINNENLANDSE ZAKEN"),
                                 ("c", "MINISTER VAN JUSTITIE")] {
            let record = """
                title: Fietsdiefstal aan stations
                SCHRIFTELIJKE VRAAG
                van JAN JANSSENS
                datum: 3 maart 2017
                aan \(minister)
                Fietsdiefstal aan stations  -  Cijfers en maatregelen
                \(body)
                \(name == "c" ? "" : "ANTWOORD\nop de vraag van 3 maart 2017\nvan JAN JANSSENS\nDe cijfers volgen in bijlage.")
                """
            try Data(record.utf8).write(to: folder.appendingPathComponent("qrva-\(name).txt"))
        }
        let draft = "Fietsdiefstal aan stations - Cijfers en maatregelen\n\n\(body)\n"
        let draftFile = folder.appendingPathComponent("mijn-vraag.vraag")
        try Data(draft.utf8).write(to: draftFile)
        let corpus = CorpusLoader().load([.folder(path: folder.path)])
        XCTAssertEqual(corpus.count, 4)

        let checker = Checker()
        let found = checker.check(question: Question.parse(draft, as: .draft), text: draft, corpus: corpus,
                                  today: TestData.today, documentPath: draftFile.path).filter { $0.code == .repetition }
        XCTAssertEqual(found.count, 1)
        let finding = try XCTUnwrap(found.first)
        XCTAssertEqual(finding.severity, .warning)
        XCTAssertEqual(finding.related.count, 1, "three twins are one match: \(finding.related.map(\.message))")
        for minister in ["MINISTER VAN MOBILITEIT", "MINISTER VAN BINNENLANDSE ZAKEN", "MINISTER VAN JUSTITIE"] {
            XCTAssertTrue(finding.message.contains(minister), finding.message)
        }
        XCTAssertTrue(finding.message.hasPrefix("Deze vraag werd al gesteld en beantwoord: de vraag van 3 maart 2017 aan "),
                      finding.message)
        XCTAssertFalse(finding.related.contains { $0.record.source.filePath?.hasSuffix("mijn-vraag.vraag") == true })
        XCTAssertNotNil(finding.related.first?.record.source.filePath)
        // With the three records gone, the draft inside the corpus matches only itself:
        // never with its path, always without.
        let others = Set(corpus.records.indices.filter { corpus.records[$0].source.filePath?.hasSuffix(".txt") == true })
        XCTAssertEqual(others.count, 3)
        let withPath = checker.check(question: Question.parse(draft, as: .draft), text: draft, corpus: corpus,
                                     today: TestData.today, excludingRecords: others, documentPath: draftFile.path)
        XCTAssertFalse(withPath.contains { $0.code == .repetition })
        let itself = checker.check(question: Question.parse(draft, as: .draft), text: draft, corpus: corpus,
                                   today: TestData.today, excludingRecords: others).first { $0.code == .repetition }
        XCTAssertTrue(itself?.related.first?.record.source.filePath?.hasSuffix("mijn-vraag.vraag") == true)
        // Only the unanswered twin left: still a warning, saying it awaits its answer.
        let answered = Set(corpus.records.indices.filter { corpus.records[$0].hasAnswer })
        let unanswered = checker.check(question: Question.parse(draft, as: .draft), text: draft, corpus: corpus,
                                       today: TestData.today, excludingRecords: answered, documentPath: draftFile.path)
            .first { $0.code == .repetition }
        XCTAssertEqual(unanswered?.severity, .warning)
        XCTAssertTrue(unanswered?.message.hasPrefix("Deze vraag werd al gesteld en wacht nog op een antwoord") == true,
                      unanswered?.message ?? "no finding")
    }

    // MARK: Real data

    nonisolated(unsafe) static var kamer: Corpus?

    /// kamer-2017 with the seeds, loaded once; skipped when ../shared is not there.
    private func kamerCorpus() throws -> Corpus {
        guard FileManager.default.fileExists(atPath: TestData.kamerCorpus.path) else {
            throw XCTSkip("../shared/corpora/kamer-2017 is not beside the repository")
        }
        if let kamer = Self.kamer { return kamer }
        let corpus = CorpusLoader().load([.folder(path: TestData.kamerCorpus.path), .embeddedSeeds])
        Self.kamer = corpus
        return corpus
    }

    /// The hand-written drafts against kamer-2017: at least 90 % of the rewordings
    /// name the record they reword (or its twin), no novel draft gets a finding.
    func testHandWrittenDraftsOnKamer2017() throws {
        let corpus = try kamerCorpus()
        let index = try String(contentsOf: Self.draftsFolder.appendingPathComponent("reworded/INDEX"), encoding: .utf8)
        var total = 0, found = 0
        for line in index.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 2 else { continue }
            let draft = try String(contentsOf: Self.draftsFolder.appendingPathComponent("reworded/\(parts[0])"), encoding: .utf8)
            let target = try XCTUnwrap(corpus.records.indices.first {
                let source = corpus.records[$0].source.description
                return source == parts[1] || source.hasSuffix("/" + parts[1])
            }, parts[1])
            let targetShingles = corpus.shingles(target)
            let finding = findings(.repetition, in: draft, corpus: corpus).first
            total += 1
            // The record or a twin (the same question sent to another minister).
            if finding?.related.contains(where: {
                $0.recordIndex == target || corpus.shingleOverlap($0.recordIndex, with: targetShingles).resemblance >= 0.9
            }) == true {
                found += 1
            }
        }
        XCTAssertGreaterThanOrEqual(total, 20)
        XCTAssertGreaterThanOrEqual(Double(found) / Double(total), 0.9, "\(found) of \(total) rewordings recognised")
        for name in try Self.novelDrafts() {
            let draft = try String(contentsOf: Self.draftsFolder.appendingPathComponent("novel/\(name)"), encoding: .utf8)
            assertNoFinding(.repetition, in: draft, corpus: corpus)
        }
    }

    /// A real question copied in three layouts, checked against kamer-2017 without it:
    /// a warning that names its twin, sent to another minister.
    func testRealQuestionSentToTwoMinistersInThreeLayouts() throws {
        let corpus = try kamerCorpus()
        let path = TestData.kamerCorpus.appendingPathComponent("qrva-189271.txt").path
        let member = try XCTUnwrap(corpus.records(atPath: path).first)
        let twin = try XCTUnwrap(corpus.records(atPath: TestData.kamerCorpus.appendingPathComponent("qrva-189272.txt").path).first)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let layouts = Self.layouts(Question.parse(text), original: text)
        XCTAssertEqual(layouts.count, 5)
        for (layout, draft) in layouts {
            let finding = Checker().check(question: Question.parse(draft, as: .draft), text: draft, corpus: corpus,
                                          today: TestData.today, excludingRecords: [member]).first { $0.code == .repetition }
            XCTAssertEqual(finding?.severity, .warning, layout)
            XCTAssertEqual(finding?.related.first?.recordIndex, twin, layout)
            XCTAssertTrue(finding?.message.contains("De screening van kandidaat-asielzoekers op IS-strijders") == true, layout)
        }
    }

    // MARK: Helpers

    /// A record's question as a draft: items on their own lines, run together on one
    /// line, unnumbered prose; and as the exports (the file itself, a plain export).
    static func layouts(_ question: Question, original: String) -> [(String, String)] {
        func collapsed(_ text: String) -> String {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        }
        let title = question.title?.text ?? ""
        let introduction = collapsed(question.introduction?.text ?? "")
        let items = question.numberedQuestions.map { collapsed($0.text) }
        let numbered = items.enumerated().map { "\($0.offset + 1). \($0.element)" }
        let closing = question.closing.map { "\n\n" + collapsed($0.text) } ?? ""
        var layouts = [
            ("numbered", "aan: De minister\n\n\(title)\n\n\(introduction)\n\n\(numbered.joined(separator: "\n"))\(closing)\n"),
            ("run-together", "\(title)\n\n\(introduction) \(numbered.joined())\(closing)\n"),
            ("prose", "\(title)\n\n\(([introduction] + items).joined(separator: " "))\(closing)\n"),
        ]
        if question.kind == .headerExport { layouts.append(("header-export", original)) }
        let answer = collapsed(question.answer?.body?.text ?? "Het antwoord volgt.")
        let plain = " \(title.replacingOccurrences(of: " - ", with: "  -  "))\n\n"
            + "\(([introduction] + numbered).joined(separator: "\n"))\(closing)\n \(answer)\n"
        layouts.append(("plain-export", question.kind == .plainExport ? original : plain))
        return layouts
    }

    static func shared(_ a: Shingles, _ b: Shingles) -> Int { Set(a.hashes).intersection(b.hashes).count }

    static func novelDrafts() throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: draftsFolder.appendingPathComponent("novel").path)
            .filter { $0.hasSuffix(".vraag") }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 10)
        return names
    }
}

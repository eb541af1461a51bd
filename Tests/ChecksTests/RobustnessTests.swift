import Checks
import Corpus
import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// Any text gives findings with ranges inside it and fixes that apply cleanly: the
/// checks never trap, whatever the input.
final class RobustnessTests: XCTestCase {
    private func assertWellFormed(_ text: String, as kind: DocumentKind? = nil, corpus: Corpus = TestData.seedsCorpus,
                                  file: StaticString = #filePath, line: UInt = #line) -> [Finding] {
        let count = text.utf8.count
        let found = Checker().check(text: text, as: kind, corpus: corpus, today: TestData.today)
        for finding in found {
            XCTAssertTrue(finding.range.start >= 0 && finding.range.end <= count, "\(finding.code) \(finding.range)", file: file, line: line)
            XCTAssertFalse(finding.message.isEmpty, file: file, line: line)
            for fix in finding.fixes {
                for edit in fix.edits {
                    XCTAssertTrue(edit.range.start >= 0 && edit.range.end <= count, "\(finding.code) fix", file: file, line: line)
                }
                _ = fix.applied(to: text)
            }
        }
        return found
    }

    func testOddInputs() {
        let inputs = [
            "", " ", "\n\n\n", "\r\n", "aan:", "aan: \nvan:\n", "1.", "1.\n2.\n3.", "a)", "Titel - ", " - ",
            "Titel - Spec\n\n1.\na)\nb)\n", "Titel?\n\n?", "datum: 31/02/2023", "nr. 1 van 31/02/2023",
            "schriftelijke vraag nr. 123", "mijn schriftelijke vraag nr. 123 van 26 januari 2024",
            String(repeating: "1. Wie?\n", count: 500), String(repeating: "é", count: 300),
            "Titel 😀 - Spec 😀\n\nTekst 😀.\n\n1. 😀?\n", "\u{0}\u{1}\u{7F}", "\u{FEFF}Titel - Spec\n\n1. Wie?",
        ]
        for input in inputs {
            _ = assertWellFormed(input)
            _ = assertWellFormed(input, as: .headerExport)
            _ = assertWellFormed(input, as: .plainExport)
        }
    }

    func testNegativeLimitsBuiltInCode() throws {
        var configuration = CheckConfiguration(profile: .europeanParliament)
        for code in RuleCode.allCases where code.limitUnit != nil { configuration.rules[code] = RuleSetting(limit: -3) }
        let text = try TestData.example("too-many-questions.vraag")
        XCTAssertTrue(check(text, configuration: configuration).contains { $0.code == .tooManyQuestions })
    }

    func testRandomText() {
        // A fixed linear congruential generator: the same "random" texts on every run.
        var state: UInt64 = 0x5EED
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        let alphabet = Array("abc ABC 1.2.3. a) b) ? - : ; \n\n\r\n nr. van januari februari 31 2023 mijn schriftelijke vraag é😀".unicodeScalars)
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int(next() % 400) { text.unicodeScalars.append(alphabet[Int(next() % UInt64(alphabet.count))]) }
            _ = assertWellFormed(text)
        }
    }

    func testCarriageReturnLineEndsGiveTheSameFindings() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestData.examplesFolder.path).filter { $0.hasSuffix(".vraag") }
        for name in names {
            let text = try TestData.example(name)
            let crlf = text.replacingOccurrences(of: "\n", with: "\r\n")
            XCTAssertEqual(assertWellFormed(crlf).map(\.code), check(text).map(\.code), name)
        }
    }

    /// Every kamer-2017 record, as the record it is and as a draft: no trap, ranges in
    /// bounds; the counts show how often each rule speaks on real questions.
    func testKamerCorpus() throws {
        let folder = TestData.kamerCorpus.path
        guard FileManager.default.fileExists(atPath: folder) else { throw XCTSkip("no kamer-2017 corpus") }
        let paths = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }.sorted()
        var counts: [RuleCode: Int] = [:]
        for name in paths.prefix(1000) {
            let text = try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
            for finding in assertWellFormed(text) { counts[finding.code, default: 0] += 1 }
        }
        print("kamer-2017, first 1000 records:", counts.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" })
        XCTAssertNil(counts[.repetition], "records are not drafts")
    }
}

/// A repository's `vraagbaak.json` chooses the limits: no rule may trap on one (issue
/// 16, item 1: `"limit": 9223372036854775807` overflowed `limit + 1` in word-limit).
final class ExtremeLimitTests: XCTestCase {
    func testEveryRuleSurvivesExtremeLimits() throws {
        let texts = [try TestData.example("clean.vraag"), try TestData.example("title-too-long.vraag"),
                     "Titel - Spec\n\n" + String(repeating: "woord ", count: 50) + "\n\n1. Wie?\n2. Wat?\n3. Waar?\n"]
        for limit in [Int.max, Int.max - 1, 0, 1, Int(Int32.max) + 1] {
            var rules: [RuleCode: RuleSetting] = [:]
            for code in RuleCode.allCases { rules[code] = RuleSetting(severity: .warning, limit: limit) }
            let configuration = CheckConfiguration(rules: rules)
            for text in texts {
                let found = check(text, configuration: configuration)
                for finding in found {
                    XCTAssertTrue(finding.range.start >= 0 && finding.range.end <= text.utf8.count, "\(finding.code) at \(limit)")
                }
                if limit == Int.max {
                    XCTAssertFalse(found.contains { [.wordLimit, .titleTooLong, .tooManyQuestions, .repetition].contains($0.code) },
                                   "nothing exceeds Int.max")
                }
            }
        }
    }

    /// Built in code (the decoder rejects it: AnalysisTests.ConfigurationTests).
    func testWordLimitAtIntMax() throws {
        let configuration = CheckConfiguration(rules: [.wordLimit: RuleSetting(limit: .max)])
        XCTAssertEqual(configuration.limit(for: .wordLimit), Int.max)
        XCTAssertEqual(findings(.wordLimit, in: try TestData.example("clean.vraag"), configuration: configuration).count, 0)
        // The rule still fires just past a small limit, from the first word over it.
        let small = CheckConfiguration(rules: [.wordLimit: RuleSetting(limit: 2)])
        let text = "Titel - Spec\n\nEen twee drie vier.\n\n1. Wie?\n"
        let found = findings(.wordLimit, in: text, configuration: small)
        XCTAssertEqual(found.count, 1)
        XCTAssertEqual(found.first.map { text.slice($0.range).prefix(4) }, "drie")
    }
}

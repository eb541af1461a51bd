@testable import Analysis
import Corpus
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// The pure parts of the editing features: completion contexts, the formatter,
/// semantic token splitting and encoding, URL scanning, the corpus vocabulary.
final class EditingFeatureTests: XCTestCase {
    /// The situation at `‸` in `text`.
    private func situation(_ marked: String, file: StaticString = #filePath, line: UInt = #line) -> CompletionSituation {
        do {
            let marked = try MarkedText(marked)
            return CompletionContextDetector.situation(at: try marked.offset(), in: Question.parse(marked.text),
                                                       lineIndex: LineIndex(marked.text))
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return .nothing
        }
    }

    private func typed(_ situation: CompletionSituation) -> String? {
        switch situation {
        case .citationNumber(let typed, _, _), .citationPhrase(let typed, _), .headerValue(_, let typed, _),
             .titleSubject(let typed, _), .titleSpecification(_, let typed, _), .itemOpener(let typed, _, _):
            return typed
        case .runningText(let candidates): return candidates.last?.typed
        case .nothing: return nil
        }
    }

    func testCompletionSituations() {
        let body = "Titel - Test\n\n"
        guard case .citationNumber("12", let replace, false) = situation(body + "Één 😀 mijn vraag nr. 12‸") else {
            return XCTFail("number after vraag nr.")
        }
        XCTAssertEqual(replace.length, 2)
        guard case .citationNumber("", _, true) = situation(body + "zie SV nr.‸") else { return XCTFail("right after the dot") }
        guard case .citationNumber("", _, true) = situation(body + "mijn schriftelijke vraag\nnr.‸") else {
            return XCTFail("the question word on the line before")
        }
        guard case .citationNumber("123 van 26 jan", _, false) = situation(body + "nr. 123 van 26 jan‸") else {
            return XCTFail("a space after nr. is enough")
        }
        XCTAssertEqual(typed(situation(body + "de heer nr.‸")), nil, "no question word and no space")
        XCTAssertEqual(typed(situation(body + "vraag nr. 12, de‸")), "de", "past the citation: running text")
        guard case .citationPhrase("Schriftelijke v", _) = situation(body + "Mijn Schriftelijke v‸") else {
            return XCTFail("the phrase")
        }
        guard case .headerValue(.addressee, "Gw", _) = situation("aan: Gw‸\n\nTitel - Test\n") else { return XCTFail("aan:") }
        guard case .headerValue(.theme, "", _) = situation("thema:‸\n\nTitel - Test\n") else { return XCTFail("thema:") }
        guard case .titleSubject("Inbu", _) = situation("aan: X\n\nInbu‸\n\nTekst.\n") else { return XCTFail("title") }
        guard case .titleSpecification("Inburgering", "St", _) = situation("Inburgering - St‸\n\nTekst.\n") else {
            return XCTFail("after the dash")
        }
        guard case .itemOpener("Ho", _, false) = situation(body + "Inleiding.\n\n12. Ho‸") else { return XCTFail("opener") }
        guard case .itemOpener("", _, true) = situation(body + "Inleiding.\n\n3.‸") else { return XCTFail("opener after the dot") }
        guard case .runningText(let candidates) = situation(body + "met de lokale be‸") else { return XCTFail("text") }
        XCTAssertEqual(candidates.map(\.typed), ["de lokale be", "lokale be", "be"], "longest first, three words at most")
        XCTAssertEqual(candidates.last?.isSingleWord, true)
        XCTAssertEqual(typed(situation(body + "een b‸")), nil, "one letter is too little")
    }

    func testFormatterIsIdempotentKeepsWordsAndHandlesCRLF() {
        let drafts = [
            "aan: X \r\n\r\nOnderwerp  —  Specificatie \r\n\r\nTekst.  \r\n\r\n 1.  Kan de minister:\r\n  a)   dit;\r\n b) dat?\r\n",
            "Onderwerp - Specificatie\n\n1. Hoeveel?\n   a) per jaar;\n   b) per provincie?\n",
            "   \n\t\nTitel zonder streep\n\n10.\tWat?\n",
            "",
        ]
        for draft in drafts {
            let once = apply(DraftFormatter.edits(Question.parse(draft), lineIndex: LineIndex(draft)), to: draft)
            XCTAssertEqual(DraftFormatter.edits(Question.parse(once), lineIndex: LineIndex(once)), [], "idempotent: \(once)")
            XCTAssertEqual(words(once), words(draft))
        }
        let first = apply(DraftFormatter.edits(Question.parse(drafts[0]), lineIndex: LineIndex(drafts[0])), to: drafts[0])
        XCTAssertEqual(first, "aan: X\r\n\r\nOnderwerp - Specificatie\r\n\r\nTekst.\r\n\r\n1. Kan de minister:\r\n   a) dit;\r\n   b) dat?\r\n")
        XCTAssertEqual(DraftFormatter.edits(Question.parse(drafts[1]), lineIndex: LineIndex(drafts[1])), [], "already tidy")
    }

    func testSemanticTokensSplitAtLineBreaks() {
        let text = "Titel - Test\n\nÉén 😀 mijn vraag\r\nnr. 5 van 1 maart 2023.\n"
        let lineIndex = LineIndex(text)
        let tokens = SemanticTokenScanner.tokens(Question.parse(text), lineIndex: lineIndex)
        let pieces = tokens.map { (String(decoding: lineIndex.utf8[$0.range.start..<$0.range.end], as: UTF8.self), $0.type) }
        XCTAssertEqual(pieces.map(\.0), ["mijn vraag", "nr.", "5", "van", "1 maart 2023"])
        XCTAssertEqual(pieces.map(\.1), [.macro, .macro, .number, .macro, .type])
    }

    func testURLScanner() {
        let text = "Zie (https://example.org/a?b=1). En http://x.be, of https://y.be/😀 of xhttps://no."
        XCTAssertEqual(URLScanner.urls(in: Array(text.utf8)).map(\.text),
                       ["https://example.org/a?b=1", "http://x.be", "https://y.be/"])
    }

    func testVocabularyOfTheSeeds() {
        let corpus = CorpusLoader().load([.embeddedSeeds])
        let vocabulary = CompletionVocabulary(corpus)
        let numbered = vocabulary.records(numberStartingWith: "1", limit: 50).map { corpus.records[Int($0)].number }
        XCTAssertEqual(numbered, [123])
        XCTAssertEqual(vocabulary.records(numberStartingWith: "124", limit: 50), [])
        XCTAssertEqual(vocabulary.records(number: 123).count, 1)
        XCTAssertEqual(vocabulary.records(titleWordsStartingWith: "stand inburg", limit: 5).count, 1)
        let terms = vocabulary.terms.matches("agentschap", limit: 10).entries.map(\.text)
        XCTAssertEqual(terms.first, "Agentschap Integratie en Inburgering")
        XCTAssertFalse(terms.contains("Agentschap Integratie"), "only ever part of the longer name: \(terms)")
        XCTAssertEqual(vocabulary.terms.matches("lokale b", limit: 5).entries.first?.text, "lokale besturen", "\(vocabulary.terms.matches("lok", limit: 50).entries.map(\.text))")
        XCTAssertEqual(vocabulary.ministers.matches("rutt", limit: 5).entries.map(\.text), ["Gwendolyn Rutten"])
    }

    func testHoverTextOfDates() {
        let date = DutchDate(year: 2024, month: 1, day: 26)!
        XCTAssertEqual(HoverContent.dateText(date, isQuestionDate: true, format: .plaintext).value,
                       "vrijdag 26 januari 2024\n\nAntwoord verwacht uiterlijk vrijdag 23 februari 2024 (20 werkdagen; feestdagen niet meegerekend).")
        XCTAssertEqual(HoverContent.dateText(date, isQuestionDate: false, format: .markdown).value, "vrijdag 26 januari 2024")
        XCTAssertEqual(MarkupText(.markdown).escaped("a*b_[c]"), "a\\*b\\_\\[c\\]")
        XCTAssertEqual(MarkupText(.plaintext).escaped("a*b"), "a*b")
    }

    // MARK: Helpers

    private func apply(_ edits: [DraftFormatter.Edit], to text: String) -> String {
        var bytes = Array(text.utf8)
        for edit in edits.sorted(by: { $0.range.start > $1.range.start }) {
            bytes.replaceSubrange(edit.range.start..<edit.range.end, with: Array(edit.newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "—" })
    }
}

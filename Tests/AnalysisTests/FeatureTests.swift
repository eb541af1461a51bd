@testable import Analysis
import Checks
import Corpus
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// Each feature in-process against the Analysis module, from a fixture with a `‸`
/// cursor marker to domain values, as rust-analyzer's `check(fixture, expect)` does.
final class FeatureTests: XCTestCase {
    /// The seeds as files (so records have places to go), loaded once.
    static let corpus = CorpusLoader().load([.folder(path: TestData.seedsFolder.path)])
    static let today = DutchDate(year: 2024, month: 6, day: 1)!

    /// The snapshot of `fixture` without its marker, and the marker's offset.
    private func fixture(_ marked: String, path: String = "/w/concept.vraag", configuration: Configuration = .default,
                         today: DutchDate = FeatureTests.today) throws -> (AnalysisSnapshot, Int) {
        let marked = try MarkedText(marked)
        let snapshot = AnalysisSnapshot(document: DocumentSnapshot(path: path, text: marked.text), corpus: Self.corpus,
                                        vocabulary: CompletionVocabulary(Self.corpus), configuration: configuration,
                                        today: today)
        return (snapshot, try marked.offset())
    }

    private func text(_ snapshot: AnalysisSnapshot, _ range: TextRange) -> String { snapshot.document.text.slice(range) }

    private let body = "aan: Gwendolyn Rutten\n\nInburgering - Wachtlijsten\n\n"

    // MARK: One citation resolution

    func testHoverAndQuickFixNameTheSameDate() throws {
        let (snapshot, offset) = try fixture(body + "Zie mijn schriftelijke vraag nr. 123 van 2‸7 januari 2024.\n\n1. Hoeveel?\n")
        let hover = try XCTUnwrap(snapshot.hover(at: offset, format: .plaintext))
        XCTAssertEqual(text(snapshot, hover.range), "mijn schriftelijke vraag nr. 123 van 27 januari 2024")
        XCTAssertTrue(hover.text.value.contains("Dichtstbijzijnde: nr. 123 van 26 januari 2024"), hover.text.value)
        let mismatch = try XCTUnwrap(snapshot.findings().first { $0.code == .citationDateMismatch })
        XCTAssertEqual(mismatch.fixes.first?.edits.first?.newText, "26 januari 2024")
        XCTAssertEqual(text(snapshot, mismatch.range), "27 januari 2024")
    }

    func testAResolvedCitationAgreesEverywhere() throws {
        let (snapshot, offset) = try fixture(body + "Zie schriftelijke vraag nr. 1‸23 van 26 januari 2024.\n\n1. Hoeveel?\n")
        XCTAssertTrue(try XCTUnwrap(snapshot.hover(at: offset, format: .markdown)).text.value.contains("**Inburgeringstrajecten - Stand van zaken**"))
        let definition = snapshot.definition(at: offset)
        XCTAssertEqual(definition.count, 1)
        XCTAssertTrue(definition.first?.uri.hasSuffix("002_e03af9a1a96cd0dc.txt") ?? false, "\(definition)")
        XCTAssertEqual(snapshot.inlayHints(in: TextRange(start: 0, end: snapshot.document.text.utf8.count)).map(\.label),
                       ["“Inburgeringstrajecten - Stand van zaken”"])
        XCTAssertEqual(snapshot.documentLinks().filter { $0.target.hasPrefix("file:") }.count, 1)
        XCTAssertFalse(snapshot.findings().contains { $0.code.rawValue.hasPrefix("citation-") }, "\(snapshot.findings())")
    }

    func testAnUnknownNumberAndAFutureDate() throws {
        let (unknown, at) = try fixture(body + "Zie vraag nr. 9‸99 van 3 maart 2023.\n\n1. Hoeveel?\n")
        XCTAssertTrue(try XCTUnwrap(unknown.hover(at: at, format: .plaintext)).text.value.contains("nummer 999 is onbekend"))
        XCTAssertEqual(unknown.findings().filter { $0.code == .citationUnknown }.count, 1)
        XCTAssertEqual(unknown.definition(at: at).count, 0)
        // After today the rule for future dates speaks, not the one for unknown numbers.
        let (future, later) = try fixture(body + "Zie vraag nr. 9‸99 van 3 maart 2025.\n\n1. Hoeveel?\n")
        XCTAssertTrue(try XCTUnwrap(future.hover(at: later, format: .plaintext)).text.value.contains("ligt in de toekomst"))
        let codes = future.findings().map(\.code)
        XCTAssertTrue(codes.contains(.citationDateFuture) && !codes.contains(.citationUnknown), "\(codes)")
    }

    // MARK: The injected clock

    func testTodayComesFromTheSnapshot() throws {
        let text = body + "Zie vraag nr. 123 van 26 januari 2024‸.\n\n1. Hoeveel?\n"
        let (before, _) = try fixture(text, today: DutchDate(year: 2024, month: 1, day: 1)!)
        XCTAssertTrue(before.findings().contains { $0.code == .citationDateFuture })
        let (after, _) = try fixture(text, today: DutchDate(year: 2024, month: 1, day: 26)!)
        XCTAssertFalse(after.findings().contains { $0.code == .citationDateFuture })
        XCTAssertEqual(Clock.fixed(Self.today).today, Self.today)
        XCTAssertEqual(Clock.isoDate("2024-02-29"), DutchDate(year: 2024, month: 2, day: 29))
        XCTAssertNil(Clock.isoDate("2023-02-29"))
    }

    // MARK: One is-draft decision

    func testAVraagFileIsADraftWhateverItsFirstLine() throws {
        let text = " Inburgering - Stand van zaken\n\nTekst.‸\n\n1. Hoeveel?\n"
        let (draft, _) = try fixture(text)
        XCTAssertEqual(draft.document.kind, .draft)
        let (record, _) = try fixture(text, path: "/w/archief/vraag.txt")
        XCTAssertEqual(record.document.kind, .plainExport)
        XCTAssertEqual(DraftDecision.kind(path: nil), .draft, "standard input")
        XCTAssertEqual(DraftDecision.kind(path: "file:///a/b.txt", languageId: "vraag"), .draft)
        XCTAssertNil(DraftDecision.kind(path: "file:///a/b.txt", languageId: "plaintext"))
    }

    // MARK: The configuration reaches the checks

    func testTheConfigurationDecidesSeverityAndLimits() throws {
        let (layer, problems) = ConfigurationDecoder.decode(
            Data(#"{"checks": {"profile": "europees-parlement", "rules": {"word-limit": {"severity": "hint", "limit": 3}}}}"#.utf8),
            from: .initializationOptions)
        XCTAssertEqual(problems, [])
        let (snapshot, _) = try fixture(body + "Een twee drie vier vijf.‸\n\n1. Hoeveel?\n", configuration: Configuration(layers: [layer]))
        let wordLimit = try XCTUnwrap(snapshot.findings().first { $0.code == .wordLimit })
        XCTAssertEqual(wordLimit.severity, .hint)
    }

    // MARK: Editing features

    func testCompletionAfterNr() throws {
        let (snapshot, offset) = try fixture(body + "Zie mijn vraag nr. 12‸\n")
        let result = snapshot.completion(at: offset, preferences: CompletionPreferences(snippets: true, documentation: .plaintext))
        XCTAssertEqual(result.candidates.map(\.label), ["123 van 26 januari 2024"])
        XCTAssertEqual(result.candidates.first.map { text(snapshot, $0.replace) }, "12")
        XCTAssertEqual(result.candidates.first?.kind, .question)
        let handle = try XCTUnwrap(result.candidates.first?.record)
        XCTAssertNotNil(CompletionCandidates.documentation(handle, corpus: Self.corpus, format: .markdown))
        XCTAssertNil(CompletionCandidates.documentation(RecordHandle(index: handle.index, source: "elders"), corpus: Self.corpus,
                                                        format: .markdown), "a record of another corpus")
    }

    func testReferencesFromTheOwnHeader() throws {
        let record = try TestData.seed("002")
        let header = try XCTUnwrap(record.range(of: "nr. 123"))
        let marked = record.replacingCharacters(in: header, with: "nr. 1‸23")
        let (snapshot, offset) = try fixture(marked, path: TestData.seedsFolder.appendingPathComponent("002_e03af9a1a96cd0dc.txt").path)
        let citing = DocumentSnapshot(path: "/w/citing.vraag", text: body + "Zie vraag nr. 123 van 26 januari 2024.\n")
        let locations = try XCTUnwrap(snapshot.references(at: offset, openDocuments: [("file:///w/citing.vraag", citing)],
                                                          includeDeclaration: false))
        XCTAssertEqual(locations.map(\.uri), ["file:///w/citing.vraag"])
        XCTAssertEqual(locations.first.map { citing.text.slice($0.range) }, "vraag nr. 123 van 26 januari 2024")
        XCTAssertNil(snapshot.references(at: 0, openDocuments: [], includeDeclaration: true), "nothing named at the start")
    }

    func testOutlineFoldsTokensAndFormatting() throws {
        let (snapshot, _) = try fixture(body + "Inleiding.‸\n\n 1.  Hoeveel?\n   a) dit;\n   b) dat?\n2. Wanneer?   \n")
        XCTAssertEqual(snapshot.outline().map(\.kind), [.section, .title, .section, .item, .item])
        XCTAssertEqual(snapshot.outline()[3].children?.map(\.name), ["a) dit;", "b) dat?"])
        XCTAssertFalse(snapshot.folds().isEmpty)
        XCTAssertTrue(snapshot.semanticTokens().contains { $0.type == .keyword && text(snapshot, $0.range) == "aan:" })
        XCTAssertEqual(snapshot.formattingEdits().map { text(snapshot, $0.range) }, [" ", "  ", "   "])
    }

    func testWorkspaceSymbols() {
        let symbols = CorpusSymbols.symbols(matching: "123", in: Self.corpus, records: .filesOnly)
        XCTAssertEqual(symbols.map(\.name), ["123 Inburgeringstrajecten - Stand van zaken"])
        XCTAssertTrue(symbols.first?.uri.hasPrefix("file://") ?? false)
        XCTAssertEqual(CorpusSymbols.symbols(matching: "123", in: CorpusLoader().load([.embeddedSeeds]), records: .filesOnly), [],
                       "embedded seeds without seed copies have nowhere to go")
    }
}

import Checks
import Corpus
import QuestionModel
import TestSupport
import XCTest

/// `CitationResolver` remembers a resolution per distinct reference: it must answer
/// exactly what `CitationResolution.resolve` answers for every citation.
final class CitationResolverTests: XCTestCase {
    /// Seed `002_*` is nr. 123 van 26 januari 2024, to Gwendolyn Rutten.
    private let cited = [
        "schriftelijke vraag nr. 123 van 26 januari 2024", // resolved
        "schriftelijke vraag nr. 123 van 27 januari 2024", // another date: mismatch
        "schriftelijke vraag nr. 123", // number only
        "schriftelijke vraag nr. 999 van 3 maart 2023", // unknown
        "schriftelijke vraag nr. 999 van 3 maart 2032", // future
        "schriftelijke vraag nr. 123 van 31 februari 2023", // no such date
        "schriftelijke vraag nr. 124 van 31 februari 2023", // no such date, another number
    ]

    func testEveryCitationResolvesAsOnItsOwn() {
        for minister in ["Gwendolyn Rutten", "Jan Jambon"] {
            // Each citation twice, the second time after the others.
            let body = (cited + cited).map { "Zie \($0)." }.joined(separator: " ")
            let question = Question.parse("aan: \(minister)\n\nTitel - Verwijzingen\n\n\(body)\n\n1. Wie?\n")
            XCTAssertEqual(question.citations.count, cited.count * 2)
            var resolver = CitationResolver(question: question, corpus: TestData.seedsCorpus, today: TestData.today)
            let remembered = question.citations.map { resolver.resolve($0) }
            let direct = question.citations.map {
                CitationResolution.resolve($0, in: question, corpus: TestData.seedsCorpus, today: TestData.today)
            }
            XCTAssertEqual(remembered, direct, minister)
            // Every kind of answer is among them, so a key that dropped a part would differ.
            let kinds = Set(direct.map { String(describing: $0).prefix { $0 != "(" } })
            XCTAssertEqual(kinds, ["resolved", "dateMismatch", "numberOnly", "unknown", "future", "impossibleDate"], minister)
            // The two impossible dates are reported at their own places.
            let impossible = remembered.compactMap { resolution -> Int? in
                if case .impossibleDate(let mention) = resolution { return mention.range.start }
                return nil
            }
            XCTAssertEqual(Set(impossible).count, 4)
        }
    }

    func testTheCitationRulesReportARepeatedCitationEachTime() {
        let text = "Titel - Verwijzingen\n\nZie vraag nr. 123 van 27 januari 2024 en nog eens vraag nr. 123 van 27 januari 2024.\n\n1. Wie?\n"
        XCTAssertEqual(findings(.citationDateMismatch, in: text).count, 2)
    }
}

import XCTest
@testable import Corpus
import QuestionModel

/// The builder collects postings flat and sorts them by term at the end; the index
/// must be exactly the one built term by term (same postings, weights, self scores).
final class SearchIndexBuilderTests: XCTestCase {
    func testFlatPostingsBuildTheSameIndexAsPerTermLists() {
        var texts = EmbeddedSeeds.files.map(\.text)
        texts += ["Kort.", "", "minister minister de de", String(repeating: "woord ", count: 3000)]
        var interner = TermInterner()
        var bags: [TermBag] = []
        for text in texts + texts.reversed() {
            let question = Question.parse(text)
            let parts = QuestionText.parts(of: question, text: text)
            bags.append(TermBag(title: parts.title, question: [parts.body], answer: question.answer?.body?.text,
                                interner: &interner))
        }
        var builder = SearchIndexBuilder()
        let globalIDs = interner.terms.map { builder.globalID(for: $0) }
        for bag in bags { builder.add(bag, globalIDs: globalIDs) }
        let index = builder.build()
        let reference = Self.referenceBuild(bags, globalIDs: globalIDs, termCount: interner.terms.count)

        XCTAssertGreaterThan(index.postingDocuments.count, 1000)
        XCTAssertEqual(Array(index.postingStarts), reference.starts)
        XCTAssertEqual(Array(index.postingDocuments), reference.documents)
        XCTAssertEqual(Array(index.postingWeights), reference.weights)
        XCTAssertEqual(Array(index.selfScores), reference.selfScores, "the same float sums, bit for bit")
    }

    /// The index as built before: one list of documents and counts per term.
    private static func referenceBuild(_ bags: [TermBag], globalIDs: [Int32], termCount: Int)
        -> (starts: [Int32], documents: [Int32], weights: [UInt16], selfScores: [UInt32]) {
        var documents = [[Int32]](repeating: [], count: termCount)
        var fieldCounts = [[FieldCounts]](repeating: [], count: termCount)
        for (document, bag) in bags.enumerated() {
            for (local, counts) in bag.counts {
                let id = Int(globalIDs[Int(local)])
                documents[id].append(Int32(document))
                fieldCounts[id].append(counts)
            }
        }
        var averages: [Float] = [0, 0, 0]
        for bag in bags {
            for field in 0..<3 { averages[field] += Float(bag.lengths[field]) }
        }
        averages = averages.map { max(1, $0 / Float(max(1, bags.count))) }
        let factors = bags.map { SearchIndex.lengthFactors($0.lengths, averages: averages) }
        var starts: [Int32] = [0]
        var flatDocuments: [Int32] = []
        var flatWeights: [UInt16] = []
        var selfScores = [Float](repeating: 0, count: bags.count)
        for term in documents.indices {
            let frequency = documents[term].count
            for (document, counts) in zip(documents[term], fieldCounts[term]) {
                flatDocuments.append(document)
                let stored = SearchIndex.storedWeight(counts, factors[Int(document)])
                flatWeights.append(stored)
                let asked = counts[0] + counts[1]
                if asked > 0 {
                    selfScores[Int(document)] += SearchIndex.queryWeight(
                        documents: bags.count, frequency: frequency, queryCount: asked) * Float(stored)
                }
            }
            starts.append(Int32(flatDocuments.count))
        }
        return (starts, flatDocuments, flatWeights, selfScores.map(\.bitPattern))
    }
}

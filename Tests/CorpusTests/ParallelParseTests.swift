@testable import Corpus
import XCTest

/// The loader's workers take files as they come free, so which worker parses which
/// file depends on timing; the index must not.
final class ParallelParseTests: XCTestCase {
    /// Index-wide term ids are given in the order the files first contain the terms,
    /// whichever worker met them.
    func testNewTermsGetIDsInFileOrderWhicheverWorkerParsedThem() {
        // File 0 by worker 1 (its local terms 0, 1), file 1 by worker 0 (its local term
        // 0), file 2 by worker 1 (its local term 2 and an old one, so no new range).
        let batch = CorpusLoader.ParsedBatch(
            outcomes: [.empty("a"), .empty("b"), .empty("c")], workers: [1, 0, 1],
            newTerms: [0..<2, 0..<1, 2..<3], vocabularies: [["gamma"], ["alpha", "beta", "delta"]])
        var termMaps: [[Int32]] = []
        var order: [String] = []
        batch.extend(&termMaps) { term in
            order.append(term)
            return Int32(order.count - 1)
        }
        XCTAssertEqual(order, ["alpha", "beta", "gamma", "delta"])
        XCTAssertEqual(termMaps, [[2], [0, 1, 3]])
    }

    /// Terms a worker met in an earlier batch keep their ids; a term another worker
    /// already gave an id keeps it.
    func testAWorkersLaterBatchContinuesItsLocalIDs() {
        var termMaps: [[Int32]] = [[0], [1]]
        var ids = ["alpha": Int32(0), "beta": 1]
        let batch = CorpusLoader.ParsedBatch(
            outcomes: [.empty("a"), .empty("b")], workers: [0, 1],
            newTerms: [1..<3, 1..<2], vocabularies: [["beta", "gamma"], ["gamma"]])
        batch.extend(&termMaps) { term in
            if let id = ids[term] { return id }
            ids[term] = Int32(ids.count)
            return Int32(ids.count - 1)
        }
        XCTAssertEqual(termMaps, [[0, 1, 2], [1, 2]])
    }

    /// The same texts parsed by one worker and by three give the same term order.
    func testTheTermOrderDoesNotDependOnTheNumberOfWorkers() {
        let inputs = (0..<90).map { index in
            CorpusLoader.Input.embedded(name: "\(index).txt", text: """
                Onderwerp\(index)  -  Vraag over woord\(index)x

                1. Hoeveel kost woord\(index)y en woord\((index + 1) % 90)z?

                """)
        }
        func termOrder(workers: Int) -> [String] {
            let loader = CorpusLoader()
            let interners = WorkerInterners(count: workers)
            var termMaps: [[Int32]] = []
            var order: [String] = []
            var ids: [String: Int32] = [:]
            for start in stride(from: 0, to: inputs.count, by: 40) {
                let parsed = loader.parseInParallel(Array(inputs[start..<min(inputs.count, start + 40)]), interners: interners)
                parsed.extend(&termMaps) { term in
                    if let id = ids[term] { return id }
                    ids[term] = Int32(order.count)
                    order.append(term)
                    return Int32(order.count - 1)
                }
                XCTAssertFalse(termMaps.joined().contains(-1), "every local term has an index-wide id")
            }
            return order
        }
        let single = termOrder(workers: 1)
        XCTAssertTrue(single.contains("woord5y"))
        XCTAssertEqual(termOrder(workers: 3), single)
    }
}

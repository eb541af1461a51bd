import XCTest
@testable import Corpus

/// The indexer's byte-keyed term table must see the terms the public tokenizer sees.
final class TermInternerTests: XCTestCase {
    func testTheInternerCountsExactlyTheTokenizersTerms() {
        let texts = [
            "Kan de minister meedelen hoeveel gedetineerden het introductiefilmpje zagen?",
            "GEÏNDE boetes, Geïnde boetes en geinde boetes: één term.",
            "De Vlaamse Regering en het Agentschap Integratie en Inburgering (AgII) in 2024",
            String(repeating: "x", count: 41) + " ok " + String(repeating: "y", count: 40),
        ]
        var interner = TermInterner()
        for text in texts {
            var lengths = FieldCounts()
            interner.count(text, field: 1, lengths: &lengths)
            let counts = interner.takeCounts()
            var expected: [String: Int] = [:]
            for term in Tokenizer.terms(in: text) { expected[term, default: 0] += 1 }
            let got = Dictionary(uniqueKeysWithValues: counts.map { (interner.terms[Int($0.0)], $0.1[1]) })
            XCTAssertEqual(got, expected, text)
            XCTAssertEqual(lengths[1], expected.values.reduce(0, +))
        }
        XCTAssertEqual(Set(interner.terms).count, interner.terms.count, "each term has one id")
        XCTAssertFalse(interner.terms.contains("de"), "stopwords get no id")
    }

    func testTheTableKeepsEveryKeyAcrossGrowth() {
        var table = ByteTable()
        func key(_ index: Int) -> [UInt8] { Array("term\(index)".utf8) }
        for index in 0..<5000 {
            let value = key(index).withUnsafeBufferPointer { table.value(for: $0) { _ in Int32(index) } }
            XCTAssertEqual(value, Int32(index))
        }
        for index in 0..<5000 {
            let value = key(index).withUnsafeBufferPointer { table.value(for: $0) { _ in -7 } }
            XCTAssertEqual(value, Int32(index), "found again, not made anew")
        }
        XCTAssertEqual(table.count, 5000)
    }
}

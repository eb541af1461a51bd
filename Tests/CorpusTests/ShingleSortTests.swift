@testable import Corpus
import XCTest

/// The shingles' radix sort orders exactly as a comparison sort, at every size
/// around its cut-over and with repeated and extreme values.
final class ShingleSortTests: XCTestCase {
    func testSortsAsTheStandardSort() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 63, 64, 65, 66, 100, 257, 1_000, 5_000] {
            for round in 0..<4 {
                var values = (0..<count).map { _ in UInt32.random(in: .min ... .max, using: &generator) }
                if round == 1 { values = values.map { $0 & 0xFF00_00FF } } // equal middle bytes
                if round == 2 { values = values.map { $0 % 7 } } // many repeats
                if round == 3, count > 2 { values[0] = .max; values[1] = 0 }
                XCTAssertEqual(Shingles.sortedAscending(values), values.sorted(), "\(count) values, round \(round)")
            }
        }
    }
}

@testable import Corpus
import XCTest

/// The record builder's branch-free word count agrees with counting word by word,
/// across its 255-byte runs and at the edges of a text.
final class WordCountTests: XCTestCase {
    private func wordByWord(_ text: String) -> Int {
        text.utf8.split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }).count
    }

    func testCountsAsWordByWord() {
        var texts = ["", " ", "a", " a", "a ", "\t\r\n", "één  twee\tdrie\r\nvier", "a\u{00A0}b"]
        var generator = SystemRandomNumberGenerator()
        let pieces = ["woord", " ", "  ", "\n", "\t", "é", "x", "\r\n"]
        for length in [254, 255, 256, 257, 511, 1_000, 4_000] {
            var text = ""
            while text.utf8.count < length { text += pieces.randomElement(using: &generator)! }
            texts.append(text)
            texts.append(" " + text)
        }
        for text in texts {
            XCTAssertEqual(RecordBuilder.countWords(text), wordByWord(text), "\(text.utf8.count) bytes")
        }
    }
}

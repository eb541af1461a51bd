@testable import QuestionModel
import SourceText
import XCTest

/// `Lines` skips eight bytes a step where no line ends: its lines must be those of a
/// byte-by-byte split, for every terminator at every offset of a step.
final class LinesTests: XCTestCase {
    func testLinesAgreeWithAByteByByteSplitAtEveryAlignment() {
        for terminator in ["\n", "\r\n", "\r", "\r\r\n", "\n\n"] {
            for offset in 0..<17 {
                for tail in ["", "x", "\ttab", "é ë", String(repeating: "y", count: 9)] {
                    let text = String(repeating: "a", count: offset) + terminator + "b\u{0B}c" + terminator + tail
                    let bytes = Array(text.utf8)
                    XCTAssertEqual(Lines(bytes).content, naiveLines(bytes), text.debugDescription)
                }
            }
        }
        XCTAssertEqual(Lines([]).content, [TextRange(start: 0, end: 0)])
    }

    /// The rule written out: a line ends at `\n`, `\r\n` or `\r`.
    private func naiveLines(_ bytes: [UInt8]) -> [TextRange] {
        var ranges: [TextRange] = []
        var start = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A || bytes[i] == 0x0D {
                ranges.append(TextRange(start: start, end: i))
                if bytes[i] == 0x0D, i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        ranges.append(TextRange(start: start, end: bytes.count))
        return ranges
    }
}

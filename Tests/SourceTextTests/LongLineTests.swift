import SourceText
import XCTest

/// The checkpointed `LineIndex` against the plain line scan it replaced, on long lines
/// where characters of every width straddle the checkpoints.
final class LongLineTests: XCTestCase {
    /// Every scalar width, a CRLF and a lone CR, mixed so that lines are long.
    private static let pieces = ["a", "é", "中", "😀", " ", "\u{00A0}", "x", "𝄞", "\r\n", "bc", "\r", "\n", "ï"]

    private func mixedText(seed: UInt64, length: Int, lineBreaks: Bool) -> String {
        var state = seed
        var text = ""
        for _ in 0..<length {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let piece = Self.pieces[Int((state >> 33) % UInt64(Self.pieces.count))]
            if !lineBreaks, piece.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) { continue }
            text += piece
        }
        return text
    }

    /// The column as the old index counted it: a scan from the line's start.
    private func naiveColumn(_ index: LineIndex, _ offset: Int, _ unit: ColumnUnit) -> LineColumn {
        let line = index.line(containing: offset)
        let content = index.contentRange(ofLine: line)
        let stop = min(offset, content.end)
        var column = 0, i = content.start
        while i < stop {
            let width = Self.width(index.utf8[i])
            if i + width > stop { break }
            column += unit == .utf8 ? width : (unit == .utf16 && width == 4 ? 2 : 1)
            i += width
        }
        return LineColumn(line: line, column: column)
    }

    private static func width(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    }

    func testColumnsAgreeWithALineScanAtEveryOffset() {
        for (seed, lineBreaks) in [(1, false), (2, true), (3, false)] as [(UInt64, Bool)] {
            let text = mixedText(seed: seed, length: 900, lineBreaks: lineBreaks)
            let index = LineIndex(text)
            XCTAssertGreaterThan(index.utf8Count, 3 * 128, "the text spans several checkpoints")
            for unit in ColumnUnit.allCases {
                for offset in 0...index.utf8Count {
                    XCTAssertEqual(index.lineColumn(of: offset, in: unit), naiveColumn(index, offset, unit),
                                   "seed \(seed) \(unit) offset \(offset)")
                }
            }
        }
    }

    func testOffsetsRoundTripAtEveryCharacterOfALongLine() {
        let text = mixedText(seed: 4, length: 1_500, lineBreaks: false)
        let index = LineIndex(text)
        XCTAssertEqual(index.lineCount, 1)
        for unit in ColumnUnit.allCases {
            var offset = 0
            for scalar in text.unicodeScalars {
                let position = index.lineColumn(of: offset, in: unit)
                XCTAssertEqual(index.utf8Offset(of: position, in: unit), offset, "\(unit) \(position)")
                if unit == .utf16, scalar.utf16.count == 2 {
                    // Half a surrogate pair rounds back to the character's start.
                    let half = LineColumn(line: 0, column: position.column + 1)
                    XCTAssertEqual(index.utf8Offset(of: half, in: unit), offset)
                }
                offset += String(scalar).utf8.count
            }
            let end = index.lineColumn(of: index.utf8Count, in: unit)
            XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: end.column + 5), in: unit), index.utf8Count)
        }
    }

    func testLengthsAgreeWithTheSumOfTheirParts() {
        let text = mixedText(seed: 5, length: 700, lineBreaks: true)
        let index = LineIndex(text)
        var offsets = [0]
        for scalar in text.unicodeScalars { offsets.append(offsets.last! + String(scalar).utf8.count) }
        for (i, start) in offsets.enumerated() where i % 7 == 0 {
            for end in offsets[i...].prefix(300) {
                let range = TextRange(start: start, end: end)
                let utf16 = String(decoding: index.utf8[start..<end], as: UTF8.self).utf16.count
                XCTAssertEqual(index.count(range, in: .utf16), utf16)
                XCTAssertEqual(index.count(range, in: .utf8), end - start)
            }
        }
    }
}

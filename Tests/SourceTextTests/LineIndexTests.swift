import SourceText
import XCTest

final class LineIndexTests: XCTestCase {
    func testLineEndsOfAllThreeKinds() {
        let index = LineIndex("a\nb\r\nc\rd")
        XCTAssertEqual(index.lineStarts, [0, 2, 5, 7])
        XCTAssertEqual(index.contentRange(ofLine: 1), TextRange(start: 2, end: 3))
        XCTAssertEqual(index.contentRange(ofLine: 3), TextRange(start: 7, end: 8))
    }

    func testTrailingNewlineMakesAnEmptyLastLine() {
        XCTAssertEqual(LineIndex("a\n").lineCount, 2)
        XCTAssertEqual(LineIndex("").lineCount, 1)
    }

    func testColumnsInEachUnit() {
        // "a😀\r\nb": 5 Characters, 6 UTF-16 units, 8 UTF-8 bytes.
        let index = LineIndex("a😀\r\nb")
        let endOfFirstLine = 5
        XCTAssertEqual(index.lineColumn(of: endOfFirstLine, in: .utf8), LineColumn(line: 0, column: 5))
        XCTAssertEqual(index.lineColumn(of: endOfFirstLine, in: .utf16), LineColumn(line: 0, column: 3))
        XCTAssertEqual(index.lineColumn(of: endOfFirstLine, in: .utf32), LineColumn(line: 0, column: 2))
        XCTAssertEqual(index.lineColumn(of: 7, in: .utf16), LineColumn(line: 1, column: 0))
        XCTAssertEqual(index.lineColumn(of: 8, in: .utf16), LineColumn(line: 1, column: 1))
    }

    func testOffsetsFromColumns() {
        let index = LineIndex("héllo 😀 x\nb")
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: 2), in: .utf16), 3) // after é
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: 8), in: .utf16), 11) // after 😀
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: 7), in: .utf32), 11)
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: 11), in: .utf8), 11)
    }

    func testHalfASurrogatePairRoundsToTheCharacterStart() {
        let index = LineIndex("😀b")
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: 1), in: .utf16), 0)
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: 2), in: .utf16), 4)
    }

    func testPositionsPastTheEndAreClamped() {
        let index = LineIndex("ab\r\ncd")
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 0, column: 99), in: .utf16), 2, "past the line's end is the line's end")
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: 9, column: 0), in: .utf16), 6, "past the last line is the end")
        XCTAssertEqual(index.utf8Offset(of: LineColumn(line: -1, column: 0), in: .utf16), 0)
        XCTAssertEqual(index.lineColumn(of: 999, in: .utf16), LineColumn(line: 1, column: 2))
    }

    func testRoundTripEveryOffsetOfAMixedText() {
        let text = "Één 😀\r\nnaïve\rx\n\n中文 𝄞"
        let index = LineIndex(text)
        for unit in ColumnUnit.allCases {
            var offset = 0
            var previous: Unicode.Scalar?
            for scalar in text.unicodeScalars {
                // Between the \r and \n of a CRLF is no position of its own.
                if !(previous == "\r" && scalar == "\n") {
                    let position = index.lineColumn(of: offset, in: unit)
                    XCTAssertEqual(index.utf8Offset(of: position, in: unit), offset, "\(unit) \(position)")
                }
                offset += String(scalar).utf8.count
                previous = scalar
            }
        }
    }
}

final class EditableTextTests: XCTestCase {
    private func change(_ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ text: String) -> TextChange {
        TextChange(range: (LineColumn(line: l1, column: c1), LineColumn(line: l2, column: c2)), newText: text)
    }

    func testIncrementalEditsInUTF16() {
        var text = EditableText("Kan de minister\nzeggen?")
        text.apply([change(0, 4, 0, 6, "dé"), change(1, 0, 1, 0, "😀 ")], unit: .utf16)
        XCTAssertEqual(text.text, "Kan dé minister\n😀 zeggen?")
        text.apply(change(1, 2, 1, 3, ""), unit: .utf16) // delete the space after the emoji (2 UTF-16 units)
        XCTAssertEqual(text.text, "Kan dé minister\n😀zeggen?")
    }

    func testEditsInUTF8AndUTF32() {
        var utf8 = EditableText("é😀x")
        utf8.apply(change(0, 6, 0, 7, "y"), unit: .utf8)
        XCTAssertEqual(utf8.text, "é😀y")
        var utf32 = EditableText("é😀x")
        utf32.apply(change(0, 1, 0, 2, ""), unit: .utf32)
        XCTAssertEqual(utf32.text, "éx")
    }

    func testFullReplacement() {
        var text = EditableText("old")
        text.apply(TextChange(range: nil, newText: "new\r\ntext"), unit: .utf16)
        XCTAssertEqual(text.text, "new\r\ntext")
        XCTAssertEqual(text.lineIndex.lineCount, 2)
    }

    func testCRLFAndCRLines() {
        var text = EditableText("a\r\nb\rc")
        text.apply(change(1, 0, 2, 0, ""), unit: .utf16)
        XCTAssertEqual(text.text, "a\r\nc")
        text.apply(change(0, 1, 1, 0, " "), unit: .utf16)
        XCTAssertEqual(text.text, "a c")
    }

    func testCharacterPastLineEndMeansLineEnd() {
        var text = EditableText("ab\ncd")
        text.apply(change(0, 50, 0, 50, "!"), unit: .utf16)
        XCTAssertEqual(text.text, "ab!\ncd")
        text.apply(change(7, 0, 9, 0, "?"), unit: .utf16)
        XCTAssertEqual(text.text, "ab!\ncd?")
    }

    func testReversedRangeIsTreatedAsOrdered() {
        var text = EditableText("abcdef")
        text.apply(change(0, 4, 0, 1, ""), unit: .utf16)
        XCTAssertEqual(text.text, "aef")
    }
}

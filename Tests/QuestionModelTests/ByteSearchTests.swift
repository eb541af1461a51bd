@testable import QuestionModel
import XCTest

/// The eight-bytes-a-step searches find what a byte-by-byte loop finds.
final class ByteSearchTests: XCTestCase {
    func testTheSearchesAgreeWithAByteLoop() {
        var generator = SystemRandomNumberGenerator()
        // Bytes of every kind near the flags' edges: digits and their neighbours,
        // `?`, line ends, g/G and their neighbours (f, h, F, H), non-ASCII bytes.
        let alphabet: [UInt8] = [0x2F, 0x30, 0x35, 0x39, 0x3A, 0x3F, 0x3E, 0x40, 0x0A, 0x0D, 0x0B, 0x0C,
                                 0x67, 0x47, 0x66, 0x68, 0x46, 0x48, 0x20, 0x61, 0xB0, 0xB9, 0xBF, 0xC3, 0xE7, 0xC7, 0x80, 0xFF, 0x00]
        var checked = 0
        for _ in 0..<3_000 {
            let count = Int.random(in: 0...40, using: &generator)
            // Mostly bytes of no interest, so the matches fall at every position.
            let bytes = (0..<count).map { _ in
                Int.random(in: 0..<4, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : UInt8(ascii: "a")
            }
            let from = Int.random(in: 0...max(0, count), using: &generator)
            let end = Int.random(in: from...max(from, count), using: &generator)
            let digit = (from..<end).first { bytes[$0] >= 0x30 && bytes[$0] <= 0x39 } ?? end
            XCTAssertEqual(ByteSearch.firstDigit(bytes, from: from, to: end), digit, "\(bytes) from \(from) to \(end)")
            let stop = (from..<end).first { [0x3F, 0x0A, 0x0D, 0x67, 0x47].contains(bytes[$0]) } ?? end
            XCTAssertEqual(ByteSearch.firstAskOrLineEnd(bytes, from: from, to: end), stop, "\(bytes) from \(from) to \(end)")
            if digit < end || stop < end { checked += 1 }
        }
        XCTAssertGreaterThan(checked, 300, "searches that found something")
    }

    func testEveryByteValueIsClassifiedExactly() {
        for value in 0...255 {
            let byte = UInt8(value)
            // The byte at every position of a word of neighbours that are no match.
            for position in 0..<8 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 8)
                bytes[position] = byte
                let isDigit = byte >= 0x30 && byte <= 0x39
                XCTAssertEqual(ByteSearch.firstDigit(bytes, from: 0, to: 8), isDigit ? position : 8, "byte \(value)")
                let stops = [0x3F, 0x0A, 0x0D, 0x67, 0x47].contains(byte)
                XCTAssertEqual(ByteSearch.firstAskOrLineEnd(bytes, from: 0, to: 8), stops ? position : 8, "byte \(value)")
            }
        }
    }
}

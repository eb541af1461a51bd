import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// Asserts that `range` holds exactly `expected`.
func assertSlice(_ text: String, _ range: TextRange?, _ expected: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    guard let range else {
        XCTFail("missing range, expected \(expected.debugDescription)", file: file, line: line)
        return
    }
    XCTAssertEqual(text.slice(range), expected, file: file, line: line)
}

/// Asserts that `range` starts with `prefix` and ends with `suffix`.
func assertSlice(_ text: String, _ range: TextRange?, startsWith prefix: String, endsWith suffix: String,
                 file: StaticString = #filePath, line: UInt = #line) {
    guard let range else {
        XCTFail("missing range, expected \(prefix.debugDescription)...", file: file, line: line)
        return
    }
    let slice = text.slice(range)
    XCTAssertTrue(slice.hasPrefix(prefix), "\(slice.prefix(80).debugDescription) does not start with \(prefix.debugDescription)", file: file, line: line)
    XCTAssertTrue(slice.hasSuffix(suffix), "\(slice.suffix(80).debugDescription) does not end with \(suffix.debugDescription)", file: file, line: line)
}

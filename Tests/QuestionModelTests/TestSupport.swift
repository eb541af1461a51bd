import Foundation
import QuestionModel
import SourceText
import XCTest

/// Where the test data lives, found from this file: `Tests/QuestionModelTests/` is two
/// levels under the repository, and the shared corpora sit beside the repository.
enum TestData {
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let repository = testsFolder.deletingLastPathComponent().deletingLastPathComponent()
    static let seedsFolder = repository.appendingPathComponent("seeds")
    /// `/work/shared/corpora/kamer-2017` when the repository is `/work/main`.
    static let kamerCorpus = repository.deletingLastPathComponent()
        .appendingPathComponent("shared/corpora/kamer-2017")

    /// The seed whose file name starts with `prefix` (`"002"`).
    static func seed(_ prefix: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix + "_") }) else {
            XCTFail("no seed \(prefix)_* in \(seedsFolder.path)", file: file, line: line)
            return ""
        }
        return try String(contentsOf: seedsFolder.appendingPathComponent(name), encoding: .utf8)
    }

    static func allSeeds() throws -> [String] {
        try ["000", "001", "002", "003", "004"].map { try seed($0) }
    }
}

extension String {
    /// The text at a byte range: how every test checks a range.
    func slice(_ range: TextRange) -> String {
        let bytes = Array(utf8)
        return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    func slice(_ range: TextRange?) -> String? { range.map { slice($0) } }

    /// Byte offset of the first occurrence of `needle`.
    func utf8Offset(of needle: String) -> Int? {
        guard let found = range(of: needle) else { return nil }
        return utf8.distance(from: utf8.startIndex, to: found.lowerBound)
    }
}

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

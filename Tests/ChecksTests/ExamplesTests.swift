import Checks
import Foundation
import TestSupport
import XCTest

/// Every file in `examples/`: `clean.vraag` has no findings; each `CODE.vraag` gets
/// exactly that one code (under the profile the README names for it).
final class ExamplesTests: XCTestCase {
    /// Examples of rules that only the European Parliament's profile switches on.
    static let europeanParliamentExamples: Set<String> = ["addressee-missing", "too-many-questions", "word-limit"]

    func testEveryExampleShowsExactlyItsRule() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: TestData.examplesFolder.path)
            .filter { $0.hasSuffix(".vraag") }.sorted()
        XCTAssertTrue(names.contains("clean.vraag"))
        var covered: Set<RuleCode> = []
        for name in names {
            let stem = String(name.dropLast(".vraag".count))
            let text = try TestData.example(name)
            let configuration = Self.europeanParliamentExamples.contains(stem)
                ? CheckConfiguration(profile: .europeanParliament) : .default
            let codes = check(text, configuration: configuration).map(\.code)
            if stem == "clean" {
                XCTAssertEqual(codes, [], name)
            } else {
                let code = try XCTUnwrap(RuleCode(rawValue: stem), "\(name) is named after no rule")
                XCTAssertEqual(codes, [code], name)
                covered.insert(code)
            }
        }
        XCTAssertEqual(covered, Set(RuleCode.allCases), "every rule has an example")
    }

    func testReadmeListsEveryExample() throws {
        let readme = try TestData.example("README.md")
        for code in RuleCode.allCases {
            XCTAssertTrue(readme.contains("\(code.rawValue).vraag"), code.rawValue)
        }
        let rules = try String(contentsOf: TestData.repository.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        for code in RuleCode.allCases {
            XCTAssertTrue(rules.contains("## `\(code.rawValue)`"), "docs/rules.md documents \(code.rawValue)")
        }
    }
}

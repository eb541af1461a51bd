import Checks
import Foundation
import XCTest

final class ConfigurationTests: XCTestCase {
    private func decode(_ json: String) throws -> CheckConfiguration {
        try JSONDecoder().decode(CheckConfiguration.self, from: Data(json.utf8))
    }

    func testDefaults() {
        let configuration = CheckConfiguration.default
        XCTAssertEqual(configuration.profile, .flemishParliament)
        XCTAssertEqual(configuration.severity(for: .titleMissing), .error)
        XCTAssertEqual(configuration.severity(for: .repetition), .warning, "a copy warns; a rewording informs")
        XCTAssertEqual(configuration.limit(for: .wordLimit), 1000)
        XCTAssertNil(configuration.limit(for: .tooManyQuestions))
        XCTAssertNil(configuration.limit(for: .numbering))
    }

    func testEmptyObjectIsTheDefault() throws {
        XCTAssertEqual(try decode("{}"), .default)
    }

    func testOffSeverityAndLimit() throws {
        let configuration = try decode("""
            {"profile": "vlaams-parlement",
             "rules": {"citation-form": "off",
                       "title-separator": "warning",
                       "numbering": {"severity": "error"},
                       "word-limit": {"severity": "error", "limit": 250},
                       "title-too-long": {"limit": 80},
                       "repetition": "info"}}
            """)
        XCTAssertNil(configuration.severity(for: .citationForm))
        XCTAssertFalse(configuration.isEnabled(.citationForm))
        XCTAssertEqual(configuration.severity(for: .titleSeparator), .warning)
        XCTAssertEqual(configuration.severity(for: .numbering), .error)
        XCTAssertEqual(configuration.severity(for: .wordLimit), .error)
        XCTAssertEqual(configuration.limit(for: .wordLimit), 250)
        XCTAssertEqual(configuration.severity(for: .titleTooLong), .warning, "a limit alone keeps the default severity")
        XCTAssertEqual(configuration.limit(for: .titleTooLong), 80)
        XCTAssertEqual(configuration.severity(for: .repetition), .information)
        XCTAssertEqual(configuration.unknownRuleCodes, [])
    }

    func testOverridesChangeFindings() throws {
        let text = try TestData.example("citation-form.vraag")
        XCTAssertEqual(check(text).map(\.code), [.citationForm])
        XCTAssertEqual(check(text, configuration: try decode(#"{"rules": {"citation-form": "off"}}"#)).map(\.code), [])
        XCTAssertEqual(check(text, configuration: try decode(#"{"rules": {"citation-form": "error"}}"#)).map(\.severity), [.error])
        let long = try TestData.example("title-too-long.vraag")
        XCTAssertEqual(check(long, configuration: try decode(#"{"rules": {"title-too-long": {"limit": 200}}}"#)).map(\.code), [])
    }

    func testEuropeanParliamentProfile() throws {
        let configuration = try decode(#"{"profile": "europees-parlement"}"#)
        XCTAssertEqual(configuration.profile, .europeanParliament)
        XCTAssertEqual(configuration.limit(for: .wordLimit), 200)
        XCTAssertEqual(configuration.limit(for: .tooManyQuestions), 3)
        XCTAssertEqual(try decode(#"{"profile": "european-parliament"}"#).profile, .europeanParliament)
        // A configured limit beats the profile's.
        XCTAssertEqual(try decode(#"{"profile": "ep", "rules": {"word-limit": {"limit": 300}}}"#).limit(for: .wordLimit), 300)
    }

    func testUnknownCodesAreKeptNotFatal() throws {
        let configuration = try decode(#"{"rules": {"titel-ontbreekt": "off", "title-missing": "warning"}}"#)
        XCTAssertEqual(configuration.unknownRuleCodes, ["titel-ontbreekt"])
        XCTAssertEqual(configuration.severity(for: .titleMissing), .warning)
    }

    func testBadValuesAreErrors() {
        XCTAssertThrowsError(try decode(#"{"profile": "kamer"}"#))
        XCTAssertThrowsError(try decode(#"{"rules": {"title-missing": "loud"}}"#))
        XCTAssertThrowsError(try decode(#"{"rules": {"title-missing": {"severity": "loud"}}}"#))
        XCTAssertThrowsError(try decode(#"{"rules": {"word-limit": {"limit": -1}}}"#))
        XCTAssertThrowsError(try decode(#"{"rules": {"word-limit": 12}}"#))
    }

    func testRoundTrip() throws {
        let configuration = try decode("""
            {"profile": "europees-parlement", "rules": {"citation-form": "off", "word-limit": {"severity": "error", "limit": 250}}}
            """)
        let data = try JSONEncoder().encode(configuration)
        XCTAssertEqual(try JSONDecoder().decode(CheckConfiguration.self, from: data), configuration)
    }

    func testEveryCodeIsKebabCaseAndUnique() {
        let codes = RuleCode.allCases.map(\.rawValue)
        XCTAssertEqual(Set(codes).count, codes.count)
        for code in codes {
            XCTAssertTrue(code.allSatisfy { $0 == "-" || ("a"..."z").contains($0) }, code)
            XCTAssertFalse(RuleCode(rawValue: code)!.summary.isEmpty)
        }
    }
}

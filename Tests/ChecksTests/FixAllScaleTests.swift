@testable import Checks
import SourceText
import TestSupport
import XCTest

/// `fixAll` on thousands of fixes (a long draft): the indexed overlap check and the
/// one-pass application give what the plain versions they replaced gave.
final class FixAllScaleTests: XCTestCase {
    /// The overlap check as it was: every edit against every edit taken.
    private func referenceCertainEdits(_ findings: [Finding]) -> [TextReplacement] {
        var taken: [TextRange] = []
        var edits: [TextReplacement] = []
        for finding in findings {
            guard let fix = finding.fixes.first(where: \.isCertain),
                  !fix.edits.contains(where: { edit in taken.contains { Checker.touches($0, edit.range) } }) else { continue }
            taken += fix.edits.map(\.range)
            edits += fix.edits
        }
        return edits.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
    }

    /// The edits applied one by one from the end, as `Fix.applied` did.
    private func referenceApplied(_ edits: [TextReplacement], to text: String) -> String {
        var bytes = Array(text.utf8)
        for edit in edits.sorted(by: { ($0.range.start, $0.range.end) > ($1.range.start, $1.range.end) }) {
            let start = max(0, min(edit.range.start, bytes.count))
            let end = max(start, min(edit.range.end, bytes.count))
            bytes.replaceSubrange(start..<end, with: Array(edit.newText.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private func randomRange(_ random: inout SplitMix64, length: Int, maxWidth: Int) -> TextRange {
        let start = random.below(length + 1)
        let width = random.below(4) == 0 ? 0 : random.below(maxWidth + 1)
        return TextRange(start: start, end: min(length, start + width))
    }

    /// Findings in document order with fixes of one to three edits anywhere, many of
    /// them overlapping, touching or inserting at the same place; some uncertain.
    private func randomFindings(_ random: inout SplitMix64, count: Int, length: Int, maxWidth: Int) -> [Finding] {
        (0..<count).map { _ in
            let fixes = (0..<(1 + random.below(2))).map { _ in
                Fix(title: "", edits: (0..<(1 + random.below(3))).map { _ in
                    TextReplacement(range: randomRange(&random, length: length, maxWidth: maxWidth), newText: "x")
                }, isCertain: random.below(5) != 0)
            }
            return Finding(code: .citationForm, range: randomRange(&random, length: length, maxWidth: maxWidth),
                           message: "", fixes: fixes)
        }.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
    }

    func testCertainEditsAgreeWithTheQuadraticCheck() {
        var random = SplitMix64(seed: 15)
        for (count, length, maxWidth) in [(40, 60, 6), (300, 400, 3), (2_000, 50_000, 40), (500, 2_000, 900)] {
            let findings = randomFindings(&random, count: count, length: length, maxWidth: maxWidth)
            let edits = Checker.certainEdits(findings)
            XCTAssertEqual(edits, referenceCertainEdits(findings), "\(count) findings on \(length) bytes")
            XCTAssertFalse(edits.isEmpty)
        }
    }

    func testApplyingInOnePassAgreesWithApplyingFromTheEnd() {
        var random = SplitMix64(seed: 16)
        let text = String(repeating: "aé😀b\r\n", count: 40)
        let length = text.utf8.count
        for round in 0..<400 {
            // Apart edits (the one-pass path) and overlapping or out-of-range ones (the
            // old path), with every kind of replacement.
            let edits = (0..<random.below(12)).map { _ in
                let range = round % 3 == 0
                    ? TextRange(start: random.below(length + 20) - 10, end: random.below(length + 20) - 10)
                    : randomRange(&random, length: length, maxWidth: 8)
                return TextReplacement(range: range, newText: ["", "z", "\n", "ü🙂"][random.below(4)])
            }
            let certain = round % 2 == 0 ? Checker.certainEdits([Finding(code: .citationForm, range: TextRange(start: 0, end: 0),
                                                                         message: "", fixes: [Fix(title: "", edits: edits, isCertain: true)])])
                                         : edits
            XCTAssertEqual(Fix(title: "", edits: certain).applied(to: text), referenceApplied(certain, to: text), "round \(round)")
        }
        // Thousands of apart edits on a long text.
        let long = String(repeating: "nr. 12 van 3 maart ", count: 5_000)
        let many = (0..<5_000).map { TextReplacement(range: TextRange(start: $0 * 19, end: $0 * 19 + 3), newText: "nummer") }
        XCTAssertEqual(Fix(title: "", edits: many).applied(to: long), referenceApplied(many, to: long))
    }
}

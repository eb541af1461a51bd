import QuestionModel
import TestSupport
import XCTest

final class ShortWordSetTests: XCTestCase {
    func testMembersAreFoundAndNothingElse() {
        let words = ["het", "een", "de", "écrite", "février", "augustus", "septembre", "zestienletterss!"]
        let set = ShortWordSet(words)
        XCTAssertEqual(set.count, words.count)
        XCTAssertEqual(set.longestMember, 16)
        for word in words { XCTAssertTrue(set.contains(word), word) }
        // Prefixes, extensions, another case or accent, the empty word: none is a member.
        for word in ["he", "hetx", "h", "", "Het", "ecrite", "september", "zestienletterss", "zestienletterss!x", "eén"] {
            XCTAssertFalse(set.contains(word), word)
            XCTAssertFalse(set.contains(Array(word.utf8)), word)
        }
    }

    func testWordsOverSixteenBytesAreLeftOut() {
        let set = ShortWordSet(["zeventienletters!", "kort"])
        XCTAssertEqual(set.count, 1)
        XCTAssertFalse(set.contains("zeventienletters!"))
        XCTAssertTrue(set.contains("kort"))
    }

    /// Against `Set<String>` on random words of a small alphabet (many near misses),
    /// of 1 to 24 bytes: those over 16 are never members.
    func testAgreesWithASetOfStrings() {
        var random = SplitMix64(seed: 15)
        func word() -> String {
            String((0..<Int.random(in: 1...12, using: &random)).map { _ in "abcé".randomElement(using: &random)! })
        }
        let members = Set((0..<300).map { _ in word() }.filter { $0.utf8.count <= ShortWordSet.longestWord })
        let set = ShortWordSet(members)
        XCTAssertEqual(set.count, members.count)
        for _ in 0..<5000 {
            let probe = word()
            XCTAssertEqual(set.contains(probe), members.contains(probe), probe)
        }
    }
}

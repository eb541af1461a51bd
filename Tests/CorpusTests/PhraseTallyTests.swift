import XCTest
@testable import Corpus

/// The phrase counter reads most texts on their bytes; it must count exactly what
/// the `Character`-based definition counts, spellings included.
final class PhraseTallyTests: XCTestCase {
    func testByteCountingMatchesTheCharacterDefinition() {
        let texts = [
            "De lokale besturen en de Lokale Besturen. Lokale besturen vragen het Agentschap Integratie en Inburgering.",
            "Het Agentschap Integratie en Inburgering (AgII) helpt lokale besturen; het agentschap integratie werkt.",
            "ÉÉN ÉCOLE van Oekraïense vluchtelingen, oekraïense vluchtelingen en OEKRAÏENSE VLUCHTELINGEN? Ça va.",
            "Straße und STRASSE: de ßtraat en ÀÉÎÕÜ àéîõü ÿ Ÿ œuvre Œuvre ÆØÅ æøå.",
            "Gezinnen\u{00A0}met kinderen, gezinnen met kinderen\u{2009}en gezinnen\u{00AD}met kinderen",
            "Tel-aviv en tel-aviv -zijn 2023-2024 en 12-15 jaar - of 12 -15 jaar; x-y-z ab- cd",
            "Combinerende e\u{0301}e\u{0301}n te\u{0301}kens: e\u{0301}e\u{0301}n te\u{0301}kens en een tekens 👍🏽 ok ok",
            "Łódź en łódź, Škoda en škoda, ª en º en µ: Łódź en łódź zijn steden. Şehir ŞEHIR şehir",
            "Ⅻ Romeinse cijfers, ²³ machten, ½ en ¼ breuken; Ⅻ Romeinse cijfers",
            "Regel één\r\nregel twee\r\nRegel één\rregel twee\nRegel één\tregel twee",
            "“Aanhalingstekens” en ‘aanhalingstekens’ — gedachtestreep – en… het € euroteken €5 kost",
            "\u{200B}zero width\u{200B} space en zero width space \u{2028} lijn scheiding \u{2029} alinea",
            "İstanbul en istanbul; İSTANBUL ve ISTANBUL",
            "Lokale besturen, lokale besturen. LOKALE BESTUREN en Lokale besturen",
            "",
            "a b c d e",
        ]
        var tally = PhraseTally()
        var reference = ReferenceTally()
        for text in texts + texts.reversed() {
            tally.add(text)
            reference.add(text)
        }
        let (counts, surfaces) = tally.frequent()
        XCTAssertEqual(counts, reference.counts.filter { $0.value >= 2 })
        XCTAssertEqual(surfaces, reference.surfaces.filter { (reference.counts[$0.key] ?? 0) >= 2 })
        XCTAssertEqual(counts["lokale besturen"], 16, "the spellings are folded together")
        XCTAssertEqual(surfaces["lokale besturen"], "lokale besturen", "the spelling from mid-sentence")
        XCTAssertFalse(counts.isEmpty)
    }

    /// A tally of the texts after another's, added to it, is the tally of all the texts
    /// in order: counts, and the spelling a phrase is shown in, whatever the split.
    func testTwoTalliesAddedUpAreOneTallyOfAllTheTexts() {
        let texts = [
            "Lokale Besturen vragen meer.",
            "Agentschap Integratie en Inburgering helpt.",
            "lokale besturen beginnen hier. Agentschap Integratie",
            "Wij zien lokale besturen en het agentschap integratie.",
            "De Vlaamse Regering besliste. Vlaamse Regering",
            "De LOKALE BESTUREN en lokale besturen; VLAAMSE REGERING",
            "Combinerende e\u{0301}e\u{0301}n te\u{0301}kens: e\u{0301}e\u{0301}n te\u{0301}kens",
        ]
        var whole = PhraseTally()
        for text in texts { whole.add(text) }
        let expected = whole.frequent()
        for split in 0...texts.count {
            var first = PhraseTally()
            var second = PhraseTally()
            for text in texts[..<split] { first.add(text) }
            for text in texts[split...] { second.add(text) }
            first.add(second)
            let got = first.frequent()
            XCTAssertEqual(got.counts, expected.counts, "split at \(split)")
            XCTAssertEqual(got.surfaces, expected.surfaces, "split at \(split)")
        }
        XCTAssertEqual(expected.surfaces["lokale besturen"], "lokale besturen")
        // Spelled with capitals first; in lower case mid-sentence only in a later text.
        XCTAssertEqual(expected.surfaces["lokale besturen"], "lokale besturen")
        XCTAssertEqual(expected.surfaces["agentschap integratie"], "agentschap integratie")
        XCTAssertEqual(expected.surfaces["vlaamse regering"], "Vlaamse Regering", "never in lower case mid-sentence")
    }

    /// The counter as it was written with characters and strings (the definition).
    private struct ReferenceTally {
        var counts: [String: Int] = [:]
        var surfaces: [String: String] = [:]

        mutating func add(_ text: String) {
            for words in PhraseCounter.sentences(text) where words.count >= 2 {
                let lowered = words.map { $0.lowercased() }
                let isContent = lowered.map { word in
                    word.count >= 3 && !Tokenizer.stopwords.contains(word) && word.contains(where: \.isLetter)
                }
                for start in words.indices where isContent[start] {
                    for length in 2...4 where start + length <= words.count {
                        let end = start + length - 1
                        guard isContent[end] else { continue }
                        let key = PrefixIndex.fold(lowered[start...end].joined(separator: " "))
                        counts[key, default: 0] += 1
                        if surfaces[key] == nil || start > 0 && surfaces[key]?.first?.isUppercase == true
                            && words[start].first?.isLowercase == true {
                            surfaces[key] = words[start...end].joined(separator: " ")
                        }
                    }
                }
            }
        }
    }
}

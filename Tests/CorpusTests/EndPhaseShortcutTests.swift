import Foundation
import QuestionModel
import XCTest
@testable import Corpus

/// The shortcuts the end of an index build takes must give exactly what the long way
/// gave: the same floats, bytes, texts and indices (the cache is compared byte for
/// byte with an older build's).
final class EndPhaseShortcutTests: XCTestCase {
    func testRoundingWithoutRoundfIsRounded() {
        var values: [Float] = [0, 0.25, 0.49999997, 0.5, 0.50000006, 1, 1.5, 2.5, 65534.5, 65535]
        for whole in stride(from: 0, through: 65535, by: 1) {
            let half = Float(whole) + 0.5
            values += [half, half.nextUp, half.nextDown, Float(whole), Float(whole).nextUp]
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 { values.append(Float.random(in: 0..<65535, using: &generator)) }
        for value in values {
            XCTAssertEqual(SearchIndex.roundedHalfAway(value), value.rounded(), "\(value)")
        }
    }

    func testTheQueryWeightIsTheFormulaItWasWrittenAs() {
        for documents in [1, 7, 3_811, 100_000] {
            for frequency in [0, 1, 2, 50, documents / 2, documents] {
                for queryCount in [0, 1, 2, 3, 17, 255, 256, 257, 3_000, 131_070] {
                    let n = Float(documents), documentFrequency = Float(frequency)
                    let idf = logf(1 + (n - documentFrequency + 0.5) / (documentFrequency + 0.5))
                    let expected = idf * (1 + logf(Float(max(1, queryCount)))) * (SearchIndex.k1 + 1) / SearchIndex.weightScale
                    let got = SearchIndex.queryWeight(documents: documents, frequency: frequency, queryCount: queryCount)
                    XCTAssertEqual(got.bitPattern, expected.bitPattern, "\(documents) \(frequency) \(queryCount)")
                }
            }
        }
    }

    /// Keys of every length up to 40 that differ in one byte only, at every place:
    /// the table compares eight bytes at a time, with an overlapping last word.
    func testTheTableTellsKeysApartThatDifferInOneByte() {
        var table = ByteTable()
        var keys: [[UInt8]] = []
        for length in 1...40 {
            let base = (0..<length).map { UInt8(0x61 + $0 % 26) }
            keys.append(base)
            for place in 0..<length {
                var changed = base
                changed[place] = 0x41
                keys.append(changed)
            }
        }
        for (index, key) in keys.enumerated() {
            let value = key.withUnsafeBufferPointer { table.value(for: $0) { _ in Int32(index) } }
            XCTAssertEqual(Int(value), index, "a new key: \(String(decoding: key, as: UTF8.self))")
        }
        for (index, key) in keys.enumerated() {
            key.withUnsafeBufferPointer { key in
                XCTAssertTrue(table.keyEquals(index, key))
                XCTAssertEqual(table.value(for: key) { _ in -1 }, Int32(index))
            }
            for other in [index - 1, index + 1] where keys.indices.contains(other) && keys[other].count == key.count {
                key.withUnsafeBufferPointer { XCTAssertFalse(table.keyEquals(other, $0)) }
            }
        }
        XCTAssertEqual(table.count, keys.count)
    }

    func testTextBytesAreTheTextsUTF8() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files: [(String, [UInt8])] = [
            ("utf8.txt", Array("geïnde boetes - één\r\n".utf8)),
            ("bom.txt", [0xEF, 0xBB, 0xBF] + Array("met merkteken".utf8)),
            ("cp1252.txt", [0x67, 0x65, 0xEF, 0x6E, 0x64, 0x65, 0x20, 0x80, 0x93]),
            ("binary.txt", [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00]),
            ("empty.txt", []),
        ]
        for (name, bytes) in files {
            let path = folder.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            XCTAssertEqual(CorpusFileReader.textBytes(path), CorpusFileReader.text(path).map { Array($0.utf8) }, name)
        }
        XCTAssertNotNil(CorpusFileReader.textBytes(folder.appendingPathComponent("cp1252.txt").path))
        XCTAssertNil(CorpusFileReader.textBytes(folder.appendingPathComponent("binary.txt").path))
        XCTAssertNil(CorpusFileReader.textBytes(folder.appendingPathComponent("missing.txt").path))
    }

    /// The phrase counter parses its sample with the index's parse: the texts it
    /// tallies are the full parse's, dates, impossible dates and control characters included.
    func testTheIndexParseGivesTheTalliedTextsOfTheFullParse() throws {
        var texts = EmbeddedSeeds.files.map(\.text)
        let kamer = Fixtures.kamer2017.path
        if let names = try? FileManager.default.contentsOfDirectory(atPath: kamer) {
            for name in names.sorted().prefix(300) {
                if let text = CorpusFileReader.text((kamer as NSString).appendingPathComponent(name)) { texts.append(text) }
            }
        }
        texts += texts.prefix(5).map { $0.replacingOccurrences(of: "\n", with: " op 31 februari 2023\u{7}\n") }
        XCTAssertGreaterThan(texts.count, 5)
        for text in texts {
            let full = PhraseCounter.talliedTexts(Question.parse(text))
            XCTAssertEqual(PhraseCounter.talliedTexts(Question.parseForIndex(utf8: Array(text.utf8))), full)
            XCTAssertFalse(full.isEmpty)
        }
    }

    func testTheSpecificationStartsWhereFoundationFindsTheSeparator() {
        let titles = [
            "Inburgering - Stand van zaken", "Inburgering", "", " - ", "a - b - c", "a -- b", "a- b", "a -b",
            "Geïnde boetes - één jaar", "Geïnde boetes zonder streep", "e\u{301} - e\u{301}", "a -\u{301} b - c",
            "a \u{301}- b - c", "- begin", "einde -", "einde - ", "twee  -  spaties - een", "tab\t-\tniet - wel",
            "Ré - ", "\r\n - x", "x -\r\ny - z",
        ]
        for title in titles {
            XCTAssertEqual(CompletionVocabulary.specificationStart(title), title.range(of: " - ")?.upperBound, title)
        }
    }

    /// Names found by their bytes: spellings that differ only in case and spacing,
    /// and bytes that are no UTF-8, make the same table as strings did.
    func testNamesFoundByTheirBytesMakeTheTableStringsMade() {
        var builder = RecordStoreBuilder()
        let authors = ["Jan Peeters", "jan  peeters", "JAN PEETERS", "An Moerenhout", nil, "Ö Zeyrek", "ö zeyrek",
                       "Jan Peeters", "", "Ärger", "an moerenhout", "Zeno"]
        for (index, author) in authors.enumerated() {
            builder.append(RecordFields(
                source: .embedded(name: "t\(index)"), kind: .headerExport, number: index + 1, date: nil, title: "Titel",
                subject: nil, author: author, minister: nil, ministerOffice: nil, theme: nil, pdfLink: nil,
                introductionExcerpt: "", questions: [], questionCount: 0, answerExcerpt: nil, citedQuestions: [],
                questionWordCount: 0))
        }
        let store = builder.build()
        let table = NameTable(store, .author)
        var byKey: [String: [Int32]] = [:]
        for record in 0..<store.count {
            guard let name = store.string(.author, record) else { continue }
            byKey[NameTable.key(name), default: []].append(Int32(record))
        }
        let keys = byKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        XCTAssertEqual(table.count, keys.count)
        XCTAssertGreaterThan(keys.count, 1)
        for (index, key) in keys.enumerated() {
            let start = Int(table.keyStarts[index]), end = Int(table.keyStarts[index + 1])
            XCTAssertEqual(String(decoding: Array(table.keyText)[start..<end], as: UTF8.self), key)
            let first = Int(table.recordStarts[index]), last = Int(table.recordStarts[index + 1])
            XCTAssertEqual(Array(Array(table.records)[first..<last]), byKey[key])
        }
    }
}

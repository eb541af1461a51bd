import Foundation
import QuestionModel
import SourceText
import TestSupport
import XCTest

/// Property: random edit scripts applied incrementally through `EditableText.apply`
/// give exactly the text an independent model gives, and `Question.parse` of the
/// edited text equals the parse of the same text built from scratch.
///
/// The model is an array of Unicode scalars with its own line splitting and its own
/// column counting, so it shares no code with `LineIndex`. Texts are made of the
/// troublesome pieces: é (2 UTF-8 bytes), 😀 (a surrogate pair in UTF-16, 4 bytes),
/// CRLF, lone CR and LF, and question syntax. Positions land anywhere: inside lines,
/// at their ends, past their ends, inside a surrogate pair, on lines past the end,
/// and at negative lines and characters.
///
/// `VRAAGBAAK_PROPERTY_SCRIPTS` sets the number of scripts (300 by default; the long run
/// in scripts/property-test.sh uses 10,000), `VRAAGBAAK_PROPERTY_SEED` the seed.
final class EditScriptPropertyTests: XCTestCase {
    func testIncrementalEditsMatchTheModelAndParseLikeAFreshText() {
        let environment = ProcessInfo.processInfo.environment
        let scripts = environment["VRAAGBAAK_PROPERTY_SCRIPTS"].flatMap(Int.init) ?? 300
        let seed = environment["VRAAGBAAK_PROPERTY_SEED"].flatMap(UInt64.init) ?? 0x5652_4141_4742_4141
        var random = SplitMix64(seed: seed)
        var edits = 0, textMismatches = 0, indexMismatches = 0, parseMismatches = 0
        var reported = 0
        let started = Date()

        for script in 0..<scripts {
            let unit: ColumnUnit = [.utf16, .utf16, .utf16, .utf8, .utf32][random.below(5)]
            let initial = Self.randomText(&random, pieces: random.below(40))
            var text = EditableText(initial)
            var model = ScalarText(initial)
            var log: [String] = []
            let steps = 1 + random.below(30)
            for step in 0..<steps {
                let change = Self.randomChange(&random, model: model, unit: unit)
                log.append(Self.describe(change))
                text.apply(change, unit: unit)
                model.apply(change, unit: unit)
                edits += 1
                let expected = model.string
                if text.text != expected {
                    textMismatches += 1
                    if reported < 5 {
                        reported += 1
                        XCTFail("""
                            script \(script) (seed \(seed)), step \(step), unit \(unit.rawValue): text differs
                            initial: \(initial.debugDescription)
                            edits: \(log.joined(separator: "\n       "))
                            got:      \(text.text.debugDescription)
                            expected: \(expected.debugDescription)
                            """)
                    }
                    break
                }
                let fresh = LineIndex(expected)
                if text.lineIndex.utf8 != fresh.utf8 || text.lineIndex.lineStarts != fresh.lineStarts {
                    indexMismatches += 1
                    if reported < 5 {
                        reported += 1
                        XCTFail("script \(script), step \(step): the line index differs from a fresh one")
                    }
                    break
                }
            }
            // The model of the text is a function of the text alone: however it was reached.
            let scratch = model.string
            let incremental = Question.parse(utf8: text.lineIndex.utf8)
            if incremental != Question.parse(scratch) || Question.parse(text.text) != incremental {
                parseMismatches += 1
                if reported < 5 {
                    reported += 1
                    XCTFail("script \(script) (seed \(seed)): parse of the edited text differs from a fresh parse\n"
                            + "text: \(scratch.debugDescription)")
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        // One line with the figures, for docs/reliability.md and scripts/property-test.sh.
        print("property: \(scripts) scripts, \(edits) edits, text mismatches \(textMismatches), "
              + "line index mismatches \(indexMismatches), parse mismatches \(parseMismatches), "
              + String(format: "%.1f s", seconds))
        XCTAssertEqual(textMismatches + indexMismatches + parseMismatches, 0)
    }

    /// The model's own checks, so a bug in it cannot hide one in `EditableText`.
    func testTheModelItself() {
        var model = ScalarText("a😀\r\nb")
        XCTAssertEqual(model.offset(LineColumn(line: 0, column: 2), unit: .utf16), 1, "inside the pair: its start")
        XCTAssertEqual(model.offset(LineColumn(line: 0, column: 3), unit: .utf16), 2)
        XCTAssertEqual(model.offset(LineColumn(line: 0, column: 99), unit: .utf16), 2, "past the end: before CRLF")
        XCTAssertEqual(model.offset(LineColumn(line: 1, column: 0), unit: .utf8), 4)
        XCTAssertEqual(model.offset(LineColumn(line: 7, column: 0), unit: .utf8), 5, "past the last line: the end")
        XCTAssertEqual(model.offset(LineColumn(line: -1, column: 3), unit: .utf32), 0)
        XCTAssertEqual(model.offset(LineColumn(line: 0, column: 4), unit: .utf8), 1, "inside 😀 in bytes")
        XCTAssertEqual(model.offset(LineColumn(line: 0, column: 5), unit: .utf8), 2)
        model.apply(TextChange(range: (LineColumn(line: 0, column: 3), LineColumn(line: 1, column: 0)), newText: "é"), unit: .utf16)
        XCTAssertEqual(model.string, "a😀éb")
        model.apply(TextChange(range: nil, newText: "x\ry"), unit: .utf16)
        XCTAssertEqual(model.offset(LineColumn(line: 1, column: 1), unit: .utf16), 3)
    }

    // MARK: - Generators

    static let pieces = [
        "a", "Kan de minister ", "zeggen", "é", "ë", "😀", "👍🏽", " ", "\t", "\n", "\r\n", "\r", "\n\n",
        "1. ", "2. ", "10. ", "a) ", "b) ", "?", ".", "aan: ", "van: ", "datum: 3 januari 2024", "thema: X",
        "Titel - onderwerp", "nr. 12 van 3 januari 2024", "vraag nr. 7 van 31/1/2024", "ANTWOORD", "BIJLAGE",
        "(VVSG)", "Vlaamse Vereniging van Steden en Gemeenten (VVSG)", "€", "’",
    ]

    static func randomText(_ random: inout SplitMix64, pieces count: Int) -> String {
        var text = ""
        for _ in 0..<count { text += pieces[random.below(pieces.count)] }
        return text
    }

    static func randomChange(_ random: inout SplitMix64, model: ScalarText, unit: ColumnUnit) -> TextChange {
        // Now and then the whole text is replaced, as a client may do.
        if random.below(40) == 0 { return TextChange(range: nil, newText: randomText(&random, pieces: random.below(20))) }
        let start = randomPosition(&random, model: model, unit: unit)
        var end = start
        switch random.below(4) {
        case 0: break // a pure insertion
        case 1: end = LineColumn(line: start.line, column: start.column + random.below(6)) // may run past the line end
        case 2: end = randomPosition(&random, model: model, unit: unit) // may come before start
        default: end = LineColumn(line: start.line + random.below(3), column: random.below(8))
        }
        let newText = random.below(3) == 0 ? "" : randomText(&random, pieces: 1 + random.below(4))
        return TextChange(range: (start, end), newText: newText)
    }

    static func randomPosition(_ random: inout SplitMix64, model: ScalarText, unit: ColumnUnit) -> LineColumn {
        let lines = model.lineCount
        switch random.below(20) {
        case 0: return LineColumn(line: -1 - random.below(3), column: random.below(5))
        case 1: return LineColumn(line: random.below(lines), column: -1 - random.below(3))
        case 2: return LineColumn(line: lines + random.below(3), column: random.below(5))
        case 3: return LineColumn(line: random.below(lines), column: Int(Int32.max) + random.below(2))
        default:
            let line = random.below(lines)
            let width = model.lineWidth(line, unit: unit)
            // Mostly inside or at the end of the line, sometimes just past it.
            return LineColumn(line: line, column: random.below(width + 3))
        }
    }

    static func describe(_ change: TextChange) -> String {
        guard let range = change.range else { return "whole text <- \(change.newText.debugDescription)" }
        return "\(range.start)-\(range.end) <- \(change.newText.debugDescription)"
    }
}

/// The reference: the text as Unicode scalars, with LSP's rules written out plainly.
struct ScalarText {
    private(set) var scalars: [Unicode.Scalar]

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    var string: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Index ranges of each line's content (terminator excluded); lines end at LF, CRLF or CR.
    var lines: [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\n" {
                result.append(start..<i)
                start = i + 1
            } else if scalars[i] == "\r" {
                result.append(start..<i)
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                start = i + 1
            }
            i += 1
        }
        result.append(start..<scalars.count)
        return result
    }

    var lineCount: Int { lines.count }

    static func width(_ scalar: Unicode.Scalar, _ unit: ColumnUnit) -> Int {
        switch unit {
        case .utf8: return String(scalar).utf8.count
        case .utf16: return scalar.value > 0xFFFF ? 2 : 1
        case .utf32: return 1
        }
    }

    func lineWidth(_ line: Int, unit: ColumnUnit) -> Int {
        lines[line].reduce(0) { $0 + Self.width(scalars[$1], unit) }
    }

    /// LSP: a line before the first is the start; past the last, the end of the text;
    /// a character past the line's end is the line's end; a character inside a scalar
    /// (half a surrogate pair) is that scalar's start.
    func offset(_ position: LineColumn, unit: ColumnUnit) -> Int {
        if position.line < 0 { return 0 }
        let lines = self.lines
        if position.line >= lines.count { return scalars.count }
        let line = lines[position.line]
        var index = line.lowerBound
        var remaining = max(0, position.column)
        while index < line.upperBound {
            let width = Self.width(scalars[index], unit)
            if width > remaining { break }
            remaining -= width
            index += 1
        }
        return index
    }

    mutating func apply(_ change: TextChange, unit: ColumnUnit) {
        guard let range = change.range else {
            scalars = Array(change.newText.unicodeScalars)
            return
        }
        let a = offset(range.start, unit: unit)
        let b = offset(range.end, unit: unit)
        scalars.replaceSubrange(min(a, b)..<max(a, b), with: Array(change.newText.unicodeScalars))
    }
}


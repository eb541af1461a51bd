import Corpus
import QuestionModel
import SourceText

/// Where the cursor is, for completion: decided from the text of the current line
/// before the cursor (and the parsed header and title). Ranges are UTF-8 offsets of
/// the text a completion replaces; `typed` is that text.
enum CompletionSituation: Equatable {
    /// After `vraag nr.` or `nr. `: questions from the corpus. `needsSpace` when the
    /// cursor is right after the dot.
    case citationNumber(typed: String, replace: TextRange, needsSpace: Bool)
    /// `schriftelijke vr`: the citation snippet.
    case citationPhrase(typed: String, replace: TextRange)
    /// A header value: `aan:`, `van:` or `thema:`.
    case headerValue(HeaderKey, typed: String, replace: TextRange)
    /// The title before its dash: subjects.
    case titleSubject(typed: String, replace: TextRange)
    /// The title after `Onderwerp - `: specifications used with that subject.
    case titleSpecification(subject: String, typed: String, replace: TextRange)
    /// Right after `1.` at the start of a line: question openers.
    case itemOpener(typed: String, replace: TextRange, needsSpace: Bool)
    /// Running text: the last one, two or three words typed, longest first.
    case runningText(candidates: [RunningTextCandidate])
    case nothing
}

/// How completion was asked for: by the user (or a list being continued as they type),
/// or automatically by a trigger character such as a space.
package enum CompletionTrigger: Equatable, Sendable {
    /// `triggerKind` 1 (and 3, an incomplete list typed on), or a client that sends no context.
    case invoked
    /// `triggerKind` 2: a trigger character was typed.
    case triggerCharacter

    package init(triggerKind: Int?) {
        self = triggerKind == 2 ? .triggerCharacter : .invoked
    }
}

struct RunningTextCandidate: Equatable {
    let typed: String
    let replace: TextRange
    /// One word: abbreviations are offered too.
    let isSingleWord: Bool

    /// What a completion's folded text must start with to replace `typed`: the typed
    /// text folded, with its trailing space (`de ` is a whole word, not a prefix).
    var continuationKey: String {
        let folded = PrefixIndex.fold(typed)
        return typed.last == " " && !folded.isEmpty ? folded + " " : folded
    }
}

enum CompletionContextDetector {
    static func situation(at cursor: Int, in question: Question, lineIndex: LineIndex,
                          trigger: CompletionTrigger = .invoked) -> CompletionSituation {
        let bytes = lineIndex.utf8
        let lineNumber = lineIndex.line(containing: cursor)
        let line = lineIndex.contentRange(ofLine: lineNumber)
        let cursor = min(max(cursor, line.start), line.end)

        if let header = question.metadata.lines.first(where: { lineIndex.line(containing: $0.lineRange.start) == lineNumber }) {
            guard question.kind == .draft, [.addressee, .author, .theme].contains(header.key),
                  cursor >= header.keyRange.end else { return .nothing }
            var valueStart = header.keyRange.end
            while valueStart < cursor, isHorizontalSpace(bytes[valueStart]) { valueStart += 1 }
            return .headerValue(header.key, typed: text(bytes, valueStart, cursor),
                                replace: TextRange(start: valueStart, end: cursor))
        }
        if let title = question.title, lineIndex.line(containing: title.range.start) == lineNumber,
           question.kind == .draft, cursor >= title.range.start {
            if let separator = title.separatorRange, cursor >= separator.end {
                return .titleSpecification(subject: text(bytes, title.range.start, separator.start),
                                           typed: text(bytes, separator.end, cursor),
                                           replace: TextRange(start: separator.end, end: cursor))
            }
            if title.separatorRange == nil || cursor <= title.separatorRange?.start ?? cursor {
                return .titleSubject(typed: text(bytes, title.range.start, cursor),
                                     replace: TextRange(start: title.range.start, end: cursor))
            }
            return .nothing
        }
        if let citation = citationNumber(bytes, line: line, cursor: cursor) { return citation }
        if let opener = itemOpener(bytes, line: line, cursor: cursor) { return opener }
        if let phrase = citationPhrase(bytes, line: line, cursor: cursor) { return phrase }
        let candidates = runningText(bytes, line: line, cursor: cursor, trigger: trigger)
        return candidates.isEmpty ? .nothing : .runningText(candidates: candidates)
    }

    /// `vraag nr.`, `SV nr. 12`, `nr. 12 van 26` (a space after the dot is enough
    /// when no question word precedes it).
    static func citationNumber(_ bytes: [UInt8], line: TextRange, cursor: Int) -> CompletionSituation? {
        var found: Int?
        var dot = cursor - 1
        // The last `nr.` before the cursor, within a short distance.
        while found == nil, dot >= max(line.start + 2, cursor - 64) {
            if bytes[dot] == UInt8(ascii: "."), lower(bytes[dot - 1]) == UInt8(ascii: "r"),
               lower(bytes[dot - 2]) == UInt8(ascii: "n"), dot - 2 == 0 || !isLetter(bytes[dot - 3]) {
                found = dot
            }
            dot -= 1
        }
        guard let dot = found else { return nil }
        let afterDot = dot + 1
        var typedStart = afterDot
        while typedStart < cursor, isHorizontalSpace(bytes[typedStart]) { typedStart += 1 }
        let typed = text(bytes, typedStart, cursor)
        guard typed.utf8.count <= 40, !typed.utf8.contains(where: { ",;:?!()\"".utf8.contains($0) }) else { return nil }
        let hasSpace = typedStart > afterDot
        guard hasSpace || followsQuestionWord(bytes, nrStart: dot - 2) else { return nil }
        return .citationNumber(typed: typed, replace: TextRange(start: typedStart, end: cursor), needsSpace: !hasSpace)
    }

    /// `vraag`, `vragen`, `SV`, `uitleg` right before `nr.` (also at the end of the line before).
    private static func followsQuestionWord(_ bytes: [UInt8], nrStart: Int) -> Bool {
        var end = nrStart
        while end > 0, isWhitespace(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isLetter(bytes[start - 1]) { start -= 1 }
        let word = text(bytes, start, end).lowercased()
        return ["vraag", "vragen", "sv", "uitleg"].contains(word)
    }

    /// `1.` then a partial first word at the start of a line.
    static func itemOpener(_ bytes: [UInt8], line: TextRange, cursor: Int) -> CompletionSituation? {
        var i = line.start
        while i < cursor, isHorizontalSpace(bytes[i]) { i += 1 }
        let digitsStart = i
        while i < cursor, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
        guard (1...3).contains(i - digitsStart), i < cursor, bytes[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        let afterDot = i
        while i < cursor, isHorizontalSpace(bytes[i]) { i += 1 }
        let typedStart = i
        while i < cursor, isLetter(bytes[i]) { i += 1 }
        guard i == cursor else { return nil }
        return .itemOpener(typed: text(bytes, typedStart, cursor), replace: TextRange(start: typedStart, end: cursor),
                           needsSpace: typedStart == afterDot)
    }

    static let citationPhraseText = "schriftelijke vraag nr."

    /// Characters of a word typed before terms are offered without being asked for.
    static let minimumTypedForAutomatic = 3

    /// The start of `schriftelijke vraag nr.` (at least `schr`) right before the cursor.
    static func citationPhrase(_ bytes: [UInt8], line: TextRange, cursor: Int) -> CompletionSituation? {
        let phrase = Array(citationPhraseText.utf8)
        var start = max(line.start, cursor - phrase.count)
        while start <= cursor - 4 {
            if start == line.start || !isLetter(bytes[start - 1]) {
                let typed = bytes[start..<cursor]
                if typed.count <= phrase.count, zip(typed, phrase).allSatisfy({ lower($0) == $1 }) {
                    return .citationPhrase(typed: text(bytes, start, cursor), replace: TextRange(start: start, end: cursor))
                }
            }
            start += 1
        }
        return nil
    }

    /// The last word being typed, and with it the one or two words before it (a
    /// trailing space asks for the next word of a term). Terms come only when asked
    /// for, or automatically once `minimumTypedForAutomatic` characters of a word are
    /// typed: never mid-sentence after every space.
    static func runningText(_ bytes: [UInt8], line: TextRange, cursor: Int,
                            trigger: CompletionTrigger = .invoked) -> [RunningTextCandidate] {
        var wordStarts: [Int] = []
        var i = cursor
        // A single space after the last word is allowed: `lokale ` continues.
        if i > line.start, bytes[i - 1] == 0x20 { i -= 1 }
        while wordStarts.count < 3, i > line.start {
            var start = i
            while start > line.start, isLetter(bytes[start - 1]) || isDigit(bytes[start - 1]) || bytes[start - 1] == UInt8(ascii: "-") {
                start -= 1
            }
            guard start < i else { break }
            wordStarts.append(start)
            guard start > line.start, bytes[start - 1] == 0x20 else { break }
            i = start - 1
        }
        guard let lastWordStart = wordStarts.first else { return [] }
        let endsWithSpace = bytes[cursor - 1] == 0x20
        switch trigger {
        case .invoked:
            if !endsWithSpace, cursor - lastWordStart < 2 { return [] }
        case .triggerCharacter:
            guard !endsWithSpace, text(bytes, lastWordStart, cursor).count >= minimumTypedForAutomatic else { return [] }
        }
        return wordStarts.reversed().map { start in
            RunningTextCandidate(typed: text(bytes, start, cursor), replace: TextRange(start: start, end: cursor),
                                 isSingleWord: start == lastWordStart && !endsWithSpace)
        }
    }

    // MARK: Bytes

    static func text(_ bytes: [UInt8], _ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }
    /// ASCII letters and any byte of a multi-byte character (é, ï).
    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80
    }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isHorizontalSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
    private static func isWhitespace(_ byte: UInt8) -> Bool { isHorizontalSpace(byte) || byte == 0x0A || byte == 0x0D }
}

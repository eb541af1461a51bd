import Corpus
import QuestionModel
import SourceText

/// What completion offers at one place, in UTF-8 ranges: questions after `nr.`, the
/// citation snippet, header values, title subjects, question openers and the corpus's
/// terms, agencies and abbreviations in running text.
package struct CompletionCandidate: Sendable, Equatable {
    package enum Kind: Sendable, Equatable {
        case question, snippet, keyword, value, theme, subject, specification, term, agency, abbreviation
    }

    package let label: String
    package let kind: Kind
    package let detail: String?
    /// Only for the first few questions; the rest get theirs from `resolve`.
    package var documentation: MarkupText?
    package let filterText: String?
    package let newText: String
    /// The text the candidate replaces.
    package let replace: TextRange
    package let isSnippet: Bool
    /// For a question: its corpus index and source, to resolve it later.
    package let record: RecordHandle?
}

/// A corpus record named in a completion, checked again when resolved: the corpus
/// may have changed in between.
package struct RecordHandle: Sendable, Equatable {
    package let index: Int
    package let source: String

    package init(index: Int, source: String) {
        self.index = index
        self.source = source
    }
}

package struct CompletionResult: Sendable, Equatable {
    /// More would come as the user types: the client should ask again.
    package let isIncomplete: Bool
    /// Ranked: the client should keep this order.
    package let candidates: [CompletionCandidate]
}

/// What the client can take.
package struct CompletionPreferences: Sendable, Equatable {
    package var snippets: Bool
    package var documentation: MarkupFormat

    package init(snippets: Bool, documentation: MarkupFormat) {
        self.snippets = snippets
        self.documentation = documentation
    }
}

extension AnalysisSnapshot {
    /// Completion at `offset`; `trigger` says whether the user asked or a character was typed.
    package func completion(at offset: Int, preferences: CompletionPreferences,
                            trigger: CompletionTrigger = .invoked) -> CompletionResult {
        let situation = CompletionContextDetector.situation(at: offset, in: question, lineIndex: lineIndex, trigger: trigger)
        return CompletionCandidates.make(situation, corpus: corpus, vocabulary: vocabulary, preferences: preferences)
    }
}

package enum CompletionCandidates {
    /// At most this many items per list: lists stay fast; `isIncomplete` asks the
    /// client to come back as the user types.
    package static let limit = 50
    /// Items that carry their preview at once; the rest get it from resolve.
    static let documentedInline = 5

    static let openers: [(label: String, snippet: String, plain: String)] = [
        ("Kan de minister …?", "Kan de minister ${1:meedelen …}?", "Kan de minister "),
        ("Kan de minister een overzicht geven van …?", "Kan de minister een overzicht geven van ${1}?",
         "Kan de minister een overzicht geven van "),
        ("Hoeveel …?", "Hoeveel ${1}?", "Hoeveel "),
        ("Graag een overzicht van …", "Graag een overzicht van ${1}.", "Graag een overzicht van "),
        ("Welke …?", "Welke ${1}?", "Welke "),
        ("Wat is …?", "Wat is ${1}?", "Wat is "),
        ("Hoe …?", "Hoe ${1}?", "Hoe "),
        ("Op welke manier …?", "Op welke manier ${1}?", "Op welke manier "),
        ("Wanneer …?", "Wanneer ${1}?", "Wanneer "),
        ("Waarom …?", "Waarom ${1}?", "Waarom "),
        ("Is de minister bereid …?", "Is de minister bereid ${1}?", "Is de minister bereid "),
    ]

    static func make(_ situation: CompletionSituation, corpus: Corpus, vocabulary: CompletionVocabulary,
                     preferences options: CompletionPreferences) -> CompletionResult {
        var items: [CompletionCandidate] = []
        var isIncomplete = false
        func add(_ label: String, _ kind: CompletionCandidate.Kind, detail: String? = nil, newText: String,
                 replace: TextRange, filterText: String? = nil, isSnippet: Bool = false) {
            items.append(CompletionCandidate(label: label, kind: kind, detail: detail, documentation: nil,
                                             filterText: filterText, newText: newText, replace: replace,
                                             isSnippet: isSnippet, record: nil))
        }

        switch situation {
        case .nothing:
            break

        case .citationNumber(let typed, let replace, let needsSpace):
            let found = questionIndices(typed, corpus: corpus, vocabulary: vocabulary)
            isIncomplete = true
            for index in found {
                let record = corpus.records[Int(index)]
                guard let number = record.number, let date = record.date else { continue }
                let label = "\(number) van \(date.canonicalText)"
                items.append(CompletionCandidate(
                    label: label, kind: .question, detail: record.title,
                    documentation: items.count < documentedInline
                        ? RecordPreview.make(record, format: options.documentation) : nil,
                    filterText: "\(label) \(record.title)", newText: (needsSpace ? " " : "") + label,
                    replace: replace, isSnippet: false,
                    record: RecordHandle(index: Int(index), source: record.source.description)))
            }

        case .citationPhrase(let typed, let replace):
            let phrase = matchCase(typed, "schriftelijke vraag")
            if options.snippets {
                add("\(phrase) nr. … van …", .snippet, detail: "verwijzing naar een eerdere vraag",
                    newText: "\(phrase) nr. ${1:nummer} van ${2:datum}", replace: replace, filterText: phrase, isSnippet: true)
            } else {
                add("\(phrase) nr.", .keyword, detail: "verwijzing naar een eerdere vraag", newText: "\(phrase) nr. ",
                    replace: replace, filterText: phrase)
            }

        case .headerValue(let key, let typed, let replace):
            let index: PrefixIndex
            switch key {
            case .addressee: index = vocabulary.ministers
            case .author: index = vocabulary.authors
            default: index = vocabulary.themes
            }
            let (entries, capped) = typed.isEmpty ? index.top(limit) : index.matches(typed, limit: limit)
            isIncomplete = capped
            for entry in entries {
                add(entry.text, key == .theme ? .theme : .value, detail: entry.detail, newText: entry.text,
                    replace: replace)
            }

        case .titleSubject(let typed, let replace):
            let (entries, capped) = typed.isEmpty ? vocabulary.subjects.top(limit) : vocabulary.subjects.matches(typed, limit: limit)
            isIncomplete = capped
            for entry in entries {
                add(entry.text, .subject, detail: entry.detail, newText: "\(entry.text) - ", replace: replace,
                    filterText: entry.text)
            }

        case .titleSpecification(let subject, let typed, let replace):
            guard let index = vocabulary.specifications[PrefixIndex.fold(subject)] else { break }
            let (entries, capped) = typed.isEmpty ? index.top(limit) : index.matches(typed, limit: limit)
            isIncomplete = capped
            for entry in entries { add(entry.text, .specification, detail: entry.detail, newText: entry.text, replace: replace) }

        case .itemOpener(let typed, let replace, let needsSpace):
            let folded = PrefixIndex.fold(typed)
            for opener in openers where PrefixIndex.fold(opener.label).hasPrefix(folded) {
                add(opener.label, .snippet, detail: "vraag", newText: (needsSpace ? " " : "") + (options.snippets ? opener.snippet : opener.plain),
                    replace: replace, filterText: opener.label, isSnippet: options.snippets)
            }

        case .runningText(let candidates):
            var seen = Set<String>()
            for candidate in candidates {
                var entries = vocabulary.terms.matches(candidate.typed, limit: limit)
                if candidate.isSingleWord {
                    let abbreviations = vocabulary.abbreviations.matches(candidate.typed, limit: limit)
                    entries.entries = abbreviations.entries + entries.entries
                    entries.isCapped = entries.isCapped || abbreviations.isCapped
                }
                isIncomplete = isIncomplete || entries.isCapped
                // Only what continues the typed text: `Kan de ` must not become `derdelanders ...`.
                let typedKey = candidate.continuationKey
                for entry in entries.entries where PrefixIndex.fold(entry.text).hasPrefix(typedKey)
                    && items.count < limit && seen.insert(entry.text).inserted {
                    let text = entry.kind == .abbreviation ? entry.text : matchCase(candidate.typed, entry.text)
                    add(text, itemKind(entry.kind), detail: entry.detail ?? "\(entry.count)× in het corpus",
                        newText: text, replace: candidate.replace)
                }
            }
            if items.count >= limit { isIncomplete = true }
        }
        return CompletionResult(isIncomplete: isIncomplete, candidates: items)
    }

    /// Corpus indices for what follows `nr.`: by number prefix (`12` → 12, 120..129,
    /// ...), narrowed by the label when more is typed (`123 van 26`); by title words
    /// when letters are typed; the newest questions when nothing is.
    static func questionIndices(_ typed: String, corpus: Corpus, vocabulary: CompletionVocabulary) -> [Int32] {
        let trimmed = typed.trimmingCharacters(in: .whitespaces)
        guard let first = trimmed.first else { return vocabulary.recent }
        if first.isASCIIDigit {
            let digits = String(trimmed.prefix { $0.isASCIIDigit })
            guard digits.count < trimmed.count else { return vocabulary.records(numberStartingWith: digits, limit: limit) }
            guard let number = Int(digits.prefix(7)) else { return [] }
            let wanted = PrefixIndex.fold(trimmed)
            // Every record with that exact number, filtered by the label typed so far.
            return vocabulary.records(number: number).filter { index in
                guard let date = corpus.records[Int(index)].date else { return false }
                return "\(number) van \(date.canonicalText)".hasPrefix(wanted)
            }.prefix(limit).map { $0 }
        }
        guard trimmed.count >= 2 else { return [] }
        return vocabulary.records(titleWordsStartingWith: trimmed, limit: limit)
    }

    /// The preview of a question offered earlier; nil when the corpus no longer has it.
    package static func documentation(_ handle: RecordHandle, corpus: Corpus, format: MarkupFormat) -> MarkupText? {
        guard handle.index >= 0, handle.index < corpus.count,
              corpus.records[handle.index].source.description == handle.source else { return nil }
        return RecordPreview.make(corpus.records[handle.index], format: format)
    }

    private static func itemKind(_ kind: PrefixIndex.Kind) -> CompletionCandidate.Kind {
        switch kind {
        case .agency: return .agency
        case .abbreviation: return .abbreviation
        case .person: return .value
        case .theme: return .theme
        case .subject: return .subject
        case .term: return .term
        }
    }

    /// `Schr` asks for `Schriftelijke`; `lokale` keeps a term as the corpus writes it.
    static func matchCase(_ typed: String, _ text: String) -> String {
        guard let typedFirst = typed.first, typedFirst.isUppercase, let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

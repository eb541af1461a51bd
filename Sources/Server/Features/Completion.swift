import Corpus
import Dispatch
import JSONRPC
import LSP
import QuestionModel
import SourceText

/// `textDocument/completion` and `completionItem/resolve`: questions after `nr.`,
/// the citation snippet, header values, title subjects, question openers and the
/// corpus's terms, agencies and abbreviations in running text.
extension LanguageServer {
    func registerCompletion() {
        onRequest("textDocument/completion", CompletionParams.self) { [unowned self] params in
            let (document, question) = try parsedDocument(params.textDocument.uri)
            let converter = document.converter(session.columnUnit)
            let cursor = converter.utf8Offset(params.position)
            let situation = CompletionContextDetector.situation(at: cursor, in: question, lineIndex: document.text.lineIndex,
                                                                trigger: CompletionTrigger(triggerKind: params.context?.triggerKind))
            let options = CompletionItems.Options(snippets: session.supportsSnippets,
                                                  documentation: session.completionDocumentationFormat)
            return CompletionItems.make(situation, corpus: corpus, vocabulary: completionVocabulary(), options: options,
                                        range: converter.range)
        }
        onRequest("completionItem/resolve", CompletionItem.self) { [unowned self] item in
            CompletionItems.resolve(item, corpus: corpus, format: session.completionDocumentationFormat)
        }
    }

    /// The vocabulary of the corpus in use, built now if the background build has not
    /// finished yet.
    func completionVocabulary() -> CompletionVocabulary {
        if let vocabulary = editingState.vocabulary { return vocabulary }
        // A small corpus is quick to do now. A large one is being built off the queue;
        // until then completion offers only what needs no corpus (the client asks again,
        // lists are incomplete), rather than block every request behind it.
        let vocabulary = CompletionVocabulary(corpus.count <= 2_000 ? corpus : .empty)
        editingState.vocabulary = vocabulary
        return vocabulary
    }

    /// Called when `corpus` is replaced: drops the vocabulary of the old corpus and
    /// builds the new one off the queue.
    func corpusReplacedForEditing() {
        editingState.generation += 1
        editingState.vocabulary = nil
        let generation = editingState.generation
        let corpus = self.corpus
        DispatchQueue.global(qos: .utility).async { [self] in
            let vocabulary = CompletionVocabulary(corpus)
            queue.async { [self] in
                if editingState.generation == generation {
                    editingState.vocabulary = vocabulary
                }
            }
        }
    }
}

/// Derived state of the editing features, tied to the corpus in use.
struct EditingState: Sendable {
    var generation = 0
    var vocabulary: CompletionVocabulary?
}

enum CompletionItems {
    /// At most this many items per list: lists stay fast; `isIncomplete` asks the
    /// client to come back as the user types.
    static let limit = 50
    /// Items that carry their preview at once; the rest get it from resolve.
    static let documentedInline = 5

    struct Options {
        var snippets: Bool
        var documentation: MarkupKind
    }

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
                     options: Options, range: (TextRange) -> LSP.Range) -> CompletionList {
        var items: [CompletionItem] = []
        var isIncomplete = false
        func add(_ label: String, _ kind: CompletionItemKind, detail: String? = nil, newText: String,
                 replace: TextRange, filterText: String? = nil, isSnippet: Bool = false) {
            items.append(CompletionItem(label: label, kind: kind, detail: detail, sortText: sortKey(items.count),
                                        filterText: filterText, insertTextFormat: isSnippet ? .snippet : .plainText,
                                        textEdit: TextEdit(range: range(replace), newText: newText)))
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
                items.append(CompletionItem(
                    label: label, kind: .reference, detail: record.title,
                    documentation: items.count < documentedInline
                        ? RecordPreview.make(record, format: options.documentation).content : nil,
                    sortText: sortKey(items.count), filterText: "\(label) \(record.title)",
                    insertTextFormat: .plainText,
                    textEdit: TextEdit(range: range(replace), newText: (needsSpace ? " " : "") + label),
                    data: .object(["record": .int(Int(index)), "source": .string(record.source.description)])))
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
                add(entry.text, key == .theme ? .enumMember : .value, detail: entry.detail, newText: entry.text,
                    replace: replace)
            }

        case .titleSubject(let typed, let replace):
            let (entries, capped) = typed.isEmpty ? vocabulary.subjects.top(limit) : vocabulary.subjects.matches(typed, limit: limit)
            isIncomplete = capped
            for entry in entries {
                add(entry.text, .class, detail: entry.detail, newText: "\(entry.text) - ", replace: replace,
                    filterText: entry.text)
            }

        case .titleSpecification(let subject, let typed, let replace):
            guard let index = vocabulary.specifications[PrefixIndex.fold(subject)] else { break }
            let (entries, capped) = typed.isEmpty ? index.top(limit) : index.matches(typed, limit: limit)
            isIncomplete = capped
            for entry in entries { add(entry.text, .field, detail: entry.detail, newText: entry.text, replace: replace) }

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
        return CompletionList(isIncomplete: isIncomplete, items: items)
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

    static func resolve(_ item: CompletionItem, corpus: Corpus, format: MarkupKind) -> CompletionItem {
        guard item.documentation == nil, let index = item.data?["record"]?.intValue,
              index >= 0, index < corpus.count,
              corpus.records[index].source.description == item.data?["source"]?.stringValue else { return item }
        var resolved = item
        resolved.documentation = RecordPreview.make(corpus.records[index], format: format).content
        return resolved
    }

    private static func itemKind(_ kind: PrefixIndex.Kind) -> CompletionItemKind {
        switch kind {
        case .agency: return .module
        case .abbreviation: return .constant
        case .person: return .value
        case .theme: return .enumMember
        case .subject: return .class
        case .term: return .text
        }
    }

    /// Keeps the client's order: ours is already ranked.
    private static func sortKey(_ position: Int) -> String {
        let digits = String(position)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `Schr` asks for `Schriftelijke`; `lokale` keeps a term as the corpus writes it.
    static func matchCase(_ typed: String, _ text: String) -> String {
        guard let typedFirst = typed.first, typedFirst.isUppercase, let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

// not-dutch (information): the text is clearly not Dutch. Every other check assumes
// Dutch (titles, request words, citations, month names), so on a French or English
// draft they say nothing or the wrong thing; this finding says why. Decided by
// function words: words only another language uses (`le`, `du`, `the`, `und`,
// `janvier`) against words only Dutch uses (`het`, `een`, `niet`, `welke`). Words
// both share (`de`, `en`, `in`) count for neither. It fires when there are at least
// three foreign words and more than three times as many as Dutch ones: a Dutch draft
// quoting an English report or a French title stays silent.
import QuestionModel
import SourceText

struct NotDutchRule: Rule {
    let code = RuleCode.notDutch

    static let dutchList = [
        "het", "een", "van", "dat", "op", "te", "voor", "met", "zijn", "niet", "aan", "er", "ook", "als", "bij",
        "door", "naar", "om", "worden", "wordt", "werd", "deze", "heeft", "hebben", "kan", "kunnen", "zal", "zou",
        "welke", "hoeveel", "wat", "hoe", "waarom", "wanneer", "ik", "uit", "nog", "geen", "meer", "wil", "graag",
        "hun", "dit", "wij", "zij", "ze", "minister", "vraag", "vragen", "januari", "februari", "maart", "mei",
        "juni", "juli", "augustus", "oktober",
    ]

    /// French, English and German function words, and month names Dutch writes otherwise.
    static let foreignList = [
        // French
        "le", "la", "les", "des", "du", "et", "est", "un", "une", "que", "qui", "pour", "dans", "par", "sur", "au",
        "aux", "pas", "ce", "cette", "sont", "avec", "ne", "il", "elle", "nous", "vous", "ministre", "question",
        "questions", "écrite", "madame", "monsieur", "quel", "quelle", "quels", "quelles", "combien", "pourquoi",
        "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "décembre",
        // English
        "the", "and", "that", "for", "with", "are", "this", "which", "be", "not", "to", "how", "many", "what", "why",
        "when", "minister", "january", "february", "march", "june", "july", "october",
        // German
        "der", "das", "und", "ist", "nicht", "ein", "eine", "mit", "von", "zu", "auf", "für", "sich", "auch",
    ].filter { !dutchList.contains($0) }

    // Looked up once per word of the title and question part: byte-packed, no hashing.
    static let dutchWords = ShortWordSet(dutchList)
    static let foreignWords = ShortWordSet(foreignList)

    /// Longer words are in neither list.
    static let longestWord = max(dutchWords.longestMember, foreignWords.longestMember)

    func findings(in context: CheckContext) -> [Finding] {
        let question = context.question
        let ranges = [question.title?.range, question.questionRange].compactMap { $0 }
        guard let first = ranges.first else { return [] }
        var dutch = 0, foreign = 0
        // Read once: a static read per word checks its one-time initialization.
        let (dutchWords, foreignWords, longestWord) = (Self.dutchWords, Self.foreignWords, Self.longestWord)
        for range in ranges {
            // One word at a time, no word kept: a 1 MB draft is 170,000 words.
            TextScanning.forEachWord(context.bytes, in: range) { _, word, _ in
                guard word.count <= longestWord else { return }
                if dutchWords.contains(word) { dutch += 1 }
                else if foreignWords.contains(word) { foreign += 1 }
            }
        }
        guard foreign >= 3, foreign > 3 * dutch else { return [] }
        let line = Bytes.trimmed(context.bytes, TextScanning.fullLine(context.bytes, containing: first.start))
        return [Finding(code: code, range: line,
                        message: "Deze tekst lijkt niet in het Nederlands geschreven (\(foreign) woorden uit een andere taal, \(dutch) Nederlandse). Vraagbaak gaat uit van het Nederlands: titel, vragen, verwijzingen en datums worden dan niet herkend en de andere meldingen zeggen weinig. (The checks assume Dutch. Les contrôles supposent un texte en néerlandais.)")]
    }
}

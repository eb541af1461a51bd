/// The completion vocabulary in the index cache: written after the corpus, read
/// back as it was built (keys already folded and sorted), so a reopen builds nothing.
extension CompletionVocabulary {
    func write(to writer: inout BinaryWriter) {
        writer.writeColumn(numbered)
        writer.writeColumn(numbers.map { Int64($0) })
        writer.writeColumn(recent)
        writer.writeColumn(recencyRank)
        for index in [ministers, authors, themes, subjects, terms, abbreviations] { index.write(to: &writer) }
        let subjects = specifications.keys.sorted()
        writer.write(subjects.count)
        for subject in subjects {
            writer.write(subject)
            specifications[subject]?.write(to: &writer)
        }
        writer.write(titleWords.count)
        for word in titleWords { writer.write(word) }
        var starts: [Int32] = [0]
        for records in recordsByTitleWord { starts.append(starts[starts.count - 1] + Int32(records.count)) }
        writer.writeColumn(starts)
        writer.writeColumn(recordsByTitleWord.flatMap { $0 })
        PrefixIndex(entries: phrases, sortedKeys: []).write(to: &writer)
    }

    /// Every record index is checked against `recordCount`: a crafted cache must not
    /// make completion index out of bounds.
    init(from reader: inout BinaryReader, recordCount: Int) throws {
        func records(_ column: Column<Int32>) throws -> [Int32] {
            let values = Array(column)
            guard values.allSatisfy({ $0 >= 0 && Int($0) < recordCount }) else { throw BinaryReader.Corrupt() }
            return values
        }
        let numbered = try records(reader.readColumn(Int32.self))
        let numbers = Array(try reader.readColumn(Int64.self)).map { Int($0) }
        let recent = try records(reader.readColumn(Int32.self))
        let recencyRank = Array(try reader.readColumn(Int32.self))
        // An empty vocabulary (a corpus saved without one) has no ranks at all.
        guard numbers.count == numbered.count, recencyRank.isEmpty || recencyRank.count == recordCount
        else { throw BinaryReader.Corrupt() }
        var indices: [PrefixIndex] = []
        for _ in 0..<6 { indices.append(try PrefixIndex(from: &reader)) }
        var specifications: [String: PrefixIndex] = [:]
        for _ in 0..<(try reader.readCount()) {
            let subject = try reader.readString()
            specifications[subject] = try PrefixIndex(from: &reader)
        }
        var titleWords: [String] = []
        for _ in 0..<(try reader.readCount()) { titleWords.append(try reader.readString()) }
        let starts = Array(try reader.readColumn(Int32.self))
        let all = try records(reader.readColumn(Int32.self))
        guard recencyRank.count == recordCount || all.isEmpty, starts.count == titleWords.count + 1, starts.first == 0, Int(starts.last ?? -1) == all.count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }) else { throw BinaryReader.Corrupt() }
        let recordsByTitleWord = (0..<titleWords.count).map { Array(all[Int(starts[$0])..<Int(starts[$0 + 1])]) }
        let phrases = try PrefixIndex(from: &reader).entries
        self.init(numbered: numbered, numbers: numbers, recent: recent, ministers: indices[0], authors: indices[1],
                  themes: indices[2], subjects: indices[3], specifications: specifications, terms: indices[4],
                  abbreviations: indices[5], titleWords: titleWords, recordsByTitleWord: recordsByTitleWord,
                  recencyRank: recencyRank, phrases: phrases)
    }
}

extension PrefixIndex {
    func write(to writer: inout BinaryWriter) {
        writer.write(entries.count)
        for entry in entries {
            writer.write(entry.text)
            writer.write(entry.detail == nil ? 0 : 1)
            if let detail = entry.detail { writer.write(detail) }
            writer.write(entry.count)
            writer.write(Int(entry.kind.rawValue))
        }
        writer.write(keys.count)
        for key in keys {
            writer.write(key.key)
            writer.write(Int(key.entry))
        }
    }

    init(from reader: inout BinaryReader) throws {
        var entries: [Entry] = []
        for _ in 0..<(try reader.readCount()) {
            let text = try reader.readString()
            let detail = try reader.readInt() == 0 ? nil : try reader.readString()
            let count = try reader.readInt()
            guard let kind = Kind(rawValue: UInt8(clamping: try reader.readInt())) else { throw BinaryReader.Corrupt() }
            entries.append(Entry(text: text, detail: detail, count: count, kind: kind))
        }
        var keys: [(key: String, entry: Int32)] = []
        for _ in 0..<(try reader.readCount()) {
            let key = try reader.readString()
            let entry = try reader.readInt()
            guard entry >= 0, entry < entries.count else { throw BinaryReader.Corrupt() }
            keys.append((key, Int32(entry)))
        }
        self.init(entries: entries, sortedKeys: keys)
    }
}

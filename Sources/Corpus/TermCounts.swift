extension Tokenizer {
    /// Each distinct term of `text` (those of `forEachTerm`, stopwords left out) with
    /// how often it occurs, in the order of first occurrence. A string is made per
    /// distinct term, not per occurrence: a 1 MB draft has 170,000 terms and a few
    /// thousand distinct ones, and the repetition check counts them at keystrokes.
    /// Terms are found by their bytes in a `ByteTable`, as the indexer finds them.
    public static func termCounts(in text: String) -> [(term: String, count: Int)] {
        var table = ByteTable()
        var counts: [(term: String, count: Int)] = []
        forEachWord(in: text) { word in
            guard !stopwordBytes.contains(word) else { return }
            let entry = table.value(for: word) { word in
                counts.append((String(decoding: word, as: UTF8.self), 0))
                return Int32(counts.count - 1)
            }
            counts[Int(entry)].count += 1
        }
        return counts
    }
}

/// An incremental update of the search index: the postings of the documents kept
/// are copied with their new document numbers, those of removed documents dropped,
/// and the new documents' postings merged in. Linear in the postings; no document
/// is tokenized again.
///
/// What differs from a full rebuild: a full rebuild normalizes every posting by the
/// average field lengths of the whole new corpus, while the kept postings keep the
/// weights they were stored with and the new ones are weighed by the same averages
/// (`fieldAverages`, of the last full build). Kept documents' self scores likewise
/// keep their idf of that build. A few changed documents move those averages by
/// fractions of a percent; `updatedDocuments` counts the drift, and past a share
/// of the corpus the next update is a full rebuild (`CorpusLoader.update`). The
/// postings themselves (which documents have which terms) and the idf used by
/// queries are exactly a full rebuild's.
extension SearchIndex {
    /// A new document: its number in the updated index, its terms (a worker's local
    /// ids) and the map of those ids to index-wide ones.
    struct AddedDocument {
        let document: Int32
        let bag: TermBag
        let globalIDs: [Int32]
    }

    /// `newNumbers[d]` is old document `d`'s number in the update, or -1 when it goes;
    /// kept documents stay in their order. `termIDs` is the old map with the new
    /// documents' new terms added after the old ids.
    func updated(newNumbers: [Int32], documentCount newCount: Int, adding added: [AddedDocument],
                 termIDs newTermIDs: [String: Int32], changes: Int) -> SearchIndex {
        let oldTermCount = postingStarts.count - 1
        let termCount = newTermIDs.count
        // The new documents' postings, sorted by term and document.
        var addedPostings: [(term: Int32, document: Int32, weight: UInt16)] = []
        for document in added {
            let factors = Self.lengthFactors(document.bag.lengths, averages: fieldAverages)
            for (local, counts) in document.bag.counts {
                addedPostings.append((document.globalIDs[Int(local)], document.document,
                                      Self.storedWeight(counts, factors)))
            }
        }
        addedPostings.sort { ($0.term, $0.document) < ($1.term, $1.document) }

        var starts = [Int32](repeating: 0, count: termCount + 1)
        let capacity = postingDocuments.count + addedPostings.count
        var written = 0
        var weights: [UInt16] = []
        // Written through raw buffers: this loop copies every posting of the corpus.
        let documents = [Int32](unsafeUninitializedCapacity: capacity) { newDocuments, documentsCount in
            weights = [UInt16](unsafeUninitializedCapacity: capacity) { newWeights, weightsCount in
                postingStarts.withUnsafeBufferPointer { oldStarts in
                    postingDocuments.withUnsafeBufferPointer { oldDocuments in
                        postingWeights.withUnsafeBufferPointer { oldWeights in
                            newNumbers.withUnsafeBufferPointer { newNumbers in
                                var next = 0 // the next of `addedPostings`
                                for term in 0..<termCount {
                                    if term < oldTermCount {
                                        for posting in Int(oldStarts[term])..<Int(oldStarts[term + 1]) {
                                            let document = newNumbers[Int(oldDocuments[posting])]
                                            guard document >= 0 else { continue }
                                            while next < addedPostings.count, addedPostings[next].term == Int32(term),
                                                  addedPostings[next].document < document {
                                                newDocuments[written] = addedPostings[next].document
                                                newWeights[written] = addedPostings[next].weight
                                                written += 1
                                                next += 1
                                            }
                                            newDocuments[written] = document
                                            newWeights[written] = oldWeights[posting]
                                            written += 1
                                        }
                                    }
                                    while next < addedPostings.count, addedPostings[next].term == Int32(term) {
                                        newDocuments[written] = addedPostings[next].document
                                        newWeights[written] = addedPostings[next].weight
                                        written += 1
                                        next += 1
                                    }
                                    starts[term + 1] = Int32(written)
                                }
                            }
                        }
                    }
                }
                weightsCount = written
            }
            documentsCount = written
        }

        // Self scores: kept documents keep theirs; new ones are scored as a build would.
        var scores = [UInt32](repeating: 0, count: newCount)
        selfScores.withUnsafeBufferPointer { oldScores in
            for (old, new) in newNumbers.enumerated() where new >= 0 { scores[Int(new)] = oldScores[old] }
        }
        for document in added {
            let factors = Self.lengthFactors(document.bag.lengths, averages: fieldAverages)
            var score: Float = 0
            // In term order, as a build sums them.
            let terms = document.bag.counts.map { (document.globalIDs[Int($0.0)], $0.1) }.sorted { $0.0 < $1.0 }
            for (term, counts) in terms {
                let asked = counts[0] + counts[1]
                guard asked > 0 else { continue }
                let frequency = Int(starts[Int(term) + 1] - starts[Int(term)])
                score += Self.queryWeight(documents: newCount, frequency: frequency, queryCount: asked)
                    * Float(Self.storedWeight(counts, factors))
            }
            scores[Int(document.document)] = score.bitPattern
        }
        return SearchIndex(termIDs: newTermIDs, postingStarts: Column(starts), postingDocuments: Column(documents),
                           postingWeights: Column(weights), documentCount: newCount, selfScores: Column(scores),
                           fieldAverages: fieldAverages, updatedDocuments: updatedDocuments + changes)
    }
}

extension RecordLookups {
    /// The lookups of an updated store: by reference and citations sorted again (a
    /// sort of integers), the name tables carried over with their records renumbered
    /// (`newNumbers` as in `SearchIndex.updated`) and the added records' names put in:
    /// no name of the 100,000 kept records is decoded again.
    init(_ store: RecordStore, updating old: RecordLookups, newNumbers: [Int32], added: [Int32]) {
        let sorted = RecordLookups.sortedColumns(store)
        self.init(byReference: sorted.byReference, citations: sorted.citations,
                  authors: old.authors.updated(store, .author, newNumbers: newNumbers, added: added),
                  ministers: old.ministers.updated(store, .minister, newNumbers: newNumbers, added: added),
                  themes: old.themes.updated(store, .theme, newNumbers: newNumbers, added: added))
    }
}

extension NameTable {
    func updated(_ store: RecordStore, _ field: RecordStore.Field, newNumbers: [Int32], added: [Int32]) -> NameTable {
        // The added records by key, each list in record order.
        var addedByKey: [String: [Int32]] = [:]
        for record in added {
            guard let name = store.string(field, Int(record)) else { continue }
            addedByKey[Self.key(name), default: []].append(record)
        }
        let addedKeys = addedByKey.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        var newKeyText: [UInt8] = []
        var newKeyStarts: [Int32] = [0]
        var newRecordStarts: [Int32] = [0]
        var newRecords: [Int32] = []
        newKeyText.reserveCapacity(keyText.count + addedKeys.reduce(0) { $0 + $1.utf8.count })
        newRecords.reserveCapacity(records.count + added.count)
        func emit<Key: Collection<UInt8>>(_ key: Key, _ list: [Int32]) {
            guard !list.isEmpty else { return }
            newKeyText.append(contentsOf: key)
            newKeyStarts.append(Int32(newKeyText.count))
            newRecords.append(contentsOf: list)
            newRecordStarts.append(Int32(newRecords.count))
        }
        var nextAdded = 0
        keyText.withUnsafeBufferPointer { text in
            for name in 0..<count {
                let key = UnsafeBufferPointer(rebasing: text[Int(keyStarts[name])..<Int(keyStarts[name + 1])])
                while nextAdded < addedKeys.count, addedKeys[nextAdded].utf8.lexicographicallyPrecedes(key) {
                    emit(addedKeys[nextAdded].utf8, addedByKey[addedKeys[nextAdded]] ?? [])
                    nextAdded += 1
                }
                var list: [Int32] = []
                for position in Int(recordStarts[name])..<Int(recordStarts[name + 1]) {
                    let record = newNumbers[Int(records[position])]
                    if record >= 0 { list.append(record) }
                }
                if nextAdded < addedKeys.count, addedKeys[nextAdded].utf8.elementsEqual(key) {
                    list = (list + (addedByKey[addedKeys[nextAdded]] ?? [])).sorted()
                    nextAdded += 1
                }
                emit(key, list)
            }
        }
        while nextAdded < addedKeys.count {
            emit(addedKeys[nextAdded].utf8, addedByKey[addedKeys[nextAdded]] ?? [])
            nextAdded += 1
        }
        return NameTable(keyText: Column(newKeyText), keyStarts: Column(newKeyStarts),
                         recordStarts: Column(newRecordStarts), records: Column(newRecords))
    }
}

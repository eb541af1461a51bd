/// Every record's shingles (see `Shingles`), in two columns: the hashes of record
/// `r` are `hashes[starts[r] ..< starts[r + 1]]`, sorted. What the repetition check
/// needs to tell a near-verbatim copy from the whole question text of both sides,
/// kept in the index cache and read there in place.
struct RecordSignatures: Sendable {
    let starts: Column<UInt32>
    let hashes: Column<UInt32>

    var count: Int { max(0, starts.count - 1) }

    /// Whether the columns agree, so no read can go out of bounds; every list's
    /// order is not checked (a wrong order gives a wrong count, never a crash).
    func isConsistent(recordCount: Int) -> Bool {
        starts.count == recordCount + 1 && starts.first == 0 && Int(starts.last ?? 1) == hashes.count
            && starts.isNondecreasing
    }

    func overlap(_ record: Int, with draft: Shingles) -> ShingleOverlap {
        let range = Int(starts[record])..<Int(starts[record + 1])
        let shared = hashes.withUnsafeBufferPointer { hashes in
            draft.hashes.withUnsafeBufferPointer { Shingles.sharedCount(UnsafeBufferPointer(rebasing: hashes[range]), $0) }
        }
        return ShingleOverlap(shared: shared, draftCount: draft.count, recordCount: range.count)
    }

    func shingles(_ record: Int) -> Shingles {
        let range = Int(starts[record])..<Int(starts[record + 1])
        return Shingles(sortedHashes: hashes.withUnsafeBufferPointer { Array($0[range]) })
    }
}

struct RecordSignaturesBuilder {
    private var starts: [UInt32] = [0]
    private var hashes: [UInt32] = []

    mutating func append(_ shingles: Shingles) {
        hashes.append(contentsOf: shingles.hashes)
        starts.append(UInt32(clamping: hashes.count))
    }

    var hashCount: Int { hashes.count }

    mutating func reserve(records: Int, hashes more: Int) {
        starts.reserveCapacity(starts.count + records)
        hashes.reserveCapacity(hashes.count + more)
    }

    /// Records `range` of `signatures`, copied in bulk.
    mutating func append(_ signatures: RecordSignatures, records range: Range<Int>) {
        guard !range.isEmpty else { return }
        let first = Int(signatures.starts[range.lowerBound]), end = Int(signatures.starts[range.upperBound])
        let shift = Int64(hashes.count) - Int64(first)
        signatures.hashes.withUnsafeBufferPointer { hashes.append(contentsOf: UnsafeBufferPointer(rebasing: $0[first..<end])) }
        signatures.starts.withUnsafeBufferPointer { theirs in
            for record in (range.lowerBound + 1)...range.upperBound { starts.append(UInt32(clamping: Int64(theirs[record]) + shift)) }
        }
    }

    func build() -> RecordSignatures { RecordSignatures(starts: Column(starts), hashes: Column(hashes)) }
}

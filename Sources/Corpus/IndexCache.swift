import Foundation
import QuestionModel

/// A versioned, checksummed cache of a built corpus, one file per set of sources,
/// so that a large corpus reopens in a fraction of the time a rebuild takes.
///
/// The cache is used only when its format and Vraagbaak version match, its
/// checksum is right, it was built from the same canonical sources, the files it was
/// built from are exactly the files there now (same paths, sizes and modification
/// times), and a sample of them still has the content it had. Otherwise it is rebuilt.
/// The file is named by the canonical sources (`CorpusSource.canonical`): two names of
/// one folder share a cache, two folders never do.
public struct IndexCache: Sendable {
    public let folder: URL
    let applicationVersion: String

    static let magic = Array("VRAAGBAAK-INDEX\n".utf8)
    static let formatVersion = 8
    /// Larger than any cache Vraagbaak writes (record text is capped at 4 GiB in all):
    /// such a file is not read at all.
    static let maximumFileSize = 4 << 30

    public init(folder: URL, applicationVersion: String) {
        self.folder = folder
        self.applicationVersion = applicationVersion
    }

    /// `$VRAAGBAAK_CACHE_DIR`, else `$XDG_CACHE_HOME/vraagbaak`, else `$HOME/.cache/vraagbaak`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["VRAAGBAAK_CACHE_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("vraagbaak")
        }
        return URL(fileURLWithPath: HomeDirectory.path(environment: environment)).appendingPathComponent(".cache/vraagbaak")
    }

    /// The cache file for a set of sources.
    public func fileURL(for sources: [CorpusSource]) -> URL {
        let key = Self.key(sources)
        let hash = Array(key.utf8).withUnsafeBytes { checksum($0) }
        return folder.appendingPathComponent("index-\(String(hash, radix: 16)).bin")
    }

    /// The canonical sources, one text: what a cache file is for.
    static func key(_ sources: [CorpusSource]) -> String {
        sources.map(\.canonical.description).sorted().joined(separator: "\n")
    }

    public enum Outcome: Equatable, Sendable {
        case hit
        case missing
        case stale(String)
        case corrupt
        /// Something that is no cache sits at the path (a FIFO, a folder, a huge
        /// file), or it cannot be read: the reason, with the path, for the user.
        case unusable(String)
    }

    /// The cached corpus for `sources` if it is still valid for `manifest`.
    public func load(_ sources: [CorpusSource], manifest: [CorpusFiles.Entry]) -> (Corpus?, Outcome) {
        let (cached, outcome) = read(sources)
        guard let cached else { return (nil, outcome) }
        let validity = cached.validate(manifest)
        return (validity == .hit ? cached.corpus(manifest: manifest) : nil, validity)
    }

    /// Why a cache is stale when files were added, changed or removed.
    public static let filesChanged = "corpus files changed"

    /// A cache file read and checked for itself (format, version, checksum, sources,
    /// consistent columns), not yet against the files on disk: what `read` gives, so
    /// the files can be listed while the cache is read.
    public struct Cached: Sendable {
        fileprivate let corpus: Corpus
        fileprivate let stored: StoredManifest

        /// `.hit` when the files listed now are those the cache was built from, with
        /// the same sizes and times, and a sample of them still has its content.
        public func validate(_ manifest: [CorpusFiles.Entry]) -> Outcome {
            guard stored.matches(manifest) else { return .stale(IndexCache.filesChanged) }
            guard stored.samplesMatch(manifest) else { return .stale("corpus file contents changed") }
            return .hit
        }

        /// The corpus, with the manifest it was validated against.
        public func corpus(manifest: [CorpusFiles.Entry]) -> Corpus { corpus.replacingManifest(manifest) }

        /// The corpus before it is validated, for answers while the files are checked:
        /// its manifest is empty (100,000 paths are not made for it), so it is never
        /// the base of an update.
        public var uncheckedCorpus: Corpus { corpus }

        /// The corpus with the manifest it was built from: what an update compares
        /// the files of now with.
        public var corpusAsBuilt: Corpus { corpus.replacingManifest(stored.entries()) }
    }

    /// Reads the cache for `sources` and checks it for itself (see `Cached`).
    ///
    /// The file is read into memory of our own in one go and its columns are used in
    /// place there (see `MappedFile`): a cache truncated on disk later changes nothing.
    public func read(_ sources: [CorpusSource]) -> (Cached?, Outcome) {
        let path = fileURL(for: sources).path
        let file: MappedFile
        // The header (magic, format, Vraagbaak version) is checked before the rest is
        // read: a file that is no cache of ours costs nothing, however large.
        let expected = Self.header(applicationVersion: applicationVersion, checksum: 0).dropLast(8)
        var verdict = Outcome.corrupt
        do {
            file = try MappedFile(path: path, maximumSize: Self.maximumFileSize, headerLength: expected.count) { first in
                if first.elementsEqual(expected) { return true }
                if first.count > Self.magic.count, first.prefix(Self.magic.count).elementsEqual(Self.magic) {
                    verdict = first[Self.magic.count] != expected[Self.magic.count]
                        ? .stale("cache format changed") : .stale("Vraagbaak version changed")
                }
                return false
            }
        } catch {
            switch error {
            case .missing: return (nil, .missing)
            case .empty: return (nil, .corrupt)
            case .wrongHeader: return (nil, verdict)
            case .notRegularFile: return (nil, .unusable("index cache \(path) is not a regular file: not used"))
            case .tooLarge(let size): return (nil, .unusable("index cache \(path) is \(size) bytes, too large to be one: not used"))
            case .unreadable(let code): return (nil, .unusable("index cache \(path) cannot be read: \(String(cString: strerror(code)))"))
            }
        }
        do {
            var reader = BinaryReader(file, offset: Self.magic.count)
            guard try reader.readInt() == Self.formatVersion else { return (nil, .stale("cache format changed")) }
            guard try reader.readString() == applicationVersion else { return (nil, .stale("Vraagbaak version changed")) }
            let expected = try reader.readFixed()
            guard checksum(reader.remaining) == expected else { return (nil, .corrupt) }
            guard try reader.readString() == Self.key(sources) else { return (nil, .stale("built for other corpus folders")) }
            let stored = try StoredManifest(&reader)
            let corpus = try Self.readCorpus(&reader, manifest: [])
            guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
            return (Cached(corpus: corpus, stored: stored), .hit)
        } catch {
            return (nil, .corrupt)
        }
    }

    /// Writes the cache atomically (see `CacheFileWriter`), streaming the payload
    /// out as it is encoded, with the checksum patched into the header at the end.
    public func save(_ corpus: Corpus, for sources: [CorpusSource]) throws {
        // Private: the cache holds excerpts of the corpus.
        try CacheFileWriter.createFolder(folder.path)
        CacheFileWriter.removeStaleTemporaries(in: folder.path)
        let file = try CacheFileWriter(destination: fileURL(for: sources).path,
                                       processID: ProcessInfo.processInfo.processIdentifier)
        let header = Self.header(applicationVersion: applicationVersion, checksum: 0)
        header.withUnsafeBytes { file.append($0) }
        var payloadChecksum = Checksum()
        var payload = BinaryWriter { bytes in
            payloadChecksum.add(bytes)
            file.append(bytes)
        }
        payload.write(Self.key(sources))
        Self.writeManifest(corpus.manifest, to: &payload)
        Self.writeSamples(corpus.manifest, to: &payload)
        Self.writeCorpus(corpus, to: &payload)
        payload.flush()
        // The checksum is the header's last 8 bytes, little-endian.
        file.patch(withUnsafeBytes(of: payloadChecksum.value.littleEndian) { Array($0) }, at: header.count - 8)
        try file.commit()
    }

    /// Magic, format, Vraagbaak version, and the payload's checksum; a multiple of 8
    /// bytes long, so the payload's columns stay aligned in the file.
    static func header(applicationVersion: String, checksum: UInt64) -> [UInt8] {
        var writer = BinaryWriter()
        for byte in magic { writer.writeByte(byte) }
        writer.write(formatVersion)
        writer.write(applicationVersion)
        writer.writeFixed(checksum)
        return writer.bytes
    }

    // MARK: - Encoding

    /// The files the cache was built from, as columns: paths, sizes, modification and
    /// status-change times, inodes.
    private static func writeManifest(_ manifest: [CorpusFiles.Entry], to writer: inout BinaryWriter) {
        var paths: [UInt8] = []
        var starts: [UInt32] = [0]
        for entry in manifest {
            paths.append(contentsOf: entry.rawPath ?? Array(entry.path.utf8))
            starts.append(UInt32(clamping: paths.count))
        }
        writer.writeColumn(paths)
        writer.writeColumn(starts)
        writer.writeColumn(manifest.map { Int64($0.size) })
        writer.writeColumn(manifest.map(\.modified))
        writer.writeColumn(manifest.map(\.changed))
        writer.writeColumn(manifest.map(\.inode))
    }

    /// Files whose content a reopen checks: sizes and times can agree by chance (a
    /// copy that kept them, a clock set back), so some content is compared as well.
    static let sampleCount = 32

    fileprivate static func sampleIndices(_ count: Int) -> [Int] {
        count <= sampleCount ? Array(0..<count) : (0..<sampleCount).map { $0 * (count - 1) / (sampleCount - 1) }
    }

    /// A fingerprint of a file's content as the loader reads it.
    static func fingerprint(_ entry: CorpusFiles.Entry) -> UInt64 {
        switch CorpusFileReader.read(entry) {
        case .text(let text, let wasUTF8):
            var text = text
            return text.withUTF8 { checksum(UnsafeRawBufferPointer($0)) } &+ (wasUTF8 ? 0 : 1)
        case .binary: return 1
        case .tooLarge(let bytes): return UInt64(bytes)
        case .unreadable: return 0
        }
    }

    private static func writeSamples(_ manifest: [CorpusFiles.Entry], to writer: inout BinaryWriter) {
        writer.writeColumn(sampleIndices(manifest.count).map { fingerprint(manifest[$0]) })
    }

    private static func writeCorpus(_ corpus: Corpus, to writer: inout BinaryWriter) {
        let store = corpus.records.store
        writer.write(store.count)
        writer.writeColumn(store.text)
        writer.writeColumn(store.spans)
        writer.writeColumn(store.presence)
        writer.writeColumn(store.numbers)
        writer.writeColumn(store.dates)
        writer.writeColumn(store.kinds)
        writer.writeColumn(store.questionCounts)
        writer.writeColumn(store.wordCounts)
        writer.writeColumn(store.citedStarts)
        writer.writeColumn(store.citedNumbers)
        writer.writeColumn(store.citedDates)
        writer.write(corpus.warnings.count)
        for warning in corpus.warnings {
            writer.write(warning.path)
            writer.write(warning.kind.rawValue)
            writer.write(warning.message)
        }
        let index = corpus.searchIndex
        // Terms in id order, as one text: a term never contains a space.
        let terms = index.termIDs.sorted { $0.value < $1.value }.map(\.key)
        writer.write(terms.count)
        writer.writeColumn(Array(terms.joined(separator: " ").utf8))
        writer.writeColumn(index.postingStarts)
        writer.writeColumn(index.postingDocuments)
        writer.writeColumn(index.postingWeights)
        writer.write(index.documentCount)
        writer.writeColumn(index.selfScores)
        writer.writeColumn(index.fieldAverages.map(\.bitPattern))
        writer.write(index.updatedDocuments)
        writer.writeColumn(corpus.signatures.starts)
        writer.writeColumn(corpus.signatures.hashes)
        writer.write(corpus.abbreviations.count)
        for abbreviation in corpus.abbreviations {
            writer.write(abbreviation.shortForm)
            writer.write(abbreviation.longForm)
            writer.write(abbreviation.count)
        }
        let definitions = corpus.recordAbbreviations
        writer.write(definitions.pairs.count)
        for pair in definitions.pairs {
            writer.write(pair.shortForm)
            writer.write(pair.longForm)
        }
        writer.writeColumn(definitions.starts)
        writer.writeColumn(definitions.definitions)
        let lookups = corpus.lookups
        writer.writeColumn(lookups.byReference)
        writer.writeColumn(lookups.citations)
        for table in [lookups.authors, lookups.ministers, lookups.themes] {
            writer.writeColumn(table.keyText)
            writer.writeColumn(table.keyStarts)
            writer.writeColumn(table.recordStarts)
            writer.writeColumn(table.records)
        }
        corpus.vocabulary.write(to: &writer)
    }

    private static func readCorpus(_ reader: inout BinaryReader, manifest: [CorpusFiles.Entry]) throws -> Corpus {
        let count = try reader.readInt()
        let store = RecordStore(
            count: count, text: try reader.readColumn(UInt8.self), spans: try reader.readColumn(UInt32.self),
            presence: try reader.readColumn(UInt16.self), numbers: try reader.readColumn(Int32.self),
            dates: try reader.readColumn(Int32.self), kinds: try reader.readColumn(UInt8.self),
            questionCounts: try reader.readColumn(Int32.self), wordCounts: try reader.readColumn(Int32.self),
            citedStarts: try reader.readColumn(Int32.self), citedNumbers: try reader.readColumn(Int32.self),
            citedDates: try reader.readColumn(Int32.self))
        guard count >= 0, store.isConsistent else { throw BinaryReader.Corrupt() }
        let warningCount = try reader.readCount()
        var warnings: [LoadWarning] = []
        for _ in 0..<warningCount {
            let path = try reader.readString()
            guard let kind = LoadWarning.Kind(rawValue: try reader.readString()) else { throw BinaryReader.Corrupt() }
            warnings.append(LoadWarning(path: path, kind: kind, message: try reader.readString()))
        }
        // Each term takes a byte of the term text at least: a larger count is corrupt
        // (and would overflow `termCount + 1` or a capacity below).
        let termCount = try reader.readCount()
        let termText = try reader.readColumn(UInt8.self)
        var termIDs: [String: Int32] = [:]
        termIDs.reserveCapacity(termCount)
        var id: Int32 = 0
        termText.withUnsafeBufferPointer { text in
            for term in text.split(separator: 0x20, omittingEmptySubsequences: true) {
                termIDs[String(decoding: term, as: UTF8.self)] = id
                id += 1
            }
        }
        let starts = try reader.readColumn(Int32.self)
        let documents = try reader.readColumn(Int32.self)
        let weights = try reader.readColumn(UInt16.self)
        let documentCount = try reader.readInt()
        let selfScores = try reader.readColumn(UInt32.self)
        let fieldAverages = Array(try reader.readColumn(UInt32.self)).map(Float.init(bitPattern:))
        let updatedDocuments = try reader.readInt()
        guard fieldAverages.count == 3, fieldAverages.allSatisfy({ $0.isFinite && $0 >= 1 }) else { throw BinaryReader.Corrupt() }
        let signatures = RecordSignatures(starts: try reader.readColumn(UInt32.self),
                                          hashes: try reader.readColumn(UInt32.self))
        guard selfScores.count == count, signatures.isConsistent(recordCount: count) else { throw BinaryReader.Corrupt() }
        // The postings must be consistent, or a query could index out of bounds.
        guard Int(id) == termCount, termIDs.count == termCount, starts.count == termCount + 1, starts.first == 0,
              Int(starts.last ?? -1) == documents.count, weights.count == documents.count, documentCount == count,
              starts.isNondecreasing, documents.allIndices(below: documentCount) else { throw BinaryReader.Corrupt() }
        let abbreviationCount = try reader.readCount()
        var abbreviations: [Abbreviation] = []
        for _ in 0..<abbreviationCount {
            abbreviations.append(Abbreviation(shortForm: try reader.readString(), longForm: try reader.readString(),
                                              count: try reader.readInt()))
        }
        var pairs: [RecordAbbreviations.Pair] = []
        for _ in 0..<(try reader.readCount()) {
            pairs.append(RecordAbbreviations.Pair(shortForm: try reader.readString(), longForm: try reader.readString()))
        }
        let recordAbbreviations = RecordAbbreviations(pairs: pairs, starts: try reader.readColumn(Int32.self),
                                                      definitions: try reader.readColumn(Int32.self))
        guard recordAbbreviations.isConsistent(recordCount: count) else { throw BinaryReader.Corrupt() }
        let byReference = try reader.readColumn(Int32.self)
        let citations = try reader.readColumn(Int32.self)
        var tables: [NameTable] = []
        for _ in 0..<3 {
            tables.append(NameTable(keyText: try reader.readColumn(UInt8.self), keyStarts: try reader.readColumn(Int32.self),
                                    recordStarts: try reader.readColumn(Int32.self),
                                    records: try reader.readColumn(Int32.self)))
        }
        let lookups = RecordLookups(byReference: byReference, citations: citations, authors: tables[0],
                                    ministers: tables[1], themes: tables[2])
        guard lookups.isConsistent(with: store) else { throw BinaryReader.Corrupt() }
        let index = SearchIndex(termIDs: termIDs, postingStarts: starts, postingDocuments: documents,
                                postingWeights: weights, documentCount: documentCount, selfScores: selfScores,
                                fieldAverages: fieldAverages, updatedDocuments: updatedDocuments)
        var corpus = Corpus(store: store, warnings: warnings, manifest: manifest, searchIndex: index, lookups: lookups,
                            signatures: signatures, abbreviations: abbreviations,
                            recordAbbreviations: recordAbbreviations)
        corpus.vocabulary = try CompletionVocabulary(from: &reader, recordCount: count)
        return corpus
    }
}

/// The manifest and content samples a cache was built from, as stored in it: columns
/// compared in place with the files listed now, no strings made for 100,000 paths.
private struct StoredManifest: Sendable {
    let paths: Column<UInt8>
    let starts: Column<UInt32>
    let sizes: Column<Int64>
    let modified: Column<Int64>
    let changed: Column<Int64>
    let inodes: Column<UInt64>
    let fingerprints: Column<UInt64>

    init(_ reader: inout BinaryReader) throws {
        paths = try reader.readColumn(UInt8.self)
        starts = try reader.readColumn(UInt32.self)
        sizes = try reader.readColumn(Int64.self)
        modified = try reader.readColumn(Int64.self)
        changed = try reader.readColumn(Int64.self)
        inodes = try reader.readColumn(UInt64.self)
        guard starts.count >= 1, sizes.count == starts.count - 1, modified.count == sizes.count,
              changed.count == sizes.count, inodes.count == sizes.count, starts.first == 0,
              Int(starts.last ?? 0) == paths.count, starts.isNondecreasing else { throw BinaryReader.Corrupt() }
        fingerprints = try reader.readColumn(UInt64.self)
        guard fingerprints.count == IndexCache.sampleIndices(sizes.count).count else { throw BinaryReader.Corrupt() }
    }

    /// Whether the stored manifest is exactly `manifest`. The status-change time and
    /// the inode too: `chmod` changes neither size nor modification time, and a file
    /// swapped for another may keep both.
    func matches(_ manifest: [CorpusFiles.Entry]) -> Bool {
        guard sizes.count == manifest.count else { return false }
        for (index, entry) in manifest.enumerated() {
            guard sizes[index] == Int64(entry.size), modified[index] == entry.modified, changed[index] == entry.changed,
                  inodes[index] == entry.inode,
                  paths.bytesEqual(Int(starts[index])..<Int(starts[index + 1]), entry) else { return false }
        }
        return true
    }

    /// The stored manifest as entries.
    func entries() -> [CorpusFiles.Entry] {
        (0..<sizes.count).map { index in
            let bytes = paths.withUnsafeBufferPointer { Array($0[Int(starts[index])..<Int(starts[index + 1])]) }
            return CorpusFiles.Entry(pathBytes: bytes, size: Int(sizes[index]), modified: modified[index],
                                     changed: changed[index], inode: inodes[index])
        }
    }

    /// Whether the sampled files still have the content they had (for a `manifest`
    /// that `matches`).
    func samplesMatch(_ manifest: [CorpusFiles.Entry]) -> Bool {
        let indices = IndexCache.sampleIndices(manifest.count)
        guard fingerprints.count == indices.count else { return false }
        return indices.enumerated().allSatisfy { fingerprints[$0.offset] == IndexCache.fingerprint(manifest[$0.element]) }
    }
}

import Foundation
import QuestionModel

/// A versioned, checksummed cache of a built corpus, one file per set of sources,
/// so that a large corpus reopens in a fraction of the time a rebuild takes.
///
/// The cache is used only when its format and Vraagbaak version match, its
/// checksum is right, and the files it was built from are exactly the files there
/// now (same paths, sizes and modification times). Otherwise it is rebuilt.
public struct IndexCache: Sendable {
    public let folder: URL
    let applicationVersion: String

    static let magic = Array("VRAAGBAAK-INDEX\n".utf8)
    static let formatVersion = 1

    public init(folder: URL, applicationVersion: String) {
        self.folder = folder
        self.applicationVersion = applicationVersion
    }

    /// `$VRAAGBAAK_CACHE_DIR`, else `$XDG_CACHE_HOME/vraagbaak`, else `~/.cache/vraagbaak`.
    public static func defaultFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let explicit = environment["VRAAGBAAK_CACHE_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit)
        }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("vraagbaak")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/vraagbaak")
    }

    /// The cache file for a set of sources.
    public func fileURL(for sources: [CorpusSource]) -> URL {
        let key = sources.map(\.description).sorted().joined(separator: "\n")
        let hash = Array(key.utf8).withUnsafeBytes { checksum($0) }
        return folder.appendingPathComponent("index-\(String(hash, radix: 16)).bin")
    }

    public enum Outcome: Equatable, Sendable {
        case hit
        case missing
        case stale(String)
        case corrupt
    }

    /// The cached corpus for `sources` if it is still valid for `manifest`.
    public func load(_ sources: [CorpusSource], manifest: [CorpusFiles.Entry]) -> (Corpus?, Outcome) {
        // Mapped, not read: the columns are copied once, from the page cache.
        guard let data = try? Data(contentsOf: fileURL(for: sources), options: .alwaysMapped) else { return (nil, .missing) }
        // Decoded straight from the file's buffer: a large cache is never copied whole.
        return data.withUnsafeBytes { bytes in
            do {
                var reader = BinaryReader(bytes)
                for byte in Self.magic where try reader.readUInt64() != UInt64(byte) { throw BinaryReader.Corrupt() }
                guard try reader.readInt() == Self.formatVersion else { return (nil, .stale("cache format changed")) }
                guard try reader.readString() == applicationVersion else { return (nil, .stale("Vraagbaak version changed")) }
                let expected = try reader.readUInt64()
                guard checksum(UnsafeRawBufferPointer(rebasing: bytes[reader.offset...])) == expected else {
                    return (nil, .corrupt)
                }
                // The manifest is compared as bytes: no strings made for 100,000 paths.
                guard try reader.readRawBytesEqual(Self.manifestBytes(manifest)) else {
                    return (nil, .stale("corpus files changed"))
                }
                let corpus = try Self.readCorpus(&reader, manifest: manifest)
                guard reader.isAtEnd else { throw BinaryReader.Corrupt() }
                return (corpus, .hit)
            } catch {
                return (nil, .corrupt)
            }
        }
    }

    /// Writes the cache atomically (a temporary file renamed into place), so a crash
    /// mid-write never leaves a half file that looks valid.
    public func save(_ corpus: Corpus, for sources: [CorpusSource]) throws {
        var payload = BinaryWriter()
        payload.writeRaw(Self.manifestBytes(corpus.manifest))
        Self.writeCorpus(corpus, to: &payload)
        var header = BinaryWriter()
        for byte in Self.magic { header.write(UInt64(byte)) }
        header.write(Self.formatVersion)
        header.write(applicationVersion)
        header.write(payload.bytes.withUnsafeBytes { checksum($0) })
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = fileURL(for: sources)
        let temporary = url.appendingPathExtension("tmp-\(ProcessInfo.processInfo.processIdentifier)")
        var data = Data(header.bytes)
        data.append(contentsOf: payload.bytes)
        try data.write(to: temporary)
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
    }

    // MARK: - Encoding

    /// The manifest as bytes: one `path NUL size NUL modified LF` line per file.
    static func manifestBytes(_ manifest: [CorpusFiles.Entry]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(manifest.count * 80)
        for entry in manifest {
            bytes.append(contentsOf: entry.path.utf8)
            bytes.append(0)
            bytes.append(contentsOf: String(entry.size).utf8)
            bytes.append(0)
            bytes.append(contentsOf: String(entry.modified).utf8)
            bytes.append(0x0A)
        }
        return bytes
    }

    private static func writeCorpus(_ corpus: Corpus, to writer: inout BinaryWriter) {
        let store = corpus.records.store
        writer.write(store.count)
        writer.writeRaw(store.text)
        writer.writeRaw(store.spans)
        writer.writeRaw(store.presence)
        writer.writeRaw(store.numbers)
        writer.writeRaw(store.dates)
        writer.writeRaw(store.kinds)
        writer.writeRaw(store.questionCounts)
        writer.writeRaw(store.wordCounts)
        writer.writeRaw(store.citedStarts)
        writer.writeRaw(store.citedNumbers)
        writer.writeRaw(store.citedDates)
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
        writer.writeRaw(Array(terms.joined(separator: " ").utf8))
        writer.writeRaw(index.postingStarts)
        writer.writeRaw(index.postingDocuments)
        writer.writeRaw(index.postingWeights)
        writer.write(index.documentCount)
        writer.write(corpus.abbreviations.count)
        for abbreviation in corpus.abbreviations {
            writer.write(abbreviation.shortForm)
            writer.write(abbreviation.longForm)
            writer.write(abbreviation.count)
        }
    }

    private static func readCorpus(_ reader: inout BinaryReader, manifest: [CorpusFiles.Entry]) throws -> Corpus {
        let count = try reader.readInt()
        let store = RecordStore(
            count: count, text: try reader.readRaw(UInt8.self), spans: try reader.readRaw(UInt32.self),
            presence: try reader.readRaw(UInt16.self), numbers: try reader.readRaw(Int32.self),
            dates: try reader.readRaw(Int32.self), kinds: try reader.readRaw(UInt8.self),
            questionCounts: try reader.readRaw(Int32.self), wordCounts: try reader.readRaw(Int32.self),
            citedStarts: try reader.readRaw(Int32.self), citedNumbers: try reader.readRaw(Int32.self),
            citedDates: try reader.readRaw(Int32.self))
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
        let termText = try reader.readRaw(UInt8.self)
        var termIDs: [String: Int32] = [:]
        termIDs.reserveCapacity(max(0, termCount))
        var id: Int32 = 0
        for term in termText.split(separator: 0x20, omittingEmptySubsequences: true) {
            termIDs[String(decoding: term, as: UTF8.self)] = id
            id += 1
        }
        let starts = try reader.readRaw(Int32.self)
        let documents = try reader.readRaw(Int32.self)
        let weights = try reader.readRaw(UInt16.self)
        let documentCount = try reader.readInt()
        // The postings must be consistent, or a query could index out of bounds.
        guard Int(id) == termCount, termIDs.count == termCount, starts.count == termCount + 1, starts.first == 0,
              Int(starts.last ?? -1) == documents.count, weights.count == documents.count, documentCount == count,
              zip(starts, starts.dropFirst()).allSatisfy({ $0 <= $1 }),
              documents.allSatisfy({ $0 >= 0 && Int($0) < documentCount }) else { throw BinaryReader.Corrupt() }
        let abbreviationCount = try reader.readCount()
        var abbreviations: [Abbreviation] = []
        for _ in 0..<abbreviationCount {
            abbreviations.append(Abbreviation(shortForm: try reader.readString(), longForm: try reader.readString(),
                                              count: try reader.readInt()))
        }
        let index = SearchIndex(termIDs: termIDs, postingStarts: starts, postingDocuments: documents,
                                postingWeights: weights, documentCount: documentCount)
        return Corpus(store: store, warnings: warnings, manifest: manifest, searchIndex: index,
                      abbreviations: abbreviations)
    }
}

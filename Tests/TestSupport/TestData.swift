import Foundation

/// Where the test data lives, found from this file: `Tests/TestSupport/` is two levels
/// under the repository, and the shared corpora sit beside the repository.
public enum TestData {
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let seedsFolder = repository.appendingPathComponent("seeds")
    public static let examplesFolder = repository.appendingPathComponent("examples")
    /// `/work/shared/corpora/kamer-2017` when the repository is `/work/main`.
    public static let kamerCorpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpora/kamer-2017")

    /// A file the tests need is missing: the test fails, it does not pass on nothing.
    public struct Missing: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// An example draft by name (`numbering.vraag`); throws when it is missing.
    public static func example(_ name: String) throws -> String {
        try read(examplesFolder.appendingPathComponent(name))
    }

    /// The seed whose file name starts with `prefix` (`"002"`); throws when none does.
    public static func seed(_ prefix: String) throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path)
        guard let name = names.sorted().first(where: { $0.hasPrefix(prefix + "_") }) else {
            throw Missing(description: "no seed \(prefix)_* in \(seedsFolder.path)")
        }
        return try read(seedsFolder.appendingPathComponent(name))
    }

    /// The files of a folder with one of `extensions`, sorted; throws when the folder
    /// is missing or holds none (a test over them would assert nothing).
    public static func files(in folder: URL, extensions: Set<String>) throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            throw Missing(description: "no folder \(folder.path)")
        }
        let files = names.sorted().filter { extensions.contains(($0 as NSString).pathExtension) }
            .map { folder.appendingPathComponent($0) }
        guard !files.isEmpty else {
            throw Missing(description: "no *.\(extensions.sorted().joined(separator: "|")) files in \(folder.path)")
        }
        return files
    }

    public static func read(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw Missing(description: "missing test file \(url.path)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension TestData {
    /// The five seed questions' texts, in file order.
    public static func allSeeds() throws -> [String] {
        try ["000", "001", "002", "003", "004"].map { try seed($0) }
    }
}

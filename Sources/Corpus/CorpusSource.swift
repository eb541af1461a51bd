#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the corpus comes from: the seeds compiled into the binary, and folders.
public enum CorpusSource: Hashable, Sendable, CustomStringConvertible {
    case embeddedSeeds
    case folder(path: String)

    public var description: String {
        switch self {
        case .embeddedSeeds: return "embedded seeds"
        case .folder(let path): return path
        }
    }

    /// The same source named by its canonical absolute path (`realpath`: no `.`,
    /// `..` or symbolic links), so that two names of one folder are one corpus and one
    /// name never stands for two. A folder that does not resolve stays as named.
    public var canonical: CorpusSource {
        guard case .folder(let path) = self, let resolved = realpath(path, nil) else { return self }
        defer { free(resolved) }
        return .folder(path: String(cString: resolved))
    }
}

/// A problem with one corpus file; the load goes on without it.
public struct LoadWarning: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case unreadable, binary, tooLarge, notUTF8, missingFolder, empty
        /// The index cache could not be read or written: said once per load, with the path.
        case cache
        /// Not stored: past a limit of the record store's columns.
        case corpusFull
    }

    public let path: String
    public let kind: Kind
    public let message: String

    public init(path: String, kind: Kind, message: String) {
        self.path = path
        self.kind = kind
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// How far a load has come, for `$/progress` and the CLI's progress bar.
public struct LoadProgress: Sendable, Equatable {
    public let filesDone: Int
    public let filesTotal: Int

    public init(filesDone: Int, filesTotal: Int) {
        self.filesDone = filesDone
        self.filesTotal = filesTotal
    }

    public var percentage: Int { filesTotal == 0 ? 100 : filesDone * 100 / filesTotal }
}

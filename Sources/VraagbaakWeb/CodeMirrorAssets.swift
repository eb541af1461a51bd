import Foundation

/// Where CodeMirror 5 is: Debian's `libjs-codemirror` or a folder given with
/// `--codemirror`. Nothing of it is copied into this project.
public struct CodeMirrorAssets: Sendable {
    public static let debianPath = "/usr/share/javascript/codemirror"

    /// The files the page loads, relative to the folder.
    static let requiredFiles = [
        "lib/codemirror.js", "lib/codemirror.css",
        "addon/lint/lint.js", "addon/lint/lint.css",
        "addon/hint/show-hint.js", "addon/hint/show-hint.css",
        "addon/dialog/dialog.js", "addon/dialog/dialog.css",
    ]

    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// The folder if it holds every required file, otherwise a message that says
    /// what is missing and how to install it.
    public static func locate(_ given: String?) -> Result<CodeMirrorAssets, LocateError> {
        let folder = given ?? debianPath
        let missing = requiredFiles.filter { !FileManager.default.isReadableFile(atPath: folder + "/" + $0) }
        guard missing.isEmpty else { return .failure(LocateError(folder: folder, missing: missing, wasGiven: given != nil)) }
        return .success(CodeMirrorAssets(folder: folder))
    }

    public struct LocateError: Error, CustomStringConvertible {
        public let folder: String
        public let missing: [String]
        public let wasGiven: Bool

        public var description: String {
            """
            CodeMirror 5 (the editor in the page) was not found in \(folder): missing \(missing.joined(separator: ", ")).
            Install it with:
                sudo apt-get install libjs-codemirror
            \(wasGiven ? "or point --codemirror at a folder with CodeMirror 5's lib/ and addon/." :
                "or give another folder with CodeMirror 5's lib/ and addon/ as --codemirror DIR.")
            """
        }
    }
}

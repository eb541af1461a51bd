// swift-tools-version:6.0
import PackageDescription

// Layering (see ARCHITECTURE.md): JSONRPC and LSP know nothing of questions;
// SourceText, QuestionModel, Corpus and Checks know nothing of the protocol;
// Server is the only module that imports both sides.
let package = Package(
    name: "Vraagbaak",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "vraagbaak", targets: ["vraagbaak"]),
    ],
    targets: [
        .target(name: "JSONRPC"),
        .target(name: "LSP", dependencies: ["JSONRPC"]),
        .target(name: "SourceText"),
        .target(name: "QuestionModel", dependencies: ["SourceText"]),
        .target(name: "Corpus", dependencies: ["QuestionModel"]),
        .target(name: "Checks", dependencies: ["QuestionModel", "Corpus", "SourceText"]),
        .target(name: "Server", dependencies: ["JSONRPC", "LSP", "SourceText", "QuestionModel", "Corpus", "Checks"]),
        .target(name: "CLI", dependencies: ["Server", "JSONRPC", "Corpus", "QuestionModel", "Checks"]),
        .executableTarget(name: "vraagbaak", dependencies: ["CLI"]),
        .executableTarget(name: "vraagbaak-bench", dependencies: ["QuestionModel", "SourceText", "Corpus", "Checks", "Server", "JSONRPC", "SyntheticCorpus"]),
        .target(name: "SyntheticCorpus"),
        .executableTarget(name: "vraagbaak-generate", dependencies: ["SyntheticCorpus"]),

        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "SourceTextTests", dependencies: ["SourceText"]),
        .testTarget(name: "QuestionModelTests", dependencies: ["QuestionModel"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "LSP", "JSONRPC", "SourceText", "QuestionModel", "Corpus"]),
        .testTarget(name: "CLITests", dependencies: ["CLI"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "QuestionModel", "SyntheticCorpus"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "QuestionModel", "Corpus", "SourceText"]),
        .testTarget(name: "EndToEndTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "SyntheticCorpusTests", dependencies: ["SyntheticCorpus"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["SourceText", "QuestionModel", "JSONRPC", "Corpus"],
                    exclude: ["Regressions"]),
    ],
    swiftLanguageModes: [.v6]
)

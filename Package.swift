// swift-tools-version:6.0
import PackageDescription

// Layering (see ARCHITECTURE.md): JSONRPC and LSP know nothing of questions;
// SourceText, QuestionModel, Corpus, Checks and Analysis know nothing of the protocol;
// Analysis answers every feature from an immutable snapshot, for the server and the
// CLI alike; Server is the only module that imports both sides. WebServer (HTTP +
// WebSocket) knows nothing of either; VraagbaakWeb joins it to Server for `vraagbaak web`.
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
        .target(name: "Analysis", dependencies: ["SourceText", "QuestionModel", "Corpus", "Checks"]),
        .target(name: "Server", dependencies: ["JSONRPC", "LSP", "SourceText", "QuestionModel", "Corpus", "Checks", "Analysis"]),
        .target(name: "WebServer"),
        .target(name: "VraagbaakWeb", dependencies: ["WebServer", "Server", "JSONRPC", "QuestionModel"], exclude: ["Page"]),
        .target(name: "CLI", dependencies: ["Server", "JSONRPC", "Corpus", "QuestionModel", "Checks", "Analysis", "VraagbaakWeb", "WebServer"]),
        .executableTarget(name: "vraagbaak", dependencies: ["CLI"]),
        .executableTarget(name: "vraagbaak-bench", dependencies: ["QuestionModel", "SourceText", "Corpus", "Checks", "Server", "JSONRPC", "SyntheticCorpus"]),
        .target(name: "SyntheticCorpus"),
        .executableTarget(name: "vraagbaak-generate", dependencies: ["SyntheticCorpus"]),

        .testTarget(name: "JSONRPCTests", dependencies: ["JSONRPC"]),
        .testTarget(name: "SourceTextTests", dependencies: ["SourceText"]),
        .testTarget(name: "QuestionModelTests", dependencies: ["QuestionModel", "TestSupport"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Analysis", "LSP", "JSONRPC", "SourceText", "QuestionModel", "Corpus"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "Checks", "SourceText", "QuestionModel", "Corpus", "TestSupport"]),
        // Helpers shared by the test targets: paths to the test data, position markers,
        // the seeded random generator.
        .target(name: "TestSupport", dependencies: ["SourceText"], path: "Tests/TestSupport"),
        .testTarget(name: "CLITests", dependencies: ["CLI"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "QuestionModel", "SyntheticCorpus", "TestSupport"]),
        .testTarget(name: "ChecksTests", dependencies: ["Checks", "QuestionModel", "Corpus", "SourceText", "TestSupport"]),
        .testTarget(name: "EndToEndTests", dependencies: ["JSONRPC", "TestSupport"]),
        .testTarget(name: "WebServerTests", dependencies: ["WebServer"]),
        .testTarget(name: "VraagbaakWebTests", dependencies: ["VraagbaakWeb", "WebServer"]),
        .testTarget(name: "SyntheticCorpusTests", dependencies: ["SyntheticCorpus"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["SourceText", "QuestionModel", "JSONRPC", "Corpus", "TestSupport"],
                    exclude: ["Regressions"]),
    ],
    swiftLanguageModes: [.v6]
)

import Foundation
import JSONRPC
import XCTest

/// A fixture with cursor markers (`1️⃣`, `2️⃣`, ...): the text without them and each
/// marker's LSP position in UTF-16 units.
struct MarkedText {
    let text: String
    let positions: [Character: JSONValue]

    init(_ source: String) {
        var text = ""
        var positions: [Character: JSONValue] = [:]
        var line = 0
        var utf16Column = 0
        for character in source {
            if character.unicodeScalars.count > 1, character.unicodeScalars.last == "\u{20E3}" {
                positions[character] = position(line, utf16Column)
                continue
            }
            text.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                utf16Column = 0
            } else {
                utf16Column += character.utf16.count
            }
        }
        self.text = text
        self.positions = positions
    }

    /// The marker's position; a marker that is not in the text fails the test (a
    /// misspelt marker must not point at nothing and pass).
    subscript(marker: Character, file: StaticString = #filePath, line: UInt = #line) -> JSONValue {
        guard let found = positions[marker] else {
            XCTFail("marker \(marker) is not in the text", file: file, line: line)
            return position(-1, -1)
        }
        return found
    }
}

/// A server with its own index cache, and optionally a corpus folder holding copies of
/// the seeds plus extra records, so corpus records have files.
final class EditingSession {
    let server: ServerProcess
    let folder: URL

    init(capabilities: JSONValue = .object([:]), corpusFiles: [String: String]? = nil, copySeeds: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("vraagbaak-edit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("corpus"), withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["VRAAGBAAK_CACHE_DIR"] = folder.appendingPathComponent("cache").path
        server = try ServerProcess(environment: environment)
        var options: JSONValue?
        if let corpusFiles {
            if copySeeds {
                for name in try FileManager.default.contentsOfDirectory(atPath: seedsFolder.path) where name.hasSuffix(".txt") {
                    try FileManager.default.copyItem(at: seedsFolder.appendingPathComponent(name),
                                                     to: corpusFolder.appendingPathComponent(name))
                }
            }
            for (name, text) in corpusFiles {
                try text.write(to: corpusFolder.appendingPathComponent(name), atomically: true, encoding: .utf8)
            }
            options = ["corpus": [.string(corpusFolder.path)]]
        }
        _ = try server.initialize(capabilities: capabilities, initializationOptions: options)
    }

    var corpusFolder: URL { folder.appendingPathComponent("corpus") }

    func corpusURI(_ name: String) -> String { corpusFolder.appendingPathComponent(name).absoluteString }

    deinit { try? FileManager.default.removeItem(at: folder) }

    /// Waits until the corpus holds `records` records.
    func waitForCorpus(records: Int, timeout: TimeInterval = 20, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(timeout)
        var last = JSONValue.null
        while Date() < deadline {
            last = try server.request("vraagbaak/corpusStatus")["result"] ?? .null
            if last["records"] == .int(records) { return }
            usleep(50_000)
        }
        XCTFail("corpus never reached \(records) records; last: \(last)", file: file, line: line)
    }

    func request(_ method: String, _ uri: String, _ position: JSONValue, extra: [String: JSONValue] = [:],
                 file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
        var params: [String: JSONValue] = ["textDocument": ["uri": .string(uri)], "position": position]
        for (key, value) in extra { params[key] = value }
        let response = try server.request(method, .object(params), file: file, line: line)
        XCTAssertNil(response["error"], "\(method) failed: \(response)", file: file, line: line)
        return response["result"] ?? .null
    }

    func finish(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try server.shutdownAndExit(), 0, file: file, line: line)
    }
}

func seedText(_ name: String) throws -> String {
    try String(contentsOf: seedsFolder.appendingPathComponent(name), encoding: .utf8)
}

/// Applies LSP text edits (UTF-16 positions) to a text, as an editor does.
func applying(_ edits: [JSONValue], to text: String) -> String {
    var lines = text.components(separatedBy: "\n").map { Array($0.utf16) }
    func offset(_ position: JSONValue?) -> (Int, Int) {
        (position?["line"]?.intValue ?? 0, position?["character"]?.intValue ?? 0)
    }
    // From the end, so earlier positions stay valid.
    let sorted = edits.sorted { offset($0["range"]?["start"]) > offset($1["range"]?["start"]) }
    for edit in sorted {
        let (startLine, startCharacter) = offset(edit["range"]?["start"])
        let (endLine, endCharacter) = offset(edit["range"]?["end"])
        let before = Array(lines[startLine].prefix(startCharacter))
        let after = Array(lines[endLine].dropFirst(endCharacter))
        let inserted = (String(decoding: before, as: UTF16.self) + (edit["newText"]?.stringValue ?? "")
            + String(decoding: after, as: UTF16.self)).components(separatedBy: "\n").map { Array($0.utf16) }
        lines.replaceSubrange(startLine...endLine, with: inserted)
    }
    return lines.map { String(decoding: $0, as: UTF16.self) }.joined(separator: "\n")
}

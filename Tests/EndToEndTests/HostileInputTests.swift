import Foundation
import JSONRPC
import XCTest

/// Hostile input over stdio against the built binary: the server answers what it
/// must with the right error, never crashes or hangs, and its memory stays bounded.
/// Complements `MalformedInputTests` (which has the basic bad JSON, bad header,
/// batch, unknown method, bad params and short binary garbage cases).
final class HostileInputTests: XCTestCase {
    private let uri = "file:///hostile.vraag"

    private func frame(_ body: [UInt8]) -> Data {
        Data("Content-Length: \(body.count)\r\n\r\n".utf8) + Data(body)
    }

    private func frame(_ text: String) -> Data { frame(Array(text.utf8)) }

    private func frame(_ value: JSONValue) -> Data {
        frame(Array((try? JSONEncoder().encode(value)) ?? Data()))
    }

    /// The server still answers a request after whatever came before.
    private func assertAlive(_ server: ServerProcess, file: StaticString = #filePath, line: UInt = #line) throws {
        let response = try server.request("vraagbaak/documentText", textDocument("file:///nothing-here"), file: file, line: line)
        XCTAssertEqual(response["error"]?["code"], -32602, "still serving", file: file, line: line)
    }

    private func parseErrors(_ server: ServerProcess) -> Int {
        server.inbox.filter { $0["error"]?["code"] == -32700 && $0["id"] == .null }.count
    }

    /// Resident memory of the server, in MiB, from /proc (Linux only).
    private func residentMiB(_ server: ServerProcess) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/\(server.process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return nil }
        return kilobytes / 1024
    }

    private func waitForResponses(_ server: ServerProcess, ids: Range<Int>, timeout: TimeInterval) -> [Int: JSONValue] {
        let deadline = Date().addingTimeInterval(timeout)
        var answers: [Int: JSONValue] = [:]
        while Date() < deadline {
            answers = [:]
            for message in server.inbox where message["method"] == nil {
                if let id = message["id"]?.intValue, ids.contains(id) { answers[id] = message }
            }
            if answers.count == ids.count { break }
            usleep(50_000)
        }
        return answers
    }

    // MARK: - Frames

    func testMalformedFramesOfEveryKind() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let ping = #"{"jsonrpc":"2.0","id":"ping","method":"vraagbaak/documentText","params":{"textDocument":{"uri":"file:///p"}}}"#

        // Accepted variants: lower-case names, extra headers, bare LF, blank lines between frames.
        server.sendRaw(Data("content-length: \(ping.utf8.count)\r\ncontent-type: application/vscode-jsonrpc; charset=utf-8\r\nX-Other: 1\r\n\r\n\(ping)".utf8))
        XCTAssertEqual(try server.response(to: .string("ping"))["error"]?["code"], -32602)
        server.sendRaw(Data("\r\n\r\n\nContent-Length: \(ping.utf8.count)\n\n\(ping)".utf8))
        XCTAssertEqual(try server.response(to: .string("ping"))["error"]?["code"], -32602)

        // Refused headers: each gives one -32700 with a null id, and the frame after it arrives.
        let badHeaders = [
            "Content-Type: application/json\r\n\r\n{}",                     // no Content-Length
            "Content-Length: -5\r\n\r\n",                                   // negative
            "Content-Length: 99999999999999999999999\r\n\r\n",              // not an Int
            "Content-Length: 600000000\r\n\r\n",                            // over the 512 MiB limit
            "Content-Length: 0x10\r\n\r\n",                                 // hex
            "Content-Length 12\r\n\r\n",                                    // no colon
        ]
        for (index, header) in badHeaders.enumerated() {
            let before = parseErrors(server)
            let id = "after-bad-header-\(index)"
            let request = #"{"jsonrpc":"2.0","id":"\#(id)","method":"vraagbaak/documentText","params":{"textDocument":{"uri":"file:///p"}}}"#
            server.sendRaw(Data(header.utf8) + frame(request))
            XCTAssertEqual(try server.response(to: .string(id))["error"]?["code"], -32602, "frame after \(header.debugDescription)")
            XCTAssertGreaterThan(parseErrors(server), before, "an error for \(header.debugDescription)")
        }

        // Garbage glued to the front of a header: the frame is still found.
        server.sendRaw(Data("}}garbage".utf8) + frame(#"{"jsonrpc":"2.0","id":"glued","method":"vraagbaak/corpusStatus"}"#))
        XCTAssertNotNil(try server.response(to: .string("glued"))["result"])

        // A header that never ends (over 16 KiB without an empty line) is dropped.
        server.sendRaw(Data(repeating: UInt8(ascii: "A"), count: 40_000) + Data("\r\n\r\n".utf8))
        try assertAlive(server)

        // Bodies that are JSON but not a request.
        for (body, code) in [("\"text\"", -32600), ("42", -32600), ("null", -32600), ("[]", -32600), ("", -32700),
                             ("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"x\"}", -32600),
                             ("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"x\"}", -32600),
                             ("{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"x\"}", -32600),
                             ("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"x\"}", -32600),
                             ("{\"id\":9,\"method\":\"x\"}", -32600),
                             ("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":7}", -32600),
                             ("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\",\"params\":3}", -32600),
                             ("\u{FEFF}{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"x\"", -32700)] {
            server.sendRaw(frame(body))
            let answer = try server.waitFor("error \(code) for \(body.debugDescription)") {
                $0["error"]?["code"] == .int(code) && $0["method"] == nil
            }
            XCTAssertNotNil(answer["error"]?["message"]?.stringValue)
        }
        // Invalid UTF-8 inside a JSON string, and 100,000 levels of nesting.
        server.sendRaw(frame(Array(#"{"jsonrpc":"2.0","id":"u","method":""#.utf8) + [0xC3, 0x28, 0xFF] + Array(#""}"#.utf8)))
        server.sendRaw(frame(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)))
        server.sendRaw(frame(String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000)))
        try assertAlive(server)

        // Ids are echoed exactly, whatever their size.
        let longID = String(repeating: "é😀", count: 20_000)
        for id: JSONValue in [.int(Int.max), .int(Int.min), .int(0), .string(""), .string(longID)] {
            server.send(["jsonrpc": "2.0", "id": id, "method": "vraagbaak/corpusStatus"])
            let answer = try server.waitFor("an answer to \(String(describing: id).prefix(40))") { $0["id"] == id }
            XCTAssertNotNil(answer["result"])
        }
        // Responses to requests the server never sent are dropped without a word.
        server.sendRaw(frame(#"{"jsonrpc":"2.0","id":123456,"result":{"x":1}}"#))
        server.sendRaw(frame(#"{"jsonrpc":"2.0","id":"nope","error":{"code":1,"message":"m"}}"#))
        try assertAlive(server)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testBinaryGarbageThenService() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        var random = SeededBytes(seed: 8)
        for size in [1, 17, 4096, 70_000, 1_000_000] {
            server.sendRaw(Data(random.bytes(size)))
            // The request after the garbage may share a "header" with its tail; the one after that is answered.
            server.sendRaw(frame(#"{"jsonrpc":"2.0","id":"g1","method":"vraagbaak/corpusStatus"}"#))
            server.sendRaw(frame(#"{"jsonrpc":"2.0","id":"g2","method":"vraagbaak/corpusStatus"}"#))
            XCTAssertNotNil(try server.response(to: .string("g2"), timeout: 20)["result"], "after \(size) bytes of garbage")
            _ = server.inbox // keep the inbox small
            _ = try? server.waitFor(timeout: 0.01, "g1 if answered") { $0["id"] == "g1" }
        }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    // MARK: - Positions and documents

    func testOutOfRangePositionsAndUnopenedDocuments() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.open(uri, "aan: minister\r\nTitel é - onderwerp 😀\r\n\r\nInleiding.\r\n\r\n1. Kan de minister zeggen? Zie vraag nr. 12 van 3 januari 2024.\r\n")
        let huge = Int(Int32.max)
        let positions: [JSONValue] = [position(-1, 0), position(0, -1), position(-5, -5), position(huge, 0), position(0, huge),
                                      position(huge, huge), position(1, 7), position(1, 18), position(5, 10_000),
                                      position(Int.max, Int.max), position(Int.min, Int.min)]
        let methods = ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references"]
        for method in methods {
            for at in positions {
                var params: [String: JSONValue] = ["textDocument": ["uri": .string(uri)], "position": at]
                if method == "textDocument/references" { params["context"] = ["includeDeclaration": true] }
                let response = try server.request(method, .object(params))
                XCTAssertNil(response["error"], "\(method) at \(at): \(response)")
            }
        }
        let ranges: [JSONValue] = [range(-1, -1, huge, huge), range(huge, 0, 0, 0), range(3, 5, 1, 0), range(Int.min, 0, Int.max, 0)]
        for at in ranges {
            for method in ["textDocument/inlayHint", "textDocument/codeAction"] {
                var params: [String: JSONValue] = ["textDocument": ["uri": .string(uri)], "range": at]
                if method == "textDocument/codeAction" { params["context"] = ["diagnostics": []] }
                let response = try server.request(method, .object(params))
                XCTAssertNil(response["error"], "\(method) over \(at): \(response)")
            }
        }
        // Numbers that are not Ints are the client's mistake: -32602.
        for bad: JSONValue in [.double(1e300), .double(0.5), .string("3")] {
            let response = try server.request("textDocument/hover", ["textDocument": ["uri": .string(uri)],
                                                                      "position": ["line": bad, "character": 0]])
            XCTAssertEqual(response["error"]?["code"], -32602, "line \(bad)")
        }
        for method in ["textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/semanticTokens/full",
                       "textDocument/documentLink", "textDocument/diagnostic", "textDocument/formatting"] {
            var params: [String: JSONValue] = ["textDocument": ["uri": .string(uri)]]
            if method == "textDocument/formatting" { params["options"] = ["tabSize": 4, "insertSpaces": true] }
            XCTAssertNil(try server.request(method, .object(params))["error"], method)
            params["textDocument"] = ["uri": "file:///never-opened.vraag"]
            XCTAssertEqual(try server.request(method, .object(params))["error"]?["code"], -32602, "\(method), unopened")
        }
        for method in methods {
            let response = try server.request(method, ["textDocument": ["uri": "file:///never-opened.vraag"],
                                                       "position": position(0, 0), "context": ["includeDeclaration": true]])
            XCTAssertEqual(response["error"]?["code"], -32602, "\(method), unopened")
        }

        // Edits with out-of-range ends are clamped: before the start is the start, past the end is the end.
        server.open("file:///e.vraag", "ab\r\ncd")
        server.change("file:///e.vraag", version: 2, [edit(range(-3, -3, -1, 5), "<"), edit(range(huge, 0, huge, huge), ">"),
                                                      edit(range(0, huge, 1, 0), "|"), edit(range(0, 3, 0, 1), "")])
        let text = try server.request("vraagbaak/documentText", textDocument("file:///e.vraag"))
        XCTAssertEqual(text["result"]?["text"], "<|cd>", "edits clamped, reversed ends swapped, applied in order")
        XCTAssertEqual(text["result"]?["version"], 2)
        // Close what was never opened, change it, close twice: no answer is due, the server goes on.
        server.notify("textDocument/didClose", textDocument("file:///never-opened.vraag"))
        server.notify("textDocument/didClose", textDocument("file:///e.vraag"))
        server.notify("textDocument/didClose", textDocument("file:///e.vraag"))
        try assertAlive(server)
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    // MARK: - Volume

    func testTenThousandPipelinedRequestsWithCancellations() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        server.open(uri, "Titel - onderwerp\n\n1. Kan de minister zeggen hoeveel?\n2. Waarom?\n")
        let count = 10_000
        let first = 100_000
        var stream = Data()
        for id in first..<(first + count) {
            stream += frame(["jsonrpc": "2.0", "id": .int(id), "method": "textDocument/documentSymbol",
                             "params": ["textDocument": ["uri": .string(uri)]]])
            // Cancel every third request just after sending it, and some long answered or unknown ids.
            if id % 3 == 0 { stream += frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": .int(id)]]) }
            if id % 97 == 0 { stream += frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": .int(id - 50)]]) }
            if id % 101 == 0 { stream += frame(["jsonrpc": "2.0", "method": "$/cancelRequest", "params": ["id": "unknown"]]) }
        }
        let before = residentMiB(server)
        let started = Date()
        server.sendRaw(stream)
        let answers = waitForResponses(server, ids: first..<(first + count), timeout: 40)
        XCTAssertEqual(answers.count, count, "every request is answered")
        var results = 0, cancelled = 0, other = 0
        for answer in answers.values {
            if answer["result"]?.arrayValue != nil { results += 1 }
            else if answer["error"]?["code"] == -32800 { cancelled += 1 }
            else { other += 1 }
        }
        XCTAssertEqual(other, 0, "only results and -32800")
        XCTAssertGreaterThan(results, 0)
        let after = residentMiB(server)
        print("hostile: \(count) pipelined requests: \(results) results, \(cancelled) cancelled, "
              + String(format: "%.1f s", Date().timeIntervalSince(started))
              + ", RSS \(before.map { String(format: "%.0f", $0) } ?? "?") -> \(after.map { String(format: "%.0f", $0) } ?? "?") MiB")
        if let after { XCTAssertLessThan(after, 256, "memory stays bounded: answered requests leave nothing behind") }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    func testTenMegabyteDocument() throws {
        let server = try ServerProcess()
        _ = try server.initialize()
        let baseline = residentMiB(server)
        let paragraph = "Kan de minister zeggen hoeveel aanvragen er in 2023 zijn ingediend? é😀 ’t Is 3 januari 2024.\r\n"
        let lines = 10 * 1024 * 1024 / paragraph.utf8.count
        let text = "aan: minister\r\nTitel - onderwerp\r\n\r\n" + String(repeating: paragraph, count: lines)
            + "1. Kan de minister zeggen hoeveel?\r\n2. Waarom?\r\n"
        XCTAssertGreaterThan(text.utf8.count, 10_000_000)
        let started = Date()
        server.open(uri, text)
        server.change(uri, version: 2, [edit(range(lines / 2, 10, lines / 2, 20), "é😀\r\nnieuw"),
                                        edit(range(lines + 10, 0, lines + 10, 0), "3. En verder?\r\n")])
        let symbols = try server.request("textDocument/documentSymbol", textDocument(uri), timeout: 60)
        XCTAssertNotNil(symbols["result"]?.arrayValue, "symbols of a 10 MB document")
        let hover = try server.request("textDocument/hover", ["textDocument": ["uri": .string(uri)],
                                                              "position": position(lines / 2, 12)], timeout: 60)
        XCTAssertNil(hover["error"])
        let echoed = try server.request("vraagbaak/documentText", textDocument(uri), timeout: 60)
        XCTAssertEqual(echoed["result"]?["text"]?.stringValue?.utf8.count, text.utf8.count - 10 + "é😀\r\nnieuw".utf8.count
                       + "3. En verder?\r\n".utf8.count)
        let peak = residentMiB(server)
        server.notify("textDocument/didClose", textDocument(uri))
        try assertAlive(server)
        print("hostile: 10 MB document opened, edited, symbols, hover in "
              + String(format: "%.1f s", Date().timeIntervalSince(started))
              + ", RSS \(baseline.map { String(format: "%.0f", $0) } ?? "?") -> \(peak.map { String(format: "%.0f", $0) } ?? "?") MiB")
        if let peak { XCTAssertLessThan(peak, 512, "a 10 MB document takes tens of megabytes, not a gigabyte") }
        XCTAssertEqual(try server.shutdownAndExit(), 0)
    }

    // MARK: - End of input

    func testEndOfInputInTheMiddleOfAMessage() throws {
        let cuts: [(String, Data, Int32)] = [
            ("mid-header", Data("Content-Len".utf8), 1),
            ("after the header", Data("Content-Length: 50\r\n\r\n".utf8), 1),
            ("mid-body", Data("Content-Length: 100000000\r\n\r\n{\"jsonrpc\":\"2.0\",".utf8), 1),
        ]
        for (what, bytes, expected) in cuts {
            let server = try ServerProcess()
            _ = try server.initialize()
            server.sendRaw(bytes)
            server.closeInput()
            XCTAssertEqual(server.waitForExit(timeout: 10), expected, "exits after EOF \(what)")
            XCTAssertEqual(server.process.terminationReason, .exit, "no crash at EOF \(what)")
        }
        // After shutdown, EOF mid-message still means a clean exit.
        let server = try ServerProcess()
        _ = try server.initialize()
        _ = try server.request("shutdown")
        server.sendRaw(Data("Content-Length: 40\r\n\r\n{\"jsonrpc\"".utf8))
        server.closeInput()
        XCTAssertEqual(server.waitForExit(timeout: 10), 0)
    }

    /// Inputs the ServerFuzz harness once failed on, replayed over stdio.
    func testServerFuzzRegressions() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("ReliabilityTests/Regressions/ServerFuzz")
        // A missing or empty folder fails: the test must not pass by looping zero times.
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".bin") }.sorted()
        XCTAssertFalse(names.isEmpty, "no inputs in \(folder.path)")
        for name in names {
            let server = try ServerProcess()
            server.sendRaw(try Data(contentsOf: folder.appendingPathComponent(name)))
            server.closeInput()
            XCTAssertNotNil(server.waitForExit(timeout: 20), "\(name): exits")
            XCTAssertEqual(server.process.terminationReason, .exit, "\(name): no crash")
        }
    }
}

/// Deterministic garbage.
private struct SeededBytes {
    var state: UInt64
    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 | 1 }
    mutating func bytes(_ count: Int) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(count)
        for _ in 0..<count {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            result.append(UInt8(truncatingIfNeeded: state))
        }
        return result
    }
}

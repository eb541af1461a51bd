import Foundation
import JSONRPC

/// `long-lines`: every document request on huge drafts, at an in-process server over
/// pipes: semantic tokens on a 4 MB draft that is one line of citations, and every
/// request on 1 MB drafts (one line; many short lines) right after a keystroke, so
/// each also reparses. Target: under 1 s for the 4 MB tokens, under 100 ms for every
/// request on 1 MB.
func runLongLinesBenchmark(_ options: [String]) {
    let megabytes = intOption(options, "--megabytes", default: 4)
    let client = InProcessClient()
    // Pulled diagnostics: no checks run in the background while a request is timed.
    // A client that resolves code action edits, as VS Code and Neovim do: the fix-all
    // edit is made when asked for (timed on its own below), not for every request.
    let records = client.start(corpus: seedsFolder(options), textDocumentCapabilities: [
        "diagnostic": .object([:]),
        "codeAction": .object(["resolveSupport": .object(["properties": .array([.string("edit")])])]),
    ])
    report("corpus: \(records) records (the seeds); load average \(loadAverage())")

    let citation = "zie mijn schriftelijke vraag nr. 123 van 5 januari 2024 en "
    let huge = "aan: Gwendolyn Rutten\n\nTitel - Een lange regel\n\n"
        + String(repeating: citation, count: megabytes * 1_000_000 / citation.utf8.count) + "?\n"
    let clock = ContinuousClock()
    let hugeURI = "file:///tmp/vraagbaak-bench-huge.vraag"
    let opened = clock.now
    client.open(hugeURI, huge)
    let (tokens, tokensTime) = client.request("textDocument/semanticTokens/full",
                                               .object(["textDocument": .object(["uri": .string(hugeURI)])]))
    let total = clock.now - opened
    report("semantic tokens, \(formatted(Double(huge.utf8.count) / 1e6)) MB on one line "
        + "(\(tokens["data"]?.arrayValue.map { $0.count / 5 } ?? 0) tokens): "
        + "\(formatted(tokensTime.seconds * 1000)) ms (\(formatted(total.seconds * 1000)) ms with didOpen)  "
        + "[target < 1000 ms]  load \(loadAverage())")
    client.close(hugeURI)

    let oneLine = "aan: Gwendolyn Rutten\nvan: Maaike De Vreese\ndatum: 26 januari 2024\n\n"
        + "Inburgering - Een draft op één regel\n\n"
        + String(repeating: "In mijn vraag nr. 12 van 3 maart 2023 vroeg ik naar de cijfers. 1. Hoeveel? 2. Waarom niet? ",
                 count: 1_000_000 / 95) + "\n"
    var paragraph = ""
    var number = 1
    while paragraph.utf8.count < 1_000_000 {
        paragraph += "\(number). Kan de minister, gelet op vraag nr. \(number) van 5 januari 2024, een overzicht geven?\n"
            + "   a) per provincie;\n   b) per jaar?\n\n"
        number += 1
    }
    let manyLines = "aan: Gwendolyn Rutten\nvan: Maaike De Vreese\ndatum: 26 januari 2024\n\n"
        + "Inburgering - Een draft van veel regels\n\nDe inleiding.\n\n" + paragraph
    for (name, text) in [("1 MB on one line", oneLine), ("1 MB in \(text(linesIn: manyLines)) lines", manyLines)] {
        measureEveryRequest(client, name: name, text: text)
    }
    _ = client.request("shutdown", .null)
    client.notify("exit", .null)
}

private func text(linesIn text: String) -> Int { text.utf8.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }

/// Each document request once after a keystroke at the end of the text, the slowest
/// flagged.
private func measureEveryRequest(_ client: InProcessClient, name: String, text: String) {
    let uri = "file:///tmp/vraagbaak-bench-\(name.filter(\.isLetter)).vraag"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let lastLine = lines.count - 2 // the line before the final newline
    let lastColumn = lines[lastLine].utf16.count
    let middle = (lastLine, lines[lastLine].utf16.count / 2)
    client.open(uri, text)
    let document: JSONValue = .object(["uri": .string(uri)])
    func at(_ position: (Int, Int)) -> JSONValue {
        .object(["textDocument": document, "position": .object(["line": .int(position.0), "character": .int(position.1)])])
    }
    let whole = lspRange(0, 0, lines.count, 0)
    let requests: [(String, String, JSONValue)] = [
        ("semantic tokens", "textDocument/semanticTokens/full", .object(["textDocument": document])),
        ("document symbols", "textDocument/documentSymbol", .object(["textDocument": document])),
        ("folding ranges", "textDocument/foldingRange", .object(["textDocument": document])),
        ("document links", "textDocument/documentLink", .object(["textDocument": document])),
        ("inlay hints", "textDocument/inlayHint", .object(["textDocument": document, "range": whole])),
        ("diagnostics (pull)", "textDocument/diagnostic", .object(["textDocument": document])),
        ("code actions, whole text", "textDocument/codeAction", .object([
            "textDocument": document, "range": whole, "context": .object(["diagnostics": .array([])]),
        ])),
        ("code actions, at the end", "textDocument/codeAction", .object([
            "textDocument": document, "range": lspRange(lastLine, lastColumn, lastLine, lastColumn),
            "context": .object(["diagnostics": .array([])]),
        ])),
        ("formatting", "textDocument/formatting", .object([
            "textDocument": document, "options": .object(["tabSize": .int(4), "insertSpaces": .bool(true)]),
        ])),
        ("hover, middle of the last line", "textDocument/hover", at(middle)),
        ("completion, end of the last line", "textDocument/completion", at((lastLine, lastColumn))),
        ("definition, middle of the last line", "textDocument/definition", at(middle)),
    ]
    // The server handles the keystroke before the request, so a figure includes both.
    report("\(name) (\(formatted(Double(text.utf8.count) / 1e6)) MB), each request after a keystroke:  load \(loadAverage())")
    var version = 1
    var slowest = 0.0
    for (label, method, params) in requests {
        version += 1
        client.change(uri, version: version, line: lastLine, column: lastColumn, insert: version % 2 == 0 ? "x" : nil)
        let (result, duration) = client.request(method, params)
        slowest = max(slowest, duration.seconds * 1000)
        let size = result.arrayValue?.count ?? result["data"]?.arrayValue.map { $0.count / 5 }
            ?? result["items"]?.arrayValue?.count ?? (result == .null ? 0 : 1)
        report("  \(label.padding(toLength: 36, withPad: " ", startingAt: 0)) \(formatted(duration.seconds * 1000)) ms, \(size) results")
    }
    report("  slowest: \(formatted(slowest)) ms  [target < 100 ms]  load \(loadAverage())")
    // On demand, not per keystroke: the member picks "fix all", the client resolves it.
    let (actions, _) = client.request("textDocument/codeAction", .object([
        "textDocument": document, "range": lspRange(lastLine, lastColumn, lastLine, lastColumn),
        "context": .object(["diagnostics": .array([]), "only": .array([.string("source.fixAll")])]),
    ]))
    if let fixAll = actions.arrayValue?.first {
        let (resolved, duration) = client.request("codeAction/resolve", fixAll)
        let edits = resolved["edit"]?["changes"]?[uri]?.arrayValue?.count ?? 0
        report("  fix all, codeAction/resolve (on demand) \(formatted(duration.seconds * 1000)) ms, \(edits) edit  "
            + "load \(loadAverage())")
    }
    client.close(uri)
}

extension InProcessClient {
    func open(_ uri: String, _ text: String) {
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("vraag"), "version": .int(1), "text": .string(text),
        ])]))
    }

    func close(_ uri: String) {
        notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string(uri)])]))
    }

    /// Types `insert` at the position, or deletes the character before it.
    func change(_ uri: String, version: Int, line: Int, column: Int, insert: String?) {
        let range = insert == nil ? lspRange(line, column - 1, line, column) : lspRange(line, column, line, column)
        notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(version)]),
            "contentChanges": .array([.object(["range": range, "text": .string(insert ?? "")])]),
        ]))
    }
}

/// The 1, 5 and 15 minute load averages, to read every figure against: the machine is shared.
func loadAverage() -> String {
    let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
    return text.split(separator: " ").prefix(3).joined(separator: " ")
}

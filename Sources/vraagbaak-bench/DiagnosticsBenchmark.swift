import Foundation
import JSONRPC

/// `diagnostics`: keystroke-to-diagnostics at the server. A `LanguageServer` runs in
/// this process behind pipes with a client that takes pushed diagnostics; a sample
/// is the time from writing a `didChange` to reading the `publishDiagnostics` of that
/// version, for a 1,000-word draft, every check included (the repetition check's
/// BM25 search over the whole corpus too).
func runDiagnosticsBenchmark(_ options: [String]) {
    let runs = intOption(options, "--runs", default: 1_000)
    let folder = editingCorpusFolder(options)
    let client = InProcessClient()
    // `--off CODE`: the same run without one rule, the peer to compare it with.
    let off = optionValue(options, "--off")
    let records = client.start(corpus: folder,
                               checks: off.map { .object(["rules": .object([$0: .string("off")])]) })
    report("load average: \(loadAverage())" + (off.map { "; rule \($0) off" } ?? ""))

    let draft = thousandWordDraft()
    let lines = draft.split(separator: "\n", omittingEmptySubsequences: false)
    let uri = "file:///tmp/vraagbaak-bench-diagnostics.vraag"
    client.notify("textDocument/didOpen", .object(["textDocument": .object([
        "uri": .string(uri), "languageId": .string("vraag"), "version": .int(1), "text": .string(draft),
    ])]))
    let first = client.diagnosticsArrival(version: 1)
    report("corpus: \(records) records; draft: \(draft.split(whereSeparator: \.isWhitespace).count) words, "
        + "\(first.count) diagnostics")

    var samples = Samples()
    let lastLine = lines.count - 1
    // `--typing`: a word typed letter by letter at the end of the draft and deleted
    // again, so every keystroke changes the question text's terms (the repetition
    // check searches again each time). Otherwise one letter typed and deleted, which
    // leaves the terms as they are (a one-letter word is no term).
    let typing = options.contains("--typing")
    let word = Array("inburgeringstrajecten".utf16)
    for run in 0..<(runs + 100) {
        let version = run + 2
        let start = client.now
        let change: JSONValue
        if typing {
            let step = run % (2 * word.count)
            if step < word.count {
                change = .object(["range": lspRange(lastLine, step, lastLine, step),
                                  "text": .string(String(utf16CodeUnits: [word[step]], count: 1))])
            } else {
                let length = 2 * word.count - step
                change = .object(["range": lspRange(lastLine, length - 1, lastLine, length), "text": .string("")])
            }
        } else {
            change = .object(["range": lspRange(lastLine, 0, lastLine, run % 2 == 0 ? 0 : 1),
                              "text": .string(run % 2 == 0 ? "x" : "")])
        }
        client.notify("textDocument/didChange", .object([
            "textDocument": .object(["uri": .string(uri), "version": .int(version)]),
            "contentChanges": .array([change]),
        ]))
        let arrival = client.diagnosticsArrival(version: version).arrival
        if run >= 100 { samples.append(arrival - start) } // the first 100 warm up
    }
    report("keystroke to diagnostics over \(runs) edits\(typing ? " (a word typed and deleted)" : ""): "
        + summary(samples) + "  [target p99 < 15 ms]"
        + "  load \(loadAverage())")
    _ = client.request("shutdown", .null)
    client.notify("exit", .null)
}

/// About 1,000 words in the draft layout: header, title, an introduction citing a
/// question, and numbered questions with sub-items, in the seeds' vocabulary.
private func thousandWordDraft() -> String {
    var text = """
        aan: Gwendolyn Rutten
        van: Maaike De Vreese
        thema: Integratie en Inburgering

        Inburgeringstrajecten - Stand van zaken en opvolging

        In opvolging van mijn schriftelijke vraag nr. 123 van 26 januari 2024 vraag ik de laatste stand van zaken op.
        Het Vlaamse inburgeringsbeleid legt de nadruk op economische en maatschappelijke zelfredzaamheid, de snelle
        verwerving van de Nederlandse taal en het zich eigen maken van de gedeelde normen en waarden.

        """
    var number = 1
    while text.split(whereSeparator: \.isWhitespace).count < 1_000 {
        text += """
            \(number). Kan de minister een overzicht geven van het aantal inburgeraars dat een inburgeringscontract heeft
            ondertekend in 2023, en van het aantal personen dat een attest behaalde bij het Agentschap Integratie en Inburgering:
               a) per provincie;
               b) per nationaliteit;
               c) per agentschap?

            """
        number += 1
    }
    return text + "\n"
}

#!/usr/bin/env python3
"""Writes the recorded-protocol seed inputs under Fuzz/corpus/ (framed LSP traffic).

Re-run after changing the protocol surface: python3 Fuzz/make-seeds.py
"""
import json, os, pathlib

root = pathlib.Path(__file__).resolve().parent
draft = (root.parent / "examples" / "clean.vraag").read_text(encoding="utf-8")
uri = "file:///w/vraag.vraag"

def frame(message, header=None):
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    head = header if header is not None else f"Content-Length: {len(body)}\r\n\r\n"
    return head.encode("utf-8") + body

def req(i, method, params=None):
    m = {"jsonrpc": "2.0", "id": i, "method": method}
    if params is not None: m["params"] = params
    return m

def note(method, params=None):
    m = {"jsonrpc": "2.0", "method": method}
    if params is not None: m["params"] = params
    return m

def pos(line, character): return {"line": line, "character": character}
def rng(a, b, c, d): return {"start": pos(a, b), "end": pos(c, d)}
doc = {"textDocument": {"uri": uri}}
def at(line, character): return {"textDocument": {"uri": uri}, "position": pos(line, character)}

init = req(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {
    "general": {"positionEncodings": ["utf-16"]},
    "textDocument": {"hover": {"contentFormat": ["markdown", "plaintext"]}, "diagnostic": {}}}})
init8 = req(1, "initialize", {"processId": None, "rootUri": None, "capabilities": {
    "general": {"positionEncodings": ["utf-8", "utf-32"]}}})
opened = note("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "vraag", "version": 1, "text": draft}})
small = note("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "vraag", "version": 1,
    "text": "aan: minister\r\nTitel - onderwerp 😀\r\n\r\n1. Kan de minister é zeggen? Zie vraag nr. 12 van 3 januari 2024.\ra) x\n"}})

sessions = {
    "lifecycle": [init, note("initialized", {}), req(2, "shutdown"), note("exit")],
    "features": [init, opened] + [req(10 + i, m, p) for i, (m, p) in enumerate([
        ("textDocument/documentSymbol", doc), ("textDocument/foldingRange", doc),
        ("textDocument/hover", at(3, 5)), ("textDocument/completion", at(1, 4)),
        ("textDocument/definition", at(5, 20)), ("textDocument/references", {**at(5, 20), "context": {"includeDeclaration": True}}),
        ("textDocument/semanticTokens/full", doc), ("textDocument/documentLink", doc),
        ("textDocument/inlayHint", {**doc, "range": rng(0, 0, 40, 0)}),
        ("textDocument/formatting", {**doc, "options": {"tabSize": 4, "insertSpaces": True}}),
        ("textDocument/diagnostic", doc),
        ("textDocument/codeAction", {**doc, "range": rng(0, 0, 3, 0), "context": {"diagnostics": []}}),
        ("workspace/symbol", {"query": "inburgering"}), ("vraagbaak/search", {"text": "inburgering", "limit": 3}),
        ("vraagbaak/corpusStatus", None), ("vraagbaak/documentText", doc),
        ("completionItem/resolve", {"label": "nr. 123", "data": {"kind": "question"}}),
    ])],
    "edits": [init8, small,
        note("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [
            {"range": rng(1, 3, 1, 9), "text": "é😀\r\n"}, {"range": rng(0, 99, 9, 99), "text": ""},
            {"range": rng(-1, -5, 1_000_000, 2**40), "text": "x"}, {"text": "volledig nieuw\n1. Waarom?"}]}),
        req(3, "textDocument/hover", at(0, 2**31)), req(4, "textDocument/completion", at(-1, -1)),
        req(5, "textDocument/documentSymbol", {"textDocument": {"uri": "file:///nooit-geopend.vraag"}}),
        note("$/cancelRequest", {"id": 4}), note("textDocument/didClose", doc), req(6, "textDocument/hover", at(0, 0))],
    "pipelined-cancel": [init, small] + sum(([req(100 + i, "textDocument/documentSymbol", doc),
        note("$/cancelRequest", {"id": 100 + i})] for i in range(5)), []),
    "responses": [init, {"jsonrpc": "2.0", "id": 1, "result": None}, {"jsonrpc": "2.0", "id": 7, "error": {"code": -32601, "message": "x"}},
        {"jsonrpc": "2.0", "id": None, "error": {"code": -32700, "message": "y"}}],
    "bad-messages": [init, [init], 42, {"jsonrpc": "1.0", "id": 2, "method": "shutdown"}, {"jsonrpc": "2.0", "id": True, "method": "x"},
        {"jsonrpc": "2.0", "id": 3.0, "method": "textDocument/hover", "params": 7}, {"jsonrpc": "2.0", "id": None, "method": "x"},
        req("s", "$/unknown"), note("textDocument/didOpen", {"textDocument": "nope"})],
}
for name, messages in sessions.items():
    data = b"".join(frame(m) for m in messages)
    for target in ("ServerFuzz", "JSONRPCFuzz"):
        (root / "corpus" / target / f"{name}.bin").write_bytes(data)

raw = {
    "lowercase-header": b"content-length: 2\r\ncontent-type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{}",
    "bare-lf": b"Content-Length: 2\n\n{}Content-Length: 2\r\n\r\n[]",
    "bad-length": b"Content-Length: nope\r\n\r\n{}Content-Length: -1\r\n\r\nContent-Length: 99999999999999999999\r\n\r\n",
    "no-colon": b"Hello\r\n\r\nContent-Length: 2\r\n\r\n{}",
    "garbage-then-frame": bytes(range(256)) + frame(req(1, "initialize", {"capabilities": {}})),
    "truncated": frame(init)[:-10],
    "blank-lines": b"\r\n\r\n\n" + frame(init) + b"\r\n" + frame(req(2, "shutdown")),
}
for name, data in raw.items():
    for target in ("ServerFuzz", "JSONRPCFuzz"):
        (root / "corpus" / target / f"{name}.bin").write_bytes(data)

texts = {
    "crlf-draft.vraag": draft.replace("\n", "\r\n"),
    "cr-only.vraag": draft.replace("\n", "\r"),
    "multibyte.vraag": "aan: minister 😀\nTitel é - ü\n\n1. Waarom? 😀😀\n  a) é\n  b) ü\n2. Hoe?\n",
    "export.txt": "title: T - S\nthema: X\nSCHRIFTELIJKE VRAAG\nnr. 123\nvan A B\ndatum: 26 januari 2024\naan C D\nMINISTER VAN X\nT - S\nIntro.\n1. Vraag?\nC D\nMINISTER VAN X\nANTWOORD\nop vraag nr. 123 van 26 januari 2024\nvan A B\n1. Antwoord.\nBIJLAGE\nTabel\n",
}
for name, text in texts.items():
    for target in ("QuestionFuzz", "CorpusFuzz"):
        (root / "corpus" / target / name).write_bytes(text.encode("utf-8"))
    (root / "corpus" / "CorpusFuzz" / ("cp1252-" + name)).write_bytes(text.encode("cp1252", errors="replace"))

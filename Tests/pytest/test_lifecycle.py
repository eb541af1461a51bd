"""A client we did not write (pytest-lsp, pygls, lsprotocol) checks our messages.

pytest-lsp parses every response into the spec's types, so a wrong shape fails here,
and LspSpecificationWarning is an error (pytest.ini)."""
import asyncio

from lsprotocol import types

from conftest import make_client_fixture

neovim = make_client_fixture("neovim@v0.7.0")
emacs = make_client_fixture("emacs@v29.1")
vscode = make_client_fixture("visual_studio_code")

DRAFT = """aan: Gwendolyn Rutten
thema: Integratie en Inburgering

Inburgering - Stand van zaken

In opvolging van mijn schriftelijke vraag nr. 113 van 6 januari 2023 vraag ik het volgende.

1. Kan de minister een overzicht geven van het aantal inburgeraars?
   a) per provincie;
   b) per agentschap?
2. Hoeveel trajecten werden gestart in 2023?
"""


async def open_draft(client, uri="file:///tmp/pytest-draft.vraag", text=DRAFT):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="vraag", version=1, text=text)
        )
    )
    return uri


def check_initialize_result(client, expected_encoding):
    result = client.vraagbaak_initialize_result
    assert result.server_info.name == "vraagbaak"
    assert result.server_info.version
    caps = result.capabilities
    assert caps.position_encoding == expected_encoding
    assert caps.text_document_sync.change == types.TextDocumentSyncKind.Incremental


async def test_initialize_as_neovim(neovim):
    check_initialize_result(neovim, "utf-16")  # Neovim 0.7 offers no encodings


async def test_initialize_as_emacs(emacs):
    check_initialize_result(emacs, "utf-32")  # eglot 29 offers utf-32 first


async def test_initialize_as_vscode(vscode):
    check_initialize_result(vscode, "utf-16")


async def test_document_symbols_after_incremental_edits(neovim):
    client = neovim
    uri = await open_draft(client)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(start=types.Position(line=3, character=0), end=types.Position(line=3, character=0)),
                    text="Één 😀 ",
                )
            ],
        )
    )
    symbols = await asyncio.wait_for(
        client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
        ),
        timeout=10,
    )
    names = [symbol.name for symbol in symbols]
    assert names[:3] == ["Kop", "Één 😀 Inburgering - Stand van zaken", "Inleiding"]
    first = symbols[3]
    assert first.name.startswith("1. Kan de minister")
    assert [child.name for child in first.children] == ["a) per provincie;", "b) per agentschap?"]
    assert symbols[4].name == "2. Hoeveel trajecten werden gestart in 2023?"


async def test_folding_ranges(vscode):
    uri = await open_draft(vscode)
    ranges = await asyncio.wait_for(
        vscode.text_document_folding_range_async(
            types.FoldingRangeParams(text_document=types.TextDocumentIdentifier(uri=uri))
        ),
        timeout=10,
    )
    spans = [(r.start_line, r.end_line) for r in ranges]
    assert (0, 1) in spans  # the header
    assert (7, 9) in spans  # question 1 with its sub-items

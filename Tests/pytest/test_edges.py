"""Issue 14 through a client we did not write (pytest-lsp): navigation on the default
corpus (the embedded seeds), workspace symbols by prefix and for an empty query, and
completion that neither pops up after a typed space nor replaces a whole word."""
import asyncio
import atexit
import os
import pathlib
import shutil
import tempfile

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import BINARY, REPO, SEEDS

# The server's index cache and seed copies go to a folder of this test run.
CACHE = pathlib.Path(tempfile.mkdtemp(prefix="vraagbaak-pytest-cache-"))
atexit.register(shutil.rmtree, CACHE, ignore_errors=True)


def private_cache_client(persona):
    config = ClientServerConfig(server_command=[BINARY, "serve"],
                                server_env={**os.environ, "VRAAGBAAK_CACHE_DIR": str(CACHE)})

    @pytest_lsp.fixture(config=config)
    async def client(lsp_client: LanguageClient):
        @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register_capability(params):
            return None

        await lsp_client.initialize_session(
            types.InitializeParams(capabilities=pytest_lsp.client_capabilities(persona), root_uri=REPO.as_uri())
        )
        yield
        await lsp_client.shutdown_session()

    return client


neovim = private_cache_client("neovim@v0.7.0")
emacs = private_cache_client("emacs@v29.1")
vscode = private_cache_client("visual_studio_code")

DRAFT = """aan: Gwendolyn Rutten

Inburgering - Stand van zaken

In opvolging van mijn schriftelijke vraag nr. 123 van 26 januari 2024 vraag ik het volgende.

1. Hoeveel inburgeraars?
2. Kan de 
3. Ik weet dat het aantal 
"""
CITATION = types.Position(line=4, character=50)  # inside `nr. 123 van 26 januari 2024`
AFTER_KAN_DE = types.Position(line=7, character=len("2. Kan de "))
AFTER_AANTAL = types.Position(line=8, character=len("3. Ik weet dat het aantal "))


async def open_draft(client, uri):
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="vraag", version=1, text=DRAFT)))
    # The corpus loads in the background: wait until the seeds are in.
    for _ in range(200):
        status = await client.protocol.send_request_async("vraagbaak/corpusStatus", None)
        if status.records == 5:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the embedded seeds never loaded")


async def definition_of_the_citation(client, uri):
    await open_draft(client, uri)
    result = await asyncio.wait_for(client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=CITATION)), timeout=10)
    locations = result if isinstance(result, list) else [result]
    assert len(locations) == 1, locations
    location = locations[0]
    path = pathlib.Path(location.uri.removeprefix("file://"))
    assert path == CACHE / "seeds" / "002_e03af9a1a96cd0dc.txt", location.uri
    assert location.range.start.line == 11 and location.range.start.character == 0
    assert path.read_bytes() == (SEEDS / "002_e03af9a1a96cd0dc.txt").read_bytes()
    assert path.stat().st_mode & 0o777 == 0o400


async def test_definition_on_the_default_corpus_as_neovim(neovim):
    await definition_of_the_citation(neovim, "file:///tmp/pytest-edges-neovim.vraag")


async def test_definition_on_the_default_corpus_as_emacs(emacs):
    await definition_of_the_citation(emacs, "file:///tmp/pytest-edges-emacs.vraag")


async def test_document_link_to_the_seed_copy(vscode):
    uri = "file:///tmp/pytest-edges-links.vraag"
    await open_draft(vscode, uri)
    links = await asyncio.wait_for(vscode.text_document_document_link_async(
        types.DocumentLinkParams(text_document=types.TextDocumentIdentifier(uri=uri))), timeout=10)
    targets = [link.target for link in links]
    assert (CACHE / "seeds" / "002_e03af9a1a96cd0dc.txt").as_uri() in targets, targets


async def test_workspace_symbols_by_prefix_and_for_an_empty_query(vscode):
    await open_draft(vscode, "file:///tmp/pytest-edges-symbols.vraag")

    async def symbols(query):
        return await asyncio.wait_for(
            vscode.workspace_symbol_async(types.WorkspaceSymbolParams(query=query)), timeout=10)

    found = await symbols("Inburgering")
    assert "123 Inburgeringstrajecten - Stand van zaken" in [s.name for s in found]
    newest = await symbols("")
    assert newest[0].name == "123 Inburgeringstrajecten - Stand van zaken", [s.name for s in newest]
    assert 0 < len(newest) <= 100
    assert all(s.location.uri.startswith((CACHE / "seeds").as_uri()) for s in newest)


async def test_no_terms_after_a_typed_space_and_no_whole_word_replaced(vscode):
    uri = "file:///tmp/pytest-edges-completion.vraag"
    await open_draft(vscode, uri)

    async def complete(position, context):
        result = await asyncio.wait_for(vscode.text_document_completion_async(types.CompletionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position, context=context)), timeout=10)
        return list(result.items if isinstance(result, types.CompletionList) else (result or []))

    space = types.CompletionContext(trigger_kind=types.CompletionTriggerKind.TriggerCharacter, trigger_character=" ")
    assert await complete(AFTER_KAN_DE, space) == []
    assert await complete(AFTER_AANTAL, space) == []
    invoked = await complete(AFTER_KAN_DE, types.CompletionContext(trigger_kind=types.CompletionTriggerKind.Invoked))
    for item in invoked:
        edit = item.text_edit
        replaced = DRAFT.split("\n")[7][edit.range.start.character:edit.range.end.character]
        assert item.label.lower().startswith(replaced.lower()), (replaced, item.label)

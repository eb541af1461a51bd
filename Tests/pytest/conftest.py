"""Shared fixtures: the built vraagbaak binary driven by pytest-lsp's client."""
import os
import pathlib
import sys

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("VRAAGBAAK_BINARY", str(REPO / ".build" / "debug" / "vraagbaak"))
SEEDS = REPO / "seeds"


def server_config():
    return ClientServerConfig(server_command=[BINARY, "serve"])


def make_client_fixture(persona):
    @pytest_lsp.fixture(config=server_config())
    async def client(lsp_client: LanguageClient):
        # Personas that announce dynamic registration get the server's file watchers;
        # accept them as an editor would.
        @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register_capability(params):
            return None

        lsp_client.vraagbaak_initialize_result = await lsp_client.initialize_session(
            types.InitializeParams(
                capabilities=pytest_lsp.client_capabilities(persona),
                root_uri=REPO.as_uri(),
            )
        )
        yield
        await lsp_client.shutdown_session()

    return client

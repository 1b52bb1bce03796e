"""Shared pytest fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from loopback import LoopbackServer
from prism_spec import write_spec
from prism_support import (
    NOT_INSTALLED,
    PRISM_BIN,
    REFERENCE_SPEC,
    PrismServer,
    patched_reference_spec,
)


@pytest.fixture
def loopback() -> Iterator[LoopbackServer]:
    """A running scripted HTTP server on 127.0.0.1 (see ``tests/loopback.py``)."""
    with LoopbackServer() as server:
        yield server


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServer]:
    """Prism mocking the patched reference spec on a free loopback port (whole session)."""
    spec = patched_reference_spec()
    if spec is None:
        pytest.skip(f"reference spec not found: {REFERENCE_SPEC}")
    if not PRISM_BIN.exists():
        pytest.skip(NOT_INSTALLED)
    directory = tmp_path_factory.mktemp("prism")
    server = PrismServer.start(write_spec(spec, directory), directory / "prism.log")
    try:
        yield server
    finally:
        server.stop()

"""Run the Prism mock server (tests/prism, pinned by package-lock.json) on the reference spec.

Prism (``prism mock --errors``) validates every request against the spec (422
naming the failing field, 401 without a bearer token) and answers with the
declared responses.  It serves the reference spec as patched by
:mod:`prism_spec`.
"""

from __future__ import annotations

import functools
import lzma
import os
import signal
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from prism_spec import patch_spec

from generator.config import read_config
from generator.load import load_spec
from generator.model import Api
from generator.model.build import build_api
from generator.overlay import apply_overlays, read_overlays

REPO = Path(__file__).resolve().parents[1]
PRISM_BIN = REPO / "tests" / "prism" / "node_modules" / ".bin" / "prism"
NOT_INSTALLED = (
    "Prism is not installed (tests/prism/node_modules): run .ci/install-prism"
)
#: The spec of the Perl distribution's 2025-04 release: the API the Prism tests cover.
REFERENCE_SPEC = (
    REPO.parent
    / "shared"
    / "specs"
    / "openai"
    / "perl-client-2025-04-11-8f2ef4f.yaml.xz"
)


@functools.cache
def reference_spec() -> dict[str, Any] | None:
    """The reference spec as the project generates from it: loaded by the
    project's loader, the project's overlays applied (``None`` when absent).

    Cached and shared: callers must not modify it.
    """
    if not REFERENCE_SPEC.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "openapi.yaml"
        path.write_bytes(lzma.decompress(REFERENCE_SPEC.read_bytes()))
        spec = load_spec(path)
    apply_overlays(spec, read_overlays(read_config(REPO).overlays))
    return spec


@functools.cache
def reference_api() -> Api | None:
    spec = reference_spec()
    return None if spec is None else build_api(spec)


@functools.cache
def patched_reference_spec() -> dict[str, Any] | None:
    """The Prism-ready reference spec (cached and shared: do not modify)."""
    spec = reference_spec()
    return None if spec is None else patch_spec(spec)


# -- the server ------------------------------------------------------------------
def free_port() -> int:
    """A loopback port that was free a moment ago."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PrismServer:
    """A running ``prism mock --errors`` process on a loopback port."""

    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path

    @classmethod
    def start(
        cls, spec_path: Path, log_path: Path, *, startup_timeout: float = 90.0
    ) -> PrismServer:
        """Start Prism and wait until it answers; raise with its log if it does not."""
        port = free_port()
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                [
                    str(PRISM_BIN),
                    "mock",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    str(port),
                    "--errors",
                    str(spec_path),
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group, stopped as a whole
            )
        server = cls(
            process=process, base_url=f"http://127.0.0.1:{port}", log_path=log_path
        )
        try:
            server._wait_until_ready(startup_timeout)
        except BaseException:
            server.stop()
            raise
        return server

    def _wait_until_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"Prism exited with {self.process.returncode}:\n{self.log_tail()}"
                )
            try:
                httpx.get(self.base_url + "/", timeout=1.0)
                return
            except httpx.TransportError:
                time.sleep(0.2)
        raise RuntimeError(
            f"Prism did not answer within {timeout:.0f} s:\n{self.log_tail()}"
        )

    def stop(self, grace: float = 10.0) -> None:
        """Terminate Prism's process group; kill it if it outlives ``grace`` seconds."""
        if self.process.poll() is not None:
            return
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(self.process.pid, sig)
            except ProcessLookupError:
                return
            try:
                self.process.wait(timeout=wait)
                return
            except subprocess.TimeoutExpired:
                continue

    def log_tail(self, lines: int = 30) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])

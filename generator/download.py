"""Bytes from the network or from an installed distribution, for ``pull``.

Apart from :mod:`generator.spec_source` so that a run, which only checks the
lock, does not import what downloading needs (``http.client``, ``ssl``,
``importlib.metadata``: 50 ms and 7 MB).
"""

from __future__ import annotations

import http.client
import importlib.metadata
import urllib.error
import urllib.request
from pathlib import PurePosixPath
from typing import IO
from urllib.parse import urlsplit

from generator.errors import SpecError
from generator.load import MAX_FILE_BYTES

_MAX_REDIRECTS = 5


def package_file(name: str, version: str, resource: str) -> bytes:
    """The bytes of ``resource``, a file of the installed distribution ``name==version``."""
    try:
        dist = importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        raise SpecError(
            f"the spec source needs the package {name}=={version}: "
            f"pip install '{name}=={version}'"
        ) from None
    if dist.version != version:
        raise SpecError(
            f"the spec source pins {name}=={version} but {dist.version} is installed"
        )
    wanted = PurePosixPath(resource)
    found = next((f for f in dist.files or () if PurePosixPath(f) == wanted), None)
    if found is None:
        raise SpecError(f"{name}=={version} has no file {resource}")
    try:
        return found.read_binary()
    except OSError as exc:
        raise SpecError(f"cannot read {resource} from {name}: {exc}") from None


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most a few redirects, and only to http(s) URLs."""

    max_redirections = _MAX_REDIRECTS

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: http.client.HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise SpecError(f"{req.full_url}: refusing a redirect to {newurl}")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def download(url: str, timeout: float) -> bytes:
    """The body at ``url`` (at most :data:`MAX_FILE_BYTES`), or a :class:`SpecError`."""
    opener = urllib.request.build_opener(_HttpOnlyRedirects)
    request = urllib.request.Request(url, headers={"User-Agent": "generator-pull"})
    try:
        with opener.open(request, timeout=timeout) as response:
            data: bytes = response.read(MAX_FILE_BYTES + 1)
    except urllib.error.HTTPError as exc:
        raise SpecError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise SpecError(f"{url}: cannot download: {exc.reason}") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise SpecError(
            f"{url}: cannot download: {exc or type(exc).__name__}"
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise SpecError(f"{url}: larger than the {MAX_FILE_BYTES} byte limit")
    return data

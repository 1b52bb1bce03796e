"""The clients of the feature specs (``tests/specs``): they import, pass
``mypy --strict`` with typed uses of every result kind, and make one call of
each kind over loopback HTTP, the results checked deeply against their
annotations (unions, discriminators, recursion, maps).

Their generated text is golden-recorded (``tests/golden/feature-spec*``);
these tests prove that text works.
"""

from __future__ import annotations

import email.parser
import email.policy
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from golden_cases import FEATURE_SPECS
from loopback import LoopbackServer
from python_client_support import generate, import_package, run_mypy
from type_check import return_type, type_mismatches

from generator.load import load_spec

PACKAGE = "feature_client"
PACKAGE_30 = "feature_30_client"
BOOK = {"id": "book_1", "object": "book", "kind": "book", "title": "Dune"}

#: Typed uses of every result kind; mypy checks the declared types.
USAGE = f"""\
from {PACKAGE} import AsyncClient, BinaryResponse, Client, Stream, SyncCursorPage, models
from {PACKAGE_30} import Client as NotesClient, models as notes

client = Client(api_key="k")
page: SyncCursorPage[models.Book] = client.books.list(limit=2, order="asc", genre="poetry", X_Request_Tag="t")
book: models.Book = client.books.create(title="Dune", format="paperback", series=None)
book = client.books.update("book_1", subtitle=None, author=models.Author(name="Ada"), format_hint=None)
client.books.delete("book_1")
audio: BinaryResponse = client.books.audio("book_1")
upload: models.Upload = client.scans.create(file=b"%PDF", pages=[b"1", ("2.png", b"2")], purpose="archive")
events: Stream[models.RecommendationEvent] = client.recommendations.create(model="fast-1", prompt="p", stream=True)
whole: models.Recommendation = client.recommendations.create(model="mine", prompt="p")
library: Stream[models.LibraryEvent] = client.events.list(since=0)
found: list[models.Book | models.Magazine] = client.search.create(body=models.ByISBN(isbn="1"), min_score=0.5)
shelf: models.Shelf = client.shelves.retrieve("s1", depth=2)
deeper: list[models.Shelf] = shelf.children[0].children
reader: models.Reader = client.readers.retrieve("r1")
loan_reader: models.Reader | None = (reader.loans or [])[0].reader
client.health.list()
note: notes.Note = NotesClient(api_key="k").notes.update("n1", text="t", style=None, draft=None)
style: notes.NoteStyle | None = note.style


async def main(aclient: AsyncClient) -> None:
    async for event in await aclient.recommendations.create(model="fast-1", prompt="p", stream=True):
        kind: str = event.type
"""


@pytest.fixture(scope="module")
def feature_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feature")
    generate(load_spec(FEATURE_SPECS / "feature.yaml"), root, PACKAGE)
    generate(load_spec(FEATURE_SPECS / "feature-3.0.yaml"), root, PACKAGE_30)
    return root


@pytest.fixture(scope="module")
def package(feature_root: Path) -> ModuleType:
    return import_package(feature_root, PACKAGE)


@pytest.fixture
def client(package: ModuleType, loopback: LoopbackServer) -> Iterator[Any]:
    with package.Client(api_key="k", base_url=loopback.url + "/v2", max_retries=0) as c:
        yield c


def test_feature_clients_pass_mypy_strict(feature_root: Path) -> None:
    (feature_root / "usage.py").write_text(USAGE, encoding="utf-8")
    result = run_mypy(feature_root, PACKAGE, PACKAGE_30, "usage.py")
    assert result.returncode == 0, result.stdout + result.stderr


def _fits(package: ModuleType, value: object, hint: object) -> None:
    assert not type_mismatches(value, hint, package.BaseModel)


def _sse(*events: dict[str, object]) -> list[bytes]:
    return [f"data: {json.dumps(e)}\n\n".encode() for e in events]


def test_json(client: Any, package: ModuleType, loopback: LoopbackServer) -> None:
    loopback.reply_json({**BOOK, "subtitle": None, "author": {"name": "Ada"}})
    book = client.books.update("book_1", subtitle=None, format_hint="braille")
    [request] = loopback.requests
    assert (request.method, request.path) == ("PATCH", "/v2/books/book_1")
    assert request.json() == {"subtitle": None, "format_hint": "braille"}
    assert isinstance(book.author, package.models.Author)
    _fits(package, book, return_type(client.books.update))


def test_json_unions_and_recursion(
    client: Any, package: ModuleType, loopback: LoopbackServer
) -> None:
    magazine = {"kind": "magazine", "title": "Tides", "issue": 4}
    loopback.reply_json([BOOK, magazine])
    shelf = {
        "id": "s1",
        "children": [{"id": "s2", "children": [], "note": {"text": "top"}}],
        "counts": {"hardcover": 2},
        "note": None,
    }
    loopback.reply_json(shelf)
    found = client.search.create(body=package.models.TitleQuery(title="Dune"))
    assert [type(p).__name__ for p in found] == ["Book", "Magazine"]
    _fits(package, found, return_type(client.search.create))
    got = client.shelves.retrieve("s1", depth=2)
    assert got.children[0].note.text == "top"
    assert got.counts == {"hardcover": 2}
    _fits(package, got, return_type(client.shelves.retrieve))
    search, get_shelf = loopback.requests
    assert search.json() == {"title": "Dune"}
    assert (get_shelf.path, get_shelf.query) == ("/v2/shelves/s1", [("depth", "2")])


def test_page(client: Any, package: ModuleType, loopback: LoopbackServer) -> None:
    more = {"object": "list", "data": [BOOK], "has_more": True, "last_id": "book_1"}
    loopback.reply_json(more)
    loopback.reply_json({"object": "list", "data": [], "has_more": False})
    page = client.books.list(genre="poetry", include_archived=True, X_Request_Tag="t")
    assert [b.title for b in page] == ["Dune"]
    _fits(package, page, return_type(client.books.list))
    first, second = loopback.requests
    assert first.query == [("genre", "poetry"), ("include_archived", "true")]
    assert first.headers["x-request-tag"] == "t"
    assert dict(second.query)["after"] == "book_1"


def test_stream_or_json(
    client: Any, package: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply(
        200,
        {"Content-Type": "text/event-stream"},
        _sse({"type": "delta", "book_id": "book_1"}, {"type": "done", "count": 1}),
    )
    loopback.reply_json({"books": [BOOK]})
    with client.recommendations.create(
        model="fast-1", prompt="p", stream=True
    ) as stream:
        events = list(stream)
    assert [type(e).__name__ for e in events] == [
        "RecommendationDelta",
        "RecommendationDone",
    ]
    for event in events:
        _fits(package, event, package.models.RecommendationEvent)
    whole = client.recommendations.create(model="mine", prompt="p")
    assert isinstance(whole, package.models.Recommendation)
    assert [r.json() for r in loopback.requests] == [
        {"model": "fast-1", "prompt": "p", "stream": True},
        {"model": "mine", "prompt": "p"},
    ]


def test_stream(client: Any, package: ModuleType, loopback: LoopbackServer) -> None:
    loopback.reply(
        200,
        {"Content-Type": "text/event-stream"},
        _sse({"loan": {"book_id": "book_1", "reader": {"id": "r", "name": "Ada"}}}),
    )
    [event] = list(client.events.list(since=5))
    assert event.loan.reader.name == "Ada"
    _fits(package, event, package.models.LibraryEvent)
    assert loopback.requests[0].query == [("since", "5")]


def test_binary_and_none(
    client: Any, package: ModuleType, loopback: LoopbackServer
) -> None:
    loopback.reply(200, {"Content-Type": "audio/mpeg"}, b"ID3\x00")
    loopback.reply(204)
    loopback.reply(204)
    audio = client.books.audio("book 1")
    assert isinstance(audio, package.BinaryResponse)
    assert audio.content == b"ID3\x00"
    assert client.books.delete("book_1") is None
    assert client.health.list() is None
    assert [(r.method, r.path) for r in loopback.requests] == [
        ("GET", "/v2/books/book%201/audio"),
        ("DELETE", "/v2/books/book_1"),
        ("GET", "/v2/health"),
    ]


def test_multipart(client: Any, package: ModuleType, loopback: LoopbackServer) -> None:
    loopback.reply_json({"id": "up_1", "bytes": 4})
    upload = client.scans.create(
        file=("scan.pdf", b"%PDF"),
        pages=[("1.png", b"1")],
        labels=["a", "b"],
        purpose="archive",
    )
    assert isinstance(upload, package.models.Upload)
    [request] = loopback.requests
    content_type = request.headers["content-type"]
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
    )
    parts = sorted(
        (
            str(part.get_param("name", header="content-disposition")),
            part.get_filename() or "",
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    )
    assert parts == [
        ("file", "scan.pdf", b"%PDF"),
        ("labels", "", b"a"),
        ("labels", "", b"b"),
        ("pages", "1.png", b"1"),
        ("purpose", "", b"archive"),
    ]


def test_openapi_30_nullable(feature_root: Path, loopback: LoopbackServer) -> None:
    notes = import_package(feature_root, PACKAGE_30)
    reply = {"text": "t", "title": None, "style": None, "pinned_at": None}
    loopback.reply_json({**reply, "fallback_style": {"font": "serif"}})
    with notes.Client(api_key="k", base_url=loopback.url, max_retries=0) as c:
        note = c.notes.update("n1", text="t", title=None, style=None, colour=None)
    assert loopback.requests[0].json() == {
        "text": "t",
        "title": None,
        "style": None,
        "colour": None,
    }
    assert isinstance(note.fallback_style, notes.models.NoteStyle)
    _fits(notes, note, return_type(c.notes.update))

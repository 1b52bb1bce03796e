"""Typed models of the Library API.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from typing import Literal, TypeAlias

from ._models import BaseModel
from ._types import FileTypes


class Author(BaseModel):
    name: str
    born: int | None = None


class AuthorQuery(BaseModel):
    author: str


class Book(BaseModel):
    """A book of the catalogue."""

    title: str
    format: Format | None = None
    """How the library holds it."""
    genre: Genre | None = None
    """A genre; the library may add new ones."""
    id: BookId
    """A book id, `book_` and letters."""
    object: Literal["book"]
    kind: Literal["book"] | None = None
    subtitle: str | None = None
    author: Author | None = None
    rating: Rating | None = None
    isbn: Isbn | None = None
    """A book id, `book_` and letters."""
    isbn10: str | None = None
    """Use `isbn`."""
    created_at: int | None = None


class BookList(BaseModel):
    object: Literal["list"]
    data: list[Book]
    has_more: bool
    first_id: str | None = None
    last_id: str | None = None


class ByISBN(BaseModel):
    """By ISBN"""

    isbn: Isbn
    """A book id, `book_` and letters."""


class CreateBookRequest(BaseModel):
    title: str
    format: Format | None = None
    genre: Genre | None = None
    """A genre; the library may add new ones."""
    tags: list[str] | None = None
    series: str | None = None
    shelf_id: str | None = None
    """The shelf to put it on. Can be set to `null` to leave it unshelved."""
    copies: int | None = None


class Error(BaseModel):
    message: str
    code: str | None = None


class LibraryEvent2(BaseModel):
    message: str | None = None


class Loan(BaseModel):
    book_id: BookId
    """A book id, `book_` and letters."""
    reader: Reader | None = None
    due: int | None = None


class LoanEvent(BaseModel):
    loan: Loan


class Magazine(BaseModel):
    kind: Literal["magazine"]
    title: str
    issue: int | None = None


class Reader(BaseModel):
    id: str
    name: str
    pin: str | None = None
    loans: list[Loan] | None = None


class RecommendBooksRequest(BaseModel):
    model: Literal["fast-1", "careful-2"] | str
    """The recommendation engine."""
    prompt: str
    stream: bool | None = None
    """Send events while recommending."""


class Recommendation(BaseModel):
    books: list[Book]
    reason: str | None = None


class RecommendationDelta(BaseModel):
    type: Literal["delta"]
    book_id: BookId
    """A book id, `book_` and letters."""


class RecommendationDone(BaseModel):
    type: Literal["done"]
    count: int | None = None


class Shelf(BaseModel):
    id: str
    children: list[Shelf]
    labels: dict[str, str] | None = None
    counts: dict[str, Count] | None = None
    """Books per format."""
    note: ShelfNote | None = None


class ShelfNote(BaseModel):
    text: str | None = None


class TitleQuery(BaseModel):
    title: str
    exact: bool | None = None


class UpdateBookRequest(BaseModel):
    title: str | None = None
    subtitle: str | None = None
    """`null` removes the subtitle."""
    author: Author | None = None
    format_hint: Literal["large-print", "braille"] | None = None
    genres: list[Genre] | None = None


class Upload(BaseModel):
    id: str
    bytes: int


class UploadScanRequest(BaseModel):
    file: FileTypes
    """The scan, as one PDF."""
    pages: list[FileTypes] | None = None
    """Extra page images."""
    labels: list[str] | None = None
    purpose: Literal["archive", "restoration"]
    dpi: int | None = None


BookId: TypeAlias = str
"""A book id, `book_` and letters."""
Count: TypeAlias = int
Format: TypeAlias = Literal["hardcover", "paperback", "ebook"]
Genre: TypeAlias = Literal["fiction", "history", "science"] | str
"""A genre; the library may add new ones."""
Isbn: TypeAlias = str
"""A book id, `book_` and letters."""
LibraryEvent: TypeAlias = LoanEvent | LibraryEvent2
Publication: TypeAlias = Book | Magazine
PublicationList: TypeAlias = list[Publication]
Rating: TypeAlias = Literal[1, 2, 3, 4, 5]
RecommendationEvent: TypeAlias = RecommendationDelta | RecommendationDone
SearchQuery: TypeAlias = TitleQuery | AuthorQuery | ByISBN
"""Search by title, by author or by ISBN."""

"""Request arguments of the Library API as TypedDicts: dict literals type-check.

Generated from the OpenAPI description; do not edit.
"""

from __future__ import annotations

from typing import Required, TypeAlias, TypedDict

from . import models


class AuthorParam(TypedDict, total=False):
    name: Required[str]
    born: int | None


class AuthorQueryParam(TypedDict, total=False):
    author: Required[str]


class ByISBNParam(TypedDict, total=False):
    """By ISBN"""

    isbn: Required[models.Isbn]


class TitleQueryParam(TypedDict, total=False):
    title: Required[str]
    exact: bool


SearchQueryParam: TypeAlias = TitleQueryParam | AuthorQueryParam | ByISBNParam
"""Search by title, by author or by ISBN."""

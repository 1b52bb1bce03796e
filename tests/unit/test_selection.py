"""Selection by id, tag, path and --all; clear errors with suggestions."""

from __future__ import annotations

import pytest
from spec_builder import operation, spec

from generator.errors import SelectionError
from generator.selection import Selection, select

SPEC = spec(
    {
        "/files": {
            "get": operation("listFiles", tags=["Files"]),
            "post": operation("createFile", tags=["Files"]),
        },
        "/models": {"get": operation("listModels", tags=["Models"])},
        "/embeddings": {
            "parameters": [],
            "post": operation("createEmbedding", tags=["Embeddings"]),
        },
    },
    openapi="3.0.0",
)


def test_all_keeps_spec_order() -> None:
    assert select(SPEC, Selection(all=True)) == [
        ("/files", "get"),
        ("/files", "post"),
        ("/models", "get"),
        ("/embeddings", "post"),
    ]


def test_criteria_combine_as_a_union() -> None:
    chosen = select(
        SPEC, Selection(operations=("createEmbedding",), tags=("Models",), paths=())
    )
    assert chosen == [("/models", "get"), ("/embeddings", "post")]
    assert select(SPEC, Selection(paths=("/files",))) == [
        ("/files", "get"),
        ("/files", "post"),
    ]


def test_unknown_operation_suggests_close_ids() -> None:
    with pytest.raises(
        SelectionError, match=r"unknown operation id 'listFile'; did you mean listFiles"
    ):
        select(SPEC, Selection(operations=("listFile",)))


def test_unknown_tag_and_path() -> None:
    with pytest.raises(SelectionError, match="unknown tag 'File'; did you mean Files"):
        select(SPEC, Selection(tags=("File",)))
    with pytest.raises(SelectionError, match="unknown path '/nope'"):
        select(SPEC, Selection(paths=("/nope",)))


def test_empty_selection_is_an_error() -> None:
    with pytest.raises(SelectionError, match="nothing selected"):
        select(SPEC, Selection())


def test_a_spec_without_operations_is_an_error() -> None:
    with pytest.raises(SelectionError, match="the spec has no operations"):
        select(spec(), Selection(all=True))


def test_all_with_other_criteria_is_an_error() -> None:
    with pytest.raises(SelectionError, match="--all already selects every operation"):
        select(SPEC, Selection(all=True, tags=("Files",)))


def test_unknown_name_without_close_match_lists_the_known_ones() -> None:
    with pytest.raises(
        SelectionError, match="unknown tag 'Zzz'; known: Embeddings, Files, Models"
    ):
        select(SPEC, Selection(tags=("Zzz",)))

"""Resource paths and method names (``generator/plan/resources.py``)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator import fingerprint
from generator.config import read_config
from generator.errors import GeneratorError
from generator.model import Api
from generator.model.build import build_api
from generator.plan.resources import (
    MethodPath,
    Naming,
    NamingOptions,
    name_methods,
    rule_path,
)
from generator.render import RenderOptions
from generator.selection import Selection


def api_of(
    *operations: tuple[str, str, str], beta: frozenset[str] = frozenset()
) -> Api:
    """An API of (method, path, operationId); operationIds in ``beta`` are beta."""
    paths: dict[str, dict[str, Any]] = {}
    for method, path, operation_id in operations:
        meta = {"x-oaiMeta": {"beta": True}} if operation_id in beta else {}
        paths.setdefault(path, {})[method] = {"operationId": operation_id, **meta}
    return build_api({"openapi": "3.0.0", "paths": paths})


def names(naming: Naming) -> dict[str, str]:
    """operation "METHOD path" -> dotted method path."""
    return {f"{m.upper()} {p}": str(path) for (m, p), path in naming.methods.items()}


def test_rule_from_the_path() -> None:
    api = api_of(
        ("get", "/fine_tuning/jobs", "a"),
        ("post", "/fine_tuning/jobs", "b"),
        ("get", "/fine_tuning/jobs/{id}", "c"),
        ("post", "/fine_tuning/jobs/{id}", "d"),
        ("delete", "/fine_tuning/jobs/{id}", "e"),
        ("post", "/fine_tuning/jobs/{id}/cancel", "f"),
        ("get", "/files/{file_id}/content", "g"),
        ("get", "/threads/{id}/runs/{run_id}/steps", "h"),
        ("post", "/uploads/{id}/parts", "i"),
        ("put", "/audio-Speech", "j"),
        ("patch", "/a/{x}/{y}", "k"),
        ("get", "/../x/./{id}", "l"),
    )
    assert list(names(name_methods(api)).values()) == [
        "fine_tuning.jobs.list",
        "fine_tuning.jobs.create",
        "fine_tuning.jobs.retrieve",
        "fine_tuning.jobs.update",
        "fine_tuning.jobs.delete",
        "fine_tuning.jobs.cancel",
        "files.content",
        "threads.runs.steps.list",
        "uploads.parts.create",
        "audio_speech.update",
        "a.update",
        "x.retrieve",
    ]


def test_several_methods_on_an_action_path_make_a_single_sub_resource() -> None:
    api = api_of(
        ("get", "/projects/{id}/data_retention", "a"),
        ("post", "/projects/{id}/data_retention", "b"),
        ("delete", "/projects/{id}/data_retention", "c"),
        ("post", "/projects/{id}/status", "d"),
    )
    assert list(names(name_methods(api)).values()) == [
        "projects.data_retention.retrieve",
        "projects.data_retention.update",
        "projects.data_retention.delete",
        "projects.status",
    ]


def test_names_do_not_depend_on_the_selection() -> None:
    spec = {
        "openapi": "3.0.0",
        "paths": {
            "/p/{id}/limit": {"get": {"operationId": "a"}, "post": {"operationId": "b"}}
        },
    }
    only_post = build_api(spec, [("/p/{id}/limit", "post")])
    assert names(name_methods(only_post)) == {"POST /p/{id}/limit": "p.limit.update"}


def test_beta_from_meta_or_query() -> None:
    api = api_of(
        ("get", "/assistants", "a"),
        ("post", "/responses?beta=true", "b"),
        ("post", "/responses?stream=true", "c"),
        beta=frozenset({"a"}),
    )
    assert list(names(name_methods(api)).values()) == [
        "beta.assistants.list",
        "beta.responses.create",
        "responses.create",
    ]


def test_resources_that_would_hide_client_attributes_get_a_suffix() -> None:
    api = api_of(
        ("get", "/organization/with_options", "a"),
        ("post", "/copy/with_raw_response/{id}/things", "b"),
    )
    assert list(names(name_methods(api)).values()) == [
        "organization_.with_options.list",
        "copy_.with_raw_response_.things.create",
    ]


def test_renames_move_the_longest_matching_resource() -> None:
    api = api_of(
        ("get", "/organization/users", "a"),
        ("get", "/organization/usage/images", "b"),
        ("get", "/organization", "c"),
    )
    renames = {("organization",): ("admin",), ("organization", "usage"): ("usage",)}
    naming = NamingOptions(resources=renames)
    assert list(names(name_methods(api, naming)).values()) == [
        "admin.users.list",
        "usage.images.list",
        "admin.list",
    ]


def test_overrides_win_and_free_the_rule_name() -> None:
    api = api_of(
        ("post", "/threads/runs", "createThreadAndRun"),
        ("post", "/threads/{id}/runs", "createRun"),
    )
    plain = name_methods(api)
    assert names(plain) == {
        "POST /threads/runs": "threads.runs.create",
        "POST /threads/{id}/runs": "threads.runs.create_run",
    }
    assert plain.notes == (
        "POST /threads/{id}/runs (createRun): threads.runs.create is taken by "
        "POST /threads/runs (createThreadAndRun); named threads.runs.create_run",
    )
    overridden = name_methods(
        api,
        NamingOptions(
            {"createThreadAndRun": MethodPath.parse("threads.create_and_run")}
        ),
    )
    assert names(overridden) == {
        "POST /threads/runs": "threads.create_and_run",
        "POST /threads/{id}/runs": "threads.runs.create",
    }
    assert overridden.notes == ()


def test_rule_names_give_way_to_resources_and_reserved_names() -> None:
    api = api_of(
        ("post", "/jobs/{id}/run", "runJob"),
        ("get", "/jobs/run", "listRuns"),
        ("post", "/jobs/{id}/copy", "copy"),
        ("post", "/{id}/close", "close"),
        ("post", "/{id}/close_2", "closeAgain"),
    )
    naming = name_methods(api)
    assert list(names(naming).values()) == [
        "jobs.run_job",
        "jobs.run.list",
        "jobs.copy",
        "close_2",
        "close_again",
    ]
    assert [note.split(":")[0] for note in naming.notes] == [
        "POST /jobs/{id}/run (runJob)",
        "POST /{id}/close (close)",
        "POST /{id}/close_2 (closeAgain)",
    ]
    assert "also a resource" in naming.notes[0]
    assert "reserved by the client" in naming.notes[1]


def test_collisions_are_resolved_in_spec_order() -> None:
    api = api_of(
        ("get", "/a/{id}", "first"),
        ("get", "/a/{name}/", "second"),
        ("get", "/a/{x}//", "first"),
    )
    assert list(names(name_methods(api)).values()) == [
        "a.retrieve",
        "a.second",
        "a.first",
    ]
    api_again = api_of(
        ("get", "/a/{id}", "first"),
        ("get", "/a/{name}/", "second"),
        ("get", "/a/{x}//", "first"),
    )
    assert name_methods(api_again) == name_methods(api)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "images..generate",
            "'images..generate' is not a dotted path of Python names: an empty name",
        ),
        ("images.generate-it", "'generate-it'"),
        ("images.import", "'import' is a Python keyword"),
        ("images._generate", "'_generate' starts with '_'"),
        ("imäges.generate", "'imäges'"),
    ],
)
def test_override_syntax(text: str, message: str) -> None:
    with pytest.raises(GeneratorError, match=re.escape(message)):
        MethodPath.parse(text)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"a": "images.with_raw_response.create"},
            "[tool.generator.methods] a = 'images.with_raw_response.create': "
            "'with_raw_response' is reserved by the client",
        ),
        (
            {"a": "close"},
            "[tool.generator.methods] a = 'close': 'close' is reserved by the client",
        ),
        (
            {"a": "images.generations"},
            "[tool.generator.methods] a = 'images.generations': "
            "is also a resource of the client",
        ),
        (
            {"a": "images.generate", "b": "images.generate"},
            "[tool.generator.methods] b = 'images.generate': is also the name of "
            "POST /images/generations (a)",
        ),
    ],
)
def test_override_clashes_are_errors(overrides: dict[str, str], message: str) -> None:
    api = api_of(
        ("post", "/images/generations", "a"),
        ("post", "/images/generations/{id}", "b"),
    )
    parsed = {key: MethodPath.parse(value) for key, value in overrides.items()}
    with pytest.raises(GeneratorError) as error:
        name_methods(api, NamingOptions(parsed))
    assert str(error.value) == message


def test_reserved_rename_is_an_error() -> None:
    api = api_of(("get", "/organization/users", "a"))
    with pytest.raises(GeneratorError, match="'copy' is reserved by the client"):
        name_methods(api, NamingOptions(resources={("organization",): ("copy",)}))


def test_rule_path_alone_reads_no_config() -> None:
    api = api_of(("get", "/files/{id}/content", "a"))
    assert rule_path(api.operations[0]) == MethodPath(("files",), "content")


# -- [tool.generator] --------------------------------------------------------------
def _config(tmp_path: Path, text: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(text, encoding="utf-8")
    return tmp_path


def test_config_tables(tmp_path: Path) -> None:
    config = read_config(
        _config(
            tmp_path,
            "[tool.generator.methods]\n"
            'createImage = "images.generate"\n'
            '[tool.generator.resources]\n"organization.usage" = "usage"\n',
        )
    )
    assert config.naming.methods == {"createImage": MethodPath(("images",), "generate")}
    assert config.naming.resources == {("organization", "usage"): ("usage",)}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[tool.generator]\nmethods = 1\n",
            "[tool.generator.methods] must be a table",
        ),
        (
            "[tool.generator.methods]\na = 1\n",
            '[tool.generator.methods] a must be a string (quote a dotted key: "a.b" = ...)',
        ),
        (
            "[tool.generator.resources]\norganization.usage = 'usage'\n",
            "[tool.generator.resources] organization must be a string",
        ),
        (
            "[tool.generator.methods]\na = 'images.'\n",
            "[tool.generator.methods] a: 'images.' is not a dotted path of Python "
            "names: an empty name",
        ),
        (
            "[tool.generator.resources]\n'a-b' = 'c'\n",
            "[tool.generator.resources]: 'a-b' is not a dotted path of Python names",
        ),
    ],
)
def test_config_errors(tmp_path: Path, text: str, message: str) -> None:
    directory = _config(tmp_path, text)
    with pytest.raises(GeneratorError) as error:
        read_config(directory)
    assert str(error.value).startswith(f"{directory / 'pyproject.toml'}: {message}")


def test_the_naming_tables_are_inputs_of_the_run() -> None:
    """A changed override re-renders: the manifest records the tables."""
    plain = fingerprint.source(
        fingerprint.sha256(b"spec"), Selection(), RenderOptions()
    )
    named = fingerprint.source(
        fingerprint.sha256(b"spec"),
        Selection(),
        RenderOptions(),
        naming=NamingOptions({"createImage": MethodPath(("images",), "generate")}),
    )
    assert "naming" not in plain
    assert named["naming"] == {
        "methods": {"createImage": "images.generate"},
        "resources": {},
    }

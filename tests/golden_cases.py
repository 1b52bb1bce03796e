"""Golden-file cases: the generated tree for a spec + selection, kept in tests/golden/<case>/.

Regenerate (then review the diff with ``git diff tests/golden``) with:

    .venv/bin/python tests/golden_cases.py

Never edit golden files by hand.
"""

from __future__ import annotations

import importlib.util
import lzma
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED_SPECS = REPO.parent / "shared" / "specs" / "openai"
GOLDEN = REPO / "tests" / "golden"

if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator.config import read_config  # noqa: E402
from generator.load import load_spec  # noqa: E402
from generator.overlay import apply_overlays, read_overlays  # noqa: E402
from generator.pipeline import render_all  # noqa: E402
from generator.render import Files, RenderOptions  # noqa: E402
from generator.selection import Selection  # noqa: E402
from generator.spec_source import lock_path_for, materialise, read_lock  # noqa: E402

SEED = Selection(operations=("create-realtime-transcription-session",))


@dataclass(frozen=True)
class Case:
    name: str
    #: A corpus file in ../shared/specs/openai, or "" for the locked default spec.
    corpus_file: str
    selection: Selection

    def spec_path(self, workdir: Path) -> Path | None:
        """The spec as a file, or None when its source is not available here."""
        target = workdir / f"{self.name}.yaml"
        if self.corpus_file:
            source = SHARED_SPECS / self.corpus_file
            if not source.is_file():
                return None
            target.write_bytes(lzma.open(source).read())
        else:
            lock = read_lock(lock_path_for(REPO / "specs" / "openapi.yaml"))
            package = lock.source.address.partition("==")[0]
            if (
                lock.source.kind == "package"
                and importlib.util.find_spec(package.replace("-", "_")) is None
            ):
                return None  # the locked package is not installed here
            materialise(target, lock)  # a hash mismatch fails the test
        return target

    def render(self, workdir: Path) -> Files | None:
        """The generated tree (the project's overlays applied), less the runtime
        modules copied verbatim and, for a third-party spec, its slice.

        The runtime copies are checked against ``templates/python/runtime/``
        by ``test_golden.py``; keeping them here too would only repeat them.
        A slice of a third-party spec would copy its text into the repository;
        ``test_slice.py`` checks slices of those specs by their properties.
        """
        path = self.spec_path(workdir)
        if path is None:
            return None
        spec: dict[str, Any] = load_spec(path)
        apply_overlays(spec, read_overlays(read_config(REPO).overlays))
        files, _, _ = render_all(spec, self.selection, RenderOptions())
        return {
            rel: text
            for rel, text in files.items()
            if not is_runtime_copy(rel) and not rel.startswith(SLICE_DIR)
        }


RUNTIME = REPO / "templates" / "python" / "runtime"
SLICE_DIR = "openapi/"
RUNTIME_PREFIX = "python/openai_client/"


def is_runtime_copy(rel: str) -> bool:
    """True for a file of the client package copied from the static runtime."""
    name = rel.removeprefix(RUNTIME_PREFIX)
    return rel.startswith(RUNTIME_PREFIX) and (RUNTIME / name).is_file()


CASES = (
    Case("perl-2025-04-seed", "perl-client-2025-04-11-8f2ef4f.yaml.xz", SEED),
    Case("default-seed", "", SEED),
)


def regenerate() -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for case in CASES:
            files = case.render(Path(tmp))
            if files is None:
                print(f"{case.name}: spec not available here, left as is")
                continue
            target = GOLDEN / case.name
            shutil.rmtree(target, ignore_errors=True)
            for rel, text in files.items():
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                (target / rel).write_text(text, encoding="utf-8", newline="")
            print(
                f"{case.name}: {len(files)} files written to {target.relative_to(REPO)}"
            )


if __name__ == "__main__":
    regenerate()

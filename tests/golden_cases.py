"""Golden-file cases: the generated tree for a spec + selection, kept in tests/golden/<case>/.

Regenerate (then review the diff with ``git diff tests/golden``) with:

    .venv/bin/python tests/golden_cases.py

Never edit golden files by hand.
"""

from __future__ import annotations

import csv
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

SEED = Selection(operations=("create-realtime-transcription-session",))


def loadable_corpus() -> list[str]:
    """The corpus specs that parse (``INDEX.tsv`` gives their operation counts;
    ``[]`` when ``../shared`` is absent)."""
    index = SHARED_SPECS / "INDEX.tsv"
    if not index.exists():
        return []
    with index.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return sorted(r["file"] for r in rows if r["n_operations"] != "NA")


#: The synthetic specs that exercise every construct the generator handles.
FEATURE_SPECS = REPO / "tests" / "specs"


@dataclass(frozen=True)
class Case:
    name: str
    #: A file in ``tests/specs``, else a corpus file in ../shared/specs/openai.
    spec_file: str
    selection: Selection

    @property
    def third_party(self) -> bool:
        """A spec of the corpus in ../shared, not one of the project's own."""
        return not (FEATURE_SPECS / self.spec_file).is_file()

    def spec_path(self, workdir: Path) -> Path | None:
        """The spec as a file, or None when its source is not available here."""
        if not self.third_party:
            return FEATURE_SPECS / self.spec_file
        source = SHARED_SPECS / self.spec_file
        if not source.is_file():
            return None
        target = workdir / f"{self.name}.yaml"
        target.write_bytes(lzma.open(source).read())
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
        config = read_config(REPO)  # the project's, as generated/ has it
        apply_overlays(spec, read_overlays(config.overlays))
        files, _, _ = render_all(spec, self.selection, RenderOptions(), config.naming)
        return {
            rel: text
            for rel, text in files.items()
            if not is_runtime_copy(rel)
            and not (self.third_party and rel.startswith(SLICE_DIR))
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
    Case("feature-spec", "feature.yaml", Selection(all=True)),
    Case("feature-spec-3.0", "feature-3.0.yaml", Selection(all=True)),
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

"""CPU seconds of each stage of a whole-API run, for finding where the time goes.

    .venv/bin/python benchmarks/stages.py [SPEC] [--runs N]

Each run is a fresh process that loads the spec (with the project's
overlays), builds the model and the plan, and renders every artifact one
after the other on one core, timing each with the process's CPU clock; the
table gives the best and the median over the runs.  One round per process:
the renderers keep small caches of pure functions, which a second round in
the same process would find warm.  SPEC defaults to the 2026-08 corpus
spec.  ``benchmarks/run.py`` measures the real, two-core run against the
bar; this script says which stage to work on.
"""

from __future__ import annotations

import argparse
import json
import lzma
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "specs" / "openai"
DEFAULT_SPEC = CORPUS / "openai-openapi-2026-08-21-f85dbe2.yaml.xz"
TIMEOUT = 120


def one_round(spec_path: Path) -> dict[str, float]:
    """CPU seconds per stage, in this process (the child side)."""
    start = time.process_time()
    import gc

    from generator.artifacts import RENDERERS
    from generator.config import read_config
    from generator.load import parse_spec, read_spec_bytes
    from generator.overlay import apply_overlays, read_overlays
    from generator.pipeline import model, plan
    from generator.render import RenderOptions
    from generator.selection import Selection

    seconds = {"imports": time.process_time() - start}

    def timed(label: str, began: float) -> float:
        now = time.process_time()
        seconds[label] = now - began
        return now

    mark = time.process_time()
    config = read_config(REPO)
    spec = parse_spec(spec_path, read_spec_bytes(spec_path))
    apply_overlays(spec, read_overlays(config.overlays))
    gc.freeze()
    gc.disable()
    mark = timed("load", mark)
    api, _, _ = model(spec, Selection(all=True))
    mark = timed("model", mark)
    client = plan(api, config.naming)
    mark = timed("plan", mark)
    for renderer in RENDERERS:
        renderer(api, client, RenderOptions())
        mark = timed(renderer.__module__.rsplit(".", 1)[-1], mark)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("spec", nargs="?", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes (5)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(one_round(args.spec)))
        return
    if not args.spec.is_file():
        sys.exit(f"no spec at {args.spec} (the corpus is read from ../shared)")
    with tempfile.TemporaryDirectory() as directory:
        spec = args.spec
        if spec.suffix == ".xz":
            spec = Path(directory) / spec.name.removesuffix(".xz")
            spec.write_bytes(lzma.decompress(args.spec.read_bytes()))
        runs = [
            json.loads(
                subprocess.run(
                    [sys.executable, __file__, str(spec), "--child"],
                    check=True,
                    capture_output=True,
                    text=True,
                    cwd=REPO,
                    timeout=TIMEOUT,
                ).stdout
            )
            for _ in range(args.runs)
        ]
    print(f"{args.spec.name}, {args.runs} fresh processes, CPU seconds")
    print(f"{'stage':10s} {'best':>7s} {'median':>7s}")
    for stage in runs[0]:
        values = [run[stage] for run in runs]
        print(f"{stage:10s} {min(values):7.3f} {statistics.median(values):7.3f}")


if __name__ == "__main__":
    main()

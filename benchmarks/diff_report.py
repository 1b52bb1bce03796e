"""The change report on real spec bumps: verdict counts, length, time.

    .venv/bin/python benchmarks/diff_report.py [--repeat N]

For each bump of the corpus in ``../shared/specs/openai`` (2025-04-29 ->
2026-05-13, 2026-05-13 -> 2026-07-15, 2026-07-15 -> 2026-08-21), prints:

* changes, and how many break wire / calls / types, renames, deprecations;
* the report's length in lines (text and Markdown) against a per-operation
  listing such as oasdiff's, where every change is written once per
  operation that reaches it (a lower bound: an enum value or a change made
  at several places counts once per operation, not once per place);
* the wall time of ``python -m generator diff OLD NEW`` in a fresh process
  (best of N), and of :func:`generator.diff.compare` alone.

Figures are printed, never asserted: timing belongs here, not in tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

from generator.diff import compare, render
from generator.load import load_spec

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "specs" / "openai"
BUMPS = [
    (
        "openai-openapi-2025-04-29-498c71d.yaml.xz",
        "openai-openapi-2026-05-13-5162af9.yaml.xz",
    ),
    (
        "openai-openapi-2026-05-13-5162af9.yaml.xz",
        "openai-openapi-2026-07-15-535f5dc.yaml.xz",
    ),
    (
        "openai-openapi-2026-07-15-535f5dc.yaml.xz",
        "openai-openapi-2026-08-21-f85dbe2.yaml.xz",
    ),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"corpus not found: {CORPUS} (needs ../shared beside the repo)")
        return 1
    for old_name, new_name in BUMPS:
        old, new = load_spec(CORPUS / old_name), load_spec(CORPUS / new_name)
        started = time.perf_counter()
        report = compare(old, new, old_name, new_name)
        in_process = time.perf_counter() - started
        text = render(report, "text").count("\n")
        markdown = render(report, "markdown").count("\n")
        per_operation = sum(max(len(c.operations), 1) for c in report.changes)
        client = sum(len(op.client) for op in report.changed)
        print(f"{old_name[15:25]} -> {new_name[15:25]}")
        print(
            f"  changes {len(report.changes)} (+{client} client signature changes); "
            f"breaking: wire {report.count('wire')}, calls {report.count('calls')}, "
            f"types {report.count('types')}; semver {report.semver}"
        )
        print(
            f"  operations +{len(report.added)} -{len(report.removed)}, "
            f"{len(report.changed)} changed, {len(report.deprecated)} deprecated; "
            f"renames {len(report.renamed)}; form-only {sum(report.form_only.values())}"
        )
        print(
            f"  lines: text {text}, markdown {markdown}; per-operation listing "
            f"{per_operation} (changes x operations reached)"
        )
        times = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "generator",
                    "diff",
                    CORPUS / old_name,
                    CORPUS / new_name,
                ],
                check=True,
                capture_output=True,
                timeout=600,
            )
            times.append(time.perf_counter() - started)
        print(
            f"  time: diff command {min(times):.2f} s (best of {args.repeat}, fresh "
            f"process, both loads included); compare() alone {in_process:.2f} s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

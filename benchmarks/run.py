"""Speed and memory of the generator against PyYAML's load, side by side with peers.

    .venv/bin/python benchmarks/run.py [--quick] [--repeat N] [--no-peers]

One run prints a table and writes ``benchmarks/results.md`` and
``benchmarks/scaling.png``:

* the bar: PyYAML's C loader merely loading the spec, in a fresh process;
* the generator, cold (``--all`` into a new directory), on the 2025-04 Perl
  and 2026-08 specs; the default selection (one operation) on 2026-08; an
  unchanged rerun and ``--check`` of the 2026-08 tree; each as a ratio to the
  load of the same spec measured in the same rounds;
* the peers on the same specs: openapi-python-client 0.29.1 and
  openapi-generator 7.26.0 (python client, ``--skip-validate-spec``, the jar
  shipped inside the PyPI package ``openapi-generator-cli``; needs Java 17+).
  They are installed on demand into ``.cache/bench-peers``; a peer that cannot
  be installed or run is skipped with the reason printed;
* the plot: time against spec size for every loadable corpus version in
  ``../shared/specs/openai``, ours, PyYAML's load and the peers'.

Compiled modules and templates are put in place first (as after an install
and a first run).  Every measurement is a fresh process with a fresh
``HOME``, its output directory under ``.cache/bench`` (on disk, not tmpfs:
the file system is printed), after ``sync`` so earlier runs' write-back is
not billed to it; for the same reason earlier outputs are moved aside, not
deleted, until the last measurement (see :func:`retired`).  The cases are
interleaved round by round, so a busy machine slows them alike.  Times come
from runs that are only waited for; memory from runs of their own, sampled
(the sampler is a third process, and it would slow a run that keeps both
cores busy more than one that keeps one busy).  Peak RSS is the largest sum,
over the process and its workers, of their resident memory, sampled every
5 ms: pages a forked worker shares with its parent count twice, so it errs
high; peak PSS (sampled every 20 ms) splits shared pages between the
processes: what the tree really occupies.  Figures are printed, never
asserted: timing belongs here, not in tests.
"""

from __future__ import annotations

import argparse
import csv
import lzma
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "specs" / "openai"
WORK = REPO / ".cache" / "bench"
PEERS_VENV = REPO / ".cache" / "bench-peers"
PEER_PACKAGES = ("openapi-python-client==0.29.1", "openapi-generator-cli==7.26.0")
#: Outputs moved aside during the measurements, deleted at the end.
RETIRED = WORK / "retired"
#: When outputs were last deleted (a time stamp), and how long to wait after.
CLEANED = WORK / "cleaned-at"
SETTLE_SECONDS = 180
RESULTS = Path(__file__).resolve().parent / "results.md"
PLOT = Path(__file__).resolve().parent / "scaling.png"
NEW = "openai-openapi-2026-08-21-f85dbe2.yaml"
PERL = "perl-client-2025-04-11-8f2ef4f.yaml"
TIMEOUT = 300
#: Rounds of the table in which each case also has a run with its memory sampled.
MEMORY_ROUNDS = 2
PAGE = os.sysconf("SC_PAGE_SIZE")


@dataclass
class Case:
    """One command measured in fresh processes, ``prepare`` run (untimed) before each."""

    label: str
    command: list[str]
    spec: str
    prepare: Callable[[], None] = lambda: None
    cwd: Path = REPO
    #: The PyYAML load of the same spec, for the ratio.
    bar: Case | None = None
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    peaks_pss: list[float] = field(default_factory=list)
    failure: str = ""

    def measure(self, memory: bool = False) -> None:
        """One timed run; with ``memory``, then one more run whose memory is sampled.

        Time and memory come from separate runs: the sampler is a third
        process reading ``/proc`` every 5 ms, which slows a run that keeps
        both cores busy (ours) more than one that keeps one busy (the load).
        """
        for sampled in (False, True) if memory else (False,):
            if self.failure:
                return
            self.prepare()
            os.sync()
            seconds, peak, peak_pss, error = measure(self.command, self.cwd, sampled)
            if error:
                self.failure = error
                print(f"  {self.label} ({self.spec}) failed: {error}")
            elif sampled:
                self.peaks.append(peak)
                self.peaks_pss.append(peak_pss)
            else:
                self.times.append(seconds)


def measure(
    command: list[str], cwd: Path, sampled: bool = True
) -> tuple[float, float, float, str]:
    """(wall seconds, peak RSS and PSS MB of the process tree, error or "") of one process.

    Unless ``sampled``, memory is not sampled (0.0) and the process is only waited for.
    """
    RETIRED.mkdir(parents=True, exist_ok=True)  # deleted at the end (see retired())
    home = Path(tempfile.mkdtemp(prefix="home-", dir=RETIRED))
    env = {**os.environ, "HOME": str(home)}
    env.pop("PYTHONPATH", None)
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=errors
        )
        peak = peak_pss = polls = 0
        if not sampled:  # a blocking wait, bounded by a watchdog
            watchdog = threading.Timer(TIMEOUT, process.kill)
            watchdog.start()
            try:
                _pid, status, _usage = os.wait4(process.pid, 0)
            finally:
                watchdog.cancel()
        while sampled:
            pid, status, _usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            peak = max(peak, _tree_memory(process.pid, proportional=False))
            if polls % 4 == 0:  # PSS costs more to read: every 20 ms
                peak_pss = max(peak_pss, _tree_memory(process.pid, proportional=True))
            polls += 1
            if time.perf_counter() - start > TIMEOUT:
                process.kill()
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        message = errors.read().decode("utf-8", "replace").strip().splitlines()
    if process.returncode not in (0, 1):  # --check may exit 1 by design
        last = message[-1] if message else ""
        return seconds, 0.0, 0.0, f"exit {process.returncode}: {last[:200]}"
    return seconds, peak / 1e6, peak_pss / 1e6, ""


def _tree_memory(pid: int, proportional: bool) -> int:
    """Resident bytes of ``pid`` and all its descendants now.

    ``proportional``: PSS, each shared page split between the processes that
    share it (what the tree really occupies); else RSS, shared pages counted
    in every process (a forked worker counts the parent's pages again).
    """
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            if proportional:
                with open(f"/proc/{current}/smaps_rollup") as rollup:
                    for line in rollup:
                        if line.startswith("Pss:"):
                            total += int(line.split()[1]) * 1024
                            break
            else:
                with open(f"/proc/{current}/statm") as statm:
                    total += int(statm.read().split()[1]) * PAGE
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    pending.extend(int(c) for c in children.read().split())
        except (OSError, ValueError):
            continue  # ended meanwhile
    return total


def fs_type(path: Path) -> str:
    best, kind = "", "?"
    with open("/proc/mounts") as mounts:
        for line in mounts:
            _, point, fstype, *_ = line.split()
            if str(path).startswith(point) and len(point) > len(best):
                best, kind = point, fstype
    return kind


def corpus() -> list[tuple[str, int]]:
    """(decompressed file name, size) of every corpus spec PyYAML can load, by size."""
    rows = []
    with open(CORPUS / "INDEX.tsv", newline="") as index:
        for row in csv.DictReader(index, delimiter="\t"):
            if row["file"] == "-" or row["parse_seconds_csafeloader"].startswith(
                "FAIL"
            ):
                continue
            rows.append(
                (row["file"].removesuffix(".xz"), int(row["bytes_uncompressed"]))
            )
    return sorted(rows, key=lambda r: r[1])


def decompress(name: str) -> Path:
    target = WORK / "specs" / name
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(lzma.open(CORPUS / f"{name}.xz").read())
    return target


def peers() -> tuple[dict[str, Callable[[Path, Path], list[str]]], list[str]]:
    """Commands of the peers that can run here, and why the others cannot."""
    notes = []
    python = PEERS_VENV / "bin" / "python"
    if not python.exists():
        try:
            subprocess.run(
                [sys.executable, "-m", "venv", str(PEERS_VENV)],
                check=True,
                timeout=TIMEOUT,
            )
            subprocess.run(
                [str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES],
                check=True,
                timeout=TIMEOUT,
            )
        except (OSError, subprocess.SubprocessError) as exc:
            shutil.rmtree(PEERS_VENV, ignore_errors=True)
            return {}, [f"peers not installed: {exc}"]
    bin_dir = PEERS_VENV / "bin"
    commands: dict[str, Callable[[Path, Path], list[str]]] = {
        "openapi-python-client 0.29.1": lambda spec, out: [
            str(bin_dir / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
            "--overwrite",
        ]
    }
    java = shutil.which("java")
    version = ""
    if java:
        shown = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=60
        ).stderr
        version = shown.split('"')[1] if '"' in shown else ""
    if not java or int(version.split(".")[0] or 0) < 17:
        notes.append(
            "openapi-generator skipped: it needs Java 17+"
            f" ({'found ' + version if java else 'no java on PATH'};"
            " e.g. apt-get install openjdk-17-jre-headless)"
        )
    else:
        commands["openapi-generator 7.26.0"] = lambda spec, out: [
            str(bin_dir / "openapi-generator-cli"),
            "generate",
            "-i",
            str(spec),
            "-g",
            "python",
            "-o",
            str(out),
            "--skip-validate-spec",
        ]
    return commands, notes


def warm_up() -> None:
    """Compiled modules and templates in place, as after ``pip install`` and a first run.

    pip compiles an installed package's modules; a source checkout under
    ``PYTHONDONTWRITEBYTECODE`` would otherwise compile every module in every
    measured process.  One untimed run writes the templates' cache.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(REPO / "generator")],
        check=True,
        env=env,
        timeout=TIMEOUT,
    )
    subprocess.run(
        generator(decompress(PERL), WORK / "out" / "warm-up", "--all"),
        check=True,
        env=env,
        timeout=TIMEOUT,
    )


def generator(spec: Path, out: Path, *extra: str) -> list[str]:
    return [sys.executable, "-m", "generator", str(spec), "-o", str(out), "-q", *extra]


def pyyaml(spec: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "import sys, yaml; yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)",
        str(spec),
    ]


def retired(path: Path) -> Callable[[], None]:
    """A ``prepare`` step: ``path`` does not exist (a cold run writes a new
    directory), and nothing is deleted now.

    An earlier output is moved into ``RETIRED`` and deleted after the last
    measurement.  ext4 does not reuse an inode freed in the last minute
    (``recently_deleted()`` in its inode allocator): deleting a 1,437-file
    tree right before a run made each file that run created scan past the
    freed inodes, 10 to 20 times the usual cost, which bills the earlier
    run's clean-up to this one.
    """

    def prepare() -> None:
        if os.path.lexists(path):
            RETIRED.mkdir(parents=True, exist_ok=True)
            os.replace(path, RETIRED / f"{len(os.listdir(RETIRED))}")

    return prepare


def table_cases(
    peer_commands: dict[str, Callable[[Path, Path], list[str]]],
) -> tuple[list[Case], list[Case]]:
    """(our cases with their bars, peer cases) for the table."""
    new, perl = decompress(NEW), decompress(PERL)
    out = WORK / "out"
    load_new = Case("PyYAML C loader, load only", pyyaml(new), "2026-08")
    load_perl = Case("PyYAML C loader, load only", pyyaml(perl), "2025-04 Perl")
    current = out / "current"

    def ensure_current() -> None:
        if not (current / ".generator-manifest.json").exists():
            subprocess.run(
                generator(new, current, "--all"), check=True, timeout=TIMEOUT
            )

    ours = [
        load_perl,
        Case(
            "generator --all, cold",
            generator(perl, out / "perl", "--all"),
            "2025-04 Perl",
            retired(out / "perl"),
            bar=load_perl,
        ),
        load_new,
        Case(
            "generator --all, cold",
            generator(new, out / "cold", "--all"),
            "2026-08",
            retired(out / "cold"),
            bar=load_new,
        ),
        Case(
            "generator, default selection (1 operation), cold",
            generator(new, out / "one"),
            "2026-08",
            retired(out / "one"),
            bar=load_new,
        ),
        Case(
            "generator --all, unchanged rerun",
            generator(new, current, "--all"),
            "2026-08",
            ensure_current,
            bar=load_new,
        ),
        Case(
            "generator --all --check, current tree",
            generator(new, current, "--all", "--check"),
            "2026-08",
            ensure_current,
            bar=load_new,
        ),
    ]
    others: list[Case] = []
    for name, command in peer_commands.items():
        for label, spec, bar in (
            ("2025-04 Perl", perl, load_perl),
            ("2026-08", new, load_new),
        ):
            target = out / f"peer-{len(others)}"
            others.append(
                Case(name, command(spec, target), label, retired(target), bar=bar)
            )
    return ours, others


def scaling(
    peer_commands: dict[str, Callable[[Path, Path], list[str]]],
    repeat: int,
    peer_every: int,
) -> tuple[list[int], dict[str, list[float | None]]]:
    """Best time per corpus spec, per tool (None: not measured or failed)."""
    specs = corpus()
    sizes = [size for _, size in specs]
    series: dict[str, list[float | None]] = {
        "PyYAML C loader, load only": [],
        "generator --all, cold": [],
        **{name: [] for name in peer_commands},
    }
    out = WORK / "out" / "scaling"
    for n, (name, _) in enumerate(specs):
        spec = decompress(name)
        cases = [
            Case("PyYAML C loader, load only", pyyaml(spec), name),
            Case(
                "generator --all, cold",
                generator(spec, out, "--all"),
                name,
                retired(out),
            ),
        ]
        for _ in range(repeat):
            for case in cases:
                case.measure()
        if n % peer_every == 0 or n == len(specs) - 1:
            for peer, command in peer_commands.items():
                cases.append(Case(peer, command(spec, out), name, retired(out)))
                cases[-1].measure()
        for case in cases:
            series[case.label].append(min(case.times) if case.times else None)
        for peer in peer_commands:
            if len(series[peer]) < n + 1:
                series[peer].append(None)
        print(
            f"  {name}: "
            + ", ".join(f"{c.label.split(',')[0]} {_best(c)}" for c in cases)
        )
    return sizes, series


def _best(case: Case) -> str:
    return f"{min(case.times):.2f}s" if case.times else f"failed ({case.failure})"


def rows(cases: list[Case]) -> list[list[str]]:
    table = []
    for case in cases:
        if not case.times:
            failure = case.failure or "not run"
            table.append([case.label, case.spec, *["-"] * (len(HEADER) - 3), failure])
            continue
        median, best = statistics.median(case.times), min(case.times)
        ratio = ""
        if case.bar is not None and case.bar.times:
            bar_median, bar_best = statistics.median(case.bar.times), min(
                case.bar.times
            )
            ratio = f"{median / bar_median:.2f}x / {best / bar_best:.2f}x"
        table.append(
            [
                case.label,
                case.spec,
                str(len(case.times)),
                f"{median:.3f}",
                f"{best:.3f}",
                f"{max(case.peaks):.0f}",
                f"{max(case.peaks_pss):.0f}",
                ratio,
            ]
        )
    return table


HEADER = [
    "case",
    "spec",
    "runs",
    "median s",
    "best s",
    "peak RSS MB",
    "peak PSS MB",
    "vs load (median / best)",
]


def markdown_table(table: list[list[str]]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(row) + " |" for row in table]
    return "\n".join(lines)


def text_table(table: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADER, *table]) for i in range(len(HEADER))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True))
        for r in [HEADER, *table]
    )


def plot(sizes: list[int], series: dict[str, list[float | None]]) -> str:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return "plot not drawn: matplotlib is not installed (pip install -e '.[bench]')"
    figure, axes = plt.subplots(figsize=(8, 5))
    for (label, times), marker in zip(series.items(), "os^vD", strict=False):
        points = [
            (s / 1e6, t) for s, t in zip(sizes, times, strict=True) if t is not None
        ]
        if points:
            axes.plot(*zip(*points, strict=True), marker=marker, label=label)
    axes.set_xlabel("spec size, MB (uncompressed YAML)")
    axes.set_ylabel("seconds (best run, log scale)")
    axes.set_yscale("log")
    axes.set_title("Whole-API run against spec size (OpenAI spec versions)")
    axes.grid(True, which="both", alpha=0.3)
    axes.legend()
    figure.tight_layout()
    figure.savefig(PLOT, dpi=100, metadata={"Software": None})
    return f"plot written: {PLOT.relative_to(REPO)}"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--repeat", type=int, help="rounds for the table (default 5, quick 3)"
    )
    parser.add_argument(
        "--quick",
        action="store_true",
        help="3 rounds, peers once per table spec and on every 4th corpus spec "
        "(default: 5 rounds, peers twice and on every 2nd corpus spec)",
    )
    parser.add_argument("--no-peers", action="store_true", help="leave the peers out")
    parser.add_argument(
        "--table-only",
        action="store_true",
        help="no corpus scaling or plot (results.md and the plot are left as they are)",
    )
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"the corpus is not at {CORPUS} (../shared beside the checkout)")
    repeat = args.repeat or (3 if args.quick else 5)
    peer_repeat = 1 if args.quick else 2
    WORK.mkdir(parents=True, exist_ok=True)
    clean_up(wait=True)
    peer_commands, notes = (
        ({}, ["peers left out (--no-peers)"]) if args.no_peers else peers()
    )
    kind = fs_type(WORK)
    setting = (
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, output on {kind} ({WORK.relative_to(REPO)}), "
        f"load average at start {os.getloadavg()[0]:.2f}"
    )
    print(setting)
    if kind in ("tmpfs", "ramfs"):
        notes.append(f"warning: {WORK} is on {kind}, not on disk")
    for note in notes:
        print(note)

    warm_up()
    ours, others = table_cases(peer_commands)
    for round_number in range(repeat):
        for case in ours:
            case.measure(memory=round_number < MEMORY_ROUNDS)
        if round_number < peer_repeat:
            for case in others:
                case.measure(memory=round_number == 0)
        print(f"round {round_number + 1}/{repeat} done")
    table = rows(ours + others)
    print(text_table(table))
    if args.table_only:
        clean_up()
        return

    print("scaling across the corpus:")
    sizes, series = scaling(
        peer_commands, 1 if args.quick else 2, 4 if args.quick else 1
    )
    drawn = plot(sizes, series)
    print(drawn)
    setting += f", at end {os.getloadavg()[0]:.2f}"
    RESULTS.write_text(
        "# Benchmark results\n\n"
        f"Written by `.venv/bin/python benchmarks/run.py{' --quick' if args.quick else ''}`"
        f"{' --no-peers' if args.no_peers else ''}: {setting}.\n"
        "Fresh process and `HOME` per run, after `sync`, cases interleaved round by round; "
        "times from unsampled runs, memory from separate sampled runs "
        f"({MEMORY_ROUNDS} per case, 1 per peer); "
        "outputs are moved aside, not deleted, until the last measurement (ext4 "
        "makes new files slow for a minute after many are deleted); "
        "ratios are to PyYAML's C loader loading the same spec in the same rounds.  "
        "Peak RSS: the process and its workers, summed, sampled every 5 ms (a page "
        "a worker shares with its parent counts twice); peak PSS: shared pages "
        "split between them, sampled every 20 ms.\n\n"
        + markdown_table(table)
        + "\n\n"
        + "".join(f"- {note}\n" for note in notes)
        + "\n## Scaling\n\n"
        + (f"![time against spec size]({PLOT.name})\n\n" if PLOT.exists() else "")
        + markdown_table_scaling(sizes, series)
        + "\n"
    )
    print(f"results written: {RESULTS.relative_to(REPO)}")
    clean_up()


def clean_up(wait: bool = False) -> None:
    """Delete the outputs of the measurements (and of an interrupted earlier run).

    ``wait``: before anything is measured, let ext4's window for recently
    freed inodes (see :func:`retired`) pass since the last clean-up, this
    run's or an earlier one's, whose time ``CLEANED`` records.  The kernel's
    window is one minute after a ``sync``; three are waited, as creating
    files was measured to stay slower for up to that long.
    """
    leftovers = [p for p in (WORK / "out", RETIRED) if p.exists()]
    for path in leftovers:
        shutil.rmtree(path, ignore_errors=True)
    os.sync()
    if leftovers:
        CLEANED.write_text(f"{time.time()}\n")
    if not wait:
        return
    try:
        since = time.time() - float(CLEANED.read_text())
    except (OSError, ValueError):
        return
    if since < SETTLE_SECONDS:
        print(
            f"outputs were deleted {since:.0f} s ago: waiting "
            f"{SETTLE_SECONDS - since:.0f} s before measuring (see retired())"
        )
        time.sleep(SETTLE_SECONDS - since)


def markdown_table_scaling(
    sizes: list[int], series: dict[str, list[float | None]]
) -> str:
    names = list(series)
    lines = [
        "| spec MB | " + " | ".join(f"{n} (best s)" for n in names) + " |",
        "|" + "---|" * (len(names) + 1),
    ]
    for i, size in enumerate(sizes):
        cells = [
            f"{series[n][i]:.2f}" if series[n][i] is not None else "-" for n in names
        ]
        lines.append(f"| {size / 1e6:.2f} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    main()

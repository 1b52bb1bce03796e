"""Speed and memory of a whole-API run, side by side with peers.

    .venv/bin/python benchmarks/run.py [--spec FILE] [--repeat N] [--peers]

Prints, for the chosen spec (default: the 2026-08 corpus spec from
../shared, else specs/openapi.yaml):

* PyYAML's C loader merely loading the spec (the bar to beat);
* ``python -m generator SPEC --all`` into an empty directory, and again into
  a current one (nothing to write),
  wall time and peak RSS, each in a fresh process;
* with ``--peers``: openapi-python-client and openapi-generator (python
  client) on the same spec, installed on demand into ``.cache/bench-peers``
  (PyPI packages; openapi-generator's needs a Java runtime).

Figures are printed, never asserted: timing belongs here, not in tests.
"""

from __future__ import annotations

import argparse
import lzma
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = (
    REPO.parent
    / "shared"
    / "specs"
    / "openai"
    / "openai-openapi-2026-08-21-f85dbe2.yaml.xz"
)
PEERS_VENV = REPO / ".cache" / "bench-peers"
PEER_PACKAGES = ("openapi-python-client==0.29.1", "openapi-generator-cli==7.26.0")
TIMEOUT = 600


def _spec_file(arg: str | None, workdir: Path) -> Path:
    if arg:
        return Path(arg).resolve()
    if CORPUS.is_file():
        target = workdir / "openapi-2026-08.yaml"
        target.write_bytes(lzma.open(CORPUS).read())
        return target
    return (REPO / "specs" / "openapi.yaml").resolve()


def _timed(
    cmd: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, float, int]:
    """(seconds, peak RSS in MB, exit status) of one fresh process, measured with wait4."""
    start = time.perf_counter()
    errors = tempfile.TemporaryFile()
    with (
        errors,
        subprocess.Popen(
            cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors
        ) as proc,
    ):
        deadline = start + TIMEOUT
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.005)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        err = errors.read().decode(errors="replace")
    if proc.returncode != 0:
        print(f"  ! {' '.join(cmd[:3])}... exited {proc.returncode}: {err[-300:]}")
    return seconds, usage.ru_maxrss / 1024, proc.returncode


def _median(
    cmd: list[str],
    repeat: int,
    env: dict[str, str] | None = None,
    before_each: object = None,
) -> tuple[float, float]:
    times, peaks = [], []
    for _ in range(repeat):
        if callable(before_each):
            before_each()
        seconds, peak, _status = _timed(cmd, env)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


def _ensure_peers() -> Path:
    python = PEERS_VENV / "bin" / "python"
    if not python.exists():
        subprocess.run(
            [sys.executable, "-m", "venv", str(PEERS_VENV)], check=True, timeout=TIMEOUT
        )
        subprocess.run(
            [str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES],
            check=True,
            timeout=TIMEOUT,
        )
    return PEERS_VENV / "bin"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spec", help="spec file (default: the 2026-08 corpus spec)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument(
        "--peers",
        action="store_true",
        help="also run openapi-python-client and openapi-generator",
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        spec = _spec_file(args.spec, tmp)
        print(f"spec: {spec.name} ({spec.stat().st_size / 1e6:.1f} MB)")

        load_cmd = [
            sys.executable,
            "-c",
            f"import yaml; yaml.load(open({str(spec)!r}, 'rb'), Loader=yaml.CSafeLoader)",
        ]
        pyyaml_s, pyyaml_mb = _median(load_cmd, args.repeat)
        print(f"PyYAML CSafeLoader, load only : {pyyaml_s:6.2f} s  {pyyaml_mb:6.0f} MB")

        env = {**os.environ, "PYTHONPATH": str(REPO)}
        out = tmp / "out"
        gen_cmd = [
            sys.executable,
            "-m",
            "generator",
            str(spec),
            "--all",
            "-o",
            str(out),
            "-q",
        ]

        def empty_output() -> None:
            shutil.rmtree(out, ignore_errors=True)

        cold_s, cold_mb = _median(gen_cmd, args.repeat, env, before_each=empty_output)
        print(
            f"generator --all, empty output : {cold_s:6.2f} s  {cold_mb:6.0f} MB"
            f"  ({cold_s / pyyaml_s:.2f}x PyYAML load)"
        )
        again_s, again_mb = _median(gen_cmd, args.repeat, env)
        print(
            f"generator --all, output current: {again_s:5.2f} s  {again_mb:6.0f} MB"
            f"  ({again_s / pyyaml_s:.2f}x PyYAML load)"
        )

        if not args.peers:
            print("(peers: run with --peers)")
            return
        bin_dir = _ensure_peers()
        peers = {
            "openapi-python-client": [
                str(bin_dir / "openapi-python-client"),
                "generate",
                "--path",
                str(spec),
                "--output-path",
                str(tmp / "opc"),
                "--overwrite",
            ],
            "openapi-generator (python)": [
                str(bin_dir / "openapi-generator-cli"),
                "generate",
                "-i",
                str(spec),
                "-g",
                "python",
                "-o",
                str(tmp / "ogen"),
                "--skip-validate-spec",
            ],
        }
        for name, cmd in peers.items():
            seconds, peak, status = _timed(cmd, cwd=tmp)
            note = "" if status == 0 else f" (exit {status})"
            print(
                f"{name:30}: {seconds:6.2f} s  {peak:6.0f} MB  -> generator cold is {seconds / cold_s:.1f}x faster{note}"
            )


if __name__ == "__main__":
    main()

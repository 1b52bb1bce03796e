"""Formatting the generated client: our black layout versus a pinned ``ruff format``.

    .venv/bin/python benchmarks/formatting.py [--spec NAME]... [--repeat N] [--black]

For each corpus spec (default: the 2026-08 spec and the 2025-04 Perl spec,
from ../shared/specs/openai, every operation), prints side by side:

* the Python renderer's CPU time with ``render/python/layout.py`` (the templates'
  ``statement``/``parameter``/``return_tail``/``docstring`` filters) and with
  *plain* filters that write each statement on one line, and the time spent
  inside the filters themselves (caches cleared, a fresh model each time,
  best and median of ``--repeat`` interleaved runs; CPU time, as the
  machine is shared);
* ``ruff format`` on the plain modules: a subprocess per module on stdin, one
  subprocess on a directory of the three modules (wall time, and the CPU time
  of the processes), and in-process through the ``ruff_format`` bindings
  when they are installed (CPU time);
* how ruff's output differs from the black-stable layout, by construct:
  for everything written on one line (``one-line``), for ``plain`` (one-line
  statements, but a parameter's union annotation written in parentheses when
  the parameter does not fit a line, and docstrings still laid out by
  ``layout.docstring``), and for the layout's own output;
* with ``--black``: whether black leaves ruff's ``plain`` output unchanged,
  for the specs above, the small specs of the tests (synthetic, hostile,
  edges) and every construct of ``tests/test_black_stable.py`` at every
  length (slow: black takes seconds per large module).

Figures are printed, never asserted.  Needs ``ruff`` on PATH or in the venv
(``pip install ruff==0.17.6``).
"""

from __future__ import annotations

import argparse
import difflib
import lzma
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.load import parse_spec  # noqa: E402
from generator.model.build import ModelBuilder  # noqa: E402
from generator.plan import plan_client  # noqa: E402
from generator.python_syntax import LINE_LENGTH, width  # noqa: E402
from generator.render import RenderOptions  # noqa: E402
from generator.render import python as python_client  # noqa: E402
from generator.render.python import layout as python_layout  # noqa: E402
from generator.selection import Selection, select  # noqa: E402

SPECS = REPO.parent / "shared" / "specs" / "openai"
DEFAULT_SPECS = (
    "openai-openapi-2026-08-21-f85dbe2.yaml.xz",
    "perl-client-2025-04-11-8f2ef4f.yaml.xz",
)
MODULES = ("models.py", "_client.py", "__init__.py")
FILTERS = ("statement", "parameter", "return_tail", "docstring")
TIMEOUT = 120

Filter = Callable[[str, int], str]


# -- the plain emission ----------------------------------------------------------
def one_line(block: str, depth: int) -> str:
    return "    " * depth + block.strip() + "\n"


def _top_level_bar(text: str) -> bool:
    """Whether ``text`` (a type expression) has a ``|`` outside brackets."""
    depth = 0
    for char in text:
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "|" and depth == 0:
            return True
    return False


def parenthesised_parameter(block: str, depth: int) -> str:
    """``name: type[ = default],``, the union type parenthesised when too long.

    Black wraps a parameter's annotation in optional parentheses and, for a
    union, uses them when the parameter does not fit; ruff keeps parentheses
    that are written but does not add these.
    """
    line = one_line(block, depth)
    if width(line.rstrip("\n")) <= LINE_LENGTH:
        return line
    name, _, rest = block.strip().removesuffix(",").partition(": ")
    annotation, equals, default = rest.partition(" = ")
    if not _top_level_bar(annotation):
        return line
    return "    " * depth + f"{name}: ({annotation}){equals}{default},\n"


def raw_docstring(block: str, depth: int) -> str:
    return "    " * depth + '"""' + block.removesuffix("\n") + '"""\n'


#: ``layout``: today's filters; ``one-line``: every statement and docstring
#: as written, left to ruff; ``plain``: one-line statements, the union
#: annotation of a parameter parenthesised when it does not fit, and
#: docstrings still written by ``layout.docstring``.
LAYOUTS: dict[str, dict[str, Filter]] = {
    "layout": {},
    "one-line": {
        "statement": one_line,
        "parameter": one_line,
        "return_tail": one_line,
        "docstring": raw_docstring,
    },
    "plain": {
        "statement": one_line,
        "parameter": parenthesised_parameter,
        "return_tail": one_line,
    },
}


# -- rendering ---------------------------------------------------------------------
def corpus_spec(name: str, workdir: Path) -> Mapping[str, Any]:
    raw = lzma.open(SPECS / name).read()
    path = workdir / name.removesuffix(".xz")
    path.write_bytes(raw)
    return parse_spec(path, raw)


class Renderer:
    """Renders the client of one spec with chosen filters, timing the filters."""

    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.originals: dict[str, Filter] = {
            f: getattr(python_layout, f) for f in FILTERS
        }
        self.in_filters = 0.0

    def _timed(self, function: Filter) -> Filter:
        def timed(block: str, depth: int) -> str:
            start = time.process_time()
            try:
                return function(block, depth)
            finally:
                self.in_filters += time.process_time() - start

        return timed

    def render(self, layout: str) -> tuple[float, float, dict[str, str]]:
        """(render seconds, seconds in the filters, modules) with ``layout``."""
        for name, original in self.originals.items():
            original.cache_clear()  # type: ignore[attr-defined]
            chosen = LAYOUTS[layout].get(name, original)
            setattr(python_layout, name, self._timed(chosen))
        try:
            api = ModelBuilder(self.spec).build(select(self.spec, Selection(all=True)))
            plan = plan_client(api)
            self.in_filters = 0.0
            start = time.process_time()
            files = python_client.render(api, plan, RenderOptions())
            seconds = time.process_time() - start
        finally:
            for name, original in self.originals.items():
                setattr(python_layout, name, original)
        modules = {m: files[f"{python_client.PACKAGE}/{m}"] for m in MODULES}
        return seconds, self.in_filters, modules


# -- ruff ----------------------------------------------------------------------------
def ruff_command() -> list[str]:
    beside = Path(sys.executable).with_name("ruff")
    ruff = str(beside) if beside.exists() else shutil.which("ruff")
    if ruff is None:
        sys.exit("error: ruff is not installed (pip install ruff==0.17.6)")
    return [ruff, "format", "--isolated", "--no-cache", "--line-length", "88"]


@contextmanager
def children_cpu() -> Iterator[list[float]]:
    """Yields a one-item list that holds, afterwards, the CPU seconds of the
    child processes that ended inside the block."""
    result = [0.0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    yield result
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result[0] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ruff_stdin(modules: dict[str, str]) -> dict[str, str]:
    """Each module formatted by its own ``ruff format -`` process."""
    return {
        name: subprocess.run(
            [*ruff_command(), "--stdin-filename", name, "-"],
            input=text,
            capture_output=True,
            text=True,
            check=True,
            timeout=TIMEOUT,
        ).stdout
        for name, text in modules.items()
    }


def ruff_directory(modules: dict[str, str], directory: Path) -> dict[str, str]:
    """The modules written to ``directory`` and formatted by one ruff process."""
    for name, text in modules.items():
        (directory / name).write_text(text, encoding="utf-8")
    subprocess.run([*ruff_command(), "-q", str(directory)], check=True, timeout=TIMEOUT)
    return {m: (directory / m).read_text(encoding="utf-8") for m in modules}


def ruff_in_process() -> Callable[[dict[str, str]], dict[str, str]] | None:
    try:
        import ruff_format  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None

    def formatted(modules: dict[str, str]) -> dict[str, str]:
        return {
            name: ruff_format.format_string(text, line_width=88)
            for name, text in modules.items()
        }

    return formatted


# -- comparing -----------------------------------------------------------------------
def differences(reference: dict[str, str], other: dict[str, str]) -> str:
    """Hunks and lines that differ, by construct: a parameter whose annotation
    the layout parenthesises, a docstring, or other."""
    counts: dict[str, list[int]] = {}
    for name, text in reference.items():
        old, new = text.splitlines(), other[name].splitlines()
        in_parameter = _parenthesised_parameter_lines(old)
        matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if any(in_parameter[i] for i in range(i1, max(i2, i1 + 1))):
                kind = "parameter"
            elif any('"""' in line for line in old[i1:i2] + new[j1:j2]):
                kind = "docstring"
            else:
                kind = "other"
            count = counts.setdefault(kind, [0, 0, 0])
            count[0] += 1
            count[1] += i2 - i1
            count[2] += j2 - j1
    if not counts:
        return "identical"
    return "; ".join(
        f"{kind} {h} hunks (-{r} +{a} lines)" for kind, (h, r, a) in counts.items()
    )


_PARENTHESISED_PARAMETER = re.compile(r"^        \w+: \($", re.MULTILINE)


def _parenthesised_parameter_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a parameter whose annotation the
    layout wrote in parentheses (``name: (`` to ``) = ...``)."""
    inside = False
    flags = []
    for line in lines:
        inside = inside or _PARENTHESISED_PARAMETER.match(line) is not None
        flags.append(inside)
        inside = inside and not line.startswith("        )")
    return flags


def lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def timings(values: list[float]) -> str:
    return f"best {min(values):6.3f} s  median {statistics.median(values):6.3f} s"


def report(name: str, repeat: int, with_black: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        renderer = Renderer(corpus_spec(name, tmp))
        renderer.render("layout")  # warm-up: imports, first-use costs
        render_s: dict[str, list[float]] = {k: [] for k in LAYOUTS}
        filter_s: dict[str, list[float]] = {k: [] for k in LAYOUTS}
        output: dict[str, dict[str, str]] = {}
        for _ in range(repeat):
            for layout in LAYOUTS:
                seconds, in_filters, modules = renderer.render(layout)
                render_s[layout].append(seconds)
                filter_s[layout].append(in_filters)
                output[layout] = modules
        total_lines = sum(t.count("\n") for t in output["layout"].values())
        print(f"\n== {name}: client {total_lines} lines ({', '.join(MODULES)})")
        for layout in LAYOUTS:
            print(
                f"render CPU, {layout:8} filters: {timings(render_s[layout])}"
                f"   in the filters: {timings(filter_s[layout])}"
            )

        plain = output["plain"]
        stdin_s: list[float] = []
        stdin_cpu: list[float] = []
        dir_s: list[float] = []
        dir_cpu: list[float] = []
        for _ in range(repeat):
            with children_cpu() as cpu:
                start = time.perf_counter()
                by_stdin = ruff_stdin(plain)
                stdin_s.append(time.perf_counter() - start)
            stdin_cpu.append(cpu[0])
            directory = tmp / f"ruff{len(dir_s)}"
            directory.mkdir()
            with children_cpu() as cpu:
                start = time.perf_counter()
                by_dir = ruff_directory(plain, directory)
                dir_s.append(time.perf_counter() - start)
            dir_cpu.append(cpu[0])
        print(
            f"ruff format, process per module: {timings(stdin_s)}"
            f" wall   CPU best {min(stdin_cpu):.3f} s"
        )
        print(
            f"ruff format, one process (dir) : {timings(dir_s)}"
            f" wall   CPU best {min(dir_cpu):.3f} s"
        )
        in_process = ruff_in_process()
        if in_process is None:
            print(
                "ruff format, in process       : (ruff_format bindings not installed)"
            )
        else:
            ip_s = []
            for _ in range(repeat):
                start = time.process_time()
                by_api = in_process(plain)
                ip_s.append(time.process_time() - start)
            same = "same" if by_api == by_stdin else "DIFFERENT"
            print(
                f"ruff format, in process CPU   : {timings(ip_s)}"
                f"   output {same} as the CLI's"
            )
        assert by_dir == by_stdin

        reference = output["layout"]
        parenthesised = sum(
            len(_PARENTHESISED_PARAMETER.findall(t)) for t in reference.values()
        )
        print(f"parameter annotations the layout parenthesises: {parenthesised}")
        one_line_ruff = ruff_stdin(output["one-line"])
        print(
            f"ruff(one-line) vs layout       : {differences(reference, one_line_ruff)}"
        )
        print(f"ruff(plain) vs layout          : {differences(reference, by_stdin)}")
        print(
            "ruff(layout) vs layout         : "
            + differences(reference, ruff_stdin(reference))
        )
        if with_black:
            print(f"black on ruff(plain)           : {black_changes(by_stdin)}")


def black_changes(modules: dict[str, str]) -> str:
    """The modules black would change, or ``unchanged``."""
    import black

    changed = [
        name
        for name, text in modules.items()
        if black.format_str(text, mode=black.Mode()) != text
    ]
    return "changes " + ", ".join(changed) if changed else "unchanged"


def _ranges(numbers: list[int]) -> str:
    """``[4, 5, 6, 9]`` as ``4-6, 9``."""
    spans: list[list[int]] = []
    for n in numbers:
        if spans and n == spans[-1][1] + 1:
            spans[-1][1] = n
        else:
            spans.append([n, n])
    return ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in spans)


def edge_report() -> None:
    """Black on ruff's ``plain`` output beyond the corpus: the small specs of
    the tests and each construct of the layout tests at every length."""
    import black

    sys.path[:0] = [str(REPO / "tests"), str(REPO / "tests" / "e2e")]
    from python_client_support import SYNTHETIC_SPEC
    from sample_specs import HOSTILE_SPEC
    from test_black_stable import (  # type: ignore[import-not-found]
        EDGE_SPEC,
        SHAPES,
        _in_context,
    )

    print("\n== beyond the corpus: black on ruff(plain)")
    for label, spec in (
        ("synthetic", SYNTHETIC_SPEC),
        ("hostile", HOSTILE_SPEC),
        ("edges", EDGE_SPEC),
    ):
        modules = Renderer(spec).render("plain")[2]
        print(f"spec {label:10}: {black_changes(ruff_stdin(modules))}")
    plain = LAYOUTS["plain"]
    for function, depth, template in SHAPES:
        wrong = []
        for n in range(4, 100):
            literals = ", ".join(f'"v{i}"' for i in range(n // 3))
            code = template.replace("{N}", "C" * n).replace("{n}", "a" * n)
            code = code.replace("{L}", literals)
            source = _in_context(function, depth, plain[function](code, depth))
            formatted = ruff_stdin({"shape.py": source})["shape.py"]
            if black.format_str(formatted, mode=black.Mode()) != formatted:
                wrong.append(n)
        verdict = f"black differs at n = {_ranges(wrong)}" if wrong else "same"
        print(f"{function:11} {template[:60]:60}: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--spec", action="append", help="corpus spec file name")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--black", action="store_true", help="also run black")
    args = parser.parse_args()
    if not SPECS.is_dir():
        sys.exit(f"error: the corpus specs are not at {SPECS}")
    code = lines(REPO / "generator" / "render" / "python" / "layout.py")
    test = lines(REPO / "tests" / "test_black_stable.py")
    print(f"render/python/layout.py: {code} lines; tests/test_black_stable.py: {test}")
    print(
        f"ruff: {subprocess.run([ruff_command()[0], '--version'], capture_output=True, text=True, check=True, timeout=TIMEOUT).stdout.strip()}; cores: {os.cpu_count()}"
    )
    for name in args.spec or DEFAULT_SPECS:
        report(name, args.repeat, args.black)
    if args.black:
        edge_report()


if __name__ == "__main__":
    main()

"""Rendering on two cores: the same bytes as one core, errors from either process
propagate, nothing staged is left behind, and no worker outlives the run."""

from __future__ import annotations

import os
import select
import signal
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from golden_cases import SHARED_SPECS
from sample_specs import MINI_SPEC

from generator import pipeline, workers
from generator.artifacts import Renderer
from generator.errors import GeneratorError
from generator.load import load_spec
from generator.model import Api
from generator.pipeline import RunOptions, render_all, run
from generator.plan import ClientPlan
from generator.render import Files, RenderOptions
from generator.selection import Selection
from generator.write import MANIFEST_NAME

PERL_2025_04 = SHARED_SPECS / "perl-client-2025-04-11-8f2ef4f.yaml.xz"


def _tree(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def _children() -> set[int]:
    """This process's child processes, exited but unreaped ones included.

    Other tests in the same (xdist) worker may keep servers running, so the
    tests compare this set before and after rather than expect it empty.
    """
    pids: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        pids.update(int(pid) for pid in (task / "children").read_text().split())
    return pids


@pytest.fixture
def no_children_left() -> Iterator[None]:
    """The test leaves no child process behind (none running, none unreaped)."""
    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc to list child processes")
    before = _children()
    yield
    assert _children() <= before, "a worker process was left behind"


def _options(spec: Path, out: Path, parallel: bool = True) -> RunOptions:
    return RunOptions(
        spec_path=spec, output=out, selection=Selection(all=True), parallel=parallel
    )


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_SPEC)
    return path


@pytest.mark.skipif(not workers.available(), reason="needs fork and two CPUs")
@pytest.mark.usefixtures("no_children_left")
def test_two_cores_write_the_bytes_of_one(tmp_path: Path) -> None:
    """A whole real spec, fresh and into an existing tree, against the serial renderers."""
    spec = PERL_2025_04
    if not spec.is_file():
        pytest.skip(f"{spec} is not there (../shared is absent)")
    one, two = tmp_path / "one", tmp_path / "two"
    run(_options(spec, one, parallel=False))
    result = run(_options(spec, two))
    assert result.rendered and result.operations == 126
    assert _tree(one) == _tree(two)
    files, _, _ = render_all(
        load_spec(spec),
        Selection(all=True),
        RenderOptions(),
    )
    assert {p: t.encode() for p, t in files.items()} == {
        p: data for p, data in _tree(two).items() if p != MANIFEST_NAME
    }
    # Into an existing tree with one page gone and one edited: both restored.
    (two / "markdown" / "README.md").unlink()
    edited = two / "pod" / "OpenAPI" / "Client" / "OpenAI" / "Path.pod"
    edited.write_text("edited\n")
    again = run(_options(spec, two))
    assert again.changes.added == ["markdown/README.md"]
    assert again.changes.changed == ["pod/OpenAPI/Client/OpenAI/Path.pod"]
    assert _tree(one) == _tree(two)


class _Alternating:
    """Renderers by turn, not by who is free: this process even, the worker odd."""

    def __init__(self, count: int) -> None:
        self.count = count
        self.parent = os.getpid()

    def __iter__(self) -> Iterator[int]:
        return iter(range(0 if os.getpid() == self.parent else 1, self.count, 2))

    def close(self) -> None:
        pass


def _failing(api: Api, plan: ClientPlan, options: RenderOptions) -> Files:
    raise GeneratorError("this renderer fails")


def _working(folder: str) -> Renderer:
    """A renderer of 20 files in ``folder`` (as each artifact has folders of its own)."""

    def render(api: Api, plan: ClientPlan, options: RenderOptions) -> Files:
        return {f"{folder}/{n}.txt": "ok\n" for n in range(20)}

    return render


def _wait_readable(descriptor: int, what: str) -> None:
    ready, _, _ = select.select([descriptor], [], [], 30)
    assert ready, f"{what} within 30 s"


class _Handshake:
    """Renderers that make the worker fail at a set point in this process's work.

    The worker's renderer fails only once this process has staged its first
    artifact; this process's next renderer then waits for the worker to end
    and checks that what it staged is still staged.  So the test sees every
    time whether a failing worker's clean-up touches this process's files (a
    race that a real run hits only now and then).  The worker inherits the
    write end of ``ended`` at the fork: its read end sees the end of file
    once this process has closed its own copy and the worker has exited.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.staged_read, self.staged_write = os.pipe()
        self.ended_read, self.ended_write = os.pipe()

    def failing(self, api: Api, plan: ClientPlan, options: RenderOptions) -> Files:
        """The worker's: fails once this process has staged its first artifact."""
        _wait_readable(self.staged_read, "this process staged nothing")
        return _failing(api, plan, options)

    def after_the_worker(
        self, api: Api, plan: ClientPlan, options: RenderOptions
    ) -> Files:
        """This process's second: lets the worker fail, waits for it to end."""
        os.write(self.staged_write, b"!")
        os.close(self.ended_write)
        self.ended_write = -1
        _wait_readable(self.ended_read, "the worker did not end")
        assert os.read(self.ended_read, 1) == b""
        staged = [p for p in self.directory.rglob("*") if p.parent.name == "first"]
        assert len(staged) == 20, "the worker removed files this process staged"
        return _working("third")(api, plan, options)

    def close(self) -> None:
        for descriptor in (
            self.staged_read,
            self.staged_write,
            self.ended_read,
            self.ended_write,
        ):
            if descriptor >= 0:
                os.close(descriptor)


def _folders(directory: Path) -> list[Path]:
    return sorted(p for p in directory.rglob("*") if p.is_dir())


@pytest.mark.skipif(not workers.available(), reason="needs fork and two CPUs")
@pytest.mark.parametrize(
    "failing_at",
    [0, 1, 3],
    ids=["this process", "the worker", "the worker, after staging an artifact"],
)
@pytest.mark.parametrize("existing", [False, True], ids=["fresh", "existing"])
@pytest.mark.usefixtures("no_children_left")
def test_a_failing_renderer_changes_nothing(
    spec: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    failing_at: int,
    existing: bool,
) -> None:
    out = tmp_path / "out"
    if existing:
        run(_options(spec, out))
    before = (_tree(out), _folders(out)) if existing else None
    handshake = _Handshake(tmp_path)
    request.addfinalizer(handshake.close)
    # This process renders the even ones, the worker the odd ones.
    chosen = [
        _working("first"),
        _working("second"),
        handshake.after_the_worker,
        _working("fourth"),
    ]
    chosen[failing_at] = _failing if failing_at == 0 else handshake.failing
    monkeypatch.setattr(pipeline, "renderers", lambda: tuple(chosen))
    monkeypatch.setattr(pipeline, "Claims", _Alternating)
    monkeypatch.setattr(pipeline, "_PARALLEL_FROM", 1)  # the mini spec has two
    other_years = RunOptions(
        spec_path=spec,
        output=out,
        selection=Selection(all=True),
        render=RenderOptions(copyright_years="2020"),
    )  # not what wrote the tree: the run renders
    with pytest.raises(GeneratorError, match="this renderer fails"):
        run(other_years)
    if existing:
        assert (_tree(out), _folders(out)) == before  # no new folder left either
    else:
        assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["mini.yaml", *(["out"] if existing else [])]
    ), "nothing staged is left behind"


@pytest.mark.usefixtures("no_children_left")
def test_worker_hands_back_result_and_errors() -> None:
    assert workers.Worker(lambda: {"a": [1, 2]}).result() == {"a": [1, 2]}

    def fails() -> None:
        raise ValueError("bad value")

    with pytest.raises(ValueError, match="bad value") as caught:
        workers.Worker(fails).result()
    assert "in the worker process" in "".join(caught.value.__notes__)

    def unpicklable() -> None:
        class Local(Exception):
            pass

        raise Local("from a local class")

    with pytest.raises(RuntimeError, match="Local: from a local class"):
        workers.Worker(unpicklable).result()

    def dies() -> None:
        os._exit(7)

    with pytest.raises(RuntimeError, match="without a result"):
        workers.Worker(dies).result()


def test_claims_hand_out_each_task_once() -> None:
    claims = workers.Claims(200)
    worker = workers.Worker(lambda: list(claims))
    mine = list(claims)
    theirs = worker.result()
    claims.close()
    assert sorted(mine + theirs) == list(range(200))
    assert mine == sorted(mine) and theirs == sorted(theirs)


def test_interrupts_are_held_back_until_the_block_ends() -> None:
    """The clean-up after a failure cannot itself be interrupted half-way."""
    reached = False
    with pytest.raises(KeyboardInterrupt):
        with workers.interrupts_held():
            signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGINT)
            reached = True  # an interrupt not held back is raised before this
    assert reached

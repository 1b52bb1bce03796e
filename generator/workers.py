"""One task in a forked child process, its result or its error handed back.

The render stage runs its artifacts on two cores: after the model and plan
are built, a forked child (which shares them copy-on-write, no pickling) renders
and stages part of the files while the parent does the rest; :class:`Claims`
hands out the artifacts to whichever process is free.  ``fork`` rather
than a process pool: nothing to re-import or pickle on the way in, one pipe
for the result on the way out, and no pool to start (a pool's start-up costs
more than the whole child).

Guarantees: the child never returns into the caller's code (it leaves with
``os._exit``); its exception, traceback included as a note, is raised in the
parent by :meth:`Worker.result`; and :meth:`Worker.result` always reaps the
child, so no zombie outlives it.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def interrupts_held() -> Iterator[None]:
    """Ctrl-C (SIGINT) to this thread held back meanwhile, raised when the block ends.

    For the clean-up after a failure: an interrupt while it waits for the
    worker would leave the worker writing into what is then removed.
    """
    held = {signal.SIGINT}
    before = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def available() -> bool:
    """Whether a child can run on a core of its own (fork and two CPUs)."""
    return hasattr(os, "fork") and len(os.sched_getaffinity(0)) > 1


class Worker(Generic[T]):
    """A forked child running one task; :meth:`result` waits for it."""

    def __init__(self, task: Callable[[], T]) -> None:
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            os.close(read_end)
            _run_child(task, write_end)
        os.close(write_end)
        self._pid = pid
        self._read_end = read_end
        self._outcome: tuple[bool, object] | None = None

    def result(self) -> T:
        """The task's return value, or its exception raised here (every call)."""
        if self._outcome is None:
            self._outcome = self._wait()
        succeeded, value = self._outcome
        if succeeded:
            return value  # type: ignore[return-value]
        raise value  # type: ignore[misc]

    def _wait(self) -> tuple[bool, object]:
        try:
            with open(self._read_end, "rb") as pipe:
                payload = pipe.read()
        finally:
            _, status = os.waitpid(self._pid, 0)
        if not payload:
            error = RuntimeError(
                f"worker process ended without a result (status {status:#x})"
            )
            return False, error
        outcome: tuple[bool, object] = pickle.loads(payload)
        return outcome


class Claims:
    """Task numbers ``0 .. count-1``, each claimed by exactly one process.

    A pipe filled with one byte per task before the fork: reading one byte is
    atomic, so whichever process is free takes the next task and a process
    that is held up (a busy machine) does less, not the same share late.
    """

    def __init__(self, count: int) -> None:
        if not 0 <= count <= 256:
            raise ValueError(f"between 0 and 256 tasks, not {count}")
        self._read_end, write_end = os.pipe()
        try:
            os.write(write_end, bytes(range(count)))
        finally:
            os.close(write_end)

    def __iter__(self) -> Iterator[int]:
        """The tasks this process claims, in order, until none is left."""
        while claimed := os.read(self._read_end, 1):
            yield claimed[0]

    def close(self) -> None:
        os.close(self._read_end)


def _run_child(task: Callable[[], object], write_end: int) -> None:
    status = 0
    try:
        try:
            payload = pickle.dumps((True, task()))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent
            status = 1
            exc.add_note("in the worker process:\n" + traceback.format_exc().rstrip())
            try:
                payload = pickle.dumps((False, exc))
            except Exception:  # noqa: BLE001 - an exception that does not pickle
                payload = pickle.dumps(
                    (False, RuntimeError(f"{type(exc).__name__}: {exc}"))
                )
        with open(write_end, "wb") as pipe:
            pipe.write(payload)
    finally:
        os._exit(status)

"""The whole run, stage by stage: load (+ lock check, overlays) -> select -> model -> plan -> render -> write.

The CLI is a thin shell over :func:`run`; tests call the stages directly.

Before anything is loaded, the run's inputs (:mod:`generator.fingerprint`)
are compared with the output's manifest: when they match and every file is
intact, nothing is rendered.  That path imports no loader, model or
renderer, so those imports sit inside the functions that need them.
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator import fingerprint
from generator import write as write_stage
from generator.load import parse_spec, read_spec_bytes
from generator.plan.resources import NamingOptions
from generator.render import Files, RenderOptions
from generator.selection import Selection
from generator.workers import Claims, Worker, available, interrupts_held

if TYPE_CHECKING:
    from generator.artifacts import Renderer
    from generator.model import Api
    from generator.plan import ClientPlan
    from generator.plan.deprecations import KeptRename
    from generator.renames import RenamesFile


@dataclass(frozen=True)
class RunOptions:
    spec_path: Path
    output: Path
    selection: Selection
    render: RenderOptions = RenderOptions()
    naming: NamingOptions = NamingOptions()
    check: bool = False
    validate: bool = False
    #: Overlay files applied after loading, in order (``[tool.generator] overlays``).
    overlays: tuple[Path, ...] = ()
    #: The renames file whose renames the client keeps as deprecated aliases
    #: (``[tool.generator] keep_renamed``; a missing file keeps none).
    renames: Path | None = None
    #: Check the spec against the lock beside it (``--unlocked`` turns it off).
    locked: bool = True
    #: No cyclic garbage collection after the spec is loaded (for a one-shot
    #: process such as the CLI; a long-lived caller should leave it off).
    freeze_gc: bool = False
    #: Render on two cores (a forked worker) where the machine has them.
    parallel: bool = True


@dataclass
class RunResult:
    changes: write_stage.Changes
    #: Operations rendered; ``None`` when nothing was rendered because the
    #: output already is what these inputs make.
    operations: int | None
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def rendered(self) -> bool:
        return self.operations is not None


def model(spec: Mapping[str, Any], selection: Selection) -> tuple[Api, int, list[str]]:
    """Select and model: (the API, operation count, warnings)."""
    from generator.model.build import ModelBuilder
    from generator.selection import select

    selected = select(spec, selection)
    builder = ModelBuilder(spec)
    return builder.build(selected), len(selected), builder.warnings


def plan(
    api: Api, naming: NamingOptions, renames: Sequence[KeptRename] = ()
) -> ClientPlan:
    """The client's plan, with deprecated aliases for the ``renames`` kept."""
    from generator.plan import plan_client
    from generator.plan.deprecations import keep_renamed

    return keep_renamed(plan_client(api, naming), renames)


def renderers() -> tuple[Renderer, ...]:
    from generator.artifacts import RENDERERS

    return RENDERERS


def render(
    api: Api, client: ClientPlan, options: RenderOptions, chosen: Iterable[Renderer]
) -> Files:
    files: Files = {}
    for renderer in chosen:
        files.update(renderer(api, client, options))
    return files


def render_all(
    spec: Mapping[str, Any],
    selection: Selection,
    options: RenderOptions,
    naming: NamingOptions = NamingOptions(),
    renames: Sequence[KeptRename] = (),
) -> tuple[Files, int, list[str]]:
    """Select, model, plan and render every artifact; (files, operation count, warnings).

    ``renames``: recorded renames whose old names the client keeps.
    """
    api, operations, warnings = model(spec, selection)
    client = plan(api, naming, renames)
    files = render(api, client, options, renderers())
    return files, operations, [*warnings, *client.notes]


def run(
    options: RunOptions, progress: Callable[[str], None] = lambda _: None
) -> RunResult:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    if not options.spec_path.exists():
        from generator.spec_source import ensure_spec

        materialised = ensure_spec(options.spec_path)
        if materialised:
            progress(materialised)
    raw = read_spec_bytes(options.spec_path)
    # yaml-rs parses without holding the GIL: the modules the rest of the run
    # needs are imported on the other core meanwhile, from the start when
    # the output has no manifest (so the run cannot be one that renders nothing).
    importer = threading.Thread(
        target=_import_later_stages, args=(bool(options.overlays),), name="imports"
    )
    # Before the thread starts: hashing the generator's files takes 3 ms, or
    # 50 while the imports hold the GIL (each read gives it up and waits to
    # take it back).  Before rendering, so that the manifest never records
    # code newer than what rendered.
    tool = fingerprint.tool()
    if not (options.output / write_stage.MANIFEST_NAME).exists():
        importer.start()
    spec_sha256 = fingerprint.sha256(raw)
    if options.locked:
        from generator.spec_source import check_lock

        check_lock(options.spec_path, spec_sha256)
    source = fingerprint.source(
        spec_sha256,
        options.selection,
        options.render,
        _overlay_bytes(options.overlays),
        options.naming,
        _renames_bytes(options.renames),
    )
    if not options.validate:  # validation's findings need the loaded spec
        current = write_stage.up_to_date(options.output, source, tool)
        if current is not None:
            timings["total"] = time.perf_counter() - started
            changes, recorded = current
            return RunResult(
                changes=changes, operations=None, warnings=recorded, timings=timings
            )
    if importer.ident is None:  # not started above
        importer.start()
    try:
        spec = parse_spec(options.spec_path, raw)
    finally:
        importer.join()
    from generator.overlay import apply_overlays, read_overlays

    overlays = read_overlays(options.overlays)
    renames = _read_renames(options.renames)
    # What the manifest records is what is applied: the bytes read just now.
    source = fingerprint.source(
        spec_sha256,
        options.selection,
        options.render,
        [(o.path, o.raw) for o in overlays],
        options.naming,
        None if renames is None else (renames.path, renames.raw),
    )
    del raw  # 3 MB less in both processes once the render forks
    overlay_warnings = apply_overlays(spec, overlays)
    if options.freeze_gc:
        # The loaded spec is a large, long-lived object graph: keep the cyclic
        # collector from re-scanning it while rendering (and from touching,
        # so copying, the pages a forked worker shares).  A one-shot run makes
        # few cycles (the peak RSS is the same without collections), so
        # collections are off altogether: 5% less CPU on the whole API.
        gc.freeze()
        gc.disable()
    timings["load"] = time.perf_counter() - started
    if options.validate:
        from generator.validate import validation_warnings

        found = validation_warnings(spec)  # asked for: shown, not recorded
    else:
        found = []
    mark = time.perf_counter()
    api, operations, model_warnings = model(spec, options.selection)
    client = plan(api, options.naming, () if renames is None else renames.renames)
    model_warnings += client.notes
    recorded = overlay_warnings + model_warnings  # a rerun shows them again
    target = write_stage.output(options.output)
    shares = _render_and_stage(api, client, options, target)
    timings["render"] = time.perf_counter() - mark
    mark = time.perf_counter()
    changes = write_stage.commit(
        target, shares, source, tool, writing=not options.check, warnings=recorded
    )
    timings["write"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return RunResult(
        changes=changes,
        operations=operations,
        warnings=overlay_warnings + found + model_warnings,
        timings=timings,
    )


#: Fewer operations render in well under 0.1 s: a worker would gain less than
#: its copy-on-write faults cost, and double the resident memory.
_PARALLEL_FROM = 10


def _import_later_stages(overlays: bool) -> None:
    """Import the modules of the stages after loading (run in a thread).

    The JSONPath engine only when there are ``overlays`` to apply.  An
    import that fails here fails again, with its error, where the module is
    used.
    """
    for name in ("jsonpath", *_LATER_STAGES) if overlays else _LATER_STAGES:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


#: What a full run imports after loading, heaviest last.
_LATER_STAGES = (
    "generator.overlay",
    "generator.model.build",
    "generator.plan",
    "generator.artifacts",
)


def _overlay_bytes(paths: Iterable[Path]) -> list[tuple[Path, bytes]]:
    """Each overlay file's bytes for the fingerprint, or ``b""`` if it cannot be read.

    Read without parsing (a rerun with nothing to do never imports the
    overlay engine); an unreadable file can never match the manifest, and
    the full run that follows reports it.
    """
    result = []
    for path in paths:
        try:
            result.append((path, path.read_bytes()))
        except OSError:
            result.append((path, b""))
    return result


def _renames_bytes(path: Path | None) -> tuple[Path, bytes] | None:
    """The renames file's bytes for the fingerprint (``None``: none is read).

    Read without parsing, like the overlays; a file that cannot be read
    gives ``b""``, which never matches, and the full run reports it.
    """
    if path is None:
        return None
    try:
        return path, path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError:
        return path, b""


def _read_renames(path: Path | None) -> RenamesFile | None:
    from generator.renames import read_renames

    return None if path is None else read_renames(path)


def _render_and_stage(
    api: Api, client: ClientPlan, options: RunOptions, target: write_stage.Output
) -> list[write_stage.Staged]:
    """Render every artifact and stage its files, on two cores where there are two.

    This process and a forked worker claim the artifacts one at a time, in
    the registry's order, whichever is free first.  The model and plan are
    built before the fork, so both processes share them.
    """
    chosen = renderers()
    writing = not options.check

    def stage(files: Files) -> write_stage.Staged:
        return write_stage.stage(target, files, writing)

    def rendered(renderer: Renderer) -> Files:
        return renderer(api, client, options.render)

    if not (
        options.parallel
        and available()
        and len(chosen) > 1
        and len(api.operations) >= _PARALLEL_FROM
    ):
        # One artifact at a time: its files are freed once they are staged.
        return [stage(rendered(renderer)) for renderer in chosen]
    claims = Claims(len(chosen))

    def claimed() -> Iterator[Renderer]:  # lazily: one claim at a time
        return (chosen[index] for index in claims)

    def worker_share() -> tuple[list[write_stage.Staged], Files]:
        shares: list[write_stage.Staged] = []
        handed_back: Files = {}
        try:
            for renderer in claimed():
                kept, rest = _split(rendered(renderer))
                shares.append(stage(kept))
                handed_back.update(rest)
        except BaseException:
            if writing:  # the parent never sees these shares: unstage them here
                write_stage.unstage(shares)
            raise
        return shares, handed_back

    worker = Worker(worker_share)
    shares: list[write_stage.Staged] = []
    try:
        for renderer in claimed():
            shares.append(stage(rendered(renderer)))
        theirs, handed_back = worker.result()
        shares.extend(theirs)
        shares.append(stage(handed_back))
    except BaseException:
        _discard_worker(worker, target, writing, shares)
        raise
    finally:
        claims.close()
    return shares


def _split(files: Files) -> tuple[Files, Files]:
    """(the files of an artifact's biggest folder, the rest of its files).

    Creating a file costs the kernel from 15 to 250 microseconds (ext4 is at
    the slow end for minutes after many files were deleted, as its inode
    allocator steps over recently freed inodes): a fair part of rendering it.
    The worker usually has the artifact with the most files (Markdown, 1,236
    pages on the 2026-08 spec, 1,053 of them in one folder): it stages that
    artifact's biggest folder and hands the rest back to this process, which
    stages them when it has done its own share.  Whole folders, because two
    processes creating files in one folder contend for it.
    """
    counts: dict[str, int] = {}
    for path in files:
        folder = path.rpartition("/")[0]
        counts[folder] = counts.get(folder, 0) + 1
    biggest = max(sorted(counts), key=counts.__getitem__, default="")
    kept = {p: t for p, t in files.items() if p.rpartition("/")[0] == biggest}
    return kept, {p: t for p, t in files.items() if p not in kept}


def _discard_worker(
    worker: Worker[tuple[list[write_stage.Staged], Files]],
    target: write_stage.Output,
    writing: bool,
    shares: list[write_stage.Staged],
) -> None:
    """After a failure, wait for the worker and throw away everything staged."""
    with interrupts_held():  # a second Ctrl-C is raised once this is done
        try:
            shares.extend(worker.result()[0])
        except BaseException:  # noqa: BLE001 - the first error is the one to report
            pass
        if writing:
            write_stage.discard(target, shares)

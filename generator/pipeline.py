"""The whole run, stage by stage: load (+ lock check, overlays) -> select -> model -> plan -> render -> write.

The CLI is a thin shell over :func:`run`; tests call the stages directly.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import write as write_stage
from generator.artifacts import RENDERERS
from generator.load import parse_spec, read_spec_bytes
from generator.model.build import ModelBuilder
from generator.overlay import apply_overlays, read_overlays
from generator.plan import plan_client
from generator.render import Files, RenderOptions
from generator.selection import Selection, select
from generator.spec_source import check_lock, ensure_spec, sha256
from generator.validate import validation_warnings


@dataclass(frozen=True)
class RunOptions:
    spec_path: Path
    output: Path
    selection: Selection
    render: RenderOptions = RenderOptions()
    check: bool = False
    validate: bool = False
    #: Overlay files applied after loading, in order (``[tool.generator] overlays``).
    overlays: tuple[Path, ...] = ()
    #: Check the spec against the lock beside it (``--unlocked`` turns it off).
    locked: bool = True
    #: Exclude the loaded spec from cyclic garbage collection (a one-shot
    #: process such as the CLI; a long-lived caller should leave it off).
    freeze_gc: bool = False


@dataclass
class RunResult:
    plan: write_stage.Plan
    operations: int
    warnings: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)


def render_all(
    spec: Mapping[str, Any], selection: Selection, options: RenderOptions
) -> tuple[Files, int, list[str]]:
    """Select, model, plan and render every artifact; (files, operation count, warnings)."""
    selected = select(spec, selection)
    builder = ModelBuilder(spec)
    api = builder.build(selected)
    plan = plan_client(api)
    files: Files = {}
    for renderer in RENDERERS:
        files.update(renderer(api, plan, options))
    return files, len(selected), builder.warnings


def run(
    options: RunOptions, progress: Callable[[str], None] = lambda _: None
) -> RunResult:
    timings: dict[str, float] = {}
    started = time.perf_counter()
    materialised = ensure_spec(options.spec_path)
    if materialised:
        progress(materialised)
    raw = read_spec_bytes(options.spec_path)
    if options.locked:
        check_lock(options.spec_path, raw)
    overlays = read_overlays(options.overlays)
    spec = parse_spec(options.spec_path, raw)
    warnings = apply_overlays(spec, overlays)
    if options.freeze_gc:
        # The loaded spec is a large, long-lived object graph: keep the cyclic
        # collector from re-scanning it on every collection while rendering.
        gc.freeze()
    timings["load"] = time.perf_counter() - started
    if options.validate:
        warnings.extend(validation_warnings(spec))
    mark = time.perf_counter()
    files, operations, model_warnings = render_all(
        spec, options.selection, options.render
    )
    warnings.extend(model_warnings)
    timings["render"] = time.perf_counter() - mark
    mark = time.perf_counter()
    source = {"spec_sha256": sha256(raw)}
    source.update(
        (f"overlay_sha256:{o.path.as_posix()}", sha256(o.raw)) for o in overlays
    )
    if options.check:
        plan = write_stage.plan(options.output, files, source)
    else:
        plan = write_stage.write(options.output, files, source)
    timings["write"] = time.perf_counter() - mark
    timings["total"] = time.perf_counter() - started
    return RunResult(
        plan=plan,
        operations=operations,
        warnings=warnings,
        timings=timings,
    )

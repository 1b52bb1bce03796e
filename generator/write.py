"""Write stage: put the rendered files into the output directory, all or nothing.

The output directory is vendored by users, so this stage is careful:

* every path is checked to stay inside the directory (renderers build names
  from spec text, which may be hostile), and every directory written into is
  checked, once, not to lead out of it through a link;
* new content is first staged; only when every file is staged is anything
  moved into place, so a failure leaves the previous output as it was.  Into
  an existing directory, each file is staged next to its destination and moved
  with ``os.replace``; a directory that does not exist yet is built whole under
  a temporary name and renamed into place in one step;
* a manifest (``.generator-manifest.json``) lists the files the generator
  wrote, with their SHA-256, and what they were made from (``source``: the
  spec, the selection, the options; ``tool``: the generator's own code and
  libraries).  A file listed by the previous run but not produced now is stale
  and removed.  Files the generator never wrote (a user's own notes,
  ``.gitattributes``...) are left alone.  When the manifest's ``source`` and
  ``tool`` match the run and every listed file still has its hash,
  :func:`up_to_date` says so without anything being rendered.

A run may render in several processes: each stages its own share
(:func:`stage`), and the process that started the run commits them all
(:func:`commit`) or throws them all away (:func:`discard`).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import GeneratorError

MANIFEST_NAME = ".generator-manifest.json"
_GENERATOR = "generator (python -m generator)"
#: Flags for staged files: never follow a link planted where a temp file goes.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW | os.O_CLOEXEC


class OutputError(GeneratorError):
    """The output cannot be written (unsafe path, I/O failure)."""


@dataclass(frozen=True)
class Changes:
    """What a run would change in the output directory."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not (self.added or self.changed or self.removed)

    def lines(self) -> list[str]:
        """``+ path`` / ``M path`` / ``- path`` lines, sorted by path."""
        marked = (
            [("+", p) for p in self.added]
            + [("M", p) for p in self.changed]
            + [("-", p) for p in self.removed]
        )
        return [f"{mark} {path}" for mark, path in sorted(marked, key=lambda m: m[1])]


@dataclass(frozen=True)
class Output:
    """Where a run's files go; decided once, before any share is staged."""

    directory: Path
    #: The directory did not exist: files are staged under ``staging``, which
    #: :func:`commit` renames to ``directory``.
    fresh: bool
    staging: Path


@dataclass
class Staged:
    """One share of a run's files, compared with the output (and staged, when writing)."""

    digests: dict[str, str] = field(default_factory=dict)
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    #: (staged file, destination) pairs still to be moved into place.
    moves: list[tuple[str, str]] = field(default_factory=list)
    #: Folders made in an existing output to stage into, in the order made.
    made: list[str] = field(default_factory=list)


def safe_relative(path: str) -> PurePosixPath:
    """``path`` as a relative path that cannot leave the output directory."""
    pure = PurePosixPath(path)
    if (
        not path
        or "\\" in path
        or "\x00" in path
        or pure.is_absolute()
        or any(part in ("", ".", "..") for part in path.split("/"))
    ):
        raise OutputError(f"refusing to write unsafe output path {path!r}")
    return pure


def output(out_dir: Path) -> Output:
    """Inspect ``out_dir`` once for a run that writes into it (or checks it)."""
    if os.path.lexists(out_dir) and not out_dir.is_dir():
        raise OutputError(f"{out_dir} is not a directory")
    fresh = not os.path.lexists(out_dir)
    staging = out_dir.parent / f".{out_dir.name}.tmp-{os.getpid()}"
    return Output(directory=out_dir, fresh=fresh, staging=staging)


def stage(target: Output, files: Mapping[str, str], writing: bool) -> Staged:
    """Compare ``files`` with the output and, when ``writing``, stage the new ones.

    One file at a time (encoded, hashed, compared, staged), so a share never
    holds a second, encoded copy of all its files.  On any failure this
    share's staged files are removed before the error propagates; the shares
    of other processes are the caller's to discard.
    """
    paths = sorted((str(safe_relative(p)), p) for p in files)  # all checked first
    result = Staged()
    stager = _Stager(target, result) if writing else None
    try:
        for path, key in paths:
            data = files[key].encode("utf-8")
            result.digests[path] = _digest(data)
            current = None if target.fresh else _read(target.directory / path)
            if current == data:
                result.unchanged.append(path)
                continue
            (result.added if current is None else result.changed).append(path)
            if stager is not None:
                stager.stage(path, data)
    except BaseException as exc:
        unstage([result])
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write into {target.directory}: {exc}") from None
        raise
    return result


class _Stager:
    """Stages files of one share, checking each directory once, not each file."""

    def __init__(self, target: Output, result: Staged) -> None:
        self.target = target
        self.result = result
        self.root = target.staging if target.fresh else target.directory
        self.inside = os.path.realpath(target.directory)
        self.checked: set[str] = set()

    def stage(self, path: str, data: bytes) -> None:
        fresh = self.target.fresh
        destination = os.path.join(self.root, path)
        directory, name = os.path.split(destination)
        if directory not in self.checked:
            if not fresh:
                if not _is_within(os.path.realpath(directory), self.inside):
                    raise OutputError(
                        f"refusing to write through a link: {destination}"
                    )
                self.result.made.extend(reversed(_missing_folders(directory)))
            os.makedirs(directory, exist_ok=True)
            self.checked.add(directory)
        if fresh:  # a new directory of our own: files go straight to their names
            _write_file(destination, data)
            return
        if os.path.lexists(destination) and (
            os.path.islink(destination) or not os.path.isfile(destination)
        ):
            raise OutputError(
                f"refusing to overwrite {destination}: not a regular file"
            )
        staged = os.path.join(directory, f".{name}.tmp-{os.getpid()}")
        self.result.moves.append((staged, destination))
        _write_file(staged, data)


def _missing_folders(directory: str) -> list[str]:
    """``directory`` and those of its parents that do not exist, deepest first."""
    missing: list[str] = []
    while not os.path.isdir(directory):
        missing.append(directory)
        parent = os.path.dirname(directory)
        if parent == directory:
            break
        directory = parent
    return missing


def _write_file(path: str, data: bytes) -> None:
    descriptor = os.open(path, _CREATE, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _is_within(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def commit(
    target: Output,
    shares: Sequence[Staged],
    source: Mapping[str, object],
    tool: Mapping[str, object] | None = None,
    writing: bool = True,
    warnings: Sequence[str] = (),
) -> Changes:
    """Put every staged share in place with the new manifest; the run's changes.

    With ``writing`` false nothing is touched: the changes a run would make
    (``--check``).  The manifest's ``tool`` (what generator produced the
    tree) and ``warnings`` (what the run said, repeated by a rerun that
    renders nothing) are recorded when writing but not compared when
    checking: the same files from a newer generator are current.
    """
    try:
        digests: dict[str, str] = {}
        for share in shares:
            for path, digest in share.digests.items():
                if digests.setdefault(path, digest) != digest or path == MANIFEST_NAME:
                    raise OutputError(f"two renderers produced {path}")
        manifest = _manifest(digests, source, tool or {}, warnings)
        changes = _changes(target, shares, digests, manifest, compare_tool=writing)
    except BaseException:
        if writing:
            discard(target, shares)
        raise
    if writing:
        _commit(target, shares, changes, manifest)
    return changes


def _changes(
    target: Output,
    shares: Sequence[Staged],
    digests: Mapping[str, str],
    manifest: bytes,
    compare_tool: bool,
) -> Changes:
    changes = Changes()
    for share in shares:
        changes.added.extend(share.added)
        changes.changed.extend(share.changed)
        changes.unchanged.extend(share.unchanged)
    current = None if target.fresh else _read(target.directory / MANIFEST_NAME)
    if current is None:
        changes.added.append(MANIFEST_NAME)
    elif current == manifest or (
        not compare_tool and _content(current) == _content(manifest)
    ):
        changes.unchanged.append(MANIFEST_NAME)
    else:
        changes.changed.append(MANIFEST_NAME)
    if not target.fresh:
        changes.removed.extend(
            p
            for p in _previous_files(target.directory)
            if p not in digests and (target.directory / p).exists()
        )
    for paths in (changes.added, changes.changed, changes.removed, changes.unchanged):
        paths.sort()
    return changes


def _commit(
    target: Output, shares: Sequence[Staged], changes: Changes, manifest: bytes
) -> None:
    out_dir = target.directory
    if target.fresh:
        try:
            os.makedirs(target.staging, exist_ok=True)
            _write_file(str(target.staging / MANIFEST_NAME), manifest)
            os.rename(target.staging, out_dir)
        except BaseException as exc:
            discard(target, shares)
            if isinstance(exc, OSError):
                raise OutputError(f"cannot write {out_dir}: {exc}") from None
            raise
        return
    staged_manifest = out_dir / f".{MANIFEST_NAME}.tmp-{os.getpid()}"
    try:
        _write_file(str(staged_manifest), manifest)
    except OSError as exc:
        discard(target, shares)
        _remove_files([str(staged_manifest)])
        raise OutputError(f"cannot write into {out_dir}: {exc}") from None
    # Every file is staged: commit.  The old manifest stays in place until
    # every new file is moved in and the stale files it lists are gone, so an
    # interrupted commit is finished (not forgotten) by the next run.
    for share in shares:
        for staged, destination in share.moves:
            os.replace(staged, destination)
    for path in changes.removed:
        stale = out_dir / path
        stale.unlink(missing_ok=True)
        _prune_empty_dirs(stale.parent, out_dir)
    os.replace(staged_manifest, out_dir / MANIFEST_NAME)


def discard(target: Output, shares: Iterable[Staged]) -> None:
    """Remove whatever the run staged (after a failure anywhere in it).

    Only the process that commits calls this: it removes a fresh output's
    whole staging directory, which other processes may still be writing into.
    """
    if target.fresh:
        shutil.rmtree(target.staging, ignore_errors=True)
    unstage(shares)


def unstage(shares: Iterable[Staged]) -> None:
    """Remove the files these shares staged beside their destinations, and
    the folders they made for them.

    What a process that does not commit throws away after its own failure (no
    other process stages into its folders: each artifact has folders of its
    own); a fresh output's staging directory is left to :func:`discard`.
    """
    shares = list(shares)
    for share in shares:
        _remove_files(staged for staged, _ in share.moves)
    for share in reversed(shares):  # the files first: a folder may hold others'
        for folder in reversed(share.made):
            with contextlib.suppress(OSError):  # not empty: not only ours
                os.rmdir(folder)


def compare(
    out_dir: Path,
    files: Mapping[str, str],
    source: Mapping[str, object],
    tool: Mapping[str, object] | None = None,
) -> Changes:
    """Compare what the run would write with what ``out_dir`` holds."""
    return write(out_dir, files, source, tool, writing=False)


def write(
    out_dir: Path,
    files: Mapping[str, str],
    source: Mapping[str, object],
    tool: Mapping[str, object] | None = None,
    writing: bool = True,
) -> Changes:
    """Make ``out_dir`` hold exactly ``files`` (plus foreign files); return the changes."""
    target = output(out_dir)
    share = stage(target, files, writing)
    return commit(target, [share], source, tool, writing=writing)


def up_to_date(
    out_dir: Path, source: Mapping[str, object], tool: Mapping[str, object]
) -> tuple[Changes, list[str]] | None:
    """The (empty) changes and the recorded warnings when ``out_dir`` is what a
    run with these inputs wrote.

    That is: its manifest records exactly this ``source`` and ``tool``, and
    every file it lists is on disk with the recorded SHA-256.  ``None`` means
    the run has to render.
    """
    try:
        manifest = json.loads((out_dir / MANIFEST_NAME).read_bytes())
    except (OSError, ValueError):
        return None
    if (
        not isinstance(manifest, dict)
        or manifest.get("source") != _canonical(source)
        or manifest.get("tool") != _canonical(tool)
        or not isinstance(manifest.get("files"), dict)
        or not isinstance(manifest.get("warnings", []), list)
    ):
        return None
    listed: dict[str, object] = manifest["files"]
    for path, digest in listed.items():
        try:
            safe_relative(path)
        except OutputError:
            return None
        data = _read(out_dir / path)
        if data is None or _digest(data) != digest:
            return None
    warnings = [str(w) for w in manifest.get("warnings", [])]
    return Changes(unchanged=sorted([*listed, MANIFEST_NAME])), warnings


def _manifest(
    digests: Mapping[str, str],
    source: Mapping[str, object],
    tool: Mapping[str, object],
    warnings: Sequence[str],
) -> bytes:
    manifest: dict[str, object] = {
        "generator": _GENERATOR,
        "source": _canonical(source),
        "tool": _canonical(tool),
    }
    if warnings:
        manifest["warnings"] = list(warnings)
    manifest["files"] = {p: digests[p] for p in sorted(digests)}
    return (json.dumps(manifest, indent=2) + "\n").encode("utf-8")


def _canonical(value: Mapping[str, object]) -> object:
    """``value`` as it reads back from the manifest (sorted keys, lists for tuples)."""
    return json.loads(json.dumps(value, sort_keys=True))


def _content(manifest: bytes) -> object:
    """The manifest less what describes the run rather than the tree."""
    try:
        data = json.loads(manifest)
    except ValueError:
        return None
    if isinstance(data, dict):
        data.pop("tool", None)
        data.pop("warnings", None)
    return data


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read(path: Path) -> bytes | None:
    """The bytes of ``path``, or ``None`` when there is no file to compare with."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return None
    except OSError as exc:
        raise OutputError(f"cannot read {path}: {exc.strerror}") from None


def _previous_files(out_dir: Path) -> list[str]:
    try:
        manifest = json.loads((out_dir / MANIFEST_NAME).read_text("utf-8"))
        listed = manifest["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return []
    result = []
    for path in listed if isinstance(listed, dict) else []:
        try:
            result.append(str(safe_relative(str(path))))
        except OutputError:
            continue  # a tampered manifest cannot make us delete outside the directory
    return result


def _remove_files(paths: Iterable[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def _prune_empty_dirs(directory: Path, root: Path) -> None:
    while directory != root and directory.is_relative_to(root):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent

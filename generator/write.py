"""Write stage: put the rendered files into the output directory, all or nothing.

The output directory is vendored by users, so this stage is careful:

* every path is checked to stay inside the directory (renderers build names
  from spec text, which may be hostile);
* new content is first staged next to its destination; only when every file
  is staged are they moved into place (``os.replace``), so a failure leaves
  the previous output as it was;
* a manifest (``.generator-manifest.json``) lists the files the generator
  wrote, with their SHA-256; a file listed by the previous run but not
  produced now is stale and removed.  Files the generator never wrote
  (a user's own notes, ``.gitattributes``...) are left alone.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from generator.errors import GeneratorError

MANIFEST_NAME = ".generator-manifest.json"


class OutputError(GeneratorError):
    """The output cannot be written (unsafe path, I/O failure)."""


@dataclass(frozen=True)
class Plan:
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


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _encode(files: Mapping[str, str], source: Mapping[str, str]) -> dict[str, bytes]:
    encoded = {str(safe_relative(p)): text.encode("utf-8") for p, text in files.items()}
    manifest = {
        "generator": "generator (python -m generator)",
        "source": dict(sorted(source.items())),
        "files": {p: _digest(encoded[p]) for p in sorted(encoded)},
    }
    encoded[MANIFEST_NAME] = (json.dumps(manifest, indent=2) + "\n").encode("utf-8")
    return encoded


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


def plan(out_dir: Path, files: Mapping[str, str], source: Mapping[str, str]) -> Plan:
    """Compare what the run would write with what ``out_dir`` holds."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir} is not a directory")
    encoded = _encode(files, source)
    result = Plan()
    for path, data in sorted(encoded.items()):
        target = out_dir / path
        try:
            current = target.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            result.added.append(path)
            continue
        except OSError as exc:
            raise OutputError(f"cannot read {target}: {exc.strerror}") from None
        (result.unchanged if current == data else result.changed).append(path)
    result.removed.extend(
        sorted(
            p
            for p in _previous_files(out_dir)
            if p not in encoded and (out_dir / p).exists()
        )
    )
    return result


def write(out_dir: Path, files: Mapping[str, str], source: Mapping[str, str]) -> Plan:
    """Make ``out_dir`` hold exactly ``files`` (plus foreign files); return the changes."""
    changes = plan(out_dir, files, source)
    encoded = _encode(files, source)
    staged: list[tuple[Path, Path]] = []
    try:
        for path in changes.added + changes.changed:
            target = out_dir / path
            if target.is_symlink() or (target.exists() and not target.is_file()):
                raise OutputError(f"refusing to overwrite {target}: not a regular file")
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.parent.resolve().is_relative_to(out_dir.resolve()):
                raise OutputError(f"refusing to write through a link: {target}")
            temp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
            temp.write_bytes(encoded[path])
            staged.append((temp, target))
    except OSError as exc:
        _discard(staged)
        raise OutputError(f"cannot write into {out_dir}: {exc}") from None
    except OutputError:
        _discard(staged)
        raise
    # Every file is staged: commit.  The old manifest stays in place until
    # every new file is moved in and the stale files it lists are gone, so an
    # interrupted commit is finished (not forgotten) by the next run.
    manifest = out_dir / MANIFEST_NAME
    for temp, target in staged:
        if target != manifest:
            os.replace(temp, target)
    for path in changes.removed:
        stale = out_dir / path
        stale.unlink(missing_ok=True)
        _prune_empty_dirs(stale.parent, out_dir)
    for temp, target in staged:
        if target == manifest:
            os.replace(temp, target)
    return changes


def _discard(staged: list[tuple[Path, Path]]) -> None:
    for temp, _ in staged:
        temp.unlink(missing_ok=True)


def _prune_empty_dirs(directory: Path, root: Path) -> None:
    while directory != root and directory.is_relative_to(root):
        try:
            directory.rmdir()
        except OSError:
            return
        directory = directory.parent

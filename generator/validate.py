"""Optional schema validation of the spec (``--validate``).

Real OpenAI specs are not valid by openapi-spec-validator (it reports
examples and defaults that break their own schemas), so findings are
warnings, never errors.  It is opt-in because it costs seconds on large
specs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_LIMIT = 200


def validation_warnings(spec: Mapping[str, Any]) -> list[str]:
    """Up to 200 one-line findings of openapi-spec-validator."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

    version = str(spec.get("openapi", ""))
    validator_cls: Any = (
        OpenAPIV31SpecValidator
        if version.startswith("3.1")
        else OpenAPIV30SpecValidator
    )
    findings = []
    # A validator crash must not stop generation: it is reported like a finding.
    try:
        for error in validator_cls(spec).iter_errors():
            where = "/".join(str(p) for p in getattr(error, "absolute_path", ()) or ())
            message = str(getattr(error, "message", error)).splitlines()[0][:300]
            findings.append(
                f"spec validation: {message}" + (f" (at {where})" if where else "")
            )
            if len(findings) >= _LIMIT:
                break
    except Exception as exc:  # noqa: BLE001
        findings.append(f"the validator itself failed: {type(exc).__name__}: {exc}")
    return findings

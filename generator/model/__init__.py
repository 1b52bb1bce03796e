"""The typed intermediate model: what every renderer reads, never the raw spec."""

from generator.model.api import (
    HTTP_METHODS,
    fallback_operation_id,
    Api,
    CodeSample,
    MediaType,
    Operation,
    Parameter,
    PathItem,
    RequestBody,
    Response,
    SecurityScheme,
    Tag,
)
from generator.model.schema import MISSING, JsonValue, Discriminator, Schema

__all__ = [
    "HTTP_METHODS",
    "fallback_operation_id",
    "MISSING",
    "Api",
    "CodeSample",
    "Discriminator",
    "JsonValue",
    "MediaType",
    "Operation",
    "Parameter",
    "PathItem",
    "RequestBody",
    "Response",
    "Schema",
    "SecurityScheme",
    "Tag",
]

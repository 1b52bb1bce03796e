"""The typed intermediate model: what every renderer reads, never the raw spec."""

from generator.model.api import (
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
from generator.model.schema import MISSING, Discriminator, JsonValue, Schema

__all__ = [
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

"""Typed Python client of the OpenAI API.

Generated from the OpenAPI description; do not edit.
"""

from . import models, params
from ._base_client import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT
from ._client import AsyncClient, Client
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    OpenAIError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)
from ._models import BaseModel
from ._pagination import AsyncCursorPage, AsyncPaginator, SyncCursorPage
from ._response import APIResponse, AsyncAPIResponse, BinaryResponse, RawAPIResponse
from ._streaming import AsyncStream, Stream
from ._types import NOT_GIVEN, Body, FileTypes, Headers, NotGiven, Query, Timeout

__all__ = [
    "models",
    "params",
    "Client",
    "AsyncClient",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "BaseModel",
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "NotFoundError",
    "OpenAIError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "AsyncCursorPage",
    "AsyncPaginator",
    "SyncCursorPage",
    "APIResponse",
    "AsyncAPIResponse",
    "BinaryResponse",
    "RawAPIResponse",
    "AsyncStream",
    "Stream",
    "NOT_GIVEN",
    "Body",
    "FileTypes",
    "Headers",
    "NotGiven",
    "Query",
    "Timeout",
]

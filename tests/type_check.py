"""Check a value received through the generated client against its annotation, deeply.

The runtime's parsing is tolerant (a value that does not fit its field is
kept as it came), so "the reply parsed" is only proven by walking the result:
every model is an instance of its class, every field set on it matches its
annotation, down to Literal values and list items.
"""

from __future__ import annotations

import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, Literal, Union


def return_type(method: Callable[..., Any]) -> object:
    """The evaluated return annotation of ``method`` (argument annotations untouched)."""
    annotation = inspect.signature(method).return_annotation
    return (
        eval(annotation, method.__globals__)
        if isinstance(annotation, str)
        else annotation
    )


def type_mismatches(
    value: object, hint: object, base_model: type, where: str = "result"
) -> list[str]:
    """Where ``value`` does not match ``hint`` (empty: it matches).

    ``base_model`` is the generated package's ``BaseModel``; generic runtime
    classes (``SyncCursorPage[T]``, ``Stream[T]``) are checked by class, and
    a page's ``data`` items against ``T``.
    """
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if hint in (Any, object):
        return []
    if origin in (Union, types.UnionType):
        if any(
            not type_mismatches(value, member, base_model, where) for member in args
        ):
            return []
        return [f"{where}: {_show(value)} matches no member of {hint}"]
    if origin is Literal:
        return [] if value in args else [f"{where}: {value!r} not in {args}"]
    if origin in (list, dict):
        return _container_mismatches(value, origin, args, base_model, where)
    if origin is not None:
        if not isinstance(value, origin):
            return [f"{where}: {_show(value)}, expected {origin.__name__}"]
        data = getattr(value, "data", None)
        if not args or data is None:
            return []
        return type_mismatches(data, list[args[0]], base_model, f"{where}.data")  # type: ignore[valid-type]
    if hint is None or hint is type(None):
        return [] if value is None else [f"{where}: {_show(value)}, expected None"]
    if hint in (int, float) and isinstance(value, bool):
        return [f"{where}: {value!r}, expected {hint}"]
    if hint is float and isinstance(value, int):
        return []
    if isinstance(hint, type) and issubclass(hint, base_model):
        return _model_mismatches(value, hint, base_model, where)
    if isinstance(hint, type) and not isinstance(value, hint):
        return [f"{where}: {_show(value)}, expected {hint.__name__}"]
    return []


def _container_mismatches(
    value: object, origin: type, args: tuple[object, ...], base_model: type, where: str
) -> list[str]:
    if not isinstance(value, origin):
        return [f"{where}: {_show(value)}, expected a {origin.__name__}"]
    if isinstance(value, list):
        items = [(f"{where}[{i}]", v) for i, v in enumerate(value)]
    else:
        assert isinstance(value, dict)
        items = [(f"{where}[{k!r}]", v) for k, v in value.items()]
    item_type = args[-1] if args else Any
    return [
        m for path, v in items for m in type_mismatches(v, item_type, base_model, path)
    ]


def _model_mismatches(
    value: object, model: type, base_model: type, where: str
) -> list[str]:
    if not isinstance(value, model):
        return [f"{where}: {_show(value)}, expected {model.__name__}"]
    hints = typing.get_type_hints(type(value))
    # ``value`` is a generated BaseModel, typed as ``object`` here.
    fields_set: set[str] = getattr(value, "model_fields_set")  # noqa: B009
    return [
        mismatch
        for name in sorted(fields_set)
        for mismatch in type_mismatches(
            getattr(value, name), hints[name], base_model, f"{where}.{name}"
        )
    ]


def _show(value: object) -> str:
    return f"{type(value).__name__} {str(value)[:80]}"

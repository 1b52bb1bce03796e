"""Typed response and request models, tolerant of what the server adds.

Generated model classes subclass :class:`BaseModel` and declare fields as
annotations, with ``from __future__ import annotations``::

    class Session(BaseModel):
        id: str
        from_: str | None = field(default=None, wire_name="from")

Type checkers see keyword-only dataclass constructors
(``typing.dataclass_transform``).  At run time the annotations are resolved
lazily with :func:`typing.get_type_hints`, once per class, so models may refer
to each other and to themselves.  :meth:`BaseModel.from_data` never rejects
what the server sends: unknown keys land in :attr:`BaseModel.model_extra`,
values that do not fit the declared type are kept as they are.
"""

from __future__ import annotations

import inspect
import re
import types
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import (
    Annotated,
    Any,
    ClassVar,
    Literal,
    Protocol,
    Self,
    TypeVar,
    Union,
    dataclass_transform,
    get_args,
    get_origin,
    overload,
)

from ._types import NOT_GIVEN

__all__ = ["BaseModel", "IterableData", "field", "construct", "to_jsonable"]

_T = TypeVar("_T")
_T_co = TypeVar("_T_co", covariant=True)


class _NoDefault:
    """Marks a field declared without a default value."""

    def __repr__(self) -> str:
        return "NO_DEFAULT"


_NO_DEFAULT = _NoDefault()


@dataclass(frozen=True)
class _FieldSpec:
    """What :func:`field` records until the class is created."""

    default: object
    default_factory: Callable[[], object] | None
    wire_name: str | None


@dataclass(frozen=True)
class _Field:
    """One declared field of a model class."""

    name: str
    wire_name: str
    default: object
    default_factory: Callable[[], object] | None

    @property
    def required(self) -> bool:
        return self.default is _NO_DEFAULT and self.default_factory is None

    def default_value(self) -> object:
        if self.default_factory is not None:
            return self.default_factory()
        return None if self.default is _NO_DEFAULT else self.default


@overload
def field(*, default: _T, wire_name: str | None = None) -> _T: ...


@overload
def field(*, default_factory: Callable[[], _T], wire_name: str | None = None) -> _T: ...


@overload
def field(*, wire_name: str | None = None) -> Any: ...


def field(
    *,
    default: object = _NO_DEFAULT,
    default_factory: Callable[[], object] | None = None,
    wire_name: str | None = None,
) -> Any:
    """Declare a field whose default or JSON key (``wire_name``) needs saying."""
    return _FieldSpec(default, default_factory, wire_name)


_CLASSVAR = re.compile(r"^\s*(?:typing\.|t\.)?ClassVar\b")


def _is_classvar(annotation: object) -> bool:
    if isinstance(annotation, str):
        return _CLASSVAR.match(annotation) is not None
    return annotation is ClassVar or get_origin(annotation) is ClassVar


@dataclass_transform(kw_only_default=True, field_specifiers=(field,))
class BaseModel:
    """Base of the generated models: keyword construction, JSON in and out."""

    #: Python name -> field, inherited fields first.
    _model_fields_: ClassVar[dict[str, _Field]] = {}
    #: JSON key -> field.
    _model_wire_fields_: ClassVar[dict[str, _Field]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        fields: dict[str, _Field] = {}
        for base in reversed(cls.__mro__[1:]):
            if issubclass(base, BaseModel):
                fields.update(base._model_fields_)
        for name, annotation in inspect.get_annotations(cls).items():
            if _is_classvar(annotation):
                continue
            declared = cls.__dict__.get(name, _NO_DEFAULT)
            if isinstance(declared, _FieldSpec):
                fields[name] = _Field(
                    name,
                    declared.wire_name or name,
                    declared.default,
                    declared.default_factory,
                )
                if declared.default is _NO_DEFAULT:
                    delattr(cls, name)
                else:
                    setattr(cls, name, declared.default)
            else:
                fields[name] = _Field(name, name, declared, None)
        cls._model_fields_ = fields
        cls._model_wire_fields_ = {f.wire_name: f for f in fields.values()}

    def __init__(self, **values: object) -> None:
        cls = type(self)
        unknown = sorted(values.keys() - cls._model_fields_.keys())
        if unknown:
            raise TypeError(f"{cls.__name__}() got unexpected arguments: {unknown}")
        missing = [
            f.name
            for f in cls._model_fields_.values()
            if f.required and f.name not in values
        ]
        if missing:
            raise TypeError(f"{cls.__name__}() missing required arguments: {missing}")
        self._init_state(values, {})

    def _init_state(
        self, values: Mapping[str, object], extra: dict[str, object]
    ) -> None:
        """Set every field (``values`` given, else defaults) and the extras."""
        object.__setattr__(self, "_fields_set_", set(values))
        object.__setattr__(self, "_extra_", extra)
        for f in type(self)._model_fields_.values():
            value = values[f.name] if f.name in values else f.default_value()
            object.__setattr__(self, f.name, value)

    def __setattr__(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)
        if name in type(self)._model_fields_:
            self.model_fields_set.add(name)

    @property
    def model_extra(self) -> dict[str, object]:
        """Keys of the received data that no field declares, as received."""
        extra: dict[str, object] = self.__dict__["_extra_"]
        return extra

    @property
    def _request_id(self) -> str | None:
        """The ``x-request-id`` of the response this model was read from.

        Set on the result of a call (not on the models nested in it); None
        for models built otherwise.
        """
        request_id = self.__dict__.get("_request_id")
        return request_id if isinstance(request_id, str) else None

    @property
    def model_fields_set(self) -> set[str]:
        """Names of the fields given at construction, received, or assigned."""
        fields_set: set[str] = self.__dict__["_fields_set_"]
        return fields_set

    @classmethod
    def from_data(cls, data: object) -> Self:
        """Build an instance from decoded JSON, tolerating whatever it holds.

        Declared keys are converted to their field's type where they fit;
        absent fields get their default (``None`` for required ones).
        """
        if isinstance(data, cls):
            return data
        if not isinstance(data, Mapping):
            raise TypeError(
                f"{cls.__name__}.from_data() expects a mapping, "
                f"got {type(data).__name__}"
            )
        hints = _field_types(cls)
        values: dict[str, object] = {}
        extra: dict[str, object] = {}
        for key, value in data.items():
            f = cls._model_wire_fields_.get(key)
            if f is None:
                extra[str(key)] = value
            else:
                values[f.name] = construct(hints.get(f.name, Any), value)
        instance = cls.__new__(cls)
        instance._init_state(values, extra)
        return instance

    def to_dict(self) -> dict[str, object]:
        """The JSON object for this model: set fields by wire name, then extras."""
        data: dict[str, object] = {}
        for f in type(self)._model_fields_.values():
            if f.name in self.model_fields_set:
                data[f.wire_name] = to_jsonable(getattr(self, f.name))
        for key, value in self.model_extra.items():
            data.setdefault(key, to_jsonable(value))
        return data

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BaseModel) or type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values() and (
            self.model_extra == other.model_extra
        )

    def _values(self) -> list[object]:
        return [getattr(self, name) for name in type(self)._model_fields_]

    def __repr__(self) -> str:
        shown = [
            f"{name}={getattr(self, name)!r}"
            for name in type(self)._model_fields_
            if name in self.model_fields_set or getattr(self, name) is not None
        ]
        if self.model_extra:
            shown.append(f"model_extra={self.model_extra!r}")
        return f"{type(self).__name__}({', '.join(shown)})"


class _HasData(Protocol[_T_co]):
    @property
    def data(self) -> Sequence[_T_co] | None: ...


class IterableData:
    """Makes a list result without a cursor (``{"object": "list", "data": [...]}``)
    iterable over its ``data``, as a page is.

    A mixin for generated models declaring ``data``:
    ``class ListModelsResponse(IterableData, BaseModel)``; type checkers infer
    the items' type from the ``data`` annotation.
    """

    def __iter__(self: _HasData[_T]) -> Iterator[_T]:
        return iter(self.data or ())


def to_jsonable(value: object) -> object:
    """``value`` ready for :func:`json.dumps`: models and mappings (TypedDicts
    are plain dicts) as objects, any other iterable but text (a generator
    too) as an array, ``NOT_GIVEN`` left out; recursively."""
    if isinstance(value, BaseModel):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {
            key: to_jsonable(item)
            for key, item in value.items()
            if item is not NOT_GIVEN
        }
    if isinstance(value, Iterable) and not isinstance(value, (str, bytes, bytearray)):
        return [to_jsonable(item) for item in value if item is not NOT_GIVEN]
    return value


_HINTS: weakref.WeakKeyDictionary[type, dict[str, object]] = weakref.WeakKeyDictionary()


def _field_types(cls: type[BaseModel]) -> dict[str, object]:
    """The resolved annotations of ``cls``, computed once.

    A name that cannot be resolved leaves the fields untyped (``Any``), so
    data is kept as received rather than the model failing to load.
    """
    hints = _HINTS.get(cls)
    if hints is None:
        try:
            hints = typing.get_type_hints(cls)
        except (NameError, TypeError):
            hints = {}
        _HINTS[cls] = hints
    return hints


_UNION_ORIGINS: tuple[object, ...] = (Union, types.UnionType)
_NONE_TYPES: tuple[object, ...] = (None, type(None))


def construct(type_: object, value: object) -> Any:
    """Convert decoded JSON ``value`` to the typing form ``type_``.

    Handles models, ``list``/``Sequence``, ``dict``/``Mapping``, unions,
    ``Literal``, ``Annotated``, ``None`` and primitives (an ``int`` becomes a
    ``float`` where a float is declared).  Anything that does not fit is
    returned unchanged.
    """
    origin = get_origin(type_)
    args = get_args(type_)
    if origin is Annotated:
        return construct(args[0], value)
    if origin in _UNION_ORIGINS:
        return _construct_union(args, value)
    if origin in (list, Sequence) and isinstance(value, list):
        item_type = args[0] if args else Any
        return [construct(item_type, item) for item in value]
    if origin in (dict, Mapping) and isinstance(value, Mapping):
        value_type = args[1] if len(args) == 2 else Any
        return {key: construct(value_type, item) for key, item in value.items()}
    if _is_model(type_) and isinstance(value, Mapping):
        return type_.from_data(value)
    if type_ is float and type(value) is int:
        return float(value)
    return value


def _is_model(type_: object) -> typing.TypeGuard[type[BaseModel]]:
    return isinstance(type_, type) and issubclass(type_, BaseModel)


def _construct_union(members: tuple[object, ...], value: object) -> Any:
    if value is None:
        return None
    candidates = [member for member in members if member not in _NONE_TYPES]
    if len(candidates) == 1:
        return construct(candidates[0], value)
    if isinstance(value, Mapping):
        model = _pick_model([m for m in candidates if _is_model(m)], value)
        if model is not None:
            return model.from_data(value)
    for member in candidates:
        if not _is_model(member) and _fits(member, value):
            return construct(member, value)
    return value


def _fits(type_: object, value: object) -> bool:
    """Whether ``value`` has the outer shape of ``type_`` (not its items)."""
    origin = get_origin(type_)
    if origin is Annotated:
        return _fits(get_args(type_)[0], value)
    if origin in _UNION_ORIGINS:
        return any(_fits(member, value) for member in get_args(type_))
    if origin is Literal:
        return any(
            type(value) is type(allowed) and value == allowed
            for allowed in get_args(type_)
        )
    if origin in (list, Sequence):
        return isinstance(value, list)
    if origin in (dict, Mapping):
        return isinstance(value, Mapping)
    if type_ in (Any, object):
        return True
    if type_ in _NONE_TYPES:
        return value is None
    if type_ is float:
        return type(value) in (int, float)
    if type_ is int:
        return type(value) is int
    if isinstance(type_, type):
        return isinstance(value, type_)
    return False


def _literal_values(type_: object) -> list[object] | None:
    """The values a ``Literal`` (possibly inside a union) allows, else None."""
    origin = get_origin(type_)
    if origin is Literal:
        return list(get_args(type_))
    if origin is Annotated:
        return _literal_values(get_args(type_)[0])
    if origin in _UNION_ORIGINS:
        values: list[object] = []
        for member in get_args(type_):
            if member in _NONE_TYPES:
                continue
            member_values = _literal_values(member)
            if member_values is None:
                return None  # an open enum such as Literal["a"] | str
            values.extend(member_values)
        return values or None
    return None


def _pick_model(
    models: list[type[BaseModel]], data: Mapping[Any, object]
) -> type[BaseModel] | None:
    """The union member ``data`` most plausibly is, or None if none fits.

    A member whose ``Literal`` fields (discriminators such as ``type``) all
    match the data wins; members contradicted by one are set aside.  Among
    the rest the one declaring the most of the data's keys wins, then the
    one missing the fewest required fields; on a tie the first declared.
    """
    matched: list[type[BaseModel]] = []
    plausible: list[type[BaseModel]] = []
    for model in models:
        verdict = _literal_verdict(model, data)
        if verdict is True:
            matched.append(model)
        elif verdict is None:
            plausible.append(model)
    pool = matched or plausible
    best: type[BaseModel] | None = None
    best_score = (0, 0)
    for model in pool:
        wire = model._model_wire_fields_
        overlap = sum(1 for key in data if key in wire)
        missing = sum(
            1 for f in wire.values() if f.required and f.wire_name not in data
        )
        score = (overlap, -missing)
        if (overlap > 0 or model in matched) and (best is None or score > best_score):
            best, best_score = model, score
    return best


def _literal_verdict(model: type[BaseModel], data: Mapping[Any, object]) -> bool | None:
    """True if a Literal field matches the data, False if one contradicts it."""
    hints = _field_types(model)
    verdict: bool | None = None
    for f in model._model_fields_.values():
        if f.wire_name not in data:
            continue
        allowed = _literal_values(hints.get(f.name))
        if allowed is None:
            continue
        value = data[f.wire_name]
        if any(type(value) is type(a) and value == a for a in allowed):
            verdict = True
        else:
            return False
    return verdict

"""Schemas as the client's types: type expressions, model classes and aliases.

The :class:`TypePlanner` turns :class:`~generator.model.Schema` nodes into
:class:`TypeExpr` trees and, on the way, plans the declarations the client's
models module needs:

* an object schema with properties (``allOf`` members merged) becomes a
  model class (:class:`ClassPlan`);
* any other ``components/schemas`` entry (enums, unions, arrays...) becomes a
  type alias (:class:`AliasPlan`) so that shared unions are spelt once;
* everything else is written inline (scalars, enum values, lists, maps,
  unions).

A second planner plans the types of request arguments, which take dict
literals: there object schemas become TypedDicts of the params module
(``...Param``), see :class:`TypePlanner`.

Type expressions are language-neutral data (:class:`Scalar`, :class:`Ref`,
:class:`EnumValues`, :class:`ListOf`, :class:`MapOf`, :class:`UnionOf`);
printing them is a renderer's job.

Names are assigned only once planning is complete (:meth:`TypePlanner.finish`):
component declarations first, sorted by component name, then inline objects
in discovery order, each named after its parent declaration plus the property
(``Parent`` + ``PascalProp``); clashes get ``2``, ``3``... so the result is
deterministic for a given spec.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from generator.model import MISSING, JsonValue, Schema
from generator.model.shape import implied_null, is_binary, object_shape, unwrap
from generator.naming import field_identifiers, pascal_case, unique_name

#: Names the annotations and defaults of the models module use besides the
#: planned declarations: a field of the same name would shadow them in its
#: class body.
MODULE_NAMES = frozenset(
    {"Any", "Literal", "TypeAlias", "BaseModel", "field", "FileTypes"}
    | {"str", "int", "float", "bool", "list", "dict"}
)

#: Names the params module uses besides its declarations.
PARAMS_MODULE_NAMES = frozenset(
    {"Any", "Iterable", "Literal", "Required", "TypeAlias", "TypedDict"}
    | {"FileTypes", "models", "str", "int", "float", "bool", "list", "dict"}
)

#: The name ending of request declarations (``ChatCompletionToolParam``).
PARAM_SUFFIX = "Param"

#: Attributes of the runtime ``BaseModel`` a field must not shadow.
MODEL_ATTRIBUTES = frozenset(
    {"model_extra", "model_fields_set", "from_data", "to_dict"}
)

#: The scalar kinds: JSON's own, ``any`` (no constraint) and ``file`` (a
#: binary string: a file to upload).
ScalarKind = Literal["string", "integer", "number", "boolean", "null", "any", "file"]


# -- type expressions ---------------------------------------------------------
@dataclass(frozen=True)
class TypeExpr:
    """A type, kept as data so declaration names can change until printed."""

    def refs(self) -> Iterator[Declaration]:
        """The planned declarations this expression mentions."""
        return iter(())


@dataclass(frozen=True)
class Scalar(TypeExpr):
    kind: ScalarKind


@dataclass(frozen=True)
class Ref(TypeExpr):
    """A planned model class or type alias."""

    target: Declaration

    def refs(self) -> Iterator[Declaration]:
        yield self.target


@dataclass(frozen=True)
class EnumValues(TypeExpr):
    """Exactly these values (an ``enum`` or ``const``)."""

    values: tuple[str | int | bool, ...]


@dataclass(frozen=True)
class ListOf(TypeExpr):
    item: TypeExpr
    #: Any iterable is accepted (request parameters of structured items: a
    #: list is invariant, an iterable of the members of a union is not).
    iterable: bool = False

    def refs(self) -> Iterator[Declaration]:
        return self.item.refs()


@dataclass(frozen=True)
class MapOf(TypeExpr):
    """An object with string keys and values of one type."""

    value: TypeExpr

    def refs(self) -> Iterator[Declaration]:
        return self.value.refs()


@dataclass(frozen=True)
class UnionOf(TypeExpr):
    members: tuple[TypeExpr, ...]

    def refs(self) -> Iterator[Declaration]:
        for member in self.members:
            yield from member.refs()


ANY = Scalar("any")
NONE = Scalar("null")
STRING = Scalar("string")
FILE = Scalar("file")


def union(members: Sequence[TypeExpr]) -> TypeExpr:
    """The union of ``members``, flattened and de-duplicated.

    Enum values are merged into one :class:`EnumValues` placed first (so an
    open enum reads ``Literal["a", "b"] | str``); null comes last; ``any``
    absorbs everything.
    """
    if len(members) == 1 and not isinstance(members[0], (UnionOf, EnumValues)):
        return members[0]  # the common case, and a planning hot spot
    if len(members) == 2 and members[1] is NONE:
        return optional(members[0])  # the next most common: ``anyOf: [X, null]``
    return _merged(members)


def _merged(members: Sequence[TypeExpr]) -> TypeExpr:
    """:func:`union` without its shortcuts."""
    literal_values: list[str | int | bool] = []
    others: list[TypeExpr] = []
    null = False
    for member in members:
        for flat in member.members if isinstance(member, UnionOf) else (member,):
            if isinstance(flat, Scalar):
                if flat.kind == "any":
                    return ANY
                if flat.kind == "null":
                    null = True
                    continue
            elif isinstance(flat, EnumValues):
                if not literal_values and len(set(flat.values)) == len(flat.values):
                    literal_values.extend(flat.values)  # distinct: nothing to drop
                else:
                    literal_values.extend(
                        v for v in flat.values if v not in literal_values
                    )
                continue
            others.append(flat)
    if len(others) > 2:
        others = list(dict.fromkeys(others))  # unions of events: dozens of members
    elif len(others) == 2 and others[0] == others[1]:
        del others[1]
    result: list[TypeExpr] = (
        [EnumValues(tuple(literal_values))] if literal_values else []
    )
    result.extend(others)
    if null:
        result.append(NONE)
    if not result:
        return ANY
    return result[0] if len(result) == 1 else UnionOf(tuple(result))


def optional(expr: TypeExpr) -> TypeExpr:
    """``expr`` or null: :func:`union` of the two, with shortcuts for the
    common shapes (only :func:`union` and this function make a
    :class:`UnionOf`, so a union is flat and de-duplicated with null last)."""
    if isinstance(expr, UnionOf):
        last = expr.members[-1]
        if isinstance(last, Scalar) and last.kind == "null":
            return expr
        return UnionOf((*expr.members, NONE))
    if isinstance(expr, (Ref, ListOf, MapOf)) or (
        isinstance(expr, Scalar) and expr.kind not in ("any", "null")
    ):
        return UnionOf((expr, NONE))  # what union() makes of them, and common
    return _merged([expr, NONE])


# -- declarations ------------------------------------------------------------
@dataclass(eq=False)
class Declaration:
    """A class or alias of the models module; ``name`` is set by :meth:`TypePlanner.finish`."""

    #: ``components/schemas`` name, for components.
    component: str | None
    #: For inline objects: the declaration it belongs to and the name suffix
    #: (a property's wire name, say: made PascalCase when names are assigned).
    parent: Declaration | None
    suffix: str
    description: str | None
    name: str = ""
    #: Planned for requests: a TypedDict (or an alias of TypedDicts) of the
    #: params module rather than a model of the models module.
    request: bool = False


@dataclass(frozen=True, init=False)
class FieldPlan:
    """One property of a model class (and, for request bodies, one argument)."""

    wire_name: str
    #: The property's type, ``None`` included only when ``null`` is accepted.
    type: TypeExpr
    required: bool
    description: str | None
    #: The property's schema (for the facts only some artifacts ask for).
    schema: Schema = field(compare=False, repr=False)

    def __init__(
        self,
        wire_name: str,
        type: TypeExpr,
        required: bool,
        description: str | None,
        schema: Schema,
    ) -> None:
        """What the generated ``__init__`` does, without its
        ``object.__setattr__`` per field: a plan has thousands of fields."""
        attributes = self.__dict__
        attributes["wire_name"] = wire_name
        attributes["type"] = type
        attributes["required"] = required
        attributes["description"] = description
        attributes["schema"] = schema

    @property
    def binary(self) -> bool:
        """The schema says ``format: binary``: a file in multipart requests.

        Asked only of multipart bodies' fields, so not worked out for every field.
        """
        return is_binary(self.schema)


@dataclass(eq=False)
class ClassPlan(Declaration):
    fields: list[FieldPlan] = field(default_factory=list)

    def attribute_names(self, declared: frozenset[str]) -> dict[str, str]:
        """Wire name -> attribute name, valid, distinct, shadowing none of the
        ``declared`` class and alias names."""
        return field_identifiers(
            [f.wire_name for f in self.fields], MODULE_NAMES, MODEL_ATTRIBUTES, declared
        )


@dataclass(eq=False)
class AliasPlan(Declaration):
    target: TypeExpr = ANY


# -- the planner ---------------------------------------------------------------
class TypePlanner:
    """Plans the declarations and annotations of a set of schemas.

    A planner made with ``responses`` (the planner of the models) plans the
    types of request arguments: object schemas become TypedDicts (so dict
    literals type-check), named ``...Param``; a component alias whose type
    mentions no TypedDict (an enum, a union of scalars) is the models' alias,
    planned by ``responses``; arrays of structured items accept any iterable.
    """

    def __init__(
        self,
        components: Mapping[str, Schema] | None = None,
        responses: TypePlanner | None = None,
    ) -> None:
        """``components``: the spec's named schemas (``Api.schemas``).

        A reference with sibling keywords (``$ref`` + ``description``) is a
        separate node carrying the component's name; the component's own
        node is then the one planned, whichever use comes first.
        """
        self._components = components or {}
        self._responses = responses
        #: The type of each planned alias by component name: a reference,
        #: or for requests the models' type (see :meth:`_plan_alias`).
        self._aliases: dict[str, TypeExpr] = {}
        self._declarations: dict[object, Declaration] = {}
        #: The reference to each planned class, by its key in ``_declarations``.
        self._class_refs: dict[object, Ref] = {}
        #: Keys of the non-class nodes being expanded (cycle guard).
        self._expanding: set[int] = set()
        self._finished = False

    # -- public API ------------------------------------------------------------
    def annotation(
        self, schema: Schema | None, parent: Declaration | None, suffix: str
    ) -> TypeExpr:
        """The type of ``schema``; inline objects are named ``parent`` + ``suffix``
        (in PascalCase).

        Written for speed (it runs once per schema use): the commonest shapes,
        an object with properties, an enum and a node of one JSON type, skip
        the general path of :meth:`_non_null`.
        """
        if schema is None:
            return ANY
        base: TypeExpr
        if schema.properties:
            # A class, and no wrapper: a node with properties stands for itself.
            base = self._class_ref(schema, parent, suffix)
        elif schema.name is not None or schema.all_of or schema.const is not MISSING:
            base = self._non_null(schema, parent, suffix)
        elif schema.enum is not None:
            base = _literal(schema.enum)  # what _inline() makes of it
        elif not isinstance(schema.type, str) or schema.any_of or schema.one_of:
            base = self._non_null(schema, parent, suffix)
        else:
            # One JSON type and nothing else: nullable only by the 3.0 flag,
            # or by being ``null``.
            type_ = schema.type
            if type_ == "string":
                base = FILE if schema.format == "binary" else STRING
            elif type_ == "array" or type_ == "object":
                base = self._non_null(schema, parent, suffix)
            elif type_ != "null":
                base = _SCALARS.get(type_, ANY)
            elif schema.items is None and schema.additional_properties is None:
                return NONE
            else:
                return optional(self._non_null(schema, parent, suffix))
            return optional(base) if schema.nullable_flag else base
        return optional(base) if schema.nullable else base

    def class_for(self, schema: Schema, fallback_name: str) -> ClassPlan | None:
        """The model class of an object schema (planned if new), else ``None``.

        ``fallback_name`` names an anonymous schema (a request body written inline).
        """
        if not self.is_class(schema):
            return None
        return self._plan_class(schema, None, fallback_name)

    @staticmethod
    def is_class(schema: Schema) -> bool:
        """Whether ``schema`` or an ``allOf`` member (at any depth) has properties."""
        if schema.properties or not schema.all_of:
            return bool(schema.properties)
        pending = [schema]
        seen: set[int] = set()
        while pending:
            node = pending.pop()
            if node.properties:
                return True
            if id(node) not in seen:
                seen.add(id(node))
                pending.extend(node.all_of)
        return False

    def finish(self) -> tuple[list[ClassPlan], list[AliasPlan]]:
        """Assign names; return the classes (sorted by name) and the aliases in
        definition order (an alias only mentions classes and earlier aliases)."""
        if not self._finished:
            self._assign_names()
            self._finished = True
        declarations = list(self._declarations.values())
        classes = sorted(
            (d for d in declarations if isinstance(d, ClassPlan)), key=lambda d: d.name
        )
        aliases = _alias_order(
            sorted(
                (d for d in declarations if isinstance(d, AliasPlan)),
                key=lambda d: d.name,
            )
        )
        return classes, aliases

    # -- planning ----------------------------------------------------------------
    def _non_null(
        self, schema: Schema, parent: Declaration | None, suffix: str
    ) -> TypeExpr:
        if self.is_class(schema):
            # A wrapper (``allOf: [$ref]`` beside ``nullable`` or a
            # description) is the class it wraps, not a copy of it.
            return self._class_ref(unwrap(schema), parent, suffix)
        if schema.name is not None:
            sole = _sole_variant(schema)
            if sole is not None and sole.name is None and self.is_class(sole):
                # ``Foo: anyOf [{object}, {type: null}]``: the object is ``Foo``.
                return self._class_ref(sole, None, "", component=schema.name)
            return self._plan_alias(schema)
        key = id(schema)
        if key in self._expanding:
            return ANY
        self._expanding.add(key)
        try:
            return self._inline(schema, parent, suffix)
        finally:
            self._expanding.discard(key)

    def _inline(
        self, schema: Schema, parent: Declaration | None, suffix: str
    ) -> TypeExpr:
        """The type of a schema that is neither a class nor a component."""
        if schema.const is not MISSING:
            return _literal([schema.const])
        if schema.enum is not None:
            return _literal(schema.enum)
        variants = [*schema.any_of, *schema.one_of]
        if variants:
            return union([self._variant(v, parent, suffix) for v in variants])
        if schema.all_of:
            # No member has properties (else this would be a class): the type
            # is the first member that says something (``allOf: [{$ref: X}]``).
            typed = [m for m in schema.all_of if not _unconstrained(m)]
            return self.annotation(typed[0], parent, suffix) if typed else ANY
        types = [t for t in schema.types if t != "null"]
        if not types:
            if schema.items is not None:
                types = ["array"]
            elif schema.additional_properties is not None:
                types = ["object"]
            else:
                return NONE if schema.types == ("null",) else ANY
        return union([self._json_type(t, schema, parent, suffix) for t in types])

    def _variant(
        self, schema: Schema, parent: Declaration | None, suffix: str
    ) -> TypeExpr:
        """A union member: an anonymous object with a ``title`` is named after it."""
        if schema.name is None and schema.title and self.is_class(schema):
            return self.annotation(schema, None, pascal_case(schema.title))
        return self.annotation(schema, parent, suffix)

    def _json_type(
        self, type_: str, schema: Schema, parent: Declaration | None, suffix: str
    ) -> TypeExpr:
        if type_ == "array":
            item = self.annotation(schema.items, parent, suffix)
            structured = self._responses is not None and any(
                ref.request for ref in item.refs()
            )
            return ListOf(item, iterable=structured)
        if type_ == "object":
            extra = schema.additional_properties
            value = (
                self.annotation(extra, parent, suffix)
                if isinstance(extra, Schema)
                else ANY
            )
            return MapOf(value)
        if type_ == "string" and schema.format == "binary":
            return FILE
        return _SCALARS.get(type_, ANY)

    def _canonical(self, schema: Schema) -> Schema:
        """The component's own node for a node of the same name and kind."""
        own = self._components.get(schema.name or "")
        if own is None or self.is_class(own) != self.is_class(schema):
            return schema
        return own

    def _plan_alias(self, schema: Schema) -> TypeExpr:
        assert schema.name is not None
        planned = self._aliases.get(schema.name)
        if planned is not None:
            return planned
        key = ("alias", schema.name)
        plan = self._declarations.get(key)
        if isinstance(plan, AliasPlan):
            return Ref(plan)  # a recursive alias, still being planned
        schema = self._canonical(schema)
        plan = AliasPlan(
            component=schema.name,
            parent=None,
            suffix="",
            description=schema.description,
            request=self._responses is not None,
        )
        self._declarations[key] = plan
        plan.target = self._inline(schema, plan, "")
        planned = Ref(plan)
        if self._responses is not None and not any(
            ref.request and ref is not plan for ref in plan.target.refs()
        ):
            # The same type as the models' alias (a recursive one too:
            # ``JsonValue``): use that one.
            del self._declarations[key]
            planned = self._responses._plan_alias(schema)
        self._aliases[key[1]] = planned
        return planned

    def _class_ref(
        self,
        schema: Schema,
        parent: Declaration | None,
        suffix: str,
        component: str | None = None,
    ) -> Ref:
        """A reference to the class of ``schema`` (see :meth:`_plan_class`)."""
        key = component or schema.name or id(schema)
        ref = self._class_refs.get(key)
        if ref is None:
            self._plan_class(schema, parent, suffix, component)
            ref = self._class_refs[key]
        return ref

    def _plan_class(
        self,
        schema: Schema,
        parent: Declaration | None,
        suffix: str,
        component: str | None = None,
    ) -> ClassPlan:
        """The class of an object schema, planned if new: a component's by its
        name, an inline object's by its node."""
        component = component or schema.name
        key = component or id(schema)
        plan = self._declarations.get(key)
        if isinstance(plan, ClassPlan):
            return plan
        schema = self._canonical(schema)
        plan = ClassPlan(
            component=component,
            parent=None if component else parent,
            suffix=suffix,
            description=_class_description(schema),
            request=self._responses is not None,
        )
        self._declarations[key] = plan
        self._class_refs[key] = Ref(plan)
        properties, required = object_shape(schema)
        for wire_name, prop in properties.items():
            # The wire name as the suffix: few properties name an object.
            prop_type = self.annotation(prop, plan, wire_name)
            is_required = wire_name in required
            if not is_required and implied_null(prop) is not None:
                prop_type = optional(prop_type)
            plan.fields.append(
                FieldPlan(wire_name, prop_type, is_required, prop.description, prop)
            )
        return plan

    # -- naming ----------------------------------------------------------------
    def _assign_names(self) -> None:
        """Names as in the module docstring; request declarations add ``Param``
        to the name (``Foo2`` -> ``Foo2Param``, its inline objects
        ``Foo2BarParam``), so they end in it and follow the models' names."""
        tail = "" if self._responses is None else PARAM_SUFFIX
        used = set(MODULE_NAMES)
        stems: dict[int, str] = {}
        components = sorted(
            (d for d in self._declarations.values() if d.component is not None),
            key=lambda d: d.component or "",
        )
        for plan in components:
            stems[id(plan)] = unique_name(pascal_case(plan.component or ""), used)
        for plan in self._declarations.values():
            if plan.component is None:
                parent = stems[id(plan.parent)] if plan.parent else ""
                name = parent + (pascal_case(plan.suffix) if plan.suffix else "")
                stems[id(plan)] = unique_name(pascal_case(name), used)
        for plan in self._declarations.values():
            plan.name = stems[id(plan)] + tail


def _unconstrained(schema: Schema) -> bool:
    """A schema that only documents (``{description: ...}``): any value."""
    return (
        schema.name is None
        and not schema.types
        and schema.enum is None
        and schema.const is MISSING
        and schema.items is None
        and schema.additional_properties is None
        and not (schema.properties or schema.all_of or schema.any_of or schema.one_of)
    )


def _sole_variant(schema: Schema) -> Schema | None:
    """The one non-null member of an ``anyOf``/``oneOf`` union, if that is its shape."""
    variants = [v for v in (*schema.any_of, *schema.one_of) if v.types != ("null",)]
    return variants[0] if len(variants) == 1 and not schema.all_of else None


_SCALARS: dict[str, TypeExpr] = {
    "string": STRING,
    "integer": Scalar("integer"),
    "number": Scalar("number"),
    "boolean": Scalar("boolean"),
    "null": NONE,
}


def _literal(values: Sequence[JsonValue]) -> TypeExpr:
    """The enum values as a type: floats and containers widen it."""
    strings = [value for value in values if isinstance(value, str)]
    if len(strings) == len(values) and len(set(strings)) == len(strings) > 0:
        return EnumValues(tuple(strings))  # the common case: distinct strings
    members: list[TypeExpr] = []
    literal: list[str | int | bool] = []
    for value in values:
        if value is None:
            members.append(NONE)
        elif isinstance(value, (str, int, bool)):
            literal.append(value)
        elif isinstance(value, float):
            members.append(Scalar("number"))
        else:
            members.append(ANY)
    if literal:
        members.insert(0, EnumValues(tuple(literal)))
    return union(members)


def _alias_order(aliases: list[AliasPlan]) -> list[AliasPlan]:
    """Aliases so that each only mentions earlier ones (depth first).

    Alias values are evaluated when ``models.py`` is imported, so an alias
    must follow those it names.  A cycle of aliases cannot be written that
    way; the reference that closes it is replaced by ``Any``.
    """
    ordered: list[AliasPlan] = []
    state: dict[int, str] = {}

    def visit(plan: AliasPlan) -> None:
        state[id(plan)] = "visiting"
        for ref in list(plan.target.refs()):
            if not isinstance(ref, AliasPlan):
                continue
            if state.get(id(ref)) == "visiting":
                plan.target = _replace(plan.target, ref)
            elif id(ref) not in state:
                visit(ref)
        state[id(plan)] = "done"
        ordered.append(plan)

    for plan in aliases:
        if id(plan) not in state:
            visit(plan)
    return ordered


def _replace(expr: TypeExpr, target: Declaration) -> TypeExpr:
    """``expr`` with references to ``target`` replaced by ``Any``."""
    if isinstance(expr, Ref):
        return ANY if expr.target is target else expr
    if isinstance(expr, ListOf):
        return ListOf(_replace(expr.item, target), expr.iterable)
    if isinstance(expr, MapOf):
        return MapOf(_replace(expr.value, target))
    if isinstance(expr, UnionOf):
        return union([_replace(m, target) for m in expr.members])
    return expr


def _class_description(schema: Schema) -> str | None:
    return schema.description or schema.title

"""Model stage: turn the loaded spec (plain data) into the typed :class:`Api`.

This is the only module that reads raw spec dicts.  It resolves ``$ref``s
(JSON pointers into the same document) by shallow merge: the target's keys,
overridden by the keys written beside the ``$ref``.  A bare reference to a
``components/schemas`` entry yields one shared :class:`Schema` object, so
recursive schemas become cycles in the graph instead of infinite trees.

Real specs are quirky; nothing here raises on odd content.  What cannot be
understood (a dangling ``$ref``, a non-mapping where a mapping belongs) is
recorded in :attr:`ModelBuilder.warnings` and modelled as an empty schema.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

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
from generator.model.schema import MISSING, Discriminator, Schema
from generator.openapi import HTTP_METHODS, fallback_operation_id, pointer_key

_SCHEMA_PREFIX = "#/components/schemas/"
#: A chain of ``$ref`` -> ``$ref`` longer than this is treated as a cycle.
_MAX_REF_CHAIN = 64
#: The keywords holding lists of schemas, and the :class:`Schema` field of each.
_SCHEMA_LISTS = (("allOf", "all_of"), ("anyOf", "any_of"), ("oneOf", "one_of"))
#: Keywords that few schema nodes have (a tenth of them on OpenAI's spec):
#: :meth:`ModelBuilder._fill` reads them only for a node that has one.
_RARE_KEYWORDS = frozenset(
    {"format", "const", "examples", "nullable", "additionalProperties"}
    | {"discriminator", "readOnly", "writeOnly", "deprecated"}
    | {"minimum", "maximum", "minItems", "maxItems", "x-oaiMeta"}
)


def build_api(
    spec: Mapping[str, Any], selected: Collection[tuple[str, str]] | None = None
) -> Api:
    """Build the model of ``spec``; ``selected`` limits it to (path, method) pairs."""
    return ModelBuilder(spec).build(selected)


class ModelBuilder:
    def __init__(self, spec: Mapping[str, Any]) -> None:
        self.spec = spec
        self.warnings: list[str] = []
        self._named: dict[str, Schema] = {}
        self._merged: dict[int, tuple[Mapping[str, Any], Schema]] = {}
        #: The component name of each ``$ref`` met (``None``: not a schema's).
        self._schema_names: dict[str, str | None] = {}
        components = _mapping(spec.get("components"))
        self._component_schemas = _mapping(components.get("schemas"))

    # -- entry point -----------------------------------------------------
    def build(self, selected: Collection[tuple[str, str]] | None = None) -> Api:
        info = _mapping(self.spec.get("info"))
        wanted = None if selected is None else set(selected)
        paths: list[PathItem] = []
        for path, raw_item in _mapping(self.spec.get("paths")).items():
            item = self._path_item(str(path), _mapping(raw_item), wanted)
            if item is not None:
                paths.append(item)
        return Api(
            title=_text(info.get("title")) or "API",
            version=str(info.get("version", "")),
            description=_text(info.get("description")),
            servers=tuple(
                str(s["url"])
                for s in _list(self.spec.get("servers"))
                if isinstance(s, Mapping) and isinstance(s.get("url"), str)
            ),
            paths=tuple(paths),
            schemas={
                name: self._named[name]
                for name in self._component_schemas
                if name in self._named
            },
            security_schemes=self._security_schemes(),
            tags=tuple(
                Tag(name=str(t["name"]), description=_text(t.get("description")))
                for t in _list(self.spec.get("tags"))
                if isinstance(t, Mapping) and "name" in t
            ),
            document=self.spec,
        )

    # -- references --------------------------------------------------------
    def _pointer(self, ref: str) -> Any:
        """The value at a local JSON pointer, or ``None`` (with a warning)."""
        if not ref.startswith("#"):
            self.warnings.append(f"external $ref not supported: {ref}")
            return None
        node: Any = self.spec
        for token in ref[1:].split("/")[1:]:
            key = pointer_key(token)
            if isinstance(node, Mapping) and key in node:
                node = node[key]
            elif isinstance(node, list) and key.isdigit() and int(key) < len(node):
                node = node[int(key)]
            else:
                self.warnings.append(f"unresolvable $ref: {ref}")
                return None
        return node

    def _deref(self, raw: Any) -> Mapping[str, Any]:
        """Resolve a (possibly chained) ``$ref`` by shallow merge; non-schema objects."""
        for _ in range(_MAX_REF_CHAIN):
            if not isinstance(raw, Mapping) or not isinstance(raw.get("$ref"), str):
                return _mapping(raw)
            target = _mapping(self._pointer(raw["$ref"]))
            raw = {**target, **{k: v for k, v in raw.items() if k != "$ref"}}
        self.warnings.append("$ref chain too long (cycle?)")
        return {}

    # -- schemas -----------------------------------------------------------
    def schema(self, raw: Any, _depth: int = 0) -> Schema:
        """The :class:`Schema` for a raw schema object (``$ref`` resolved)."""
        if not isinstance(raw, dict):
            # ``true``/``{}``: anything; ``false`` cannot be modelled better.
            return Schema()
        ref = raw.get("$ref")
        if not isinstance(ref, str):
            return self._fill(Schema(), raw)
        if ref in self._schema_names:
            name = self._schema_names[ref]
        else:
            name = self._schema_names[ref] = (
                pointer_key(ref[len(_SCHEMA_PREFIX) :])
                if ref.startswith(_SCHEMA_PREFIX)
                else None
            )
        if len(raw) == 1 and name is not None and name in self._component_schemas:
            return self.named_schema(name)
        siblings = {k: v for k, v in raw.items() if k != "$ref"}
        if _depth > _MAX_REF_CHAIN:
            self.warnings.append(f"$ref chain too long (cycle?) at {ref}")
            return Schema()
        # Memoised by the identity of the raw ``$ref`` object (kept alive in
        # the memo), and registered before it is filled: a schema that refers
        # to itself with sibling keys (``{$ref: Node, description: ...}``
        # inside ``Node``) closes a cycle instead of recursing forever.
        known = self._merged.get(id(raw))
        if known is not None:
            return known[1]
        node = Schema(name=name)
        self._merged[id(raw)] = (raw, node)
        merged = {**_mapping(self._pointer(ref)), **siblings}
        if isinstance(merged.get("$ref"), str):
            resolved = self.schema(merged, _depth + 1)
            node.__dict__.update({**resolved.__dict__, "name": name or resolved.name})
        else:
            self._fill(node, merged)
        return node

    def named_schema(self, name: str) -> Schema:
        """The shared node of ``components/schemas/<name>``."""
        node = self._named.get(name)
        if node is None:
            node = Schema(name=name)
            self._named[name] = node
            raw = self._component_schemas.get(name)
            if isinstance(raw, Mapping) and isinstance(raw.get("$ref"), str):
                # An alias of another schema: share the fields of the resolved one.
                resolved = self.schema(raw)
                node.__dict__.update({**resolved.__dict__, "name": name})
            else:
                self._fill(node, _mapping(raw))
        return node

    def _fill(self, node: Schema, raw: Mapping[str, Any]) -> Schema:
        # The hottest loop of the model stage (every schema node of the
        # selection): ``node`` is fresh, its dataclass defaults stand for
        # absent keywords, so only the keywords present are looked at
        # further, and the rare ones only when the node has one of them.
        # Subschemas are built in the keywords' order below.
        get = raw.get
        type_ = get("type")
        if isinstance(type_, str):
            node.type = type_
        elif isinstance(type_, list):
            node.type = [t for t in type_ if isinstance(t, str)]
        title = get("title")
        if isinstance(title, str):
            node.title = title
        description = get("description")
        if isinstance(description, str):
            node.description = description
        enum = get("enum")
        node.enum = list(enum) if isinstance(enum, list) else None
        node.default = get("default", MISSING)
        node.example = get("example", MISSING)
        rare = not _RARE_KEYWORDS.isdisjoint(raw)
        properties = get("properties")
        if isinstance(properties, dict):
            node.properties = {str(k): self.schema(v) for k, v in properties.items()}
        required = get("required")
        if isinstance(required, list):
            node.required = [str(r) for r in required if isinstance(r, str)]
        if rare:
            additional = get("additionalProperties")
            if isinstance(additional, bool):
                node.additional_properties = additional
            elif isinstance(additional, dict):
                node.additional_properties = self.schema(additional)
        if "items" in raw:
            node.items = self.schema(raw["items"])
        for keyword, attribute in _SCHEMA_LISTS:
            members = get(keyword)
            if isinstance(members, list):
                setattr(node, attribute, [self.schema(s) for s in members])
        if rare:
            self._fill_rare(node, raw)
        return node

    def _fill_rare(self, node: Schema, raw: Mapping[str, Any]) -> None:
        """The keywords of :data:`_RARE_KEYWORDS` but ``additionalProperties``."""
        get = raw.get
        node.format = _text(get("format"))
        node.const = get("const", MISSING)
        examples = get("examples")
        if isinstance(examples, list):
            node.examples = list(examples)
        node.nullable_flag = get("nullable") is True
        node.discriminator = self._discriminator(get("discriminator"))
        node.read_only = get("readOnly") is True
        node.write_only = get("writeOnly") is True
        node.deprecated = get("deprecated") is True
        node.minimum = _number(get("minimum"))
        node.maximum = _number(get("maximum"))
        node.min_items = _int(get("minItems"))
        node.max_items = _int(get("maxItems"))
        meta = get("x-oaiMeta")
        if isinstance(meta, dict):
            node.oai_meta = meta

    def _discriminator(self, raw: Any) -> Discriminator | None:
        if not isinstance(raw, dict) or not isinstance(raw.get("propertyName"), str):
            return None
        mapping = {
            str(value): self.schema({"$ref": ref})
            for value, ref in _mapping(raw.get("mapping")).items()
            if isinstance(ref, str)
        }
        return Discriminator(property_name=raw["propertyName"], mapping=mapping)

    # -- operations ----------------------------------------------------------
    def _path_item(
        self, path: str, raw: Mapping[str, Any], wanted: set[tuple[str, str]] | None
    ) -> PathItem | None:
        raw = self._deref(raw)
        shared = self._named_parameters(raw.get("parameters"), path)
        operations = tuple(
            self._operation(path, str(method), self._deref(op), shared)
            for method, op in raw.items()
            if method in HTTP_METHODS
            and isinstance(op, Mapping)
            and (wanted is None or (path, method) in wanted)
        )
        if not operations:
            return None
        return PathItem(
            path=path,
            summary=_text(raw.get("summary")),
            description=_text(raw.get("description")),
            operations=operations,
            declared_methods=tuple(
                str(method)
                for method, op in raw.items()
                if method in HTTP_METHODS and isinstance(op, Mapping)
            ),
        )

    def _operation(
        self,
        path: str,
        method: str,
        raw: Mapping[str, Any],
        shared_parameters: list[Mapping[str, Any]],
    ) -> Operation:
        own = self._named_parameters(raw.get("parameters"), f"{method} {path}")
        own_keys = {(p["name"], str(p.get("in"))) for p in own}
        merged = [
            p
            for p in shared_parameters
            if (p["name"], str(p.get("in"))) not in own_keys
        ]
        parameters = tuple(self._parameter(p) for p in [*merged, *own])
        body_raw = raw.get("requestBody")
        meta = _mapping(raw.get("x-oaiMeta"))
        operation_id = _text(raw.get("operationId")) or fallback_operation_id(
            method, path
        )
        return Operation(
            operation_id=operation_id,
            method=method,
            path=path,
            summary=_text(raw.get("summary")),
            description=_text(raw.get("description")),
            tags=tuple(str(t) for t in _list(raw.get("tags"))),
            parameters=parameters,
            request_body=(
                None if body_raw is None else self._request_body(self._deref(body_raw))
            ),
            responses=tuple(
                self._response(str(status), self._deref(resp))
                for status, resp in _mapping(raw.get("responses")).items()
            ),
            deprecated=raw.get("deprecated") is True,
            security=self._security(raw),
            meta_name=_text(meta.get("name")),
            meta_returns=_text(meta.get("returns")),
            meta_beta=meta.get("beta") is True,
            code_samples=_code_samples(meta.get("examples")),
        )

    def _named_parameters(self, raw: Any, where: str) -> list[Mapping[str, Any]]:
        """The parameter objects of a list, ``$ref`` resolved; nameless ones dropped."""
        result = []
        for entry in _list(raw):
            parameter = self._deref(entry)
            if isinstance(parameter.get("name"), str):
                result.append(parameter)
            else:
                self.warnings.append(f"{where}: parameter without a name ignored")
        return result

    def _parameter(self, raw: Mapping[str, Any]) -> Parameter:
        location = str(raw.get("in", "query"))
        schema_raw = raw.get("schema")
        if schema_raw is None:
            # 3.x also allows ``content`` with one media type.
            media = next(iter(_mapping(raw.get("content")).values()), None)
            schema_raw = _mapping(media).get("schema")
        return Parameter(
            name=str(raw["name"]),
            location=location,
            required=raw.get("required") is True or location == "path",
            description=_text(raw.get("description")),
            schema=None if schema_raw is None else self.schema(schema_raw),
            deprecated=raw.get("deprecated") is True,
            example=raw.get("example", MISSING),
        )

    def _media_types(self, raw: Any) -> tuple[MediaType, ...]:
        result = []
        for content_type, media_raw in _mapping(raw).items():
            media = self._deref(media_raw)
            result.append(
                MediaType(
                    content_type=str(content_type),
                    schema=self.schema(media["schema"]) if "schema" in media else None,
                    example=media.get("example", MISSING),
                    examples={
                        str(k): self._deref(v).get("value")
                        for k, v in _mapping(media.get("examples")).items()
                    },
                )
            )
        return tuple(result)

    def _request_body(self, raw: Mapping[str, Any]) -> RequestBody:
        return RequestBody(
            description=_text(raw.get("description")),
            required=raw.get("required") is True,
            content=self._media_types(raw.get("content")),
        )

    def _response(self, status: str, raw: Mapping[str, Any]) -> Response:
        return Response(
            status=status,
            description=_text(raw.get("description")),
            content=self._media_types(raw.get("content")),
        )

    # -- security ------------------------------------------------------------
    def _security(self, raw: Mapping[str, Any]) -> tuple[str, ...]:
        requirements = raw.get("security", self.spec.get("security"))
        names: list[str] = []
        for requirement in _list(requirements):
            for name in _mapping(requirement):
                if str(name) not in names:
                    names.append(str(name))
        return tuple(names)

    def _security_schemes(self) -> tuple[SecurityScheme, ...]:
        schemes = _mapping(_mapping(self.spec.get("components")).get("securitySchemes"))
        return tuple(
            SecurityScheme(
                name=str(name),
                type=str(_mapping(s).get("type", "")),
                scheme=_text(_mapping(s).get("scheme")),
                description=_text(_mapping(s).get("description")),
            )
            for name, s in schemes.items()
        )


def _code_samples(raw: Any) -> tuple[CodeSample, ...]:
    """``x-oaiMeta.examples``: one mapping or a list of them."""
    entries = (
        raw if isinstance(raw, list) else [raw] if isinstance(raw, Mapping) else []
    )
    samples = []
    for entry in entries:
        if not isinstance(entry, Mapping):
            continue
        request = entry.get("request")
        if isinstance(request, str):
            request = {"curl": request}
        samples.append(
            CodeSample(
                title=_text(entry.get("title")),
                request={
                    str(k): v
                    for k, v in _mapping(request).items()
                    if isinstance(v, str)
                },
                response=_text(entry.get("response")),
            )
        )
    return tuple(samples)


def _mapping(value: Any) -> Mapping[str, Any]:
    # ``dict``, not the ``Mapping`` ABC: a loaded spec is JSON data, and the
    # ABC's check costs several times as much in the model's hot loops.
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None

"""The generated Python client package: types, formatting, names, imports.

Generation-level checks; ``test_client_http.py`` drives the generated
clients over loopback HTTP.
"""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
import time
import typing
from pathlib import Path
from types import ModuleType
from typing import Any, Literal

import pytest
from python_client_support import (
    REPO,
    SEED,
    SEED_SPEC,
    SPECS,
    SYNTHETIC_SPEC,
    assert_every_method_reachable,
    check_usage,
    client_method,
    corpus_spec,
    default_spec_path,
    generate,
    import_package,
    run_black_check,
    run_mypy,
)
from rendering import rendered
from spec_builder import no_content, obj, operation, request_body, spec, string

from generator.errors import SpecError
from generator.load import load_spec
from generator.model import MISSING, Schema
from generator.model.build import build_api
from generator.model.shape import implied_null
from generator.render import RenderOptions
from generator.render.python import render
from generator.render.python.methods import escape_docstring

SEED_ARGUMENTS = [
    "modalities",
    "input_audio_format",
    "input_audio_transcription",
    "turn_detection",
    "input_audio_noise_reduction",
    "include",
]
REQUEST_OPTIONS = ["extra_headers", "extra_query", "extra_body", "timeout"]
#: Where the rule puts the seed operation (the project's overrides aside).
SEED_METHOD = "realtime.transcription_sessions.create"


@pytest.fixture(scope="module")
def seed_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed operation's package from the 2025-04 spec and from the default spec."""
    root = tmp_path_factory.mktemp("seed")
    generate(corpus_spec(SEED_SPEC, root), root, "seed_client", [SEED])
    generate(load_spec(default_spec_path()), root, "seed_default_client", [SEED])
    return root


@pytest.fixture(scope="module")
def seed(seed_root: Path) -> ModuleType:
    return import_package(seed_root, "seed_client")


@pytest.fixture(scope="module")
def synthetic_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("synthetic")
    generate(SYNTHETIC_SPEC, root, "synthetic_client")
    return root


@pytest.fixture(scope="module")
def synthetic(synthetic_root: Path) -> ModuleType:
    return import_package(synthetic_root, "synthetic_client")


# -- the seed operation --------------------------------------------------------------
def test_seed_packages_pass_mypy_strict(seed_root: Path) -> None:
    result = run_mypy(seed_root, "seed_client", "seed_default_client")
    assert result.returncode == 0, result.stdout + result.stderr


def test_seed_packages_are_black_clean(seed_root: Path) -> None:
    for name in ("seed_client", "seed_default_client"):
        result = run_black_check(seed_root, name)
        assert result.returncode == 0, result.stderr


def test_seed_method_has_keyword_only_typed_arguments(seed: ModuleType) -> None:
    for client in (seed.Client, seed.AsyncClient):
        signature = inspect.signature(client_method(client, SEED_METHOD))
        parameters = list(signature.parameters.values())
        assert [p.name for p in parameters] == [
            "self",
            *SEED_ARGUMENTS,
            *REQUEST_OPTIONS,
        ]
        for parameter in parameters[1:]:
            assert parameter.kind is inspect.Parameter.KEYWORD_ONLY
            assert parameter.default is seed.NOT_GIVEN or parameter.name.startswith(
                "extra_"
            )
    assert inspect.iscoroutinefunction(client_method(seed.AsyncClient, SEED_METHOD))


def test_seed_argument_types(seed: ModuleType) -> None:
    hints = typing.get_type_hints(
        client_method(seed.Client, SEED_METHOD), vars(seed._client)
    )
    fmt = hints["input_audio_format"]
    assert set(typing.get_args(fmt)) == {
        Literal["pcm16", "g711_ulaw", "g711_alaw"],
        seed.NotGiven,
    }
    # Documented as "can be set to `null`": None is accepted (and sent as null).
    assert type(None) in typing.get_args(hints["turn_detection"])
    assert type(None) in typing.get_args(hints["input_audio_noise_reduction"])
    # Nothing says null for these.
    assert type(None) not in typing.get_args(hints["input_audio_format"])
    assert type(None) not in typing.get_args(hints["input_audio_transcription"])
    assert hints["return"] is seed.models.RealtimeTranscriptionSessionCreateResponse


def test_seed_response_model_tolerates_unknown_fields(seed: ModuleType) -> None:
    model = seed.models.RealtimeTranscriptionSessionCreateResponse
    parsed = model.from_data(
        {
            "client_secret": {"value": "ek_1", "expires_at": 5, "scope": "x"},
            "modalities": ["text", "video"],
            "brand_new": {"a": 1},
        }
    )
    assert parsed.client_secret.value == "ek_1"
    assert parsed.client_secret.expires_at == 5
    assert parsed.client_secret.model_extra == {"scope": "x"}
    assert parsed.modalities == ["text", "video"]
    assert parsed.model_extra == {"brand_new": {"a": 1}}


def test_default_spec_seed_package_imports(seed_root: Path) -> None:
    package = import_package(seed_root, "seed_default_client")
    client = package.Client(api_key="k")
    assert str(client.base_url).rstrip("/") == "https://api.openai.com/v1"
    assert callable(client.realtime.transcription_sessions.create)


# -- the synthetic spec: every construct in one small package ---------------------
def test_synthetic_package_passes_mypy_and_black(synthetic_root: Path) -> None:
    check_usage(synthetic_root, "synthetic_client", USAGE_OK, USAGE_WRONG)
    assert run_black_check(synthetic_root, "synthetic_client").returncode == 0


USAGE_OK = """\
from synthetic_client import (
    AsyncClient,
    AsyncCursorPage,
    Client,
    Stream,
    SyncCursorPage,
    models,
)

client = Client(api_key="k")
thing: models.Thing = client.things.create(name="n", kind="anything", class_="c", note=None)
page: SyncCursorPage[models.Thing] = client.things.list(limit=2, order="asc")
stream: Stream[models.ChatEvent] = client.chat.create(prompt="p", stream=True)
reply: models.ChatResponse = client.chat.create(prompt="p")
either: models.ChatResponse | Stream[models.ChatEvent] = client.chat.create(prompt="p", stream=bool(1))
events: Stream[models.ChatEvent] = client.events.list()
client.things.delete("t1")
data: bytes = client.things.content("t1").content
upload = client.uploads.create(file=b"x", purpose="batch", attachments=[b"a", ("a.txt", b"b")])
count: int | None = upload.bytes
first: models.FooBar2 = client.items.a.list()
second: models.FooBar = client.items.b.list()
raw = client.with_raw_response.things.create(name="n")
raw_thing: models.Thing = raw.parse()
status: int = raw.status_code
with client.things.with_streaming_response.content("t1") as download:
    download.stream_to_file("thing.bin")
    content: bytes = download.parse().content
patient: Client = client.with_options(max_retries=5, timeout=20.0)
request_id: str | None = thing._request_id


async def main(aclient: AsyncClient) -> None:
    athing: models.Thing = await aclient.things.retrieve("t1", X_Trace_Id="x")
    async for event in await aclient.chat.create(prompt="p", stream=True):
        delta: str | None = event.delta
    async for listed in aclient.things.list(limit=2):
        listed_id: str = listed.id
    apage: AsyncCursorPage[models.Thing] = await aclient.things.list()
    araw = await aclient.with_raw_response.chat.create(prompt="p")
    areply: models.ChatResponse = araw.parse()
    async with aclient.things.with_streaming_response.retrieve("t1") as aresponse:
        athing_too: models.Thing = await aresponse.parse()
"""

USAGE_WRONG = """\
from synthetic_client import Client, models

client = Client(api_key="k")
client.things.create(kind="k")  # wrong: name is required
client.things.create(name="n", mode="c")  # wrong: not an allowed value
client.things.list(order="sideways")  # wrong
client.uploads.create(file="not a file", purpose="batch")  # wrong
text: str = client.chat.create(prompt="p", stream=True)  # wrong: a stream
client.things.retrieve(thing_id=1)  # wrong: a string
client.with_raw_response.things.create(kind="k")  # wrong: name is required
"""


def test_synthetic_client_signatures(synthetic: ModuleType) -> None:
    get_thing = client_method(synthetic.Client, "things.retrieve")
    parameters = inspect.signature(get_thing).parameters
    assert parameters["thing_id"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert parameters["X_Trace_Id"].kind is inspect.Parameter.KEYWORD_ONLY
    resources = {m for m in vars(synthetic.Client) if not m.startswith("_")}
    assert resources == {"things", "uploads", "chat", "events", "items"} | {
        "with_raw_response",
        "with_streaming_response",
    }
    methods = {
        "things.list",
        "things.create",
        "things.retrieve",
        "things.delete",
        "things.content",
        "uploads.create",
        "chat.create",
        "events.list",
        "items.a.list",
        "items.b.list",
    }
    for client in (synthetic.Client, synthetic.AsyncClient):
        for dotted in methods:
            assert inspect.isfunction(client_method(client, dotted)), dotted
    assert synthetic.Client._default_base_url == "https://example.invalid/v9"


def test_synthetic_model_names_and_fields(synthetic: ModuleType) -> None:
    models = synthetic.models
    # allOf merged into one class, own and inherited properties together.
    request = models.CreateThingRequest(name="n", class_="c", _2d=True, dotted_name="d")
    assert request.to_dict() == {
        "name": "n",
        "class": "c",
        "2d": True,
        "dotted.name": "d",
    }
    hints = typing.get_type_hints(models.CreateThingRequest)
    assert hints["kind"] == Literal["small", "large"] | str | None
    assert hints["meta"] == dict[str, int] | None
    assert hints["tags"] == list[str] | None
    assert hints["fixed"] == Literal["fixed"] | None
    assert hints["mode"] == Literal["a-b", "1x", "ü"] | None
    assert hints["pet"] == models.Cat | models.Dog | None
    # An inline object is named after its parent and property; the component
    # that already has that name keeps it.
    assert (
        typing.get_type_hints(models.Thing)["child_info"]
        == models.ThingChildInfo2 | None
    )
    assert "depth" in typing.get_type_hints(models.ThingChildInfo)
    # Recursive schema.
    thing = models.Thing.from_data(
        {"id": "a", "object": "thing", "children": [{"id": "b", "object": "thing"}]}
    )
    assert isinstance(thing.children[0], models.Thing)
    # Component names colliding once Pascal-cased.
    assert inspect.get_annotations(models.FooBar2) == {"a": "str | None"}
    assert inspect.get_annotations(models.FooBar) == {"b": "str | None"}
    assert models.ThingKind == Literal["small", "large"] | str
    assert typing.get_type_hints(models.Thing)["size"] == models.ThingKind | None


def test_recursive_alias_is_cut_with_any(synthetic: ModuleType) -> None:
    # An alias is evaluated at import: its reference to itself becomes Any.
    assert synthetic.models.JsonValue == str | float | list[Any] | dict[str, Any] | None
    thing = synthetic.models.Thing.from_data(
        {"id": "t", "object": "thing", "value": {"a": [1]}}
    )
    assert thing.value == {"a": [1]}


@pytest.mark.parametrize(
    ("description", "default", "reason"),
    [
        ("Can be set to `null` to turn off.", MISSING, "description"),
        ("This can be set to null to disable it.", MISSING, "description"),
        ("Defaults to null.", MISSING, "description"),
        ("Noise reduction settings.", None, "default"),
        ("Must not be null.", MISSING, None),
        ("This field cannot be null.", MISSING, None),
        ("A nullable-ish name, never null.", MISSING, None),
        ("Returns null-terminated strings.", MISSING, None),
        ("The format.", "pcm16", None),
    ],
)
def test_prose_null_rule(description: str, default: Any, reason: str | None) -> None:
    schema = Schema(type="object", description=description, default=default)
    assert implied_null(schema) == reason


def test_prose_null_applies_to_optional_arguments_only() -> None:
    nullable_prose = string(description="Can be set to null.")
    properties = {
        "a": nullable_prose,
        "b": nullable_prose,
        "c": string(nullable=True),
        "d": string(),
    }
    document = spec(
        {
            "/x": {
                "post": operation(
                    "makeX",
                    body=request_body(obj(properties, required=["a"])),
                    responses=no_content("done"),
                )
            }
        },
        openapi="3.0.0",
    )
    source = rendered(render, build_api(document), RenderOptions())[
        "python/openai_client/_client.py"
    ]
    assert "        a: str,\n" in source
    assert "        b: str | None | NotGiven = NOT_GIVEN,\n" in source
    assert "        c: str | None | NotGiven = NOT_GIVEN,\n" in source
    assert "        d: str | NotGiven = NOT_GIVEN,\n" in source


def test_docstrings_survive_quotes_backslashes_and_control_characters() -> None:
    text = 'Match """ \\d+ \x00 exactly, say "yes"'
    source = f'def f() -> None:\n    """{escape_docstring(text)}"""\n'
    namespace: dict[str, Any] = {}
    exec(compile(source, "<docstring>", "exec"), namespace)
    assert namespace["f"].__doc__ == text + " "


def test_file_fields_resolve(synthetic: ModuleType) -> None:
    hints = typing.get_type_hints(synthetic.models.CreateUploadRequest)
    assert hints["file"] == synthetic.FileTypes


def test_discriminated_union_picks_the_variant(synthetic: ModuleType) -> None:
    models = synthetic.models
    request = models.CreateThingRequest.from_data(
        {"name": "n", "pet": {"type": "dog", "good": True}}
    )
    assert isinstance(request.pet, models.Dog)
    assert request.pet.good is True


def test_output_does_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    script = (
        "import hashlib, json, sys\n"
        "sys.path.insert(0, 'tests')\n"
        "from python_client_support import SYNTHETIC_SPEC\n"
        "from rendering import rendered\n"
        "from generator.model.build import build_api\n"
        "from generator.render.python import render\n"
        "files = rendered(render, build_api(SYNTHETIC_SPEC))\n"
        "print(hashlib.sha256(json.dumps(files, sort_keys=True).encode()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            cwd=REPO,
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1


# -- the whole API of every corpus spec ------------------------------------------
CORPUS = sorted(SPECS.glob("*.yaml.xz")) if SPECS.is_dir() else []


def _index_rows() -> dict[str, dict[str, str]]:
    """``INDEX.tsv`` of the corpus by file name (empty without ../shared)."""
    index = SPECS / "INDEX.tsv"
    if not index.is_file():
        return {}
    header, *rows = [line.split("\t") for line in index.read_text().splitlines()]
    return {row[0]: dict(zip(header, row, strict=False)) for row in rows}


INDEX = _index_rows()


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=p.name.removesuffix(".yaml.xz")) for p in CORPUS]
    or [pytest.param(None, marks=pytest.mark.skip(reason=f"{SPECS} is not available"))],
)
def test_whole_api_generates_and_imports(path: Path, tmp_path: Path) -> None:
    row = INDEX.get(path.name, {})
    try:
        spec = corpus_spec(path, tmp_path)
    except SpecError as exc:
        # Only the version that is malformed YAML may fail, with a located error.
        assert "ScannerError" in row.get("parse_seconds_csafeloader", ""), exc
        assert "line 1985, column 25" in str(exc)
        return
    api = build_api(spec)
    if row.get("n_operations", "NA") != "NA":
        assert len(api.operations) == int(row["n_operations"])
    name = "corpus_" + path.name.split(".")[0].replace("-", "_")
    files = generate(spec, tmp_path, name)
    package = import_package(tmp_path, name)
    assert_every_method_reachable(package, api)
    # Every model's annotations resolve at run time (what parsing relies on).
    for value in vars(package.models).values():
        if isinstance(value, type) and issubclass(value, package.BaseModel):
            typing.get_type_hints(value)
    assert files["models.py"].startswith('"""')


def test_whole_2026_08_api_passes_mypy_strict(tmp_path: Path) -> None:
    spec = corpus_spec(SPECS / "openai-openapi-2026-08-21-f85dbe2.yaml.xz", tmp_path)
    api = build_api(spec)
    assert len(api.operations) == 288
    started = time.monotonic()
    generate(spec, tmp_path, "latest_client")
    package = import_package(tmp_path, "latest_client")
    assert_every_method_reachable(package, api)
    result = run_mypy(tmp_path, "latest_client")
    assert result.returncode == 0, result.stdout[-5000:]
    assert time.monotonic() - started < 600


# -- imports --------------------------------------------------------------------------
def _unused_imports(source: str) -> list[str]:
    """Names bound by the module's imports that its code never reads (in code
    or in the string forward references of functional TypedDicts), and
    names bound twice (what ruff reports as F401 and F811)."""
    tree = ast.parse(source)
    bound = [
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom) and node.module != "__future__"
        for alias in node.names
    ]
    references = [
        ast.parse(value.value, mode="eval")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and ast.unparse(node.func) == "TypedDict"
        and isinstance(node.args[1], ast.Dict)
        for value in node.args[1].values
        if isinstance(value, ast.Constant) and isinstance(value.value, str)
    ]
    read = {
        n.id
        for root in (tree, *references)
        for n in ast.walk(root)
        if isinstance(n, ast.Name)
    }
    twice = {name for name in bound if bound.count(name) > 1}
    return sorted(set(bound) - read | twice)


@pytest.mark.parametrize("module", ["_client.py", "models.py", "params.py"])
def test_generated_modules_import_only_what_they_use(
    seed_root: Path, synthetic_root: Path, module: str
) -> None:
    packages = [
        seed_root / "seed_client",
        seed_root / "seed_default_client",
        synthetic_root / "synthetic_client",
    ]
    for package in packages:
        source = (package / module).read_text(encoding="utf-8")
        assert not _unused_imports(source), (package.name, _unused_imports(source))

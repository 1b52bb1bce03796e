"""The examples of the Markdown docs: valid for their schemas, and the Python
and curl examples, run as written, send the same request (over loopback)."""

from __future__ import annotations

import ast
import email
import email.message
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import black
import pytest
from loopback import LoopbackServer, RecordedRequest
from markdown_support import (
    CASE_IDS,
    CASES,
    PARSER,
    corpus_api,
    corpus_files,
    example_call,
    schema_errors,
    synthetic_spec,
    table_rows,
)
from python_client_support import write_package
from rendering import rendered
from spec_builder import no_content, obj, request_body, spec, string
from spec_builder import operation as operation_object

from generator.model import Api
from generator.model.build import build_api
from generator.model.examples import conforms, example_value
from generator.model.media_types import request_media
from generator.naming import pod_page_name
from generator.plan import plan_client
from generator.render import RenderOptions, markdown
from generator.render.markdown.snippets import (
    curl_command,
    example_request,
    filled_path,
)


@pytest.mark.parametrize(("spec", "seed_only"), CASES, ids=CASE_IDS)
def test_example_requests_are_valid_for_their_schemas(
    spec: str, seed_only: bool
) -> None:
    api = corpus_api(spec, seed_only)
    files = corpus_files(spec, seed_only)
    problems = []
    checked = 0
    for operation in api.operations:
        request = example_request(operation)
        for parameter, value in request.parameters:
            if parameter.schema is not None:
                problems += [
                    f"{operation.operation_id} {parameter.name}: {e}"
                    for e in schema_errors(parameter.schema, value, api.schemas)
                ]
        media = request_media(operation)
        if media is None or media.schema is None:
            continue
        checked += 1
        problems += [
            f"{operation.operation_id}: {e}"
            for e in schema_errors(media.schema, request.body, api.schemas)
        ]
        if request.is_json:
            page = files[f"markdown/paths/{pod_page_name(operation.path)}.md"]
            fences = [
                t.content
                for t in PARSER.parse(page)
                if t.type == "fence" and t.info == "json"
            ]
            shown = json.dumps(request.body, indent=2, ensure_ascii=False) + "\n"
            assert (
                shown in fences
            ), f"{operation.operation_id}: example body not on its page"
    assert checked > 0
    assert not problems, "\n".join(problems[:20])


@pytest.mark.parametrize(
    ("spec", "seed_only"), [*CASES, ("", False)], ids=[*CASE_IDS, "synthetic"]
)
def test_python_examples_match_the_generated_client(spec: str, seed_only: bool) -> None:
    """The example call uses the real method name and argument names and kinds."""
    api = corpus_api(spec, seed_only) if spec else build_api(synthetic_spec())
    files = (
        corpus_files(spec, seed_only)
        if spec
        else rendered(markdown.render, api, RenderOptions())
    )
    plans = plan_client(api)
    for operation in api.operations:
        page = files[f"markdown/paths/{pod_page_name(operation.path)}.md"]
        plan = plans.method_for(operation)
        call = example_call(page, plan.dotted)
        path_arguments = [a for a in plan.arguments if a.location == "path"]
        keywords = {a.name: a for a in plan.arguments if a.location != "path"}
        assert len(call.args) == len(path_arguments), operation.operation_id
        used = {k.arg for k in call.keywords}
        assert (
            used <= keywords.keys()
        ), f"{operation.operation_id}: {used - keywords.keys()}"
        missing = {name for name, a in keywords.items() if a.required} - used
        assert (
            not missing
        ), f"{operation.operation_id}: required arguments missing: {missing}"


@pytest.mark.parametrize(("spec", "seed_only"), CASES, ids=CASE_IDS)
def test_python_examples_are_black_formatted(spec: str, seed_only: bool) -> None:
    mode = black.Mode()
    examples = [
        token.content
        for text in corpus_files(spec, seed_only).values()
        for token in PARSER.parse(text)
        if token.type == "fence" and token.info == "python"
    ]
    assert examples
    unformatted = [e for e in examples if black.format_str(e, mode=mode) != e]
    assert not unformatted, unformatted[0]


def test_examples_respect_enums_bounds_one_of_and_nullability() -> None:
    api = build_api(synthetic_spec())
    node = api.schemas["Node"]
    value = example_value(node)
    assert conforms(node, value)
    assert not schema_errors(node, value, api.schemas)
    assert isinstance(value, dict)
    assert value["kind"] in ("leaf", "branch")
    level = value["level"]
    assert isinstance(level, int) and 3 <= level <= 7
    assert value["label"] != "x"  # "x" would match both oneOf members
    assert "shape" not in value  # optional fields are left out
    assert value["parent"] is None  # null is allowed, and no finite Node exists


def test_python_and_curl_examples_show_the_same_request() -> None:
    api = build_api(synthetic_spec())
    page = rendered(markdown.render, api, RenderOptions())[
        "markdown/paths/trees-tree_id.md"
    ]
    fences = {
        t.info: t.content
        for t in PARSER.parse(page)
        if t.type == "fence" and t.info in ("sh", "python")
    }
    assert "https://api.example.test/v1/trees/tree_id?class=oak" in fences["sh"]
    call = example_call(page, "trees.update")
    assert [ast.literal_eval(a) for a in call.args] == ["tree_id"]
    keywords = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    assert keywords["class_"] == "oak"  # a keyword as a wire name gets a suffix
    assert keywords["kind"] == "leaf" and "parent" in keywords


def test_the_spec_s_own_valid_example_body_is_preferred() -> None:
    page = rendered(markdown.render, build_api(synthetic_spec()), RenderOptions())[
        "markdown/paths/pets.md"
    ]
    fences = [
        t.content for t in PARSER.parse(page) if t.type == "fence" and t.info == "json"
    ]
    assert fences == [
        '{\n  "type": "dog",\n  "barks": true\n}\n'
    ]  # not the invalid "fish"
    assert "Request body (the spec's example):" in page
    call = example_call(page, "pets.create")
    keywords = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
    assert keywords == {
        "body": {"type": "dog", "barks": True}
    }  # a union body is one argument


#: Runs the example scripts listed in a JSON file, each in a fresh namespace.
_EXAMPLE_DRIVER = """
import json, sys
for operation_id, script in json.load(open(sys.argv[1])):
    exec(compile(script, operation_id, "exec"), {"__name__": "__main__"})
"""


def _run_python_examples(api: Api, server: LoopbackServer, workdir: Path) -> None:
    """Run every operation's Python example, as written, against ``server``.

    The generated client is written to ``workdir``, the files the examples
    upload are created, and the examples run one after the other in one
    subprocess.  Each must send the method, path, credentials and JSON body
    of the page's example request.
    """
    write_package(api, workdir / "site", "openai_client")
    files = rendered(markdown.render, api, RenderOptions())
    methods = plan_client(api)
    scripts = []
    for operation in api.operations:
        page = files[f"markdown/paths/{pod_page_name(operation.path)}.md"]
        call = f"client.{methods.method_for(operation).dotted}("
        scripts.append(
            next(
                (operation.operation_id, t.content)
                for t in PARSER.parse(page)
                if t.type == "fence" and t.info == "python" and call in t.content
            )
        )
        for node in ast.walk(ast.parse(scripts[-1][1])):
            if isinstance(node, ast.Call) and ast.unparse(node.func) == "Path":
                upload = workdir / ast.literal_eval(node.args[0])
                upload.parent.mkdir(parents=True, exist_ok=True)
                upload.write_bytes(b"content of " + upload.name.encode())
        server.reply_json({})
    (workdir / "examples.json").write_text(json.dumps(scripts))
    run = subprocess.run(
        [sys.executable, "-c", _EXAMPLE_DRIVER, "examples.json"],
        cwd=workdir,
        env={
            **os.environ,
            "PYTHONPATH": str(workdir / "site"),
            "OPENAI_API_KEY": "sk-test",
            "OPENAI_BASE_URL": server.url,
        },
        timeout=300,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert len(server.requests) == len(api.operations)
    for operation, sent in zip(api.operations, server.requests, strict=True):
        request = example_request(operation)
        expected = (operation.method.upper(), filled_path(request).split("?")[0])
        assert (sent.method, sent.path) == expected, operation.operation_id
        assert sent.headers["authorization"] == "Bearer sk-test"
        if request.is_json:
            assert sent.json() == request.body, operation.operation_id


@pytest.mark.parametrize(("spec", "seed_only"), CASES, ids=CASE_IDS)
def test_python_examples_run_against_the_generated_client(
    spec: str, seed_only: bool, loopback: LoopbackServer, tmp_path: Path
) -> None:
    _run_python_examples(corpus_api(spec, seed_only), loopback, tmp_path)


def test_synthetic_examples_run_against_the_generated_client(
    loopback: LoopbackServer, tmp_path: Path
) -> None:
    _run_python_examples(build_api(synthetic_spec()), loopback, tmp_path)
    queries = [(r.path, r.query) for r in loopback.requests]
    assert queries == [
        ("/pets", []),
        ("/uploads", []),
        ("/trees/tree_id", [("class", "oak")]),
    ]
    upload = loopback.requests[1].body
    assert b"content of file" in upload and b"content of images" in upload
    assert b"fine-tune" in upload


def _run_curl_examples(api: Api, server: LoopbackServer, workdir: Path) -> None:
    """Run every operation's curl command, as its page shows it, against ``server``.

    Only the base URL is swapped for the server's; the files the commands
    upload must already be in ``workdir``.
    """
    files = rendered(markdown.render, api, RenderOptions())
    for operation in api.operations:
        page = files[f"markdown/paths/{pod_page_name(operation.path)}.md"]
        command = curl_command(api, operation, example_request(operation))
        assert command in [t.content for t in PARSER.parse(page) if t.info == "sh"]
        server.reply_json({})
        subprocess.run(
            ["bash", "-c", command.replace(api.default_server.rstrip("/"), server.url)],
            cwd=workdir,
            env={**os.environ, "OPENAI_API_KEY": "sk-test"},
            check=True,
            timeout=60,
            capture_output=True,
        )


def _essence(request: RecordedRequest) -> tuple[object, ...]:
    """What a request says, whoever sent it: method, path, query, credentials, body."""
    content_type = request.headers.get("content-type", "")
    body: object = request.body
    if content_type.startswith("application/json"):
        body = json.loads(request.body)
    elif content_type.startswith("multipart/form-data"):
        message = email.message_from_bytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
        )
        body = sorted(
            (
                part.get_param("name", header="content-disposition"),
                part.get_filename(),
                part.get_payload(decode=True),
            )
            for part in message.get_payload()
            if isinstance(part, email.message.Message)
        )
    return (
        request.method,
        request.path,
        request.query,
        request.headers.get("authorization"),
        body,
    )


@pytest.mark.parametrize(
    ("spec", "seed_only"), [*CASES, ("", False)], ids=[*CASE_IDS, "synthetic"]
)
def test_curl_examples_send_what_the_python_examples_send(
    spec: str, seed_only: bool, loopback: LoopbackServer, tmp_path: Path
) -> None:
    if shutil.which("curl") is None or shutil.which("bash") is None:
        pytest.skip("curl and bash are needed to run the curl examples")
    api = corpus_api(spec, seed_only) if spec else build_api(synthetic_spec())
    _run_python_examples(api, loopback, tmp_path)
    with LoopbackServer() as curl_server:
        _run_curl_examples(api, curl_server, tmp_path)
    assert len(curl_server.requests) == len(loopback.requests)
    for operation, by_curl, by_python in zip(
        api.operations, curl_server.requests, loopback.requests, strict=True
    ):
        assert _essence(by_curl) == _essence(by_python), operation.operation_id


def test_multipart_examples_upload_files() -> None:
    files = rendered(markdown.render, build_api(synthetic_spec()), RenderOptions())
    page = files["markdown/paths/uploads.md"]
    fences = {t.info: t.content for t in PARSER.parse(page) if t.type == "fence"}
    assert "-F file=@path/to/file" in fences["sh"]
    assert fences["sh"].count("-F images=@path/to/images") == 2
    assert "-F purpose=fine-tune" in fences["sh"]
    call = example_call(page, "uploads.create")
    values = {k.arg: k.value for k in call.keywords}
    assert ast.unparse(values["file"]) == "Path('path/to/file')"
    assert (
        ast.unparse(values["images"])
        == "[Path('path/to/images'), Path('path/to/images')]"
    )
    assert ast.literal_eval(values["purpose"]) == "fine-tune"
    assert "from pathlib import Path" in fences["python"]
    assert "response =" not in fences["python"]  # a 204 returns nothing
    assert "**Deprecated.**" in page
    assert (
        "[upload](paths/uploads.md#uploads.create) (deprecated)"
        in files["markdown/README.md"]
    )
    (grow,) = [
        row
        for row in table_rows(files["markdown/README.md"])
        if "`trees.update`" in row
    ]
    assert len(grow) == 4  # the title's pipe did not split the row
    assert '">Grow | [a tree]</a>' in PARSER.renderInline(grow[0])


def test_python_examples_count_wide_characters_as_black_does() -> None:
    """A call shorter than the line length in characters but not in columns is split."""
    text = "日本語" * 14
    note = obj({"text": string()})
    document = spec(
        {
            "/notes": {
                "post": operation_object(
                    "addNote",
                    body=request_body(note, example={"text": text}),
                    responses=no_content("Added."),
                )
            }
        }
    )
    page = rendered(markdown.render, build_api(document), RenderOptions())[
        "markdown/paths/notes.md"
    ]
    (example,) = [
        t.content
        for t in PARSER.parse(page)
        if t.type == "fence" and t.info == "python"
    ]
    call = f'client.add_note(text="{text}")'
    # Each of the wide characters takes two columns.
    assert len(call) <= 88 < len(call) + len(text)
    assert black.format_str(example, mode=black.Mode()) == example

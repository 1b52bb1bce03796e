"""Request arguments as TypedDicts: calls written with dict literals, as a user
of an SDK writes them, pass ``mypy --strict``, and wrong literals fail it.

Each usage module is checked against a generated package; the lines of a
``WRONG`` module marked ``# wrong`` are exactly the lines mypy reports (the
negative control: the checks are not vacuous).  The calls then go over
loopback HTTP to show that dicts, generators and models are sent alike.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from loopback import LoopbackServer
from markdown_support import PARSER
from python_client_support import (
    SEED_SPEC,
    check_usage,
    corpus_spec,
    generate,
    import_package,
    run_black_check,
    run_mypy,
    write_package,
)
from rendering import rendered
from spec_builder import array, obj, ok, operation, ref, request_body, spec, string

from generator.load import load_spec
from generator.model.build import build_api
from generator.render import RenderOptions, markdown

FEATURE_SPEC = Path(__file__).resolve().parents[1] / "specs" / "feature.yaml"

#: The operations of the 2025-04 spec the calls use (a small package for mypy).
PERL_OPERATIONS = [
    ("/chat/completions", "post"),
    ("/embeddings", "post"),
    ("/assistants", "post"),
    ("/fine_tuning/jobs", "post"),
]

PERL_OK = """\
from collections.abc import Iterator

from perl_client import Client, models, params

client = Client(api_key="k")
history: list[params.ChatCompletionRequestMessageParam] = [
    {"role": "developer", "content": "Answer briefly."},
    {"role": "system", "content": [{"type": "text", "text": "You are helpful."}]},
]
history.append({"role": "user", "content": "Hi"})
history.append(
    {
        "role": "user",
        "content": [
            {"type": "text", "text": "What is this?"},
            {"type": "image_url", "image_url": {"url": "https://e.test/a.png", "detail": "low"}},
        ],
    }
)
history.append(
    {
        "role": "assistant",
        "content": None,
        "tool_calls": [
            {"id": "call_1", "type": "function", "function": {"name": "get_weather", "arguments": "{}"}}
        ],
    }
)
history.append({"role": "tool", "tool_call_id": "call_1", "content": "sunny"})
completion: models.CreateChatCompletionResponse = client.chat.completions.create(
    model="gpt-4o",
    messages=history,
    tools=[
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "The weather in a city.",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
                "strict": True,
            },
        }
    ],
    tool_choice={"type": "function", "function": {"name": "get_weather"}},
    response_format={"type": "json_schema", "json_schema": {"name": "answer", "schema": {"type": "object"}}},
    stop=["\\n"],
    metadata={"purpose": "test"},
    reasoning_effort="low",
    stream_options=None,
)


def later() -> Iterator[params.ChatCompletionRequestMessageParam]:
    yield {"role": "user", "content": "And tomorrow?"}


client.chat.completions.create(
    model="gpt-4o",
    messages=later(),
    tool_choice="auto",
    response_format=models.ResponseFormatText(type="text"),
)
client.embeddings.create(model="text-embedding-3-small", input=["a", "b"], encoding_format="float")
assistant: models.AssistantObject = client.beta.assistants.create(
    model="gpt-4o",
    tools=[{"type": "code_interpreter"}, {"type": "file_search", "file_search": {"max_num_results": 5}}],
    tool_resources={"code_interpreter": {"file_ids": ["file-1"]}},
)
job: models.FineTuningJob = client.fine_tuning.jobs.create(
    model="gpt-4o-mini",
    training_file="file-1",
    integrations=[{"type": "wandb", "wandb": {"project": "p", "tags": ["t"]}}],
    method={"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}},
)
"""

PERL_WRONG = """\
from perl_client import Client

client = Client(api_key="k")
client.chat.completions.create(model="gpt-4o", messages=[{"role": "usr", "content": "Hi"}])  # wrong: no such role
client.chat.completions.create(model="gpt-4o", messages=[{"role": "user"}])  # wrong: content is required
client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": "Hi", "colour": 1}])  # wrong: unknown key
client.chat.completions.create(model="gpt-4o", messages=[], tools=[{"type": "func", "function": {"name": "f"}}])  # wrong
client.chat.completions.create(model="gpt-4o", messages=[], tool_choice={"type": "function", "function": {"name": 1}})  # wrong
client.chat.completions.create(model="gpt-4o", messages=[], reasoning_effort="extreme")  # wrong: not an allowed value
client.beta.assistants.create(model="gpt-4o", tools=[{"type": "file_search", "file_search": {"max_num_results": "5"}}])  # wrong
"""

FEATURE_OK = """\
from feature_client import Client, models, params

client = Client(api_key="k")
book: models.Book = client.books.update("b1", author={"name": "Ada", "born": 1815}, genres=["poetry"])
book = client.books.update("b1", author=None)
query: params.SearchQueryParam = {"title": "Dune", "exact": True}
found: list[models.Book | models.Magazine] = client.search.create(body=query)
found = client.search.create(body={"isbn": "9780441013593"}, min_score=0.5)
found = client.search.create(body=models.AuthorQuery(author="Herbert"))
"""

FEATURE_WRONG = """\
from feature_client import Client

client = Client(api_key="k")
client.books.update("b1", author={"nam": "Ada"})  # wrong: unknown key, name missing
client.books.update("b1", author={"name": "Ada", "born": "1815"})  # wrong: not an int
client.search.create(body={"title": 1})  # wrong: no member of the union fits
client.books.update("b1", author={"name": "Ada"}, format_hint="pdf")  # wrong: not a hint
"""

#: Odd wire names (functional TypedDict syntax) and a recursive request type.
TREE_SPEC = spec(
    {
        "/nodes": {
            "post": operation(
                "createNode",
                body=request_body(ref("Node"), required=True),
                responses=ok(ref("Node")),
            )
        }
    },
    schemas={
        "Node": obj(
            {
                "name": string(),
                "a-b": {"type": "integer"},
                "class": string(),
                "str": {"type": "boolean"},
                "children": array(ref("Node")),
                "leaf": ref("Leaf"),
            },
            required=["name"],
        ),
        "Leaf": obj({"colour": string(enum=["red", "green"])}, required=["colour"]),
    },
)

TREE_OK = """\
from tree_client import Client, params

client = Client(api_key="k")
child: params.NodeParam = {"name": "child", "a-b": 2, "class": "c", "str": True}
client.nodes.create(name="root", a_b=1, children=[child, {"name": "x", "children": [{"name": "y"}]}])
client.nodes.create(name="root", leaf={"colour": "red"}, children=({"name": str(n)} for n in range(2)))
"""

TREE_WRONG = """\
from tree_client import Client

client = Client(api_key="k")
client.nodes.create(name="root", children=[{"name": "x", "children": [{"name": 1}]}])  # wrong: deep
client.nodes.create(name="root", children=[{"name": "x", "a-b": "1"}])  # wrong: not an int
client.nodes.create(name="root", leaf={"colour": "blue"})  # wrong: not an allowed value
"""


def test_sdk_style_calls_on_the_2025_04_spec(tmp_path: Path) -> None:
    document = corpus_spec(SEED_SPEC, tmp_path)
    generate(document, tmp_path, "perl_client", PERL_OPERATIONS)
    check_usage(tmp_path, "perl_client", PERL_OK, PERL_WRONG)


def test_sdk_style_calls_on_the_feature_spec(tmp_path: Path) -> None:
    generate(load_spec(FEATURE_SPEC), tmp_path, "feature_client")
    check_usage(tmp_path, "feature_client", FEATURE_OK, FEATURE_WRONG)


@pytest.fixture(scope="module")
def tree_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    generate(TREE_SPEC, root, "tree_client")
    return root


def test_odd_names_and_recursion_type_check(tree_root: Path) -> None:
    params = (tree_root / "tree_client" / "params.py").read_text(encoding="utf-8")
    assert 'NodeParam = TypedDict(\n    "NodeParam",' in params
    assert "class LeafParam(TypedDict, total=False):" in params
    check_usage(tree_root, "tree_client", TREE_OK, TREE_WRONG)
    assert run_black_check(tree_root, "tree_client").returncode == 0


def test_dicts_generators_and_models_are_sent_alike(tree_root: Path) -> None:
    package: Any = import_package(tree_root, "tree_client")
    reply = {"name": "root"}
    with (
        LoopbackServer() as loopback,
        package.Client(api_key="k", base_url=loopback.url, max_retries=0) as client,
    ):
        for _ in range(2):
            loopback.reply_json(reply)
        client.nodes.create(
            name="root",
            a_b=1,
            children=({"name": n, "a-b": i} for i, n in enumerate("xy")),
            leaf={"colour": "red"},
        )
        client.nodes.create(
            name="root",
            children=[package.models.Node(name="x", a_b=0)],
            leaf=package.models.Leaf(colour="red"),
        )
        first, second = (r.json() for r in loopback.requests)
    assert first == {
        "name": "root",
        "a-b": 1,
        "children": [{"name": "x", "a-b": 0}, {"name": "y", "a-b": 1}],
        "leaf": {"colour": "red"},
    }
    assert second == {
        "name": "root",
        "children": [{"name": "x", "a-b": 0}],
        "leaf": {"colour": "red"},
    }


def _docs_examples_type_check(api_spec: dict[str, Any], root: Path) -> None:
    """Every generated Python example of the Markdown docs, as written, passes
    mypy --strict against the client generated from the same spec."""
    api = build_api(api_spec)
    write_package(api, root, "openai_client")
    examples = [
        token.content
        for text in rendered(markdown.render, api, RenderOptions()).values()
        for token in PARSER.parse(text)
        if token.type == "fence"
        and token.info == "python"
        and "from openai_client import" in token.content
    ]
    assert len(examples) >= len(api.operations)
    names = []
    for number, example in enumerate(examples):
        names.append(f"example_{number}.py")
        (root / names[-1]).write_text(example, encoding="utf-8")
    result = run_mypy(root, "openai_client", *names)
    assert result.returncode == 0, result.stdout[-3000:]


def test_feature_spec_docs_examples_type_check(tmp_path: Path) -> None:
    _docs_examples_type_check(load_spec(FEATURE_SPEC), tmp_path)


def test_2025_04_docs_examples_type_check(tmp_path: Path) -> None:
    _docs_examples_type_check(corpus_spec(SEED_SPEC, tmp_path), tmp_path)

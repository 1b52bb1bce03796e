"""POD pages: byte-equal to the Perl distribution's pages, valid POD on every corpus spec.

The reference pages and specs live in ``../shared`` (beside the repository);
the tests that need them skip when it is absent.
"""

from __future__ import annotations

import difflib
import lzma
import re
import shutil
import subprocess
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from rendering import rendered
from spec_builder import array, obj, ok, operation, param, ref, request_body, spec

from generator.load import load_spec
from generator.model import Api
from generator.model.build import build_api
from generator.naming import pod_page_name
from generator.render import RenderOptions
from generator.render.pod import POD_DIR, render

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SPECS = SHARED / "specs" / "openai"
REFERENCE = SHARED / "reference" / "perl-pod-8f2ef4f"
SEED = SHARED / "seeds" / "realtime-transcription_sessions.pod"
REFERENCE_SPEC = "perl-client-2025-04-11-8f2ef4f.yaml.xz"

needs_reference = pytest.mark.skipif(
    not (REFERENCE.is_dir() and (SPECS / REFERENCE_SPEC).is_file()),
    reason="../shared/reference and its spec are not available beside the repository",
)


@pytest.fixture(scope="session")
def corpus_api(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Api]:
    """Loads a corpus spec through the project's loader, once per session."""
    folder = tmp_path_factory.mktemp("specs")

    @cache
    def load(file_name: str) -> Api:
        target = folder / file_name.removesuffix(".xz")
        with lzma.open(SPECS / file_name) as compressed:
            target.write_bytes(compressed.read())
        return build_api(load_spec(target))

    return load


@pytest.fixture(scope="session")
def reference_render(corpus_api: Callable[[str], Api]) -> Callable[..., dict[str, str]]:
    """The rendered reference spec, names relative to ``pod/OpenAPI/Client/OpenAI``.

    Called with no argument it uses the default options; else with the copyright years.
    """

    @cache
    def run(years: str | None = None) -> dict[str, str]:
        options = (
            RenderOptions() if years is None else RenderOptions(copyright_years=years)
        )
        files = rendered(render, corpus_api(REFERENCE_SPEC), options)
        return {rel.removeprefix(POD_DIR + "/"): text for rel, text in files.items()}

    return run


def _reference_pages() -> list[str]:
    """Relative names (``Path.pod``, ``Path/x.pod``) of the reference pages."""
    if not REFERENCE.is_dir():
        return []
    return sorted(str(p.relative_to(REFERENCE)) for p in REFERENCE.rglob("*.pod"))


@needs_reference
@pytest.mark.parametrize("page", _reference_pages() or ["(no reference)"])
def test_page_is_byte_equal_to_the_perl_distribution(
    page: str, reference_render: Callable[..., dict[str, str]]
) -> None:
    expected = (REFERENCE / page).read_bytes()
    actual = reference_render()[page].encode("utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.decode().splitlines(True),
                actual.decode().splitlines(True),
                "reference",
                "rendered",
                n=2,
            )
        )
        pytest.fail(f"{page} differs from the reference:\n{diff[:4000]}")


@needs_reference
def test_exactly_the_reference_pages_are_written(
    reference_render: Callable[..., dict[str, str]],
) -> None:
    assert sorted(reference_render()) == _reference_pages()
    assert len(_reference_pages()) == 86


@needs_reference
def test_seed_equals_the_normalised_seed_file(
    reference_render: Callable[..., dict[str, str]],
) -> None:
    if not SEED.is_file():
        pytest.skip(
            "../shared/seeds/realtime-transcription_sessions.pod is not available"
        )

    def normalise(text: str) -> list[str]:
        return [line.strip() for line in text.splitlines() if line.strip()]

    rendered = reference_render()["Path/realtime-transcription_sessions.pod"]
    assert normalise(rendered) == normalise(SEED.read_text("utf-8"))


@needs_reference
def test_copyright_years_come_from_the_options(
    reference_render: Callable[..., dict[str, str]],
) -> None:
    files = reference_render("1999-2001")
    for name in ("Path.pod", "Path/models.pod"):
        expected = (
            (REFERENCE / name)
            .read_text("utf-8")
            .replace("(C) 2023-2025 ", "(C) 1999-2001 ")
        )
        assert files[name] == expected
        assert "(C) 1999-2001 by Nelson Ferraz" in files[name]


def _corpus_specs() -> list[str]:
    """Corpus files that PyYAML can load (rows of INDEX.tsv with operation counts)."""
    index = SPECS / "INDEX.tsv"
    if not index.is_file():
        return []
    rows = [line.split("\t") for line in index.read_text("utf-8").splitlines()[1:]]
    return [row[0] for row in rows if row[0] != "-" and row[9] != "NA"]


@pytest.mark.skipif(
    shutil.which("podchecker") is None, reason="podchecker (Perl) is not installed"
)
@pytest.mark.parametrize("spec_file", _corpus_specs() or ["(no corpus)"])
def test_podchecker_finds_no_error(
    spec_file: str, tmp_path: Path, corpus_api: Callable[[str], Api]
) -> None:
    if not (SPECS / spec_file).is_file():
        pytest.skip("../shared/specs/openai is not available beside the repository")
    api = corpus_api(spec_file)
    files = rendered(render, api, RenderOptions())
    paths = []
    for rel, text in sorted(files.items()):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        paths.append(str(path))
    result = subprocess.run(
        ["podchecker", *paths], capture_output=True, text=True, timeout=120, check=False
    )
    errors = [line for line in result.stderr.splitlines() if "ERROR" in line]
    assert result.returncode == 0 and not errors, (
        "\n".join(errors[:20]) or result.stderr[-2000:]
    )
    # Every path has its page, and every operation its heading and call line there.
    for item in api.paths:
        page = files[f"{POD_DIR}/Path/{pod_page_name(item.path)}.pod"]
        for op in item.operations:
            assert f"=head2 C<{op.method.upper()} {item.path}>\n" in page
            assert f"    $client->{op.operation_id}( ... );\n" in page


@pytest.mark.skipif(
    not (SPECS / "openai-openapi-2026-08-21-f85dbe2.yaml.xz").is_file(),
    reason="../shared/specs/openai is not available beside the repository",
)
def test_whole_api_renders_deterministically(
    corpus_api: Callable[[str], Api],
) -> None:
    """Timing lives in benchmarks/; here: same bytes every time, a page per path."""
    api = corpus_api("openai-openapi-2026-08-21-f85dbe2.yaml.xz")
    outputs = [rendered(render, api, RenderOptions()) for _ in range(2)]
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == len({item.path for item in api.paths}) + 1


# -- hostile text: no injected POD commands ------------------------------------

HOSTILE = spec(
    {
        "/things/{thing_id}": {
            "post": operation(
                "makeThing",
                summary="=cut\n\n=head1 Injected summary\n\n# Heading\n\n- item",
                description="Text\n=pod\n\n# Real heading\n\nA <b>tag</b>, B<bold?> and `a->b` with **x > y**.",
                parameters=[
                    param(
                        "thing_id",
                        "path",
                        {
                            "type": ["string", "null"],
                            "enum": ["a>b", None],
                            "default": "a>b",
                        },
                        description="An id\n\n=head2 Injected parameter",
                    )
                ],
                body=request_body(obj({"self": ref("Node")}, description="Body\n=cut")),
                responses=ok(ref("Node"), description="OK\n\n=begin html"),
            )
        }
    },
    schemas={"Node": obj({"children": array(ref("Node")), "parent": ref("Node")})},
)


EXPECTED_COMMANDS = [
    "=encoding utf8",
    "=head1 NAME",
    "=head1 DESCRIPTION",
    "=head1 PATHS",
    "=head2 C<POST /things/{thing_id}>",
    "=head1 Heading",
    "=over",
    "=item *",
    "=back",
    "=head1 Real heading",
    "=head3 Operation ID",
    "=head3 Parameters",
    "=over 4",
    "=item * C<thing_id> (in path) (Required) - An id",
    "=back",
    "=head3 Request Body",
    "=head3 Content Type: C<application/json>",
    "=head3 Responses",
    "=head4 Status Code: C<200>",
    "=head4 Content Types:",
    "=over 4",
    "=item * C<application/json>",
    "=back",
    "=head1 SEE ALSO",
    "=head1 COPYRIGHT AND LICENSE",
    "=cut",
]


def test_hostile_text_cannot_inject_pod_commands() -> None:
    files = rendered(render, build_api(HOSTILE), RenderOptions())
    page = files[f"{POD_DIR}/Path/things-thing_id.pod"]
    commands = [line for line in page.split("\n") if re.match(r"=[A-Za-z]", line)]
    assert commands == EXPECTED_COMMANDS
    assert "E<61>cut" in page and "E<61>head2 Injected parameter" in page
    assert "C<a-E<gt>b>" in page and "B<x E<gt> y>" in page and "BE<lt>bold?>" in page
    assert "Allowed values: C<aE<gt>b, >" in page and "Default: C<aE<gt>b>" in page
    assert "Type: C<string | null>" in page
    index = files[f"{POD_DIR}/Path.pod"]
    assert [line for line in index.split("\n") if line.startswith("=cut")] == ["=cut"]
    assert (
        "=item * C<POST> - E<61>cut\n\nE<61>head1 Injected summary\n\nB<Heading>\n\n=over\n"
        in index
    )


@pytest.mark.skipif(
    shutil.which("podchecker") is None, reason="podchecker (Perl) is not installed"
)
def test_hostile_page_is_valid_pod(tmp_path: Path) -> None:
    files = rendered(render, build_api(HOSTILE), RenderOptions())
    paths = []
    for rel, text in files.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        paths.append(str(path))
    result = subprocess.run(
        ["podchecker", *paths], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0, result.stderr

"""Markdown -> POD conversion and the POD example builder, on small hand-written inputs."""

from __future__ import annotations

import re

import pytest

from generator.model import JsonValue, Schema
from generator.render.pod import markup
from generator.render.pod.examples import (
    indent_block,
    perl_json,
    perl_text,
    perl_true,
    request_example,
    response_example,
)
from generator.render.pod.markup import escape_code, escape_raw, markdown_to_pod

# -- Markdown -> POD -----------------------------------------------------------


def test_paragraphs_keep_line_breaks_and_trailing_spaces() -> None:
    text = "First line \nsecond line\n\nLast paragraph.  \n"
    assert markdown_to_pod(text) == "First line \nsecond line\n\nLast paragraph.  \n"


def test_empty_text_converts_to_nothing() -> None:
    assert markdown_to_pod(None) == ""
    assert markdown_to_pod("") == ""
    assert markdown_to_pod("\n\n") == ""


@pytest.mark.parametrize(
    ("markdown", "pod"),
    [
        ("Use `x`.", "Use C<x>.\n"),
        ("**Bold** and *it* and _it_", "B<Bold> and I<it> and I<it>\n"),
        ("[Guide](https://example.test/g)", "L<Guide|https://example.test/g>\n"),
        (
            "[Guide](/docs/guides/x)",
            "L<Guide|https://platform.openai.com/docs/guides/x>\n",
        ),
        ("<https://example.test>", "L<https://example.test>\n"),
        ("**[`id`](https://e.test)**", "B<L<C<id>|https://e.test>>\n"),
    ],
)
def test_inline_markup(markdown: str, pod: str) -> None:
    assert markdown_to_pod(markdown) == pod


@pytest.mark.parametrize(
    "line",
    [
        "Creates a model response.",
        "Lists (see /docs/guides/x) the {files}: a+b=c, 100% #1 ~ok~ @user ^ $x.",
        "Tabs\tand  double  spaces",
        "x",
        "\n\nTwo lines\nof a paragraph\n\n\n\nand another.\n\n",
        "Lines\n  indented\nor not",
        "Setext\n===",
        "\n\n",
        "Ends with a no-break space\u00a0",
        "Ends with spaces  ",
        "Has <b>HTML</b> & entities &amp;",
        "a_b *c* `d` [e](f) !g \\h",
        "1. a list",
        "= not a command",
    ],
)
def test_plain_prose_converts_as_the_parser_converts_it(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for in_item in (False, True):
        fast = markdown_to_pod(line, in_item)
        monkeypatch.setattr(markup, "_PLAIN_TEXT", re.compile("(?!)"))
        assert fast == markdown_to_pod(line, in_item)
        monkeypatch.undo()


def test_horizontal_rule_is_80_equals_signs_followed_directly_by_text() -> None:
    assert (
        markdown_to_pod("Before\n\n---\n\nAfter")
        == "Before\n\n" + "=" * 80 + "\nAfter\n"
    )


def test_headings_become_head_commands_up_to_level_four() -> None:
    assert markdown_to_pod("# One\n\n###### Six") == "=head1 One\n\n=head4 Six\n"


def test_lists_become_over_item_back() -> None:
    assert (
        markdown_to_pod("- a\n- b")
        == "=over\n\n=item *\n\na\n\n=item *\n\nb\n\n=back\n"
    )
    assert (
        markdown_to_pod("3. x\n4. y")
        == "=over\n\n=item 3.\n\nx\n\n=item 4.\n\ny\n\n=back\n"
    )


def test_code_blocks_are_indented_verbatim() -> None:
    assert (
        markdown_to_pod("Run:\n\n```sh\ncurl x\n\n  -d y\n```")
        == "Run:\n\n    curl x\n\n      -d y\n"
    )


def test_text_cannot_open_commands_or_formatting_codes() -> None:
    assert markdown_to_pod("=cut") == "E<61>cut\n"
    assert markdown_to_pod("a\n=head1 b") == "a\nE<61>head1 b\n"
    assert markdown_to_pod("Call B<x> or List<T>") == "Call BE<lt>x> or List<T>\n"
    assert markdown_to_pod("`a->b` **x > y**") == "C<a-E<gt>b> B<x E<gt> y>\n"
    assert (
        markdown_to_pod("[a|b/c](https://e.test/?q=|)")
        == "L<aE<verbar>bE<sol>c|https://e.test/?q=%7C>\n"
    )


def test_site_relative_links_stay_text() -> None:
    # POD would read L<text|/x> as a link to a section of the same page.
    assert (
        markdown_to_pod("See [the guide](/api/guide).")
        == "See the guide (/api/guide).\n"
    )


def test_raw_text_is_kept_but_made_safe() -> None:
    assert (
        escape_raw("Keep `code` and [l](/docs/x) as is")
        == "Keep `code` and [l](/docs/x) as is"
    )
    assert escape_raw("ok\n\n=cut\nA<b") == "ok\n\nE<61>cut\nAE<lt>b"
    assert escape_raw(None) == ""
    assert escape_code("a<b>\n=x") == "aE<lt>bE<gt>\nE<61>x"


# -- examples ----------------------------------------------------------------------


def test_perl_json_is_canonical_pretty_with_three_spaces() -> None:
    value: JsonValue = {
        "b": [1, 2.5, None],
        "a": {"t": True, "f": False},
        "e": [],
        "o": {},
        "s": 'q"\n\\',
    }
    assert perl_json(value) == (
        "{\n"
        '   "a" : {\n'
        '      "f" : false,\n'
        '      "t" : true\n'
        "   },\n"
        '   "b" : [\n'
        "      1,\n"
        "      2.5,\n"
        "      null\n"
        "   ],\n"
        '   "e" : [],\n'
        '   "o" : {},\n'
        '   "s" : "q\\"\\n\\\\"\n'
        "}\n"
    )


def test_indent_block_indents_every_line() -> None:
    assert indent_block("{\n\n}\n") == "    {\n    \n    }\n"
    assert indent_block("x") == "    x"


def test_x_oai_meta_example_is_encoded_again_in_requests_and_kept_in_responses() -> (
    None
):
    schema = Schema(
        type="object",
        oai_meta={"example": '{"id": 1}\n'},
        properties={"id": Schema(example=2)},
    )
    assert request_example(schema) == '    "{\\"id\\": 1}\\n"\n'
    assert response_example(schema) == '    {"id": 1}\n'


def test_example_is_built_from_properties() -> None:
    schema = Schema(
        type="object",
        properties={
            "name": Schema(type="string", example="n"),
            "plain": Schema(type="string"),
            "tags": Schema(type="array", items=Schema(type="string")),
            "ids": Schema(type="array", items=Schema(type="string", example="i")),
            "empty": Schema(type="object", properties={"x": Schema(type="string")}),
            "full": Schema(type="object", properties={"y": Schema(example=0)}),
            "listed": Schema(
                type=["object", "null"], properties={"y": Schema(example=1)}
            ),
        },
    )
    assert request_example(schema) == indent_block(
        perl_json(
            {"name": "n", "tags": [None], "ids": ["i"], "empty": None, "full": {"y": 0}}
        )
    )


def test_no_example_when_nothing_is_found() -> None:
    assert (
        request_example(Schema(type="object", properties={"a": Schema(type="string")}))
        == ""
    )
    assert request_example(Schema(type="string")) == ""
    assert request_example(None) == ""


def test_array_schema_example_is_a_one_item_list() -> None:
    items = Schema(type="object", properties={"k": Schema(example="v")})
    assert request_example(Schema(type="array", items=items)) == indent_block(
        perl_json([{"k": "v"}])
    )


def test_recursive_schemas_terminate() -> None:
    node = Schema(name="Node", type="object")
    node.properties = {"children": Schema(type="array", items=node), "parent": node}
    assert request_example(node) == indent_block(
        perl_json({"children": [None], "parent": None})
    )


@pytest.mark.parametrize(
    ("value", "text", "true"),
    [
        (0, "0", False),
        (0.0, "0", False),
        ("0", "0", False),
        ("", "", False),
        (False, "", False),
        (None, "", False),
        (True, "1", True),
        ("0.0", "0.0", True),
        (20, "20", True),
        (0.5, "0.5", True),
        ([], "[]", True),
    ],
)
def test_perl_values(value: object, text: str, true: bool) -> None:
    assert perl_text(value) == text
    assert perl_true(value) is true


def test_text_continuing_an_item_has_no_headings_and_starts_lists_apart() -> None:
    assert (
        markdown_to_pod("# Title > x\n\nText", in_item=True)
        == "B<Title E<gt> x>\n\nText\n"
    )
    assert (
        markdown_to_pod("- a", in_item=True) == "\n\n=over\n\n=item *\n\na\n\n=back\n"
    )
    assert markdown_to_pod("Plain", in_item=True) == markdown_to_pod("Plain")


def test_images_link_to_the_picture_and_show_only_their_alt_text_inside_a_link() -> (
    None
):
    assert (
        markdown_to_pod("![A chart](https://e.test/c.png)")
        == "L<A chart|https://e.test/c.png>\n"
    )
    assert (
        markdown_to_pod("[![A chart](https://e.test/c.png)](https://e.test)")
        == "L<A chart|https://e.test>\n"
    )
    assert markdown_to_pod("line\\\nbreak") == "line\nbreak\n"

"""Specs several test files share: a small YAML spec and a hostile one."""

from __future__ import annotations

from spec_builder import (
    no_content,
    obj,
    ok,
    operation,
    param,
    ref,
    request_body,
    spec,
    string,
)

#: A two-operation spec as YAML text, for tests of reading files and the CLI.
MINI_SPEC = """\
openapi: 3.0.0
info: {title: Mini, version: "1"}
servers: [{url: "https://api.example.test/v1"}]
paths:
  /things/{thing_id}:
    get:
      operationId: getThing
      tags: [Things]
      summary: Get a `thing`.
      parameters:
        - {name: thing_id, in: path, required: true, schema: {type: string}}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
  /things:
    post:
      operationId: createThing
      tags: [Things]
      summary: Create a thing.
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [name]
              properties:
                name: {type: string, description: The name.}
                size: {type: integer, default: 1}
      responses:
        "200":
          description: OK
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing:
      type: object
      required: [id]
      properties:
        id: {type: string}
        kind: {type: string, enum: [small, large]}
"""


#: Text built to break out of every artifact it can reach.
EVIL_TEXT = (
    'x"""\n\'\'\'\nimport os; os.system("echo pwned")  # \\\n=cut\n\n=head1 INJECTED\n\n'
    "}}{{ {% raw %} | a | b |\n<script>alert(1)</script>"
)

EVIL_SCHEMA = obj(
    {
        "from": string(description=EVIL_TEXT, default=EVIL_TEXT),
        "2d": {"type": "integer"},
        "a-b.c": string(enum=["1st", "with space", "", "None", "True"]),
        "ü": {"type": "boolean"},
        "self": string(),
        "model_extra": string(),
        "__init__": string(),
        "nested": ref("Evil"),
    },
    required=["from"],
    description=EVIL_TEXT,
)

#: Names and text built to break out of the generated artifacts.
HOSTILE_SPEC = spec(
    {
        "/../../escape/{id}": {
            "post": operation(
                "../../etc/passwd",
                summary=EVIL_TEXT,
                description=EVIL_TEXT,
                tags=[EVIL_TEXT],
                parameters=[
                    param("id", "path"),
                    param("class", schema=string(enum=['a"b', "c\\d", "ü"])),
                    param("X-Evil\nHeader", "header"),
                ],
                body=request_body(ref("Evil")),
                responses=ok(ref("Evil"), description=EVIL_TEXT),
            )
        },
        "/a b": {"get": operation("spaced", responses=no_content("none"))},
        "/a-b": {"get": operation("dashed", responses=no_content("none"))},
        "/import os": {
            "get": operation("import", summary="=head1 X", responses=no_content("none"))
        },
    },
    title=EVIL_TEXT,
    servers=['https://api.example.test/v1"\nimport os'],
    schemas={"Evil": EVIL_SCHEMA, "class": obj({"def": string()})},
)

"""Line breaking of generated Python, exactly as black (default mode) does it.

The client templates write each statement on one line; :func:`statement`,
:func:`parameter` and :func:`return_tail` split the long ones the way black
would, and :func:`docstring` writes docstrings in black's form (string
literals come from :mod:`generator.python_syntax`).  Black then leaves the generated modules
unchanged, so it need not run (``tests/test_black_stable.py`` checks that
over every corpus spec and for each construct at every length).

This is a small re-implementation of black's line splitting, for the
constructs the templates emit: names, dotted names, string and number
literals, calls with keyword arguments, subscripts, ``|`` unions, (annotated)
assignments, ``return``, ``if``, ``class`` headers and the parameters and
return annotation of a ``def``.  It follows black's algorithm: a line that is
too long is split at its last bracket pair ("right-hand split"), trying to
keep trailing brackets together and optional parentheses invisible; the
content of a bracket is split at its delimiters of the highest priority
(commas, then ``|``).  Leaves are mutable and shared between the attempts,
as in black: an attempt that makes optional parentheses visible leaves them
visible for the later ones.

What black does for other shapes is left out, so the one-line statements
must keep to these: no comma right before a closing bracket (no "magic
trailing comma"), no empty brackets, no attribute or call after a closing
bracket (``f().g``), at most one ``=`` outside brackets, no display
(``[...]``, ``{...}``) as a value, and type expressions that start with a name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from generator.python_syntax import LINE_LENGTH, width

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
_MATCHING = {"(": ")", "[": "]", "{": "}"}
_COMMA_PRIORITY = 18
_VBAR_PRIORITY = 9

_TOKEN = re.compile(
    r"""(?P<space>\ *)(?:
      (?P<STRING>[a-zA-Z]{0,2}(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))
    | (?P<NUMBER>-?\d+(?:\.\d+)?)
    | (?P<NAME>\w+)
    | (?P<op>->|\.\.\.|[()\[\]{},|=:*.])
    )""",
    re.VERBOSE,
)


class _CannotSplit(Exception):
    """A split does not apply to a line."""


class _Leaf:
    """A token, with what black's bracket tracker records about it."""

    __slots__ = ("type", "value", "space", "prefix", "bracket_depth", "opening_bracket")

    def __init__(self, type: str, value: str, space: str = "") -> None:
        self.type = type
        self.value = value
        #: The whitespace before the token on a single line.
        self.space = space
        self.prefix = space
        self.bracket_depth = 0
        self.opening_bracket: _Leaf | None = None


class _Tracker:
    """Bracket depths, bracket pairs and depth-0 delimiters of a line."""

    __slots__ = ("depth", "bracket_match", "delimiters", "previous", "invisible")

    def __init__(self) -> None:
        self.depth = 0
        self.bracket_match: dict[tuple[int, str], _Leaf] = {}
        self.delimiters: dict[int, int] = {}
        self.previous: _Leaf | None = None
        self.invisible: list[_Leaf] = []

    def mark(self, leaf: _Leaf) -> None:
        kind = leaf.type
        depth = self.depth
        if kind in _CLOSING:
            depth -= 1
            leaf.opening_bracket = self.bracket_match.pop((depth, kind))
            if not leaf.value:
                self.invisible.append(leaf)
        leaf.bracket_depth = depth
        if depth == 0:
            if kind == "|" and self.previous is not None:
                self.delimiters[id(self.previous)] = _VBAR_PRIORITY
            elif kind == ",":
                self.delimiters[id(leaf)] = _COMMA_PRIORITY
        if kind in _OPENING:
            self.bracket_match[depth, _MATCHING[kind]] = leaf
            depth += 1
            if not leaf.value:
                self.invisible.append(leaf)
        self.depth = depth
        self.previous = leaf

    def max_priority(self, exclude: _Leaf | None = None) -> int:
        skip = id(exclude)
        return max((p for k, p in self.delimiters.items() if k != skip), default=0)


class _Line:
    __slots__ = ("depth", "leaves", "inside_brackets", "tracker")

    def __init__(
        self,
        depth: int = 0,
        leaves: list[_Leaf] | None = None,
        inside_brackets: bool = False,
    ) -> None:
        self.depth = depth
        self.leaves = [] if leaves is None else leaves
        self.inside_brackets = inside_brackets
        self.tracker = _Tracker()

    def append(self, leaf: _Leaf, track: bool = False) -> None:
        if self.inside_brackets or track:
            self.tracker.mark(leaf)
        self.leaves.append(leaf)

    def extend(self, leaves: Sequence[_Leaf], track: bool = False) -> None:
        """``append`` of each leaf (a hot loop, hence its own method)."""
        if self.inside_brackets or track:
            mark = self.tracker.mark
            for leaf in leaves:
                mark(leaf)
        self.leaves.extend(leaves)

    def __str__(self) -> str:
        leaves = self.leaves
        first = leaves[0]
        text = "".join([leaf.prefix + leaf.value for leaf in leaves])
        # The first leaf's prefix goes before the indentation.
        return first.prefix + "    " * self.depth + text[len(first.prefix) :]


def _fits(line: _Line | str, line_length: int = LINE_LENGTH) -> bool:
    return width(str(line)) <= line_length


# -- transforms ------------------------------------------------------------------
#: A split: ``(line, force_optional_parens) -> lines``; raises :class:`_CannotSplit`.
_Split = Callable[[_Line, bool], list[_Line]]


def _transform(line: _Line, force: bool) -> list[_Line]:
    """``line`` split into lines that need no more splitting."""
    line_str = str(line)
    if _fits(line_str):
        return [line]
    splits: list[_Split] = [_rhs_with_omits]
    if line.inside_brackets:
        splits.insert(0, _delimiter_split)
    for split in splits:
        try:
            return _run(line, split, line_str, force)
        except _CannotSplit:
            continue
    return [line]


def _run(line: _Line, split: _Split, line_str: str, force: bool) -> list[_Line]:
    optional_parens = [b for b in line.tracker.invisible if b.bracket_depth == 0]
    result: list[_Line] = []
    for split_line in split(line, force):
        result.extend(_transform(split_line, force))
    if (
        force
        or split is not _rhs_with_omits
        or not line.tracker.invisible
        or any(bracket.value for bracket in optional_parens)
        or _fits(result[0])
    ):
        return result
    # A second opinion: the split keeping the optional parentheses wins if all
    # its lines fit.  It works on fresh copies of the leaves.
    copy = _Line(depth=line.depth, inside_brackets=line.inside_brackets)
    for index, leaf in enumerate(line.leaves):
        copy.append(_Leaf(leaf.type, leaf.value, leaf.space if index else ""), True)
    second = _run(copy, split, line_str, True)
    return second if all(_fits(ln) for ln in second) else result


def _delimiter_split(line: _Line, force: bool) -> list[_Line]:
    """One line per delimiter of the highest priority (a trailing comma added)."""
    tracker = line.tracker
    priority = tracker.max_priority(exclude=line.leaves[-1])
    if not priority:
        raise _CannotSplit("no delimiters")
    lines: list[_Line] = []
    current = _Line(depth=line.depth, inside_brackets=True)
    for leaf in line.leaves:
        current.append(leaf)
        if tracker.delimiters.get(id(leaf)) == priority:
            lines.append(current)
            current = _Line(depth=line.depth, inside_brackets=True)
    if priority == _COMMA_PRIORITY and current.leaves[-1].type != ",":
        current.append(_Leaf(",", ","))
    lines.append(current)
    for result in lines:
        result.leaves[0].prefix = ""
    return lines


def _rhs_with_omits(line: _Line, force: bool) -> list[_Line]:
    """The right-hand split, omitting trailing bracket pairs while the head fits.

    Falls back to the split at the last bracket pair.
    """
    omits = _trailers_to_omit(line)
    first = _right_hand_split(line, force, next(omits))
    if _fits(first[0]):
        return first
    for omit in omits:
        lines = _right_hand_split(line, force, omit)
        if _fits(lines[0]):
            return lines
    return first


def _trailers_to_omit(line: _Line) -> Iterator[frozenset[int]]:
    """Growing sets of closing brackets a right-hand split may skip, from none.

    A trailing bracket pair is skipped (kept on the head's line) while what
    follows its opening bracket fits in a line.
    """
    omit: set[int] = set()
    yield frozenset(omit)
    length = 4 * line.depth
    opening: _Leaf | None = None
    closing: _Leaf | None = None
    inner: set[int] = set()
    for leaf in reversed(line.leaves):
        length += len(leaf.prefix) + len(leaf.value)
        if length > LINE_LENGTH:
            break
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.type in _CLOSING:
                inner.add(id(leaf))
        elif leaf.type in _CLOSING:
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield frozenset(omit)
            if leaf.value:
                opening = leaf.opening_bracket
                closing = leaf


@dataclass(slots=True)
class _RHS:
    head: _Line
    body: _Line
    tail: _Line
    opening: _Leaf
    closing: _Leaf


def _right_hand_split(line: _Line, force: bool, omit: frozenset[int]) -> list[_Line]:
    rhs = _first_right_hand_split(line, omit)
    return _maybe_split_omitting_optional_parens(rhs, line, force, omit)


def _first_right_hand_split(line: _Line, omit: frozenset[int]) -> _RHS:
    """Head, body and tail around the last bracket pair not in ``omit``."""
    leaves = line.leaves
    end = len(leaves) - 1
    while end >= 0 and (leaves[end].type not in _CLOSING or id(leaves[end]) in omit):
        end -= 1
    start = end - 1
    if end >= 0:
        opening = leaves[end].opening_bracket
        while start >= 0 and leaves[start] is not opening:
            start -= 1
    if start < 0:  # no closing bracket, or not its opening one
        raise _CannotSplit("no brackets to split at")
    return _RHS(
        _head(leaves[: start + 1], line),
        _body(leaves[start + 1 : end], line),
        _Line(line.depth, leaves[end:]),
        leaves[start],
        leaves[end],
    )


def _maybe_split_omitting_optional_parens(
    rhs: _RHS, line: _Line, force: bool, omit: frozenset[int]
) -> list[_Line]:
    """The split at ``rhs``, or further right when its optional parens may go."""
    if not force and not rhs.opening.value and not rhs.body.tracker.delimiters:
        # Optional parentheses around a body without delimiters: try the
        # next bracket pair instead.
        omit = omit | {id(rhs.closing)}
        try:
            rhs_oop = _first_right_hand_split(line, omit)
            if _prefer_split_rhs_oop(rhs_oop, rhs):
                return _maybe_split_omitting_optional_parens(rhs_oop, line, force, omit)
        except _CannotSplit as error:
            if len(rhs.body.leaves) < 2 and not _fits(rhs.body):
                raise _CannotSplit("the body is still too long") from error
    if rhs.opening.type == "(":
        rhs.opening.value = "("
        rhs.closing.value = ")"
    return [rhs.head, rhs.body, rhs.tail]


def _prefer_split_rhs_oop(rhs_oop: _RHS, rhs: _RHS) -> bool:
    """Whether splitting without the optional parentheses reads better.

    Yes unless they hold an assignment's value, the assignment's left side
    fits and the split without them would not keep the ``=`` on a line that
    fits.
    """
    head = rhs.head.leaves
    if not (len(head) >= 2 and head[-2].type == "="):
        return True
    if not _fits(rhs.head, LINE_LENGTH - 1):
        return True
    return any(leaf.type == "=" for leaf in rhs_oop.head.leaves) and _fits(rhs_oop.head)


def _head(leaves: list[_Leaf], original: _Line) -> _Line:
    """The head line of a bracket split: only its closed bracket pairs are tracked."""
    result = _Line(depth=original.depth, leaves=leaves)
    tracked = _inside_matching_brackets(leaves)
    mark = result.tracker.mark
    for leaf in leaves:
        if id(leaf) in tracked:
            mark(leaf)
    return result


def _body(leaves: list[_Leaf], original: _Line) -> _Line:
    result = _Line(depth=original.depth + 1, inside_brackets=True)
    result.extend(leaves)
    return result


def _inside_matching_brackets(leaves: Sequence[_Leaf]) -> set[int]:
    """The leaves within matched bracket pairs, the brackets included."""
    ids: set[int] = set()
    stack: list[tuple[str, list[int]]] = []
    for leaf in leaves:
        if leaf.type in _OPENING:
            stack.append((_MATCHING[leaf.type], [id(leaf)]))
        elif leaf.type in _CLOSING:
            if not stack or leaf.type != stack[-1][0]:
                break
            level = stack.pop()[1]
            level.append(id(leaf))
            ids.update(level)
        elif stack:
            stack[-1][1].append(id(leaf))
    return ids


# -- statements ------------------------------------------------------------------
def _tokens(code: str) -> list[_Leaf]:
    """The leaves of one line of generated code."""
    leaves: list[_Leaf] = []
    position = 0
    code = code.strip()
    for space, string, number, name, op in _TOKEN.findall(code):
        value = string or number or name or op
        kind = "STRING" if string else "NUMBER" if number else "NAME" if name else op
        leaves.append(_Leaf(kind, value, " " if space else ""))
        position += len(space) + len(value)
    if position != len(code):
        # A character no token matches was skipped.
        raise ValueError(f"cannot lay out {code!r}")
    return leaves


def _wrap(leaves: list[_Leaf], start: int, end: int) -> None:
    """Put optional (invisible) parentheses around ``leaves[start:end]``."""
    first = leaves[start]
    opening = _Leaf("(", "", first.space)
    first.space = first.prefix = ""
    leaves.insert(end, _Leaf(")", ""))
    leaves.insert(start, opening)


def _top_level(leaves: Sequence[_Leaf], kind: str, start: int = 0) -> int:
    """The index of the first ``kind`` leaf outside brackets, or -1."""
    depth = 0
    for index in range(start, len(leaves)):
        leaf = leaves[index]
        if leaf.type in _OPENING:
            depth += 1
        elif leaf.type in _CLOSING:
            depth -= 1
        elif depth == 0 and leaf.type == kind:
            return index
    return -1


def _lines(line: _Line) -> str:
    return "".join(str(part) + "\n" for part in _transform(line, False))


def _one_line(block: str, depth: int) -> str | None:
    """``block`` (a template's one-line block) indented, if it fits as it is."""
    text = "    " * depth + block.strip()
    return text + "\n" if _fits(text) else None


@lru_cache(maxsize=4096)
def statement(block: str, depth: int) -> str:
    """A simple statement or block header at ``depth``, in black's lines.

    ``block`` is the statement on one line: an assignment (annotated or
    not), ``return``, ``if ...:``, ``class ...:`` or an expression.  Like the
    other layout functions it returns whole lines, each ending in a newline.
    """
    fitting = _one_line(block, depth)
    if fitting is not None:
        return fitting
    leaves = _tokens(block)
    head = leaves[0].value
    if head in ("return", "if"):
        _wrap(leaves, 1, len(leaves) - (head == "if"))
    elif head != "class":
        equal = _top_level(leaves, "=")
        colon = _top_level(leaves, ":")
        if equal >= 0:
            _wrap(leaves, equal + 1, len(leaves))
        if colon >= 0:
            _wrap(leaves, colon + 1, equal if equal >= 0 else len(leaves))
    line = _Line(depth=depth)
    line.extend(leaves, track=True)
    return _lines(line)


@lru_cache(maxsize=4096)
def parameter(block: str, depth: int) -> str:
    """One parameter of an exploded ``def``: ``name: type[ = default],``."""
    fitting = _one_line(block, depth)
    if fitting is not None:
        return fitting
    leaves = _tokens(block)
    colon = _top_level(leaves, ":")
    end = _top_level(leaves, "=")
    end = end if end >= 0 else len(leaves) - 1
    if colon >= 0 and _top_level(leaves[colon:end], "|") >= 0:
        # A union annotation gets optional parentheses.
        _wrap(leaves, colon + 1, end)
    line = _Line(depth=depth, inside_brackets=True)
    line.extend(leaves)
    return _lines(line)


@lru_cache(maxsize=4096)
def return_tail(block: str, depth: int) -> str:
    """``) -> type:`` (or ``) -> type: ...``) closing an exploded ``def``."""
    fitting = _one_line(block, depth)
    if fitting is not None:
        return fitting
    leaves = _tokens(block)
    colon = _top_level(leaves, ":", 2)
    _wrap(leaves, 2, colon)
    # This is the tail of black's split of the whole ``def``: its brackets
    # were paired on the ``def`` line, and the tail line tracks none itself.
    tracker = _Tracker()
    tracker.mark(_Leaf("(", "("))
    for leaf in leaves:
        tracker.mark(leaf)
    return _lines(_Line(depth=depth, leaves=leaves))


@lru_cache(maxsize=4096)
def docstring(block: str, depth: int) -> str:
    """The docstring ``\"\"\"text\"\"\"`` at ``depth`` as black writes it.

    ``block`` is the text, escaped for a triple-quoted string (see
    ``escape_docstring``), and a newline; its lines after the first lose
    their common indentation and get the docstring's.
    """
    indent = "    " * depth
    text = block.removesuffix("\n")
    lines = text.split("\n")
    if len(lines) > 1:
        lines = [lines[0].strip(), *_dedent(lines[1:], indent)]
    else:
        lines = [text.strip()]
    body = "\n".join(lines)
    if body.startswith('"'):
        body = " " + body
    if body.endswith('"'):
        body += " "
    if len(lines) > 1 and len(body.split("\n")[-1]) + 3 > LINE_LENGTH:
        # The closing quotes go on a line of their own (and need no space).
        return f'{indent}"""{body.rstrip()}\n{indent}"""\n'
    return f'{indent}"""{body}"""\n'


def _dedent(lines: list[str], indent: str) -> list[str]:
    expanded = []
    for line in lines:
        stripped = line.lstrip()
        if stripped and stripped != line:
            line = line[: len(line) - len(stripped)].expandtabs(4) + stripped
        expanded.append(line)
    # The last line has text: ``escape_docstring`` strips the text.
    margin = min(len(line) - len(line.lstrip()) for line in expanded if line.strip())
    last = len(expanded) - 1
    return [
        indent + line[margin:].rstrip() if line[margin:].rstrip() or i == last else ""
        for i, line in enumerate(expanded)
    ]

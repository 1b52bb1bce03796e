"""Line breaking of generated Python, exactly as black (default mode) does it.

The client templates write each statement on one line; :func:`statement`,
:func:`parameter` and :func:`return_tail` split the long ones the way black
would, and :func:`docstring` and :func:`string_literal` write docstrings and
string literals in black's form.  Black then leaves the generated modules
unchanged, so it need not run (``tests/test_black_stable.py`` checks that
over every corpus spec).

This is a small re-implementation of black's line splitting for the
constructs the generator emits: names, dotted names, string and number
literals, calls with keyword arguments, subscripts, ``|`` unions,
``[...]``/``{...}`` displays, (annotated) assignments, ``return``, ``if``,
``class`` headers and the parameters and return annotation of a ``def``.
It follows black's algorithm: a line that is too long is split at its last
bracket pair ("right-hand split"), trying to keep trailing brackets together
and optional parentheses invisible; the content of a bracket is split at its
delimiters of the highest priority (commas, then ``|``).  Leaves are mutable
and shared between the attempts, as in black: an attempt that makes optional
parentheses visible leaves them visible for the later ones.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

LINE_LENGTH = 88

_OPENING = frozenset("([{")
_CLOSING = frozenset(")]}")
_MATCHING = {"(": ")", "[": "]", "{": "}"}
_COMMA_PRIORITY = 18
_VBAR_PRIORITY = 9
_DOT_PRIORITY = 1
#: Names after which an opening bracket starts a display, not a call or subscript.
_KEYWORDS = frozenset(
    {"return", "await", "if", "not", "in", "is", "and", "or", "else", "class"}
)

_TOKEN = re.compile(
    r"""(?P<space>\ *)(?:
      (?P<STRING>[a-zA-Z]{0,2}(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'))
    | (?P<NUMBER>-?\d+(?:\.\d+)?)
    | (?P<NAME>\w+)
    | (?P<op>->|\.\.\.|[()\[\]{},|=:*.])
    )""",
    re.VERBOSE,
)


class CannotSplit(Exception):
    """A split does not apply to a line."""


@dataclass(eq=False, slots=True)
class Leaf:
    """A token; brackets and delimiters carry what black's bracket tracker records."""

    type: str
    value: str
    #: The whitespace before the token on a single line.
    space: str = ""
    #: An opening or closing bracket of a display or of optional parentheses
    #: (black's ``atom``) rather than of a call, subscript or parameter list.
    atom: bool = False
    prefix: str = ""
    bracket_depth: int = 0
    opening_bracket: Leaf | None = None

    def __post_init__(self) -> None:
        self.prefix = self.space

    def __str__(self) -> str:
        return self.prefix + self.value


@dataclass(slots=True)
class _Tracker:
    """Bracket depths, bracket pairs and depth-0 delimiters of a line."""

    depth: int = 0
    bracket_match: dict[tuple[int, str], Leaf] = field(default_factory=dict)
    delimiters: dict[int, int] = field(default_factory=dict)
    previous: Leaf | None = None
    invisible: list[Leaf] = field(default_factory=list)

    def mark(self, leaf: Leaf) -> None:
        if (
            self.depth == 0
            and leaf.type in _CLOSING
            and (0, leaf.type) not in self.bracket_match
        ):
            return
        if leaf.type in _CLOSING:
            self.depth -= 1
            leaf.opening_bracket = self.bracket_match.pop((self.depth, leaf.type))
            if not leaf.value:
                self.invisible.append(leaf)
        leaf.bracket_depth = self.depth
        if self.depth == 0:
            before = _split_before_priority(leaf, self.previous)
            if before and self.previous is not None:
                self.delimiters[id(self.previous)] = before
            elif leaf.type == ",":
                self.delimiters[id(leaf)] = _COMMA_PRIORITY
        if leaf.type in _OPENING:
            self.bracket_match[self.depth, _MATCHING[leaf.type]] = leaf
            self.depth += 1
            if not leaf.value:
                self.invisible.append(leaf)
        self.previous = leaf

    def max_priority(self, exclude: Leaf | None = None) -> int:
        skip = id(exclude)
        return max((p for k, p in self.delimiters.items() if k != skip), default=0)

    def count_with_priority(self, priority: int) -> int:
        return sum(1 for p in self.delimiters.values() if p == priority)


def _split_before_priority(leaf: Leaf, previous: Leaf | None) -> int:
    if leaf.type == "|":
        return _VBAR_PRIORITY
    if leaf.type == "." and (previous is None or previous.type in _CLOSING):
        return _DOT_PRIORITY
    return 0


@dataclass(slots=True)
class _Line:
    depth: int = 0
    leaves: list[Leaf] = field(default_factory=list)
    inside_brackets: bool = False
    should_split_rhs: bool = False
    magic_trailing_comma: Leaf | None = None
    tracker: _Tracker = field(default_factory=_Tracker)

    def append(self, leaf: Leaf, track: bool = False) -> None:
        if self.inside_brackets or track:
            self.tracker.mark(leaf)
            if (
                leaf.type in _CLOSING
                and self.leaves
                and self.leaves[-1].type == ","
                and self._is_magic_trailing_comma(leaf)
            ):
                self.magic_trailing_comma = leaf
        self.leaves.append(leaf)

    def _is_magic_trailing_comma(self, closing: Leaf) -> bool:
        """Whether the comma before ``closing`` keeps its brackets exploded."""
        opening = closing.opening_bracket
        if closing.type == "]" and not closing.atom and opening is not None:
            # ``X[a,]``: the comma of a one-element subscript is not magic.
            return not _one_sequence_between(opening, closing, self.leaves)
        return True

    @property
    def is_chained_assignment(self) -> bool:
        return sum(1 for leaf in self.leaves if leaf.type == "=") > 1

    def __str__(self) -> str:
        if not self.leaves:
            return ""
        first = self.leaves[0]
        rest = "".join([leaf.prefix + leaf.value for leaf in self.leaves[1:]])
        return f"{first.prefix}{'    ' * self.depth}{first.value}{rest}"

    def __bool__(self) -> bool:
        return bool(self.leaves)

    def with_lengths(self, reverse: bool = False) -> Iterator[tuple[int, Leaf, int]]:
        indexes = range(len(self.leaves))
        for index in reversed(indexes) if reverse else indexes:
            leaf = self.leaves[index]
            yield index, leaf, len(leaf.prefix) + len(leaf.value)


def str_width(text: str) -> int:
    """Columns ``text`` takes in an editor: East Asian wide characters count 2."""
    if text.isascii():
        return len(text)
    return sum(_char_width(c) for c in text)


def _char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cc"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def _fits(line: _Line | str, line_length: int = LINE_LENGTH) -> bool:
    return str_width(str(line)) <= line_length


def _one_sequence_between(opening: Leaf, closing: Leaf, leaves: Sequence[Leaf]) -> bool:
    """Whether the subscript holds one element (and a trailing comma)."""
    depth = closing.bracket_depth + 1
    inside = False
    commas = 0
    for leaf in leaves:
        if leaf is opening:
            inside = True
        elif leaf is closing:
            break
        elif inside and leaf.bracket_depth == depth and leaf.type == ",":
            commas += 1
    return inside and commas < 2


# -- transforms ------------------------------------------------------------------
#: A split: ``(line, force_optional_parens) -> lines``; raises :class:`CannotSplit`.
_Split = Callable[[_Line, bool], list[_Line]]


def _transform(line: _Line, force: bool) -> list[_Line]:
    """``line`` split into lines that need no more splitting."""
    line_str = str(line)
    if not line.should_split_rhs and not line.magic_trailing_comma and _fits(line_str):
        return [line]
    splits: list[_Split] = [_rhs_with_omits]
    if line.inside_brackets:
        splits.insert(0, _delimiter_split)
    for split in splits:
        try:
            return _run(line, split, line_str, force)
        except CannotSplit:
            continue
    return [line]


def _run(line: _Line, split: _Split, line_str: str, force: bool) -> list[_Line]:
    optional_parens = [b for b in line.tracker.invisible if b.bracket_depth == 0]
    result: list[_Line] = []
    for split_line in split(line, force):
        if str(split_line) == line_str:
            raise CannotSplit("the split changed nothing")
        result.extend(_transform(split_line, force))
    if (
        force
        or split is not _rhs_with_omits
        or not line.tracker.invisible
        or any(bracket.value for bracket in optional_parens)
        or _fits(result[0])
    ):
        return result
    # A second opinion: the split with optional parentheses kept wins if all
    # its lines fit.  It works on fresh copies of the leaves.
    copy = _Line(
        depth=line.depth,
        inside_brackets=line.inside_brackets,
        should_split_rhs=line.should_split_rhs,
        magic_trailing_comma=line.magic_trailing_comma,
    )
    for index, leaf in enumerate(line.leaves):
        space = leaf.space if index else ""
        copy.append(Leaf(leaf.type, leaf.value, space, leaf.atom), track=True)
    second = _run(copy, split, line_str, True)
    return second if all(_fits(ln) for ln in second) else result


def _delimiter_split(line: _Line, force: bool) -> list[_Line]:
    """One line per delimiter of the highest priority (a trailing comma added)."""
    tracker = line.tracker
    priority = tracker.max_priority(exclude=line.leaves[-1])
    if not priority:
        raise CannotSplit("no delimiters")
    if priority == _DOT_PRIORITY and tracker.count_with_priority(priority) == 1:
        raise CannotSplit("a single attribute access")
    lines: list[_Line] = []
    current = _Line(depth=line.depth, inside_brackets=line.inside_brackets)
    for leaf in line.leaves:
        current.append(leaf)
        if tracker.delimiters.get(id(leaf)) == priority:
            lines.append(current)
            current = _Line(depth=line.depth, inside_brackets=line.inside_brackets)
    if current:
        if priority == _COMMA_PRIORITY and current.leaves[-1].type != ",":
            current.append(Leaf(",", ","))
        lines.append(current)
    for result in lines:
        result.leaves[0].prefix = ""
    return lines


def _rhs_with_omits(line: _Line, force: bool) -> list[_Line]:
    """The right-hand split, omitting trailing bracket pairs while the head fits."""
    prefix_lengths: dict[int, int] = {}
    length = 4 * line.depth
    for leaf in line.leaves:
        prefix_lengths[id(leaf)] = length
        length += len(leaf.prefix) + len(leaf.value)
    first_lines: list[_Line] | None = None
    for omit in _trailers_to_omit(line):
        if omit:
            target = next(
                (
                    leaf.opening_bracket
                    for leaf in reversed(line.leaves)
                    if leaf.type in _CLOSING and id(leaf) not in omit
                ),
                None,
            )
            if (
                target is not None
                and target.value
                and prefix_lengths.get(id(target), 0) > LINE_LENGTH
            ):
                continue
        lines = _right_hand_split(line, force, omit)
        if first_lines is None and not omit:
            first_lines = lines
        if _fits(lines[0]):
            return lines
    if first_lines is not None:
        return first_lines
    return _right_hand_split(line, force, frozenset())


def _trailers_to_omit(line: _Line) -> Iterator[frozenset[int]]:
    """Growing sets of closing brackets a right-hand split may skip."""
    omit: set[int] = set()
    if not line.magic_trailing_comma:
        yield frozenset(omit)
    length = 4 * line.depth
    opening: Leaf | None = None
    closing: Leaf | None = None
    inner: set[int] = set()
    for index, leaf, leaf_length in line.with_lengths(reverse=True):
        length += leaf_length
        if length > LINE_LENGTH:
            break
        if opening is not None:
            if leaf is opening:
                opening = None
            elif leaf.type in _CLOSING:
                if _has_trailing_comma(line, index, leaf):
                    break
                inner.add(id(leaf))
        elif leaf.type in _CLOSING:
            previous = line.leaves[index - 1] if index > 0 else None
            if previous is not None and previous.type in _OPENING:
                inner.add(id(leaf))
                continue
            if closing is not None:
                omit.add(id(closing))
                omit.update(inner)
                inner.clear()
                yield frozenset(omit)
            if _has_trailing_comma(line, index, leaf):
                break
            if leaf.value:
                opening = leaf.opening_bracket
                closing = leaf


def _has_trailing_comma(line: _Line, index: int, closing: Leaf) -> bool:
    """A bracket pair that must explode on its trailing comma."""
    if index == 0 or line.leaves[index - 1].type != ",":
        return False
    opening = closing.opening_bracket
    if opening is None:
        return False
    if closing.type == ")" and opening.atom:
        # A one-tuple's comma is not magic.
        return not _one_sequence_between(opening, closing, line.leaves)
    return True


@dataclass(slots=True)
class _RHS:
    head: _Line
    body: _Line
    tail: _Line
    opening: Leaf
    closing: Leaf


def _right_hand_split(line: _Line, force: bool, omit: frozenset[int]) -> list[_Line]:
    rhs = _first_right_hand_split(line, omit)
    return _maybe_split_omitting_optional_parens(rhs, line, force, omit)


def _first_right_hand_split(line: _Line, omit: frozenset[int]) -> _RHS:
    """Head, body and tail around the last bracket pair not in ``omit``."""
    tail: list[Leaf] = []
    body: list[Leaf] = []
    head: list[Leaf] = []
    current = tail
    opening: Leaf | None = None
    closing: Leaf | None = None
    for leaf in reversed(line.leaves):
        if current is body and leaf is opening:
            current = head if body else tail
        current.append(leaf)
        if current is tail and leaf.type in _CLOSING and id(leaf) not in omit:
            opening = leaf.opening_bracket
            closing = leaf
            current = body
    if opening is None or closing is None or not head:
        raise CannotSplit("no brackets to split at")
    tail.reverse()
    body.reverse()
    head.reverse()
    result = _RHS(
        _build(head, line, opening, "head"),
        _build(body, line, opening, "body"),
        _build(tail, line, opening, "tail"),
        opening,
        closing,
    )
    tail_length = len(str(result.tail).strip())
    if not result.body:
        if tail_length == 0:
            raise CannotSplit("the split gives the same line")
        if tail_length < 3:
            raise CannotSplit("an empty body saves too little")
    return result


def _maybe_split_omitting_optional_parens(
    rhs: _RHS, line: _Line, force: bool, omit: frozenset[int]
) -> list[_Line]:
    if (
        not force
        and rhs.opening.type == "("
        and not rhs.opening.value
        and rhs.closing.type == ")"
        and not rhs.closing.value
        and _can_omit_invisible_parens(rhs)
    ):
        omit = omit | {id(rhs.closing)}
        try:
            rhs_oop = _first_right_hand_split(line, omit)
            if _prefer_split_rhs_oop(rhs_oop, rhs):
                return _maybe_split_omitting_optional_parens(rhs_oop, line, force, omit)
        except CannotSplit as error:
            if line.is_chained_assignment:
                pass
            elif not _can_be_split(rhs.body) and not _fits(rhs.body):
                raise CannotSplit("the body is still too long") from error
    if rhs.opening.type == "(":
        rhs.opening.value = "("
        rhs.closing.value = ")"
    return [part for part in (rhs.head, rhs.body, rhs.tail) if part]


def _prefer_split_rhs_oop(rhs_oop: _RHS, rhs: _RHS) -> bool:
    """Whether splitting without the optional parentheses reads better."""
    head = rhs.head.leaves
    if not (len(head) >= 2 and head[-2].type == "="):
        return True
    if not any(leaf.type in _OPENING or leaf.type in _CLOSING for leaf in head[:-1]):
        return True
    if not _fits(rhs.head, LINE_LENGTH - 1):
        return True
    if rhs.head.magic_trailing_comma is not None:
        return True
    head_equals = sum(1 for leaf in head if leaf.type == "=")
    oop_equals = sum(1 for leaf in rhs_oop.head.leaves if leaf.type == "=")
    if head_equals > 1 and head_equals > oop_equals:
        return False
    closing_after_assign = False
    for leaf in reversed(rhs_oop.head.leaves):
        if leaf.type == "=":
            break
        if leaf.type in _CLOSING:
            closing_after_assign = True
            break
    return closing_after_assign or (oop_equals > 0 and _fits(rhs_oop.head))


def _can_omit_invisible_parens(rhs: _RHS) -> bool:
    """Whether the body may be split without its optional parentheses."""
    line = rhs.body
    tracker = line.tracker
    if not tracker.delimiters:
        return True
    priority = tracker.max_priority()
    if tracker.count_with_priority(priority) > 1:
        return False
    if priority == _DOT_PRIORITY:
        return True
    first, second = line.leaves[0], line.leaves[1]
    if first.type in _OPENING and second.type not in _CLOSING:
        if _can_omit_opening_paren(line, first):
            return True
    penultimate, last = line.leaves[-2], line.leaves[-1]
    if last.type in (")", "}") or (last.type == "]" and last.atom):
        if penultimate.type in _OPENING:
            return False
        if _can_omit_closing_paren(line, last):
            return True
    return False


def _can_omit_opening_paren(line: _Line, first: Leaf) -> bool:
    remainder = False
    length = 4 * line.depth
    index = -1
    for index, leaf, leaf_length in line.with_lengths():
        if leaf.type in _CLOSING and leaf.opening_bracket is first:
            remainder = True
        if remainder:
            length += leaf_length
            if length > LINE_LENGTH:
                return False
            if leaf.type in _OPENING:
                remainder = False
    return len(line.leaves) == index + 1


def _can_omit_closing_paren(line: _Line, last: Leaf) -> bool:
    length = 4 * line.depth
    seen_other_brackets = False
    for _, leaf, leaf_length in line.with_lengths():
        length += leaf_length
        if leaf is last.opening_bracket:
            if seen_other_brackets or length <= LINE_LENGTH:
                return True
        elif leaf.type in _OPENING:
            seen_other_brackets = True
    return False


def _can_be_split(line: _Line) -> bool:
    """False if ``line`` surely cannot be split (black's cheap heuristic)."""
    leaves = line.leaves
    if len(leaves) < 2:
        return False
    if leaves[0].type == "STRING" and leaves[1].type == ".":
        calls = dots = 0
        following = leaves[-1]
        for leaf in leaves[-2::-1]:
            if leaf.type in _OPENING:
                if following.type not in _CLOSING:
                    return False
                calls += 1
            elif leaf.type == ".":
                dots += 1
            elif leaf.type == "NAME":
                if not (following.type == "." or following.type in _OPENING):
                    return False
            elif leaf.type not in _CLOSING:
                return False
            if dots > 1 and calls > 1:
                return False
    return True


def _build(leaves: list[Leaf], original: _Line, opening: Leaf, component: str) -> _Line:
    """A head, body or tail line of a bracket split."""
    if component == "tail":
        return _Line(depth=original.depth, leaves=leaves)
    if component == "head":
        result = _Line(depth=original.depth)
        tracked = _inside_matching_brackets(leaves)
        for leaf in leaves:
            result.append(leaf, track=id(leaf) in tracked)
        return result
    result = _Line(depth=original.depth + 1, inside_brackets=True)
    for leaf in leaves:
        result.append(leaf)
    result.should_split_rhs = _should_split(result, opening)
    return result


def _inside_matching_brackets(leaves: Sequence[Leaf]) -> set[int]:
    """The leaves within matched bracket pairs, the brackets included."""
    ids: set[int] = set()
    stack: list[tuple[str, list[int]]] = []
    started = False
    for leaf in leaves:
        if leaf.type in _OPENING:
            started = True
            stack.append((_MATCHING[leaf.type], [id(leaf)]))
        elif not started:
            continue
        elif leaf.type in _CLOSING:
            if not stack or leaf.type != stack[-1][0]:
                break
            level = stack.pop()[1]
            level.append(id(leaf))
            ids.update(level)
        elif stack:
            stack[-1][1].append(id(leaf))
    return ids


def _should_split(body: _Line, opening: Leaf) -> bool:
    """Whether a bracket's body explodes one item per line right away."""
    if not body.leaves:
        return False
    last = body.leaves[-1]
    trailing_comma = last.type == ","
    priority = body.tracker.max_priority(exclude=last if trailing_comma else None)
    return priority == _COMMA_PRIORITY and (trailing_comma or opening.atom)


# -- statements ------------------------------------------------------------------
def _tokens(code: str) -> list[Leaf]:
    """The leaves of one line of generated code, brackets paired and classified."""
    leaves: list[Leaf] = []
    stack: list[Leaf] = []
    position = 0
    code = code.strip()
    while position < len(code):
        match = _TOKEN.match(code, position)
        if match is None:
            raise ValueError(f"cannot lay out {code!r} at {position}")
        position = match.end()
        kind = match.lastgroup or ""
        value = match.group(kind)
        kind = value if kind == "op" else kind
        leaf = Leaf(kind, value, " " if match.group("space") and leaves else "")
        if kind in _OPENING:
            previous = leaves[-1] if leaves else None
            leaf.atom = previous is None or not (
                previous.type in _CLOSING
                or previous.type == "STRING"
                or (previous.type == "NAME" and previous.value not in _KEYWORDS)
            )
            stack.append(leaf)
        elif kind in _CLOSING:
            leaf.atom = stack.pop().atom if stack else False
        leaves.append(leaf)
    return leaves


def _wrap(leaves: list[Leaf], start: int, end: int) -> None:
    """Put optional (invisible) parentheses around ``leaves[start:end]``."""
    first = leaves[start]
    opening = Leaf("(", "", first.space, atom=True)
    first.space = first.prefix = ""
    leaves.insert(end, Leaf(")", "", atom=True))
    leaves.insert(start, opening)


def _top_level(leaves: Sequence[Leaf], kind: str, start: int = 0) -> int:
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


def _is_display_with_commas(leaves: Sequence[Leaf]) -> bool:
    """``[a, b]`` or ``{a: b, ...}``: black keeps no optional parens around it."""
    first = leaves[0]
    if first.type not in ("[", "{") or leaves[-1].type not in ("]", "}"):
        return False
    inner = leaves[1:-1]
    return _top_level(inner, ",") >= 0 and _top_level(inner, leaves[-1].type) < 0


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
        if equal >= 0 and not _is_display_with_commas(leaves[equal + 1 :]):
            _wrap(leaves, equal + 1, len(leaves))
        if colon >= 0:
            _wrap(leaves, colon + 1, equal if equal >= 0 else len(leaves))
    line = _Line(depth=depth)
    for leaf in leaves:
        line.append(leaf, track=True)
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
    for leaf in leaves:
        line.append(leaf)
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
    tracker.mark(Leaf("(", "("))
    for leaf in leaves:
        tracker.mark(leaf)
    return _lines(_Line(depth=depth, leaves=leaves))


# -- strings ---------------------------------------------------------------------
def string_literal(body: str, prefix: str = "") -> str:
    """A one-line string literal with black's choice of quotes.

    ``body`` is the literal's content as written between double quotes
    (``"`` escaped); black prefers double quotes unless single quotes need
    fewer backslashes.
    """
    if '"' not in body:
        return f'{prefix}"{body}"'
    single = re.sub(r"(?<!\\)((?:\\\\)*)\\\"", r'\1"', body)
    single = re.sub(r"(?<!\\)((?:\\\\)*)'", r"\1\\'", single)
    if single.count("\\") < body.count("\\"):
        return f"{prefix}'{single}'"
    return f'{prefix}"{body}"'


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
    closing = '"""'
    if len(lines) > 1 and len(body.split("\n")[-1]) + 3 > LINE_LENGTH:
        closing = "\n" + indent + '"""'
    return f'{indent}"""{body}{closing}\n'


def _dedent(lines: list[str], indent: str) -> list[str]:
    expanded = []
    for line in lines:
        stripped = line.lstrip()
        if stripped and stripped != line:
            line = line[: len(line) - len(stripped)].expandtabs(4) + stripped
        expanded.append(line)
    margins = [len(line) - len(line.lstrip()) for line in expanded if line.strip()]
    if not margins:
        return []
    margin = min(margins)
    last = len(expanded) - 1
    return [
        indent + line[margin:].rstrip() if line[margin:].rstrip() or i == last else ""
        for i, line in enumerate(expanded)
    ]

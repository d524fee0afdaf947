"""Quotation marks: classify every mark, pair marks into quotation regions, and record what is broken.

American news conventions: double marks outside, single marks inside; a quotation that runs over
several paragraphs leaves each paragraph but the last unclosed and reopens the next one with an opening
mark. Apostrophes (it’s, drivers’, ’90s, rock ’n’ roll) and feet and inch marks (5'10", a 20" screen)
are never quotation marks.

A mark's role comes from its position first (after a space and before a word it opens; after a word and
before a space or punctuation it closes) and from its glyph only where the position cannot tell. A curly
glyph that disagrees with an unambiguous position faces the wrong way. Pairing uses a stack per
paragraph, so one wrong-facing mark does not cascade into balance errors.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from tlqa.scan import find_all

if TYPE_CHECKING:
    from tlqa.document import Document

DOUBLE_OPEN = "“"
DOUBLE_CLOSE = "”"
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
STRAIGHT_DOUBLE = '"'
STRAIGHT_SINGLE = "'"
_CURLY_FACING = {"“": "open", "„": "open", "”": "close", "‘": "open", "‚": "open", "’": "close"}
_KIND = {
    '"': "double",
    "“": "double",
    "”": "double",
    "„": "double",
    "'": "single",
    "‘": "single",
    "’": "single",
}
MARK_CHARS = frozenset(_KIND)
_MARK_GLYPHS = "\"'“”„‘’"


_QUOTE_CHARS = frozenset("\"'“”„‘’«»")
_LEFT_BOUNDARY = frozenset("([{<—–/") | _QUOTE_CHARS
_RIGHT_BOUNDARY = frozenset(".,;:!?)]}>…—–/") | _QUOTE_CHARS

# Words that an apostrophe elides at their start: 'til, ’em, ’tis, rock ’n’ roll.
_ELISIONS = frozenset(["til", "tis", "twas", "em", "n", "cause", "cos", "bout", "nuff", "round", "ol", "ere"])
_CLITICS = frozenset(("s", "m", "d", "ll", "re", "ve"))
_ELISION_AFTER = re.compile(r"(\d\d(?:s\b|\b)|[A-Za-z]+\b)")

# Roles.
APOSTROPHE = "apostrophe"
OPEN = "open"
CLOSE = "close"
MEASURE = "measure"  # feet and inches after a number


@dataclass(slots=True)  # not frozen: one is made per mark, and a frozen __init__ costs twice as much
class Mark:
    offset: int
    char: str
    kind: str  # "double" or "single"
    role: str  # apostrophe, open, close, measure
    paragraph: int
    certain: bool  # the role follows from the position alone, not from the glyph or the pairing

    @property
    def curly(self) -> bool:
        return self.char in _CURLY_FACING

    @property
    def facing(self) -> str | None:
        return _CURLY_FACING.get(self.char)

    @property
    def wrong_facing(self) -> bool:
        """A curly glyph that faces against its role (an apostrophe's glyph is the closing one)."""
        if not self.curly or self.role == MEASURE:
            return False
        expected = "close" if self.role in (APOSTROPHE, CLOSE) else "open"
        return self.facing != expected

    def curly_form(self) -> str:
        """The glyph this mark should have in curly style."""
        if self.kind == "double":
            return DOUBLE_OPEN if self.role == OPEN else DOUBLE_CLOSE
        return SINGLE_OPEN if self.role == OPEN else SINGLE_CLOSE

    def straight_form(self) -> str:
        return STRAIGHT_DOUBLE if self.kind == "double" else STRAIGHT_SINGLE


@dataclass(frozen=True, slots=True)
class Region:
    """A paired quotation: its opening mark, its closing mark, and any reopening marks in between."""

    kind: str
    open: int
    close: int
    reopens: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the pairing, for the quotes checks to report.

    kinds: unclosed, unopened, out_of_step (an unopened close and an unclosed open in one paragraph),
    mismatched (a single mark closed by a double one or the reverse), nested_double."""

    kind: str
    paragraph: int
    marks: tuple[int, ...]  # offsets of the marks concerned, in text order
    detail: dict[str, object] = field(default_factory=dict)


@dataclass(slots=True)
class QuoteAnalysis:
    marks: list[Mark]
    regions: list[Region]
    problems: list[Problem]

    def mark_at(self, offset: int) -> Mark | None:
        for m in self.marks:
            if m.offset == offset:
                return m
        return None


@dataclass(slots=True)
class _Open:
    mark: Mark
    reopens: list[int] = field(default_factory=list)
    inner_pairs: list[tuple[int, int]] = field(default_factory=list)  # double pairs nested inside


def analyse(doc: Document) -> QuoteAnalysis:
    text = doc.visible
    marks: list[Mark] = []
    regions: list[Region] = []
    problems: list[Problem] = []
    carried: _Open | None = None  # a quotation continuing from the previous paragraph
    prose = [p for p in doc.paragraphs if p.is_prose]
    # Every mark of the text in one scan; each paragraph takes its slice (paragraphs are in text order).
    everywhere = find_all(text, _MARK_GLYPHS)
    for n, para in enumerate(prose):
        first = bisect_left(everywhere, para.start)
        last = bisect_left(everywhere, para.end, first)
        if first == last and carried is None:
            continue  # no mark and nothing open: nothing to pair or to report
        positions = everywhere[first:last]
        stack: list[_Open] = []
        para_problems: list[Problem] = []
        first_mark_index = _first_content_offset(text, para.start, para.end)
        if carried is not None:
            stack.append(carried)
            carried = None
        p_start, p_end, p_index = para.start, para.end, para.index
        for pos in positions:
            ch = text[pos]
            kind = _KIND[ch]
            if (
                kind == "single"
                and p_start < pos < p_end - 1
                and text[pos - 1].isalnum()
                and text[pos + 1].isalnum()
            ):
                # Inside a word (it’s, O’Brien): the commonest mark by far, and an apostrophe whatever the
                # stack holds (the first case of _role, taken without its set-up).
                marks.append(Mark(pos, ch, kind, APOSTROPHE, p_index, True))
                continue
            role, certain = _role(text, pos, p_start, p_end, ch, kind, stack)
            mark = Mark(pos, ch, kind, role, p_index, certain)
            marks.append(mark)
            if mark.role in (APOSTROPHE, MEASURE):
                continue
            if mark.role == OPEN:
                if (
                    pos == first_mark_index
                    and stack
                    and stack[0].mark.kind == "double"
                    and mark.kind == "double"
                    and len(stack) == 1
                    and stack[0].mark.paragraph != para.index
                ):
                    stack[0].reopens.append(pos)  # the continuation of a multi-paragraph quotation
                    continue
                stack.append(_Open(mark))
                continue
            _close(mark, stack, regions, para_problems, para.index)
        # End of the paragraph: a double quotation may continue into the next paragraph when that one
        # opens with a double mark; everything else still open is unclosed.
        nxt = prose[n + 1] if n + 1 < len(prose) else None
        if stack and stack[0].mark.kind == "double" and nxt is not None and _opens_with_double(text, nxt):
            carried = stack.pop(0)
        for left in stack:
            last = left.reopens[-1] if left.reopens else left.mark.offset
            para_problems.append(
                Problem(
                    "unclosed",
                    para.index,
                    (last,),
                    {"kind": left.mark.kind, "opened_at": left.mark.offset, "continued": bool(left.reopens)},
                )
            )
        if para_problems:
            problems.extend(_merge_out_of_step(para_problems, para.index))
    return QuoteAnalysis(marks, regions, problems)


def _close(mark: Mark, stack: list[_Open], regions: list[Region], problems: list[Problem], para: int) -> None:
    if not stack:
        problems.append(Problem("unopened", para, (mark.offset,), {"kind": mark.kind}))
        return
    top = stack[-1]
    if top.mark.kind == mark.kind:
        stack.pop()
        _pair(top, mark, stack, regions, problems, para)
        return
    # Kinds differ. Is there an open mark of this kind further down?
    below = next((i for i in range(len(stack) - 1, -1, -1) if stack[i].mark.kind == mark.kind), None)
    if below is None:
        if mark.kind == "single":
            problems.append(Problem("unopened", para, (mark.offset,), {"kind": mark.kind}))
        else:  # ‘…” : a single quotation closed by a double mark
            stack.pop()
            problems.append(
                Problem(
                    "mismatched",
                    para,
                    (top.mark.offset, mark.offset),
                    {"open": top.mark.char, "close": mark.char},
                )
            )
        return
    # Marks opened above it were never closed: “He said ‘no.”
    while len(stack) - 1 > below:
        left = stack.pop()
        problems.append(
            Problem(
                "mismatched",
                para,
                (left.mark.offset, mark.offset),
                {"open": left.mark.char, "close": mark.char},
            )
        )
    _pair(stack.pop(), mark, stack, regions, problems, para)


def _pair(
    opened: _Open, mark: Mark, stack: list[_Open], regions: list[Region], problems: list[Problem], para: int
) -> None:
    regions.append(Region(mark.kind, opened.mark.offset, mark.offset, tuple(opened.reopens)))
    for inner_open, inner_close in opened.inner_pairs:
        problems.append(
            Problem("nested_double", para, (inner_open, inner_close), {"outer": opened.mark.offset})
        )
    if mark.kind == "double":
        outer = next((o for o in reversed(stack) if o.mark.kind == "double"), None)
        if outer is not None:
            outer.inner_pairs.append((opened.mark.offset, mark.offset))


def _merge_out_of_step(problems: list[Problem], para: int) -> list[Problem]:
    """An unopened closing mark followed by an unclosed opening mark of the same kind in one paragraph
    is one broken quotation (the marks are out of step), reported once."""
    unopened = [p for p in problems if p.kind == "unopened"]
    unclosed = [p for p in problems if p.kind == "unclosed" and not p.detail.get("continued")]
    for u in unopened:
        for c in unclosed:
            if c.detail["kind"] == u.detail["kind"] and c.marks[0] > u.marks[0]:
                merged = Problem("out_of_step", para, (u.marks[0], c.marks[0]), {"kind": u.detail["kind"]})
                rest = [p for p in problems if p is not u and p is not c]
                return sorted([*rest, merged], key=lambda p: p.marks)
    return sorted(problems, key=lambda p: p.marks)


def _first_content_offset(text: str, start: int, end: int) -> int:
    i = start
    while i < end and text[i].isspace():
        i += 1
    return i


def _opens_with_double(text: str, para: object) -> bool:
    i = _first_content_offset(text, para.start, para.end)  # type: ignore[attr-defined]
    return i < para.end and text[i] in ('"', "“", "„")  # type: ignore[attr-defined]


def curly(ch: str) -> bool:
    """Is this mark glyph a curly one?"""
    return ch in _CURLY_FACING


def _is_open(stack: list[_Open], kind: str, ch: str, prev: str) -> bool:
    """Is a quotation of `kind` open on the stack (a single one: inside the innermost double one)?"""
    if prev.isdigit() and ch in "\"'":
        # After a number, a straight mark cannot close a quotation opened with a curly one: 20" wide
        opened = [o.mark for o in stack if o.mark.kind == _KIND[ch]]
        if opened and opened[-1].curly:
            return False
    if kind == "double":
        return any(o.mark.kind == "double" for o in stack)
    return any(o.mark.kind == "single" for o in stack[_last_double_index(stack) + 1 :])


def _role(
    text: str, i: int, start: int, end: int, ch: str, kind: str, stack: list[_Open]
) -> tuple[str, bool]:
    """The mark's role and whether its position alone decides it. What is open on the stack is looked
    at only where the position cannot tell."""
    prev = text[i - 1] if i > start else ""
    nxt = text[i + 1] if i + 1 < end else ""
    left_open = prev == "" or prev.isspace() or prev in _LEFT_BOUNDARY
    right_close = nxt == "" or nxt.isspace() or nxt in _RIGHT_BOUNDARY
    facing = _CURLY_FACING.get(ch)

    if kind == "single":
        if not left_open and not right_close:
            return APOSTROPHE, True  # it’s, O’Brien, rock’n’roll
        if left_open and not right_close:
            if _is_elision(text, i, end):
                return APOSTROPHE, True  # ’90s, '49, 'til, ’em, rock ’n’ roll, tokenized "I 'm"
            return OPEN, True
        open_single = _is_open(stack, "single", ch, prev)
        if right_close and not left_open:
            if prev.isdigit() and not open_single:
                return MEASURE, True  # 5' tall
            if _elided_n(text, i, start):
                return APOSTROPHE, True  # the second mark of ’n’
            if open_single:
                if prev in "sS" and _later_single_close(text, i + 1, end):
                    return APOSTROPHE, False  # ‘the drivers’ union’: possessive, not the close
                return CLOSE, True
            if prev.isalpha():
                return APOSTROPHE, True  # drivers’, Texas’, goin’
            return CLOSE, False  # after punctuation with nothing open: an unopened close
        # space (or boundary) on both sides: the glyph or the stack decides
        if not facing and not open_single and prev == " " and text[i - 2 : i - 1] in ("s", "S"):
            return APOSTROPHE, False  # a possessive split off by a tokenizer: "the Skripals ' case"
        if facing:
            return (OPEN if facing == "open" else CLOSE), False
        return (CLOSE if open_single else OPEN), False

    # double marks
    if not left_open and not right_close:
        if prev.isdigit():
            return MEASURE, True  # 5'10"x, 20"-wide
        if facing:
            return (OPEN if facing == "open" else CLOSE), False
        return (CLOSE if _is_open(stack, "double", ch, prev) else OPEN), False
    if left_open and not right_close:
        return OPEN, True
    if right_close and not left_open:
        if prev.isdigit() and not _is_open(stack, "double", ch, prev):
            return MEASURE, True  # a 20" screen, 31" pitch
        return CLOSE, True
    if facing:
        return (OPEN if facing == "open" else CLOSE), False
    return (CLOSE if _is_open(stack, "double", ch, prev) else OPEN), False


def _is_elision(text: str, i: int, end: int) -> bool:
    """Is the mark at i, in opening position, an apostrophe standing for elided letters?"""
    after = _ELISION_AFTER.match(text, i + 1, end)
    if after is None:
        return False
    word = after.group(0).lower()
    following = text[after.end() : after.end() + 1]
    if word[:1].isdigit():
        return True
    if word == "n":  # ’n’ (rock ’n’ roll); a quoted letter ‘n’ is closed by a mark that is not an elision
        return following in ("'", "’")
    if word in _ELISIONS:
        return True
    # A contraction split off by a tokenizer: "I 'm", "Dodon 's", "they 're", "don 't"
    before = text[i - 2 : i - 1]
    if text[i - 1 : i] != " " or not before.isalnum() or following in _QUOTE_CHARS:
        return False
    return word in _CLITICS or (word == "t" and before in "nN")


def _last_double_index(stack: list[_Open]) -> int:
    for j in range(len(stack) - 1, -1, -1):
        if stack[j].mark.kind == "double":
            return j
    return -1


def _elided_n(text: str, i: int, start: int) -> bool:
    """The closing mark of ’n’ (rock ’n’ roll)."""
    return i - 2 >= start and text[i - 1] in "nN" and text[i - 2] in "'’‘"


def _later_single_close(text: str, i: int, end: int) -> bool:
    """Is there another single mark in closing position later in the paragraph, before any double mark?"""
    for j in range(i, end):
        ch = text[j]
        if ch in ('"', "“", "”"):
            return False
        if ch in ("'", "’"):
            nxt = text[j + 1] if j + 1 < end else ""
            prev = text[j - 1]
            if not prev.isspace() and (nxt == "" or nxt.isspace() or nxt in _RIGHT_BOUNDARY):
                return True
    return False

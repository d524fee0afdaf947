"""Quotation marks and paired punctuation, by American news conventions (family `quotes`).

The marks are classified and paired once per document (`Document.quotations`, see tlqa.quotemarks);
each rule here reports one kind of problem from that analysis.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Mapping
from typing import Any

from tlqa.document import Document
from tlqa.engine import Article
from tlqa.findings import Applicability, Severity, Suggestion, Violation
from tlqa.quotemarks import MEASURE, Problem, curly
from tlqa.rules import rule
from tlqa.scan import find_all

_NAMES = {
    "“": "opening double mark",
    "”": "closing double mark",
    '"': "straight double mark",
    "‘": "opening single mark",
    "’": "closing single mark",
    "'": "straight single mark",
    "„": "low double mark",
}


def _where(article: Article, offset: int) -> str:
    line, col = article.target.position(offset)
    return f"{line}:{col}"


def _problems(article: Article, kind: str) -> Iterator[Problem]:
    return (p for p in article.target.quotations.problems if p.kind == kind)


def _paragraph_span(article: Article, index: int) -> tuple[int, int]:
    p = article.target.paragraphs[index]
    return p.start, p.end


def _snippet(text: str, start: int, end: int, limit: int = 40) -> str:
    s = " ".join(text[start:end].split())
    return s if len(s) <= limit else s[: limit - 1] + "…"


@rule("Q101", "unclosed-quotation", "quotes", Severity.ERROR)
def unclosed_quotation(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Quotation opened and never closed.

    An opening quotation mark whose quotation is still open at the end of its paragraph, when the next
    paragraph does not continue it. American news style lets a quotation run over several paragraphs:
    each paragraph but the last ends without a closing mark and the next one opens with an opening
    mark. Anything else leaves the reader unsure where the speaker's words end.

    Example:
        The mayor said, “We will rebuild the bridge by spring.
        Officials declined to give a date.
    Write instead:
        The mayor said, “We will rebuild the bridge by spring.”

    Known false positives: a quotation deliberately left open before a list or a block quote.
    """
    text = article.target.text
    for p in _problems(article, "unclosed"):
        start = p.marks[0]
        _, end = _paragraph_span(article, p.paragraph)
        opened = int(p.detail["opened_at"])  # type: ignore[call-overload]
        if p.detail.get("continued"):
            msg = f"Quotation continued from line {article.target.position(opened)[0]} is never closed"
        else:
            msg = f"Quotation opened with {text[start]} is never closed in this paragraph"
        yield Violation(
            start,
            end,
            msg,
            evidence={
                "opened_at": _where(article, opened),
                "mark": text[opened],
                "quoted": _snippet(text, start, end),
            },
        )


@rule("Q102", "unopened-quotation", "quotes", Severity.ERROR)
def unopened_quotation(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Closing quotation mark with no opening mark.

    A closing mark in a paragraph where no quotation is open: the opening mark was dropped (a common
    machine-translation slip when a quotation is split around its attribution), or the closing mark is
    stray.

    Example:
        We will rebuild the bridge,” the mayor said.
    Write instead:
        “We will rebuild the bridge,” the mayor said.

    Known false positives: a quotation whose opening mark was lost in an earlier paragraph that is not
    part of the article.
    """
    text = article.target.text
    for p in _problems(article, "unopened"):
        close = p.marks[0]
        start, _ = _paragraph_span(article, p.paragraph)
        yield Violation(
            start,
            close + 1,
            f"{_NAMES[text[close]].capitalize()} {text[close]} at {_where(article, close)} "
            "has no opening mark",
            evidence={"mark": text[close], "closing_at": _where(article, close)},
        )


@rule("Q103", "quotation-out-of-step", "quotes", Severity.ERROR)
def quotation_out_of_step(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Quotation marks out of step in a paragraph: a close with no opening, then an opening never closed.

    The typical shape of a quotation split around its attribution when the first opening mark was
    dropped: `I have seen it happen,” she said. “It will happen again.` The first part has no opening
    mark and the second part is never closed (and the next paragraph does not continue it). Reported
    once for the paragraph, since one repair fixes both.

    Example:
        We will rebuild,” the mayor said. “The bridge will reopen by spring.
    Write instead:
        “We will rebuild,” the mayor said. “The bridge will reopen by spring.”
    """
    text = article.target.text
    for p in _problems(article, "out_of_step"):
        close, reopen = p.marks
        start, end = _paragraph_span(article, p.paragraph)
        yield Violation(
            start,
            end,
            f"Quotation marks out of step: {text[close]} at {_where(article, close)} closes a quotation "
            f"never opened, and {text[reopen]} at {_where(article, reopen)} opens one never closed",
            evidence={
                "unopened_close_at": _where(article, close),
                "unclosed_open_at": _where(article, reopen),
            },
        )


@rule("Q104", "mismatched-quotation-marks", "quotes", Severity.ERROR)
def mismatched_quotation_marks(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Quotation opened with one kind of mark and closed with the other.

    A single mark closed by a double one (‘…” or '…"), or a single quotation inside a double one left
    open when the double one closes.

    Example:
        The sign read ‘Closed for repairs.”
    Write instead:
        The sign read “Closed for repairs.”
    """
    text = article.target.text
    for p in _problems(article, "mismatched"):
        open_at, close_at = p.marks
        yield Violation(
            open_at,
            close_at + 1,
            f"Quotation opened with {text[open_at]} is closed with {text[close_at]}",
            evidence={"open": text[open_at], "close": text[close_at], "opened_at": _where(article, open_at)},
        )


@rule("Q105", "nested-double-quotes", "quotes", Severity.WARNING)
def nested_double_quotes(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Double quotation marks inside a double quotation.

    American style nests single marks inside double ones: a quotation within a quotation takes ‘ and ’.

    Example:
        “He told us “never again” last year,” she said.
    Write instead:
        “He told us ‘never again’ last year,” she said.
    """
    text = article.target.text
    for p in _problems(article, "nested_double"):
        open_at, close_at = p.marks
        is_curly = text[open_at] != '"'
        inner = text[open_at + 1 : close_at]
        replacement = f"‘{inner}’" if is_curly else f"'{inner}'"
        yield Violation(
            open_at,
            close_at + 1,
            "Double marks inside a double quotation; use single marks for a quotation within a quotation",
            suggestion=Suggestion(replacement, Applicability.UNSAFE),
            evidence={"outer_opened_at": _where(article, int(p.detail["outer"]))},  # type: ignore[call-overload]
        )


@rule("Q201", "wrong-facing-mark", "quotes", Severity.WARNING, fixable=True)
def wrong_facing_mark(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Curly quotation mark or apostrophe facing the wrong way.

    A closing glyph where a quotation opens (”Yes”), an opening glyph where one closes, or an opening
    single mark used as an apostrophe (‘90s, it‘s): word processors' autocorrection gets these wrong
    after a dash, a bracket or at the start of a line, and apostrophes always take the closing glyph.
    Reported only where the position leaves no doubt; the fix turns the mark around.

    Example:
        The band’s ‘90s hits, ”remastered,” are back.
    Write instead:
        The band’s ’90s hits, “remastered,” are back.
    """
    for m in article.target.quotations.marks:
        if m.certain and curly(m.char) and m.wrong_facing:  # (only a curly glyph faces a way)
            right = m.curly_form()
            what = "apostrophe" if m.role == "apostrophe" else f"{m.role}ing {m.kind} quotation mark"
            yield Violation(
                m.offset,
                m.offset + 1,
                f"{m.char} faces the wrong way for an {what}; use {right}"
                if what[0] in "ao"
                else f"{m.char} faces the wrong way for a {what}; use {right}",
                suggestion=Suggestion(right, Applicability.SAFE),
            )


@rule("Q202", "mixed-quote-styles", "quotes", Severity.WARNING, fixable=True)
def mixed_quote_styles(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Straight and curly quotation marks or apostrophes mixed in one article.

    One article should use one style. The house style decides which (`[quotes] style = "curly"` or
    `"straight"` in the style file); by default (`"auto"`) the article's majority wins, and an article
    that uses one style throughout passes. Feet and inch marks (5'10", a 20" screen) are not counted.
    The fix converts a mark to the house style where its role (opening, closing, apostrophe) is certain.

    Example:
        “We’re ready,” she said. "It's time."
    Write instead:
        “We’re ready,” she said. “It’s time.”
    """
    marks = [m for m in article.target.quotations.marks if m.role != MEASURE]
    n_curly = sum(1 for m in marks if curly(m.char))
    n_straight = len(marks) - n_curly
    style = options.get("style", "auto")
    if style == "auto":
        if not n_curly or not n_straight:
            return
        style = "curly" if n_curly >= n_straight else "straight"
        why = f"this article mostly uses {style} marks ({max(n_curly, n_straight)} of {len(marks)})"
    else:
        why = f"the house style is {style} marks"
    for m in marks:
        if (style == "curly") == m.curly:
            continue
        right = m.curly_form() if style == "curly" else m.straight_form()
        safe = m.certain or style == "straight"
        yield Violation(
            m.offset,
            m.offset + 1,
            f"{'Straight' if style == 'curly' else 'Curly'} {m.char} where {why}; use {right}",
            suggestion=Suggestion(right, Applicability.SAFE if safe else Applicability.UNSAFE),
            evidence={"curly": n_curly, "straight": n_straight, "style": style},
        )


# -- brackets ---------------------------------------------------------------------------------------

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_SMILEY = re.compile(r"(?<!\w)[:;][-^o']?[()\[\]{}DPp](?![\w(])")
_ENUMERATOR = re.compile(r"(?:^|(?<=\s))(?:\d{1,3}[a-z]?|[ivxlc]{2,6}|[IVXLC]{2,6})\)$")
_LIST_ITEM = re.compile(r"\s*(?:[A-Za-z]|\d{1,3}|[ivxIVX]{1,4})\)")


def _bracket_problems(article: Article) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    return article.target.derived("quotes.brackets", _find_bracket_problems)


def _find_bracket_problems(doc: Document) -> tuple[list[tuple[int, str]], list[tuple[int, int]]]:
    """Unpaired brackets (offset, 'open'|'close') and mismatched pairs (open offset, close offset).

    A bracket left open at the end of a paragraph may close in the next one (a parenthesis can run over
    paragraphs); smileys, list enumerators (a) b) 1) iv)) and section references (section 1a)) are
    not brackets."""
    text = doc.visible
    unpaired: list[tuple[int, str]] = []
    mismatched: list[tuple[int, int]] = []
    # Every bracket of the text in one scan; each paragraph takes its slice (paragraphs are in text order).
    brackets = find_all(text, "()[]{}")
    if not brackets:
        return unpaired, mismatched
    pending: list[tuple[int, str]] = []  # opened in an earlier paragraph
    for para in doc.paragraphs:
        if not para.is_prose:
            continue
        first = bisect_left(brackets, para.start)
        last = bisect_left(brackets, para.end, first)
        carried = pending
        if first == last:  # no bracket here: whatever was carried in is never closed
            unpaired.extend((o, "open") for o, _ in carried)
            pending = []
            continue
        ignore = (
            {m.start() + len(m.group()) - 1 for m in _SMILEY.finditer(text, para.start, para.end)}
            if text.find(":", para.start, para.end) != -1 or text.find(";", para.start, para.end) != -1
            else ()  # a smiley starts with : or ;
        )
        stack: list[tuple[int, str]] = []
        pending = []
        for i in brackets[first:last]:
            ch = text[i]
            if i in ignore:
                continue
            if ch in _OPENERS:
                stack.append((i, ch))
                continue
            want = _CLOSERS[ch]
            if stack and stack[-1][1] == want:
                stack.pop()
                continue
            if stack:
                if any(o[1] == want for o in stack):
                    while stack and stack[-1][1] != want:
                        unpaired.append((stack.pop()[0], "open"))
                    stack.pop()
                else:
                    mismatched.append((stack.pop()[0], i))
                continue
            if carried and carried[-1][1] == want:
                carried.pop()
                continue
            line_start = max(para.start, text.rfind("\n", para.start, i) + 1)
            if ch == ")" and (
                _ENUMERATOR.search(text, line_start, i + 1) or _LIST_ITEM.match(text, line_start, i + 1)
            ):
                continue
            unpaired.append((i, "close"))
        unpaired.extend((o, "open") for o, _ in carried)
        pending = stack
    unpaired.extend((o, "open") for o, _ in pending)
    return sorted(unpaired), sorted(mismatched)


@rule("Q301", "unpaired-bracket", "quotes", Severity.WARNING)
def unpaired_bracket(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Bracket or parenthesis opened and never closed, or closed and never opened.

    Often a sign of a sentence cut or merged in translation. Smileys (:-)), list enumerators (a), 1),
    iv)) and a parenthesis that closes in the next paragraph are not reported.

    Example:
        The agency (which reports to the ministry said it would appeal.
    Write instead:
        The agency (which reports to the ministry) said it would appeal.
    """
    text = article.target.text
    unpaired, _ = _bracket_problems(article)
    for offset, side in unpaired:
        ch = text[offset]
        msg = f"{ch} is never closed" if side == "open" else f"{ch} closes a bracket that was never opened"
        yield Violation(offset, offset + 1, msg)


@rule("Q302", "mismatched-bracket", "quotes", Severity.WARNING)
def mismatched_bracket(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Bracket closed with a different kind of bracket: ( … ] or [ … }.

    Example:
        The figure [revised in March) was higher.
    Write instead:
        The figure [revised in March] was higher.
    """
    text = article.target.text
    _, mismatched = _bracket_problems(article)
    for open_at, close_at in mismatched:
        right = _OPENERS[text[open_at]]
        yield Violation(
            open_at,
            close_at + 1,
            f"{text[open_at]} is closed with {text[close_at]}; expected {right}",
        )

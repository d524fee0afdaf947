"""The document model: one decoded text, described by code-point spans.

The text is kept exactly as decoded (BOM dropped, line endings untouched). Structure is spans over it:
lines, paragraphs with a kind, masked regions (invisible to checks: code, URLs, e-mail addresses, front
matter, Markdown syntax), sentences, and quotation regions. Every span is a half-open (start, end) range
of code-point offsets, fixed when it is found; line and column are computed only when rendering.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from tlqa.scan import find_all
from tlqa.structure import classify as _classify_paragraphs

if TYPE_CHECKING:
    from tlqa.quotemarks import QuoteAnalysis

T = TypeVar("T")
_SENTENCE_END = frozenset(".!?…:\"”’')]。！？」』）")

_LINE_BREAK = re.compile(r"\r\n|\n|\r")


def _line_breaks(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line break: \r\n, \n or \r."""
    if "\r" in text:
        return [m.span() for m in _LINE_BREAK.finditer(text)]
    return [(i, i + 1) for i in find_all(text, "\n")]  # the common case, at str.find speed


class LineIndex:
    """Offsets to 1-based (line, column) by bisecting a table of line starts. CRLF is one break."""

    __slots__ = ("starts", "text_length")

    def __init__(self, text: str, breaks: list[tuple[int, int]] | None = None) -> None:
        self.starts = [0] + [end for _start, end in (_line_breaks(text) if breaks is None else breaks)]
        self.text_length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self.text_length))
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def __len__(self) -> int:
        return len(self.starts)


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int  # excludes the line break
    number: int  # 1-based


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of prose (or code) with its kind. `start`/`end` span its text without the final break."""

    index: int
    kind: str  # news kinds (headline, byline, caption, …: see tlqa.structure) and Markdown's heading, …
    start: int
    end: int
    first_line: int  # 1-based

    @property
    def is_prose(self) -> bool:
        return self.kind != "code"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int


# Masked inline material, found in every format.
_URL = re.compile(r"\b(?:https?://|ftp://|www\.)[^\s<>\"“”]+[^\s<>\"“”.,;:!?)\]’']")
_EMAIL_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)+\b")

# Markdown block syntax.
_MD_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_MD_ATX = re.compile(r"^( {0,3}#{1,6})(?:[ \t]+|$)")
_MD_ATX_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_MD_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_MD_HRULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_MD_QUOTE = re.compile(r"^( {0,3}>[ \t]?)")
_MD_LIST = re.compile(r"^( {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+)")
_MD_INDENTED_CODE = re.compile(r"^(?: {4}|\t)")
_MD_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# A code span may wrap onto the next line but never crosses a blank line (the end of a paragraph), so a
# stray backtick typed as an apostrophe cannot hide the prose up to the next one.
_MD_CODE_SPAN = re.compile(r"(`+)(?!`)(?:[^\r\n]|\r?\n(?![ \t]*(?:\r?\n|$))|\r(?![ \t]*\r))+?(?<!`)\1(?!`)")
_MD_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_MD_AUTOLINK = re.compile(r"<(?:https?://|mailto:)[^>\s]+>")
_MD_IMAGE_BANG = re.compile(r"!(?=\[)")


class Document:
    """A decoded text and its structure."""

    def __init__(self, text: str, fmt: str = "text", path: str = "-") -> None:
        self.text = text
        self.format = fmt
        self.path = path
        breaks = _line_breaks(text)
        self.line_index = LineIndex(text, breaks)
        self.lines = self._lines(breaks)
        masks: list[tuple[int, int]] = []
        kinds: list[tuple[str, int, int]]  # (kind, first line index, last line index) blocks
        if fmt == "markdown":
            kinds = self._markdown_blocks(masks)
        else:
            kinds = []
            prev_blank = True
            for i, line in enumerate(self.lines):
                blank = not text[line.start : line.end].strip()
                if not blank:
                    self._extend_block(kinds, "body", i, prev_blank)
                prev_blank = blank
        if "://" in text or "www." in text:
            masks.extend(m.span() for m in _URL.finditer(text))
        if "@" in text:  # the e-mail pattern is costly to try at every word: only when there may be one
            masks.extend(_emails(text))
        self.masked = _merge(masks)
        self.visible = _blank_out(text, self.masked)
        self.hard_wrapped = _looks_hard_wrapped(text, self.lines, kinds)
        self.paragraphs = self._paragraphs(kinds)
        self._memo: dict[str, object] = {}
        # News kinds (headline, subhead, dateline, byline, caption, …) for the body paragraphs.
        news = _classify_paragraphs(self, self.paragraphs)
        self.paragraphs = [
            p if p.kind == k else Paragraph(p.index, k, p.start, p.end, p.first_line)
            for p, k in zip(self.paragraphs, news, strict=True)
        ]

    def derived(self, key: str, factory: Callable[[Document], T]) -> T:
        """A value computed once per document from the document (shared by several rules)."""
        if key not in self._memo:
            self._memo[key] = factory(self)
        return self._memo[key]  # type: ignore[return-value]

    # -- structure -----------------------------------------------------------------------------------

    def _lines(self, breaks: list[tuple[int, int]]) -> list[Line]:
        # A line ends where its break starts (a break is one of \r\n, \n, \r: see LineIndex).
        ends = [start for start, _end in breaks]
        ends.append(len(self.text))
        return [
            Line(start, end, n)
            for n, (start, end) in enumerate(zip(self.line_index.starts, ends, strict=True), 1)
        ]

    def _is_blank(self, line: Line) -> bool:
        return not self.text[line.start : line.end].strip()

    def _markdown_blocks(self, masks: list[tuple[int, int]]) -> list[tuple[str, int, int]]:
        """Line-based Markdown block reading: enough structure for news copy, not a full CommonMark."""
        text, lines = self.text, self.lines
        blocks: list[tuple[str, int, int]] = []
        i, n = 0, len(lines)
        # Front matter: '---' on the first line up to the next '---' or '...'.
        if n > 1 and text[lines[0].start : lines[0].end].strip() == "---":
            for j in range(1, n):
                if text[lines[j].start : lines[j].end].strip() in ("---", "..."):
                    masks.append((0, lines[j].end))
                    i = j + 1
                    break
        prev_blank = True
        while i < n:
            line = lines[i]
            raw = text[line.start : line.end]
            if not raw.strip():
                prev_blank = True
                i += 1
                continue
            fence = _MD_FENCE.match(raw)
            if fence:
                marker = fence.group(1)
                j = i + 1
                while j < n and not text[lines[j].start : lines[j].end].lstrip().startswith(marker):
                    j += 1
                last = min(j, n - 1)
                masks.append((line.start, lines[last].end))
                blocks.append(("code", i, last))
                i, prev_blank = last + 1, False
                continue
            if prev_blank and _MD_INDENTED_CODE.match(raw) and not _MD_LIST.match(raw.lstrip()):
                j = i
                while j + 1 < n and (
                    _MD_INDENTED_CODE.match(text[lines[j + 1].start : lines[j + 1].end])
                    or self._is_blank(lines[j + 1])
                ):
                    j += 1
                while self._is_blank(lines[j]):
                    j -= 1
                masks.append((line.start, lines[j].end))
                blocks.append(("code", i, j))
                i, prev_blank = j + 1, False
                continue
            if _MD_HRULE.match(raw) and not (blocks and not prev_blank and _MD_SETEXT.match(raw)):
                masks.append((line.start, line.end))
                i, prev_blank = i + 1, True
                continue
            if raw.lstrip().startswith("<!--"):
                m = _MD_HTML_COMMENT.match(text, line.start + len(raw) - len(raw.lstrip()))
                if m:
                    masks.append((line.start, m.end()))
                    j = bisect.bisect_right(self.line_index.starts, m.end() - 1) - 1
                    i, prev_blank = j + 1, False
                    continue
            atx = _MD_ATX.match(raw)
            if atx:
                masks.append((line.start, line.start + atx.end()))
                close = _MD_ATX_CLOSE.search(raw)
                if close and close.start() >= atx.end():
                    masks.append((line.start + close.start(), line.end))
                blocks.append(("heading", i, i))
                i, prev_blank = i + 1, False
                continue
            setext = _MD_SETEXT.match(raw)
            if setext and not prev_blank and blocks and blocks[-1][0] == "body" and blocks[-1][2] == i - 1:
                masks.append((line.start, line.end))
                kind, first, _last = blocks.pop()
                blocks.append(("heading", first, i - 1))
                i, prev_blank = i + 1, False
                continue
            quote = _MD_QUOTE.match(raw)
            if quote:
                masks.append((line.start, line.start + quote.end()))
                inner = raw[quote.end() :]
                if not inner.strip():
                    prev_blank = True  # '>' alone separates paragraphs inside a blockquote
                else:
                    self._extend_block(blocks, "blockquote", i, prev_blank)
                    prev_blank = False
                i += 1
                continue
            item = _MD_LIST.match(raw)
            if item:
                masks.append((line.start, line.start + item.end()))
                blocks.append(("list_item", i, i))
                i, prev_blank = i + 1, False
                continue
            if blocks and blocks[-1][0] == "list_item" and not prev_blank and raw[:1] in " \t":
                kind, first, _last = blocks.pop()
                blocks.append((kind, first, i))
                i += 1
                continue
            self._extend_block(blocks, "body", i, prev_blank)
            i, prev_blank = i + 1, False
        for pattern in (_MD_HTML_COMMENT, _MD_CODE_SPAN, _MD_LINK_TARGET, _MD_AUTOLINK, _MD_IMAGE_BANG):
            masks.extend(m.span() for m in pattern.finditer(text))
        return blocks

    @staticmethod
    def _extend_block(blocks: list[tuple[str, int, int]], kind: str, i: int, prev_blank: bool) -> None:
        if blocks and not prev_blank and blocks[-1][0] == kind and blocks[-1][2] == i - 1:
            blocks[-1] = (kind, blocks[-1][1], i)
        else:
            blocks.append((kind, i, i))

    def _paragraphs(self, kinds: list[tuple[str, int, int]]) -> list[Paragraph]:
        """Blocks become paragraphs. A block of several lines is one paragraph when the file is
        hard-wrapped (or the block is code or a heading); otherwise each of its lines is a paragraph,
        as in copy pasted from a CMS with one paragraph to a line. In Markdown a block is always one
        paragraph: consecutive lines join by definition there (and a list item keeps its continuation)."""
        out: list[Paragraph] = []
        lines = self.lines
        whole_blocks = self.hard_wrapped or self.format == "markdown"
        for kind, first, last in kinds:
            if kind in ("code", "heading") or first == last or whole_blocks:
                spans = [(first, last)]
            else:
                spans = [(j, j) for j in range(first, last + 1) if not self._is_blank(lines[j])]
            for a, b in spans:
                start, end = lines[a].start, lines[b].end
                # Trim masked syntax and white space from both ends, so a paragraph is its prose.
                while start < end and (self.visible[start].isspace()):
                    start += 1
                while end > start and self.visible[end - 1].isspace():
                    end -= 1
                if start == end and kind != "code":
                    continue
                if kind == "code":
                    start, end = lines[a].start, lines[b].end
                out.append(Paragraph(len(out), kind, start, end, lines[a].number))
        return out

    # -- derived views ---------------------------------------------------------------------------------

    def paragraph_at(self, offset: int) -> Paragraph | None:
        starts = self.derived("paragraph-starts", lambda d: [p.start for p in d.paragraphs])
        i = bisect.bisect_right(starts, offset) - 1
        if i >= 0 and offset < max(self.paragraphs[i].end, self.paragraphs[i].start + 1):
            return self.paragraphs[i]
        return None

    @cached_property
    def sentences(self) -> list[Sentence]:
        from tlqa.sentences import split_sentences

        out: list[Sentence] = []
        for p in self.paragraphs:
            if p.is_prose:
                out.extend(Sentence(s, e, p.index) for s, e in split_sentences(self.visible, p.start, p.end))
        return out

    @cached_property
    def quotations(self) -> QuoteAnalysis:
        """Quotation marks classified (apostrophe, opening, closing) and paired into regions."""
        from tlqa.quotemarks import analyse

        return analyse(self)

    def position(self, offset: int) -> tuple[int, int]:
        return self.line_index.position(offset)


def _emails(text: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses, found from each '@' outward (trying an address pattern at every word
    of an article costs more than the rest of the document model)."""
    out = []
    at = text.find("@")
    while at != -1:
        local = _local_part_start(text, max(0, at - 64), at)
        domain = _EMAIL_DOMAIN.match(text, at + 1)
        if local is not None and domain:
            start = local
            while start < at and not text[start].isalnum():
                start += 1  # a local part starts with a letter or digit
            if start < at:
                out.append((start, domain.end()))
        at = text.find("@", at + 1)
    return out


def _local_part_start(text: str, lo: int, at: int) -> int | None:
    """Where the run of word characters, dots, plus and minus signs that ends at `at` (or just before a
    line break there) starts, no earlier than lo; None when there is none. (A walk back: an end-anchored
    pattern would be tried at every start in the window.)"""
    end = at - 1 if at > lo and text[at - 1] == "\n" else at
    j = end
    while j > lo and (text[j - 1].isalnum() or text[j - 1] in "_.+-"):
        j -= 1
    return j if j < end else None


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(sp for sp in spans if sp[1] > sp[0]):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _blank_out(text: str, masks: list[tuple[int, int]]) -> str:
    """The text with masked spans replaced by spaces (line breaks kept), so offsets stay the same."""
    if not masks:
        return text
    parts, pos = [], 0
    for s, e in masks:
        parts.append(text[pos:s])
        parts.append(re.sub(r"[^\r\n]", " ", text[s:e]))
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _looks_hard_wrapped(text: str, lines: list[Line], blocks: list[tuple[str, int, int]]) -> bool:
    """True when multi-line prose blocks look wrapped at a fixed width rather than one paragraph a line.

    Wrapped copy has lines no longer than about 100 characters (or, when blank lines separate several
    wrapped paragraphs, up to 300), most of the non-final lines of a block close to the widest line,
    and many of them stopping mid-sentence; one-paragraph-a-line copy has lines of very different
    lengths, nearly all ending a sentence."""
    inner: list[Line] = []
    widest = 0
    wrapped_blocks = 0
    for kind, first, last in blocks:
        if kind == "code":
            continue
        wrapped_blocks += last > first
        for j in range(first, last + 1):
            widest = max(widest, lines[j].end - lines[j].start)
            if j < last:
                inner.append(lines[j])
    if not inner or widest > (300 if wrapped_blocks >= 2 else 100) or widest < 30:
        return False
    near = sum(1 for ln in inner if ln.end - ln.start >= 0.6 * widest)
    ending = sum(1 for ln in inner if text[ln.start : ln.end].rstrip()[-1:] in _SENTENCE_END)
    # A wrap breaks sentences anywhere, so the line after some break starts with a small letter; a
    # headline over its first paragraph ("Ministry delays fare rise" / "The ministry said…") does not.
    continued = sum(1 for ln in inner if _line_text(text, lines[ln.number]).lstrip()[:1].islower())
    return near >= 0.75 * len(inner) and ending <= 0.5 * len(inner) and (continued >= 1 or len(inner) >= 3)


def _line_text(text: str, line: Line) -> str:
    return text[line.start : line.end]


def build(text: str, fmt: str = "text", path: str = "-") -> Document:
    return Document(text, fmt, path)

"""Sentence splitting that survives news text.

A boundary is terminal punctuation (. ! ? …), any closing quotation marks or brackets after it, white
space, and then something that can start a sentence. Periods that end abbreviations are not boundaries:
titles and "No." before what they name never are ("Gen. Park", "No. 1", "Sept. 30"), initials never are
("John F. Kennedy"), and abbreviations that can also end a sentence ("U.S.", "5 a.m.", "Inc.") are only
when the next word is one that typically starts a sentence.
"""

from __future__ import annotations

import re

from tlqa.scan import find_all


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Never the end of a sentence when something follows on the same paragraph.
_NEVER_END = _words(
    """mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt gov sen rep rev hon pres supt det insp
    st mt ft fig figs vol vols no nos art sec ch pp p op para approx dept est vs v cf e.g i.e al
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun"""
)
# Can end a sentence; do so only before a word that typically starts one.
_MAY_END = _words("inc corp co ltd llc plc jr sr bros etc a.m p.m am pm")
_STARTERS = _words(
    """a an the he she it its they we i you this that these those there here his her their our my but and
    or so yet in on at for from by with after before when while as if although though since because
    during meanwhile however still also then now today yesterday tomorrow some many most all both each
    no not one two three four five six seven eight nine ten police officials critics analysts residents
    experts authorities president minister mr mrs ms dr according under over last next"""
)

_CANDIDATE = re.compile(r"[.!?…]+[\"”’'»)\]]*(?=\s)")  # what _candidates finds (kept as its definition)
_TERMINAL = ".!?…"
_CLOSING = "\"”’'»)]"
_NEXT = re.compile(r"\s+")
_NEXT_WORD = re.compile(r"[\w’']+")
_TOKEN_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")
_ACRONYM = re.compile(r"^(?:[A-Za-z]\.)+[A-Za-z]$")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end], trimmed of surrounding white space."""
    spans: list[tuple[int, int]] = []
    sent_start = _skip_space(text, start, end)
    for m_start, m_end in _candidates(text, start, end):
        ws = _NEXT.match(text, m_end, end)
        if ws is None or ws.end() >= end:
            continue
        if _is_boundary(text, m_start, text[m_start:m_end], ws.end(), end):
            if m_end > sent_start:
                spans.append((sent_start, m_end))
            sent_start = ws.end()
    tail_end = end
    while tail_end > sent_start and text[tail_end - 1].isspace():
        tail_end -= 1
    if tail_end > sent_start:
        spans.append((sent_start, tail_end))
    return spans


def _candidates(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans _CANDIDATE.finditer(text, start, end) would give: a run of terminal punctuation from
    its first mark, the closing marks after it, and white space next. Found from the punctuation
    marks (str.find), where the pattern, opening with a character class, is tried at every character."""
    out = []
    for p in find_all(text, _TERMINAL, start, end):
        if p > start and text[p - 1] in _TERMINAL:
            continue  # inside a run: the run's first mark answered for it
        q = p + 1
        while q < end and text[q] in _TERMINAL:
            q += 1
        while q < end and text[q] in _CLOSING:
            q += 1
        if q < end and text[q].isspace():
            out.append((p, q))
    return out


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _is_boundary(text: str, punct_at: int, punct: str, nxt: int, end: int) -> bool:
    ch = text[nxt]
    if ch.islower():
        return False
    if not (ch.isupper() or ch.isdigit() or ch in "\"“‘'([" or (ch.isalpha() and not ch.isascii())):
        return False
    if not punct.startswith(".") or punct.startswith(".."):
        return True  # ! ? … and ellipses
    if punct[-1] != ".":
        return True  # a closing quote or bracket after the period: 'He said ‘no.’ She…' ends there
    token = _token_before(text, max(0, punct_at - 40), punct_at)
    if not token:
        return True  # a number or a closing bracket before the period
    # A token's own inner periods ("U.S" before the final one) belong to it.
    lowered = token.lower()
    next_word = _NEXT_WORD.match(text, nxt, min(end, nxt + 30))
    next_lower = next_word.group(0).lower() if next_word else ""
    if len(token) == 1 and token.isupper():
        return False  # an initial: "John F. Kennedy"
    if lowered in _NEVER_END:
        return False
    if lowered in _MAY_END or _ACRONYM.match(token):
        return ch in "\"“‘'(" or next_lower in _STARTERS
    return True


def _token_before(text: str, lo: int, i: int) -> str:
    """The word (ASCII letters and inner periods, starting with a letter) that ends at i and starts no
    earlier than lo: "U.S", "Sept", "F"; "" when there is none. A walk back over the characters, where
    an end-anchored search would try every start in the window."""
    if i > lo and text[i - 1] == "\n":
        i -= 1  # (as "$" would: a word may end just before a final line break)
    j = i
    while j > lo and text[j - 1] in _TOKEN_CHARS:
        j -= 1
    while j < i and text[j] == ".":
        j += 1
    return text[j:i]

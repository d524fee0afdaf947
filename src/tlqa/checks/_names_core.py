"""Names in an article: where they are, which spellings belong together, and which one is off.

Extraction reads each paragraph's capitalised runs ("CIA Director John Ratcliffe", "Lee Jae-myung"),
drops the title words before a name and the function words and dates around it, and keeps each name
word (a token: "Ratcliffe", "Jae-myung", "Jae myung" after a Korean or Chinese surname) as an
occurrence with its span. Bylines and datelines are read too (their names support a spelling) but are
never flagged. The analysis is computed once per document and shared by the rules.

Grouping: occurrences with the same letters (case, hyphens, spaces and a possessive aside) are one
spelling group; two groups are variants of one name when a name-aware distance says so (see
`relation`). A group seen once against one seen twice or more is a variant of the dominant form; two
groups seen once each are an inconsistency.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from tlqa import lazyre
from tlqa.checks._names_data import DISTINCT, EA_SURNAMES, NOT_NAMES, TITLES
from tlqa.checks._names_romanize import pinyin_split
from tlqa.document import Document

# A capitalised word: its letters are read as lower-case ASCII first ([a-z] is cheaper to test than
# [^\W\d_], the letters, which read the rest). Every repetition is possessive: nothing after it could
# need a letter back (what follows is optional), so the match is the same and no backtracking is kept.
_WORD = r"[A-ZÀ-ÖØ-Þ](?:\.(?:[A-Z]\.)+|[a-z]*+[^\W\d_]*+(?:['’\-‐][^\W\d_]++)*+)"
# A run of capitalised words separated by single spaces ("CIA Director John Ratcliffe"). No look-behind
# in the pattern (it would be tried at every character): a match inside a word is dropped afterwards.
_RUN = lazyre.compile(_WORD + r"(?: " + _WORD + r")*+")
_INSIDE_WORD = frozenset("'’-‐_")
_LOWER_SYLLABLE = lazyre.compile(r" ([a-z]{1,6})(?![\w'’\-‐])")
_POSSESSIVE = lazyre.compile(r"['’]s?$")
_STRIP = str.maketrans("", "", "-‐'’. ")
_OPENERS = frozenset("“\"‘'([{—–-«")
_ASCII_CAPITALS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_CLOSING = frozenset('.!?”"’:')  # a line ending in one of these is not a title-case headline
_SYLLABLE = lazyre.compile(r"^[bcdfghjklmnprstwyz]{0,3}[aeiouwy]{1,4}(?:ng|n|m|l|k|p|t|r)?$")
_BYLINE = lazyre.compile(r"(?:BY|By)\s+[A-Z]")
_DATELINE = lazyre.compile(
    r"[A-Z][A-Za-z .'-]{1,40},(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z ]{2,30}\))?\s*[-—–]{1,2}\s"
)
_SEPARATORS = lazyre.compile(r"[-‐ ]")  # between the syllables of a given name, the words of a name
_PHON_PAIRS = lazyre.compile(r"eo|oo|ou|eu|ae|ck")
_PHON_MAP = {"eo": "u", "oo": "u", "ou": "u", "eu": "u", "ae": "e", "ck": "k"}
# Words that split a run: titles before a name and the function words and dates around it.
_STOP = TITLES | NOT_NAMES
# The same as written at the start of a sentence or in capitals ("The", "THE"): a run that is one of
# these is dropped before anything else is asked of it.
_STOP_FORMS = frozenset(f for w in _STOP for f in (w.capitalize(), w.upper()) if f.lower() in _STOP)


@dataclass(slots=True)
class Occurrence:
    """One name word as written."""

    surface: str  # as written, possessive dropped
    norm: str  # lower case, letters only
    start: int
    end: int
    mention: int  # index of its Mention
    initial: bool  # opens a sentence (or a title-case line): capitalised anyway
    protected: bool  # byline or dateline: never flagged
    caps: bool  # written in capitals: its case tells nothing
    east_asian: bool  # part of a Korean or Chinese name


@dataclass(slots=True)
class Mention:
    """A name as written, title words dropped: "John Ratcliffe", "Lee Jae-myung", "Ratcliffe"."""

    start: int
    end: int
    text: str
    tokens: tuple[int, ...]  # indexes of its occurrences


@dataclass(frozen=True, slots=True)
class Pairing:
    """A spelling that disagrees with another spelling of the same name."""

    variant: int  # occurrence index to flag
    dominant_form: str  # the other spelling ("Ratcliffe")
    dominant_count: int  # how often the other spelling is used (0 for an inconsistency of equals)
    relation: str  # spelling | romanisation | formatting
    others: tuple[int, ...]  # occurrence indexes of the other spelling
    norms: frozenset[str]  # both spellings' letter keys


# An occurrence's fields in its row, the plain tuple it is kept as (Occurrence's fields, in order).
_SURFACE, _NORM, _START, _END, _MENTION, _INITIAL, _PROTECTED, _CAPS, _EAST_ASIAN = range(9)
_OccurrenceRow = tuple[str, str, int, int, int, bool, bool, bool, bool]
_MentionRow = tuple[int, int, str, tuple[int, ...]]  # Mention's fields, in order
_TOKENS = 3  # a mention row's occurrence indexes


@dataclass
class NameIndex:
    """The article's names. Occurrences are kept as plain tuples (rows: building and pairing them is the
    hot path of the family, and most articles need no more) and mentions are read off them (an
    occurrence row names its mention, whose tokens are consecutive); the Occurrence and Mention objects
    are made the first time a rule asks."""

    text: str = ""  # the document's visible text, which mentions are spans of
    occurrence_rows: list[_OccurrenceRow] = field(default_factory=list)
    groups: dict[str, list[int]] = field(default_factory=dict)
    # For the pairing: the letter keys written in two ways or more (case, hyphens, spaces), and the keys
    # of three letters or more by first and last letter, in the order of `groups`.
    respelled: dict[str, None] = field(default_factory=dict)
    buckets: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    lowered: set[str] | None = None  # lower-case words of the article, read only when needed
    protected: list[tuple[int, int]] = field(default_factory=list)  # bylines and datelines
    _mention_rows: list[_MentionRow] | None = field(default=None, repr=False)
    _occurrences: list[Occurrence] | None = field(default=None, repr=False)
    _mentions: list[Mention] | None = field(default=None, repr=False)

    @property
    def mention_rows(self) -> list[_MentionRow]:
        if self._mention_rows is None:
            spans: list[list[int]] = []  # first and last occurrence of each mention
            for n, row in enumerate(self.occurrence_rows):
                if row[_MENTION] == len(spans):
                    spans.append([n, n])
                else:
                    spans[row[_MENTION]][1] = n
            rows, text = self.occurrence_rows, self.text
            self._mention_rows = [
                (
                    rows[a][_START],
                    rows[b][_END],
                    text[rows[a][_START] : rows[b][_END]],
                    tuple(range(a, b + 1)),
                )
                for a, b in spans
            ]
        return self._mention_rows

    @property
    def occurrences(self) -> list[Occurrence]:
        if self._occurrences is None:
            self._occurrences = [Occurrence(*row) for row in self.occurrence_rows]
        return self._occurrences

    @property
    def mentions(self) -> list[Mention]:
        if self._mentions is None:
            self._mentions = [Mention(*row) for row in self.mention_rows]
        return self._mentions

    def is_protected(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.protected)

    def mention_of(self, occ: Occurrence) -> Mention:
        return self.mentions[occ.mention]


def norm_of(text: str) -> str:
    return text.lower().translate(_STRIP)


def phon(s: str) -> str:
    """Letters with the romanisation alternations merged (eo/u, oo/u, ae/e, ck/k ...)."""
    return _PHON_PAIRS.sub(lambda m: _PHON_MAP[m.group()], s)


# -- extraction ---------------------------------------------------------------------------------------------


def index(doc: Document) -> NameIndex:
    return doc.derived("names.index", _build)


def _build(doc: Document) -> NameIndex:
    text = doc.visible
    out = NameIndex(text)
    rows, groups, respelled, buckets = out.occurrence_rows, out.groups, out.respelled, out.buckets
    mentions = 0  # how many mentions so far (their rows are read off the occurrences when needed)
    text_length = len(text)
    for p in doc.paragraphs:
        if not p.is_prose:
            continue
        para_start, para_end = p.start, p.end
        protected_end = para_start
        kind = p.kind
        # The byline and dateline patterns each open with a letter: tested first, without a call.
        opening = text[para_start] if para_start < text_length else ""
        if kind in ("byline", "dateline", "disclosure", "artefact", "image") or (
            para_end - para_start < 120 and opening == "B" and _BYLINE.match(text, para_start)
        ):
            protected_end = para_end
        elif opening in _ASCII_CAPITALS:
            m = _DATELINE.match(text, para_start, para_end)
            if m:
                protected_end = m.end()
        if protected_end > para_start:
            out.protected.append((para_start, protected_end))
        runs: Iterable[re.Match[str]] = _RUN.finditer(text, para_start, para_end)
        if kind in ("headline", "subhead"):
            headline = True
        elif para_end - para_start > 160 or text[para_end - 1] in _CLOSING:
            headline = False  # _title_case's first test, made here so that most paragraphs are read once
        else:
            runs = list(runs)
            headline = _title_case(text, para_start, para_end, runs)
        for m in runs:
            run_text = m.group()
            if run_text in _STOP_FORMS:
                continue  # "The", "But", "President": the commonest runs, and never a name
            if " " not in run_text:
                # A run of one word (most runs): what _run_shape and the loop below make of it, inline.
                word = _word(run_text)
                if word is None:
                    continue  # "The", "But", "President", "U.S.": the commonest runs, and never a name
                pos = m.start()
                before = text[pos - 1]  # (a space, most often)
                if before != " " and pos > para_start and (before.isalnum() or before in _INSIDE_WORD):
                    continue  # "iPhone", "al-Assad": not a capitalised word
                _offset, surface, norm, ends, caps, syllabic, short_caps = word
                if short_caps and pos >= protected_end:
                    continue  # an acronym: CIA, NATO (in a byline or dateline, capitals are names)
                n = len(rows)
                end = pos + len(surface)
                if headline or pos == protected_end:
                    initial = True
                elif before == " " and pos - 2 >= para_start and text[pos - 2].isalnum():
                    initial = False  # "said Kang": _is_initial's first test, without the call
                else:
                    initial = _is_initial(text, para_start, pos)
                rows.append((surface, norm, pos, end, mentions, initial, pos < protected_end, caps, syllabic))
                mentions += 1
                group = groups.get(norm)
                if group is None:
                    groups[norm] = [n]
                    if ends is not None:
                        buckets.setdefault(ends, []).append(norm)
                else:
                    group.append(n)
                    if surface != rows[group[0]][_SURFACE]:
                        respelled[norm] = None
                continue
            pos = m.start()
            before = text[pos - 1]
            if before != " " and pos > para_start and (before.isalnum() or before in _INSIDE_WORD):
                continue  # "iPhone", "al-Assad": not a capitalised word
            may_join, shapes = _run_shape(run_text)
            if may_join:
                # "Lee Jae myung": a lower-case syllable after a Korean or Chinese surname and one
                # capitalised syllable is the second half of the given name.
                m = _LOWER_SYLLABLE.match(text, pos + len(run_text))
                if m is not None and _SYLLABLE.match(m.group(1)) is not None:
                    shapes = _run_shape(run_text + " " + m.group(1))[1]
            for opens_run, tokens in shapes:
                if headline:
                    initial_at = -2  # every word of a title-case line is capitalised anyway
                elif not opens_run:
                    initial_at = -1
                elif pos == protected_end:
                    initial_at = pos  # follows a dateline
                elif before == " " and pos - 2 >= para_start and text[pos - 2].isalnum():
                    initial_at = -1  # "said John Ratcliffe": _is_initial's first test, without the call
                else:
                    initial_at = pos if _is_initial(text, para_start, pos) else -1  # opens a sentence?
                first = len(rows)
                for offset, surface, norm, ends, caps, east_asian, short_caps in tokens:
                    start = pos + offset
                    if short_caps and start >= protected_end:
                        continue  # an acronym: CIA, NATO (in a byline or dateline, capitals are names)
                    n = len(rows)
                    initial = start == initial_at or initial_at == -2
                    end = start + len(surface)
                    rows.append(
                        (
                            surface,
                            norm,
                            start,
                            end,
                            mentions,
                            initial,
                            start < protected_end,
                            caps,
                            east_asian,
                        )
                    )
                    group = groups.get(norm)
                    if group is None:
                        groups[norm] = [n]
                        if ends is not None:
                            buckets.setdefault(ends, []).append(norm)
                    else:
                        group.append(n)
                        if surface != rows[group[0]][_SURFACE]:
                            respelled[norm] = None
                if len(rows) > first:
                    mentions += 1
    return out


def _title_case(text: str, start: int, end: int, runs: list[re.Match[str]]) -> bool:
    """A short line in title case with no closing punctuation: a headline, whatever its paragraph kind."""
    if end - start > 160 or text[end - 1] in _CLOSING:
        return False
    capitalised = 0
    for m in runs:
        pos = m.start()
        if pos > start and (text[pos - 1].isalnum() or text[pos - 1] in _INSIDE_WORD):
            continue  # inside a word: not a run
        capitalised += m.group().count(" ") + 1
    return capitalised >= 3 and capitalised >= 0.6 * len(text[start:end].split())


def _is_initial(text: str, para_start: int, start: int) -> bool:
    if start - 2 >= para_start and text[start - 1] == " " and text[start - 2].isalnum():
        return False  # the common case, in short: a word before, then the space
    i = start - 1
    while i >= para_start and (text[i] == " " or text[i] in _OPENERS):
        i -= 1
    if i < para_start:
        return True
    if text[i] not in ".!?:;":
        return False
    if text[i] == ".":
        j = i
        while j > para_start and text[j - 1].isalpha():
            j -= 1
        before = text[j:i]
        if before and ((len(before) <= 2 and before[0].isupper()) or before.lower() in TITLES):
            return False  # "U.S. Central", "Gov. Whitmer"
    return True


@lru_cache(maxsize=8192)
def _word(run_text: str) -> _Token | None:
    """A run of one word as a name word (as a token of _run_shape, at offset 0), or None: a title or
    function word, or an acronym with full stops (U.S.)."""
    if run_text.lower() in _STOP:
        return None
    surface, norm, caps, syllabic = _surface(run_text)
    if not surface or "." in surface:
        return None
    return _token(0, surface, norm, caps, syllabic, caps and len(surface) <= 5)


def _token(offset: int, surface: str, norm: str, caps: bool, east_asian: bool, short_caps: bool) -> _Token:
    """A token as _build reads it: its letter key's first and last letter (for the pairing's buckets)
    are worked out here, once per word."""
    ends = (norm[0], norm[-1]) if len(norm) >= 3 else None
    return offset, surface, norm, ends, caps, east_asian, short_caps


# A mention's shape: whether its first word opens the run, and its tokens as (offset in the run,
# surface, letters key, the key's first and last letter if it has three, in capitals, East Asian, an
# acronym unless in a byline or dateline).
_Token = tuple[int, str, str, tuple[str, str] | None, bool, bool, bool]
_Shape = tuple[bool, tuple[_Token, ...]]


@lru_cache(maxsize=8192)
def _run_shape(run_text: str) -> tuple[bool, tuple[_Shape, ...]]:
    """The mentions of a run of two words or more, with offsets relative to the run (a pure function of
    its words, cached: the same names recur), and whether a lower-case syllable after it may be the end
    of a given name ("Lee Jae myung")."""
    run: list[tuple[int, int, str]] = []
    pos = 0
    for w in run_text.split(" "):
        run.append((pos, pos + len(w), w))
        pos += len(w) + 1
    may_join = (
        len(run) >= 2 and run[-2][2].lower() in EA_SURNAMES and "-" not in run[-1][2] and len(run[-1][2]) <= 5
    )
    # Title words split a run: "CIA Director John Ratcliffe" -> "CIA", "John Ratcliffe"; "Michigan Gov"
    # -> "Michigan". Function words and dates split it too ("On May", "The").
    segments: list[list[tuple[int, int, str]]] = [[]]
    for w in run:
        if w[2].lower() in _STOP:
            segments.append([])
        else:
            segments[-1].append(w)
    shapes: list[_Shape] = []
    for segment in segments:
        if not segment:
            continue
        # "Goalkeeper Kim Min-ji": a Korean or Chinese name at the end of a longer run stands alone.
        k = _east_asian_name_at_end(segment)
        if k:
            shapes.append(_mention_shape(run_text, run, segment[:k]))
            segment = segment[k:]
        shapes.append(_mention_shape(run_text, run, segment))
    return may_join, tuple(s for s in shapes if s[1])


def _east_asian_name_at_end(segment: list[tuple[int, int, str]]) -> int:
    """Where a trailing surname-and-given-name starts in a run of three words or more (0: none)."""
    n = len(segment)
    last = segment[-1][2] if n >= 3 else ""
    if n >= 3 and segment[-2][2].lower() in EA_SURNAMES and (_syllables(last) or pinyin_split(last)):
        return n - 2
    if (
        n >= 4
        and segment[-3][2].lower() in EA_SURNAMES
        and all("-" not in w[2] and len(w[2]) <= 5 and _syllables(w[2]) for w in segment[-2:])
    ):
        return n - 3
    return 0


def _mention_shape(
    run_text: str, run: list[tuple[int, int, str]], words: list[tuple[int, int, str]]
) -> _Shape:
    all_caps = len(words) >= 2 and all(w[2].isupper() for w in words)
    # Join an East Asian given name written in two words ("Jae myung", "Jong Un") into one token.
    if (
        len(words) == 3
        and words[0][2].lower() in EA_SURNAMES
        and all("-" not in w[2] and len(w[2]) <= 5 and _SYLLABLE.match(w[2].lower()) for w in words[1:])
        and run_text[words[1][1] : words[2][0]] == " "
    ):
        words = [words[0], (words[1][0], words[2][1], run_text[words[1][0] : words[2][1]])]
    east_asian = len(words) == 2 and words[0][2].lower() in EA_SURNAMES
    tokens: list[_Token] = []
    for start, _end, raw in words:
        surface, norm, caps, syllabic = _surface(raw)
        if not surface or "." in surface:
            continue  # an acronym: U.S.
        tokens.append(
            _token(
                start,
                surface,
                norm,
                caps,
                east_asian or syllabic,
                caps and not all_caps and len(surface) <= 5,
            )
        )
    return words[0] is run[0], tuple(tokens)


@lru_cache(maxsize=8192)
def _surface(raw: str) -> tuple[str, str, bool, bool]:
    """A name word as written: (surface without a possessive, letters key, in capitals, a Korean or
    Chinese given name in syllables)."""
    surface = _POSSESSIVE.sub("", raw) if raw[-1] in "'’" or raw[-2:] in ("'s", "’s") else raw
    syllabic = ("-" in surface or " " in surface) and _syllables(surface)
    return surface, norm_of(surface), surface.isupper() and len(surface) > 1, syllabic


def _syllables(surface: str) -> bool:
    parts = _SEPARATORS.split(surface.lower())
    return all(len(p) <= 6 and _SYLLABLE.match(p) for p in parts)


# -- distance ---------------------------------------------------------------------------------------------


def relation(a: str, b: str, a_norm: str, b_norm: str, east_asian: bool) -> str | None:
    """How two spellings of a name word differ, if they are spellings of one name: 'formatting' (case,
    hyphen, space), 'romanisation' (eo/u, oo/u, ae/e, ck/k in a Korean or Chinese name) or 'spelling'
    (one dropped, doubled, added, changed or swapped letter inside a word of five letters or more, a
    doubled letter in a shorter one); None for different names.

    Edits at the end of a word are inflection, not misspelling (Korea/Korean, Israel/Israeli,
    Allen/Allan), and the first letter must agree. A Korean given name is compared syllable by
    syllable, so Min-jae and Min-ji stay two names while Jeong-hwa and Jung-hwa are one."""
    if a_norm == b_norm:
        return "formatting"
    if frozenset((a_norm, b_norm)) in DISTINCT:
        return None
    pa, pb = _parts(a), _parts(b)
    if len(pa) >= 2 and len(pa) == len(pb):
        diffs = [(x, y) for x, y in zip(pa, pb, strict=True) if x != y]
        if len(diffs) != 1:
            return None
        x, y = diffs[0]
        if phon(x) == phon(y):
            return "romanisation"
        return "spelling" if edit_kind(x, y) else None
    if east_asian and phon(a_norm) == phon(b_norm):
        return "romanisation"
    return "spelling" if edit_kind(a_norm, b_norm) else None


def _parts(s: str) -> list[str]:
    return [p for p in _SEPARATORS.split(s.lower()) if p]


def edit_kind(a: str, b: str) -> str | None:
    """'doubled' or 'edit' when `b` is `a` with one letter doubled or undoubled, or one letter dropped,
    added, changed or two swapped, away from the ends of the word; else None."""
    la, lb = len(a), len(b)
    if la < lb:
        a, b, la, lb = b, a, lb, la
    if la - lb > 1 or not lb or a[0] != b[0]:
        return None
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            i = diffs[0]
            return "edit" if lb >= 5 and i <= la - 3 else None
        if len(diffs) == 2:
            i, j = diffs
            if j == i + 1 and a[i] == b[j] and a[j] == b[i] and lb >= 5 and j <= la - 2:
                return "edit"
        return None
    i = 0
    while i < lb and a[i] == b[i]:
        i += 1
    if a[i + 1 :] != b[i:]:
        return None
    if (a[i] == a[i - 1] or (i + 1 < la and a[i] == a[i + 1])) and lb >= 4:
        return "doubled"
    return "edit" if lb >= 5 and 1 <= i <= la - 3 else None


# -- pairing ----------------------------------------------------------------------------------------------


def _evidenced(rows: list[_OccurrenceRow], occs: Iterable[int]) -> bool:
    """Written as a name somewhere: not only at the start of a sentence on its own."""
    return any(not rows[n][_INITIAL] for n in occs)


def _common_word(doc: Document, idx: NameIndex, norm: str) -> bool:
    if idx.lowered is None:
        idx.lowered = set(re.findall(r"\b[a-z][a-z'’-]+\b", doc.visible))
    return norm in idx.lowered


def _compatible(idx: NameIndex, variant: int, others: list[int]) -> bool:
    """The variant's mention and one of the other spelling's mentions could name the same person: one
    of them is a bare surname, or they share another name word (John Ratclffe / John Ratcliffe)."""
    rows, mentions = idx.occurrence_rows, idx.mention_rows
    v = rows[variant]
    mine = {rows[t][_NORM] for t in mentions[v[_MENTION]][_TOKENS]} - {v[_NORM]}
    if not mine:
        return True
    for n in others:
        o = rows[n]
        theirs = {rows[t][_NORM] for t in mentions[o[_MENTION]][_TOKENS]} - {o[_NORM]}
        if not theirs or mine & theirs:
            return True
    return False


def _display(rows: list[_OccurrenceRow], occs: list[int]) -> tuple[str, int]:
    """The group's usual spelling (capitals used for emphasis aside) and how often it is used."""
    written = Counter(rows[n][_SURFACE] for n in occs if not rows[n][_CAPS])
    if not written:
        return rows[occs[0]][_SURFACE], len(occs)
    form, _count = max(written.items(), key=lambda kv: (kv[1], -occs.index(_first(rows, occs, kv[0]))))
    return form, len(occs)


def _first(rows: list[_OccurrenceRow], occs: list[int], surface: str) -> int:
    return next(n for n in occs if rows[n][_SURFACE] == surface)


def pairings(doc: Document) -> list[Pairing]:
    return doc.derived("names.pairings", _pairings)


def _pairings(doc: Document) -> list[Pairing]:
    idx = index(doc)
    found: dict[int, Pairing] = {}
    occ = idx.occurrence_rows

    def consider(
        variant_occs: list[int], other_occs: list[int], other_form: str, rel: str, equal: bool
    ) -> None:
        if len(variant_occs) != 1 or not _evidenced(occ, other_occs):
            return
        non_initial = sum(1 for n in other_occs if not occ[n][_INITIAL])
        if non_initial < 2 and _common_word(doc, idx, occ[other_occs[0]][_NORM]):
            return  # "Exports" in a headline and at the start of a sentence: a word, not a name
        (v,) = variant_occs
        o = occ[v]
        if o[_PROTECTED] or o[_CAPS]:
            return
        if o[_INITIAL] and (not _evidenced(occ, variant_occs) or equal) and _common_word(doc, idx, o[_NORM]):
            return
        if equal and not _evidenced(occ, variant_occs):
            return
        if not _compatible(idx, v, other_occs):
            return
        count = 0 if equal else len(other_occs)
        previous = found.get(v)
        if previous is not None and previous.dominant_count >= count:
            return
        norms = frozenset({o[_NORM], occ[other_occs[0]][_NORM]})
        found[v] = Pairing(v, other_form, count, rel, tuple(other_occs), norms)

    # Case, hyphen and space variants inside one group of letters (the groups written in more than one
    # way, as _build found them).
    for norm in idx.respelled:
        occs = idx.groups[norm]
        by_surface: dict[str, list[int]] = {}
        for n in occs:
            if not occ[n][_CAPS]:
                by_surface.setdefault(occ[n][_SURFACE], []).append(n)
        if len(by_surface) < 2:
            continue
        ranked = sorted(by_surface.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
        top_form, top = ranked[0]
        for _form, these in ranked[1:]:
            if len(top) >= 2 and len(these) == 1:
                consider(these, top, top_form, "formatting", False)
            elif len(top) == 1 and len(these) == 1:
                consider(these, top, top_form, "formatting", True)

    # Different letters: bucketed by first and last letter (edits at either end are not variants).
    for norms in idx.buckets.values():
        if len(norms) < 2:
            continue
        for i, a in enumerate(norms):
            for b in norms[i + 1 :]:
                ga, gb = idx.groups[a], idx.groups[b]
                if len(ga) > 1 and len(gb) > 1:
                    continue  # both established: two names (Kim Min-jae and Kim Min-ji), or a house choice
                oa, ob = occ[ga[0]], occ[gb[0]]
                east_asian = any(occ[n][_EAST_ASIAN] for n in ga + gb)
                rel = relation(oa[_SURFACE], ob[_SURFACE], a, b, east_asian)
                if rel is None:
                    continue
                if len(gb) == 1 and len(ga) == 1:
                    first, second = (ga, gb) if oa[_START] < ob[_START] else (gb, ga)
                    consider(second, first, _display(occ, first)[0], rel, True)
                elif len(gb) < len(ga):
                    consider(gb, ga, _display(occ, ga)[0], rel, False)
                else:
                    consider(ga, gb, _display(occ, gb)[0], rel, False)
    return [found[k] for k in sorted(found)]

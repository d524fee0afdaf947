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

_WORD = r"[A-ZÀ-ÖØ-Þ](?:\.(?:[A-Z]\.)+|[^\W\d_]*(?:['’\-‐][^\W\d_]+)*)"
# A run of capitalised words separated by single spaces ("CIA Director John Ratcliffe"). No look-behind
# in the pattern (it would be tried at every character): a match inside a word is dropped afterwards.
_RUN = lazyre.compile(_WORD + r"(?: " + _WORD + r")*")
_INSIDE_WORD = frozenset("'’-‐_")
_LOWER_SYLLABLE = lazyre.compile(r" ([a-z]{1,6})(?![\w'’\-‐])")
_POSSESSIVE = lazyre.compile(r"['’]s?$")
_STRIP = str.maketrans("", "", "-‐'’. ")
_OPENERS = frozenset("“\"‘'([{—–-«")
_SYLLABLE = lazyre.compile(r"^[bcdfghjklmnprstwyz]{0,3}[aeiouwy]{1,4}(?:ng|n|m|l|k|p|t|r)?$")
_BYLINE = lazyre.compile(r"(?:BY|By)\s+[A-Z]")
_DATELINE = lazyre.compile(
    r"[A-Z][A-Za-z .'-]{1,40},(?:\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([A-Za-z ]{2,30}\))?\s*[-—–]{1,2}\s"
)
_PHON_PAIRS = lazyre.compile(r"eo|oo|ou|eu|ae|ck")
_PHON_MAP = {"eo": "u", "oo": "u", "ou": "u", "eu": "u", "ae": "e", "ck": "k"}


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


@dataclass
class NameIndex:
    occurrences: list[Occurrence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    groups: dict[str, list[int]] = field(default_factory=dict)
    lowered: set[str] | None = None  # lower-case words of the article, read only when needed
    protected: list[tuple[int, int]] = field(default_factory=list)  # bylines and datelines

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
    out = NameIndex()
    text = doc.visible
    for p in doc.paragraphs:
        if not p.is_prose:
            continue
        protected_end = p.start
        kind = p.kind
        protected_kind = kind in ("byline", "dateline", "disclosure", "artefact", "image")
        if protected_kind or (p.end - p.start < 120 and _BYLINE.match(text, p.start)):
            protected_end = p.end
        else:
            m = _DATELINE.match(text, p.start, p.end)
            if m:
                protected_end = m.end()
        if protected_end > p.start:
            out.protected.append((p.start, protected_end))
        runs = []
        for m in _RUN.finditer(text, p.start, p.end):
            pos = m.start()
            if pos > p.start and (text[pos - 1].isalnum() or text[pos - 1] in _INSIDE_WORD):
                continue  # "iPhone", "al-Assad": not a capitalised word
            run = []
            for w in m.group().split(" "):
                run.append((pos, pos + len(w), w))
                pos += len(w) + 1
            runs.append(run)
        headline = kind in ("headline", "subhead") or _title_case(text, p.start, p.end, runs)
        for run in runs:
            if len(run) == 1:
                low = run[0][2].lower()
                if low in NOT_NAMES or low in TITLES:
                    continue  # "The", "But", "President": the commonest runs, and never a name
            _add_run(out, text, p.start, _join_given_name(text, run), protected_end, headline)
    for n, occ in enumerate(out.occurrences):
        out.groups.setdefault(occ.norm, []).append(n)
    return out


def _title_case(text: str, start: int, end: int, runs: list[list[tuple[int, int, str]]]) -> bool:
    """A short line in title case with no closing punctuation: a headline, whatever its paragraph kind."""
    if end - start > 160 or text[end - 1] in '.!?”"’:':
        return False
    capitalised = sum(len(r) for r in runs)
    return capitalised >= 3 and capitalised >= 0.6 * len(text[start:end].split())


def _join_given_name(text: str, run: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Join "Lee Jae myung": a lower-case syllable after a Korean or Chinese surname and one capitalised
    syllable is the second half of the given name."""
    if len(run) < 2 or run[-2][2].lower() not in EA_SURNAMES or "-" in run[-1][2] or len(run[-1][2]) > 5:
        return run
    m = _LOWER_SYLLABLE.match(text, run[-1][1])
    if m is None or _SYLLABLE.match(m.group(1)) is None:
        return run
    return [*run, (m.start(1), m.end(1), m.group(1))]


def _is_initial(text: str, para_start: int, start: int) -> bool:
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


def _add_run(
    out: NameIndex,
    text: str,
    para_start: int,
    run: list[tuple[int, int, str]],
    protected_end: int,
    headline: bool,
) -> None:
    # Title words split a run: "CIA Director John Ratcliffe" -> "CIA", "John Ratcliffe"; "Michigan Gov"
    # -> "Michigan". Function words and dates split it too ("On May", "The").
    segments: list[list[tuple[int, int, str]]] = [[]]
    for w in run:
        low = w[2].lower()
        if low in TITLES or low in NOT_NAMES:
            segments.append([])
        else:
            segments[-1].append(w)
    for segment in segments:
        if not segment:
            continue
        # "Goalkeeper Kim Min-ji": a Korean or Chinese name at the end of a longer run stands alone.
        k = _east_asian_name_at_end(segment)
        if k:
            _add_mention(out, text, para_start, run, segment[:k], protected_end, headline)
            segment = segment[k:]
        _add_mention(out, text, para_start, run, segment, protected_end, headline)


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


def _add_mention(
    out: NameIndex,
    text: str,
    para_start: int,
    run: list[tuple[int, int, str]],
    words: list[tuple[int, int, str]],
    protected_end: int,
    headline: bool,
) -> None:
    if headline:
        initial_at = -2  # every word of a title-case line is capitalised anyway
    elif words[0] is run[0] and (run[0][0] == protected_end or _is_initial(text, para_start, run[0][0])):
        initial_at = run[0][0]  # opens a sentence (or follows a dateline)
    else:
        initial_at = -1
    all_caps = len(words) >= 2 and all(w[2].isupper() for w in words)
    # Join an East Asian given name written in two words ("Jae myung", "Jong Un") into one token.
    if (
        len(words) == 3
        and words[0][2].lower() in EA_SURNAMES
        and all("-" not in w[2] and len(w[2]) <= 5 and _SYLLABLE.match(w[2].lower()) for w in words[1:])
        and text[words[1][1] : words[2][0]] == " "
    ):
        words = [words[0], (words[1][0], words[2][1], text[words[1][0] : words[2][1]])]
    east_asian = len(words) == 2 and words[0][2].lower() in EA_SURNAMES
    mention_index = len(out.mentions)
    tokens: list[int] = []
    for start, _end, raw in words:
        surface, norm, caps, syllabic = _surface(raw)
        if not surface:
            continue
        if "." in surface or (caps and not all_caps and start >= protected_end and len(surface) <= 5):
            continue  # an acronym: CIA, U.S., NATO
        tokens.append(len(out.occurrences))
        out.occurrences.append(
            Occurrence(
                surface,
                norm,
                start,
                start + len(surface),
                mention_index,
                start == initial_at or initial_at == -2,
                start < protected_end,
                caps,
                east_asian or syllabic,
            )
        )
    if tokens:
        first, last = out.occurrences[tokens[0]], out.occurrences[tokens[-1]]
        out.mentions.append(Mention(first.start, last.end, text[first.start : last.end], tuple(tokens)))


@lru_cache(maxsize=8192)
def _surface(raw: str) -> tuple[str, str, bool, bool]:
    """A name word as written: (surface without a possessive, letters key, in capitals, a Korean or
    Chinese given name in syllables)."""
    surface = _POSSESSIVE.sub("", raw) if raw[-1] in "'’" or raw[-2:] in ("'s", "’s") else raw
    syllabic = ("-" in surface or " " in surface) and _syllables(surface)
    return surface, norm_of(surface), surface.isupper() and len(surface) > 1, syllabic


def _syllables(surface: str) -> bool:
    parts = re.split(r"[-‐ ]", surface.lower())
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
    return [p for p in re.split(r"[-‐ ]", s.lower()) if p]


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


def _evidenced(idx: NameIndex, occs: Iterable[int]) -> bool:
    """Written as a name somewhere: not only at the start of a sentence on its own."""
    return any(not idx.occurrences[n].initial for n in occs)


def _common_word(doc: Document, idx: NameIndex, norm: str) -> bool:
    if idx.lowered is None:
        idx.lowered = set(re.findall(r"\b[a-z][a-z'’-]+\b", doc.visible))
    return norm in idx.lowered


def _compatible(idx: NameIndex, variant: int, others: list[int]) -> bool:
    """The variant's mention and one of the other spelling's mentions could name the same person: one
    of them is a bare surname, or they share another name word (John Ratclffe / John Ratcliffe)."""
    mine = {idx.occurrences[t].norm for t in idx.mention_of(idx.occurrences[variant]).tokens} - {
        idx.occurrences[variant].norm
    }
    if not mine:
        return True
    for n in others:
        o = idx.occurrences[n]
        theirs = {idx.occurrences[t].norm for t in idx.mentions[o.mention].tokens} - {o.norm}
        if not theirs or mine & theirs:
            return True
    return False


def _display(idx: NameIndex, occs: list[int]) -> tuple[str, int]:
    """The group's usual spelling (capitals used for emphasis aside) and how often it is used."""
    written = Counter(idx.occurrences[n].surface for n in occs if not idx.occurrences[n].caps)
    if not written:
        return idx.occurrences[occs[0]].surface, len(occs)
    form, _count = max(written.items(), key=lambda kv: (kv[1], -occs.index(_first(idx, occs, kv[0]))))
    return form, len(occs)


def _first(idx: NameIndex, occs: list[int], surface: str) -> int:
    return next(n for n in occs if idx.occurrences[n].surface == surface)


def pairings(doc: Document) -> list[Pairing]:
    return doc.derived("names.pairings", _pairings)


def _pairings(doc: Document) -> list[Pairing]:
    idx = index(doc)
    found: dict[int, Pairing] = {}
    occ = idx.occurrences

    def consider(
        variant_occs: list[int], other_occs: list[int], other_form: str, rel: str, equal: bool
    ) -> None:
        if len(variant_occs) != 1 or not _evidenced(idx, other_occs):
            return
        non_initial = sum(1 for n in other_occs if not occ[n].initial)
        if non_initial < 2 and _common_word(doc, idx, occ[other_occs[0]].norm):
            return  # "Exports" in a headline and at the start of a sentence: a word, not a name
        (v,) = variant_occs
        o = occ[v]
        if o.protected or o.caps:
            return
        if o.initial and (not _evidenced(idx, variant_occs) or equal) and _common_word(doc, idx, o.norm):
            return
        if equal and not _evidenced(idx, variant_occs):
            return
        if not _compatible(idx, v, other_occs):
            return
        count = 0 if equal else len(other_occs)
        previous = found.get(v)
        if previous is not None and previous.dominant_count >= count:
            return
        norms = frozenset({o.norm, occ[other_occs[0]].norm})
        found[v] = Pairing(v, other_form, count, rel, tuple(other_occs), norms)

    # Case, hyphen and space variants inside one group of letters.
    for occs in idx.groups.values():
        by_surface: dict[str, list[int]] = {}
        for n in occs:
            if not occ[n].caps:
                by_surface.setdefault(occ[n].surface, []).append(n)
        if len(by_surface) < 2:
            continue
        ranked = sorted(by_surface.items(), key=lambda kv: (-len(kv[1]), kv[1][0]))
        top_form, top = ranked[0]
        for _form, these in ranked[1:]:
            if len(top) >= 2 and len(these) == 1:
                consider(these, top, top_form, "formatting", False)
            elif len(top) == 1 and len(these) == 1:
                consider(these, top, top_form, "formatting", True)

    # Different letters: bucket by first and last letter (edits at either end are not variants).
    buckets: dict[tuple[str, str], list[str]] = {}
    for norm in idx.groups:
        if len(norm) >= 3:
            buckets.setdefault((norm[0], norm[-1]), []).append(norm)
    for norms in buckets.values():
        if len(norms) < 2:
            continue
        for i, a in enumerate(norms):
            for b in norms[i + 1 :]:
                ga, gb = idx.groups[a], idx.groups[b]
                if len(ga) > 1 and len(gb) > 1:
                    continue  # both established: two names (Kim Min-jae and Kim Min-ji), or a house choice
                oa, ob = occ[ga[0]], occ[gb[0]]
                east_asian = any(occ[n].east_asian for n in ga + gb)
                rel = relation(oa.surface, ob.surface, a, b, east_asian)
                if rel is None:
                    continue
                if len(gb) == 1 and len(ga) == 1:
                    first, second = (ga, gb) if oa.start < ob.start else (gb, ga)
                    consider(second, first, _display(idx, first)[0], rel, True)
                elif len(gb) < len(ga):
                    consider(gb, ga, _display(idx, ga)[0], rel, False)
                else:
                    consider(ga, gb, _display(idx, gb)[0], rel, False)
    return [found[k] for k in sorted(found)]

"""Paragraph alignment of an article with its source (or with a reference translation).

A length-based dynamic-programming alignment in the manner of Gale and Church (1993), with their five
moves — 1-1, 1-0 (a source paragraph with no counterpart), 0-1 (an article paragraph with no source),
2-1 (two source paragraphs in one article paragraph) and 1-2 (one source paragraph split over two) — and
their priors for them, except that merges and splits are rarer between news paragraphs than between
sentences. A pair's cost is how unlikely the article paragraph's length is for the source paragraph's,
given the language pair's usual ratio of characters (white space left out; ASCII in a CJK source counts
at the target's rate: a Latin name or a number is as long in both), less what anchors say:

* numbers of two digits or more (AP style spells out one to nine) found on both sides: 1,300 and 1300명;
* Latin-script words of a CJK source (names, acronyms: CIA, YouTube) found in the article;
* Korean names: the source's Hangul romanised (Revised Romanization, loosely spelt) against the
  article's capitalised words (덕적도 and Deokjeok);
* e-mail addresses (a byline and a reporter line);
* sentence counts (a translation keeps its sentences, or splits one) and quotation marks on both sides.

Headlines, bylines, captions and notes take part as what they are (the document model's kinds, or a
heuristic for what it does not mark): they pair with their like, never merge with running text, and
cost little to leave unmatched.

Departures from the textbook, for finding omissions rather than only aligning: the length difference is
measured on a log scale with a spread that does not shrink for long paragraphs (the measured spread of
paragraph ratios is about 20% at any length, more for short ones) and a tail heavier than normal; a
skipped paragraph costs a constant (Gale and Church's length term would make skipping a long paragraph
so dear that it is always absorbed into a merge with its neighbour); across languages a 1-1 pair costs
at most a little less than leaving both paragraphs unmatched, so that a paragraph translated in part
stays paired with its source (and is reported as too short); and the search keeps to a band around the
diagonal, so that the work grows with the article's length, not its square.

The ratios were measured on parallel news (WMT23 zh→en paragraphs, Korean–English news sentences,
FLORES-style ja→en sentences; non-space characters, English over source): zh 3.3, ko 2.2, ja 2.2. They
are constants here; nothing is read at run time. A reference translation is aligned the same way, with
shared words in place of anchors.

Other checks cite the source through `source_paragraph_for(article, offset)`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from tlqa import hangul, lazyre

if TYPE_CHECKING:
    from tlqa.document import Document, Paragraph
    from tlqa.engine import Article


@dataclass(frozen=True, slots=True)
class LengthProfile:
    """A language pair's usual length relation. The article paragraph's length is expected to be
    `ratio` times the source paragraph's, and the logarithm of (actual / expected) to spread with a
    standard deviation of sqrt(sigma² + short / source length): a constant relative spread, wider for
    short paragraphs."""

    ratio: float
    sigma: float
    short: float
    calibrated: bool = True  # measured for this pair, not estimated from the article itself

    @property
    def log_ratio(self) -> float:
        return math.log(self.ratio)

    def spread(self, source_length: float) -> float:
        return math.sqrt(self.sigma**2 + self.short / max(source_length, 1))

    def z(self, source_length: float, target_length: float) -> float:
        """How many spreads the target length lies from the expected one (log scale; signed)."""
        expected = self.ratio * max(source_length, 1)
        return math.log(max(target_length, 1) / expected) / self.spread(source_length)


# Non-space characters of English per non-space character of the source, and the spread, measured on
# parallel news (see the module docstring): WMT23 zh→en paragraphs (1,960 pairs: log-ratio standard
# deviation 0.30 under 25 source characters, about 0.2 above), Korean–English news sentences (299 pairs,
# freely localised, so the Korean spread is on the wide side: 0.37 under 50 characters, 0.29 above) and
# ja→en sentences (100 pairs: 0.21).
PROFILES: dict[str, LengthProfile] = {
    "ko": LengthProfile(2.2, 0.28, 1.0),
    "zh": LengthProfile(3.3, 0.2, 0.4),
    "ja": LengthProfile(2.2, 0.2, 0.5),
}
SAME_LANGUAGE = (0.15, 0.3)  # sigma and short for an English reference against the article
UNKNOWN_PAIR = (0.3, 1.0)  # ... and for a source language with no measured profile

# Paragraph kinds that are running text; any other kind (headline, byline, caption, dateline, heading,
# note...) is apparatus. Kinds come from the document model; a heuristic covers what it does not mark.
BODY_KINDS = frozenset({"body", "blockquote", "list_item"})
HEADLINE_KINDS = frozenset({"headline", "subhead", "heading"})

BODY, HEADLINE, APPARATUS = 0, 1, 2  # paragraph roles (see paragraph_role)

# Costs, in the units of -log(probability). Priors of the moves: Gale and Church's for sentences give
# merges and splits 0.089 each; news paragraphs are merged or split far less often (none in 1,990
# WMT23 paragraph pairs), so they get 0.02 here.
_PRIOR = {(1, 1): -math.log(0.94), (1, 0): -math.log(0.01), (0, 1): -math.log(0.01)}
_PRIOR[(2, 1)] = _PRIOR[(1, 2)] = -math.log(0.02)
_SKIP = {BODY: 1.0, HEADLINE: 1.0, APPARATUS: -1.0}  # added to the prior for an unmatched paragraph
_MERGE = {BODY: 0.0, HEADLINE: 3.0, APPARATUS: 10.0}  # a caption or byline does not merge with anything
_ROLE_MISMATCH = 5.0  # apparatus (a caption, a byline, a note) aligned with body text
# Across languages a 1-1 pair costs at most this, less than leaving both paragraphs unmatched: between
# aligned neighbours, a source paragraph and an article paragraph are paired however far their lengths
# are (and A121 reports it), since lengths alone cannot tell a replacement from a poor translation.
_PAIR_CAP = 8.0
_ROLE_MATCH = -0.5  # apparatus with apparatus
_ANCHOR_SHARED = 1.0  # per anchor found on both sides (see _anchor_weight; up to _ANCHOR_CAP in all)
_ANCHOR_STRONG = 2.0  # ... for a number of three digits or more, a name or an e-mail address
_ANCHOR_UNMATCHED = 0.4  # per anchor found on one side only (up to _ANCHOR_CAP)
_ANCHOR_CAP = 5
_QUOTE_MISMATCH = 0.5
# Same language: words shared (see _lexical_cost) above _LEXICAL_EVEN lower the cost, below it raise it.
# Two translations of one paragraph share about 0.5 to 0.7 of their content words; unrelated paragraphs
# under 0.1.
_LEXICAL = 16.0
_LEXICAL_EVEN = 0.3
_LEXICAL_LENGTH = 0.5
_LEXICAL_LENGTH_CAP = 8.0
_SENTENCE_GAINED = 0.8
_SENTENCE_LOST = 2.0
_SENTENCE_CAP = 6.0
_LENGTH_CAP = 30.0
_TAIL_FROM = 2.0
_TAIL_BASE = -math.log(math.erfc(_TAIL_FROM / math.sqrt(2)))
_TAIL_SLOPE = 1.6
_BAND = 4  # paragraphs either side of the diagonal, plus the difference in paragraph counts


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_NUMBER = lazyre.compile(r"\d+(?:[.,]\d+)*")
_SPACE = lazyre.compile(r"\s")
_ASCII = lazyre.compile(r"[!-~]")
_THOUSANDS = lazyre.compile(r",(?=\d{3}(?!\d))")
_LATIN_WORD = lazyre.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-.&'’][A-Za-z0-9]+)*")
_EMAIL = lazyre.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A speech quotation in a CJK source: double marks (curly or straight) or corner brackets. Single marks
# and 『』 are left out: Korean uses them for emphasis and titles, Chinese 《》 are titles.
_SOURCE_QUOTE = lazyre.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"|「([^「」\n]*)」")
_SOURCE_QUOTE_CHARS = frozenset("“”\"「」『』‘’'《》〈〉«»")  # quotation marks and title brackets
_DOUBLE_QUOTE_CHARS = frozenset('“”"「」『』')
_SENTENCE_FINAL = frozenset(".!?…。！？．")
_CLOSERS = frozenset("\"”’'」』)]）】")
_CREDIT = lazyre.compile(r"[\[【(（][^\]】)）]{1,60}[\]】)）]\s*$")
_BYLINE = lazyre.compile(r"^(?:by|BY|By)\s+\S")
_NOTE = lazyre.compile(
    r"^(?:Translated (?:from|by)|This (?:article|story) (?:was|is)|Edited by|Reporting by"
    r"|Additional reporting)|contributed to this report\.?$|using generative AI"
    r"|무단\s*전재|版权|無断転載|ⓒ|©",
    re.IGNORECASE,
)


_SENTENCE_END = lazyre.compile(r"[。！？!?]+[”」』\"’)]*|(?<=[^\d\s.])\.[”」』\"’)]*(?=\s|$)")


def count_sentences(text: str) -> int:
    """Sentences of a CJK paragraph, counted by their final punctuation (。！？, or a full stop after a
    word, as Korean has it: 다.)."""
    return max(1, len(_SENTENCE_END.findall(text.strip())))


def non_space_length(text: str) -> int:
    return len(text) - len(_SPACE.findall(text))


def _ascii_length(text: str) -> int:
    return len(_ASCII.findall(text))


def source_units(length: int, ascii: int, profile: LengthProfile) -> float:
    """A source paragraph's length in source characters, ASCII counted at the target's rate (a Latin
    name, an acronym or a number is as long in the translation as in the source)."""
    return length - ascii + ascii / profile.ratio


def paragraph_role(text: str, kind: str = "body") -> int:
    """HEADLINE for a headline, subhead or heading, or a short line with no sentence-final punctuation
    (one the document model did not mark); APPARATUS for the rest of what is not running text: a byline,
    caption, dateline, note or any other kind than body, or a line that reads like one whatever its
    kind — a credit in brackets at the end, an e-mail address, a byline, a translation or copyright
    note; else BODY."""
    if kind in HEADLINE_KINDS:
        return HEADLINE
    if kind not in BODY_KINDS:
        return APPARATUS
    stripped = text.strip()
    if not stripped:
        return APPARATUS
    if _CREDIT.search(stripped) or _EMAIL.search(stripped) or _NOTE.search(stripped):
        return APPARATUS
    if _BYLINE.match(stripped) and len(stripped.split()) <= 8:
        return APPARATUS
    tail = stripped.rstrip("".join(_CLOSERS))
    ends_sentence = bool(tail) and (tail[-1] in _SENTENCE_FINAL or stripped[-1] in _CLOSERS)
    return HEADLINE if not ends_sentence and non_space_length(stripped) <= 120 else BODY


def is_apparatus(text: str, kind: str = "body") -> bool:
    """Not running text: a headline, byline, caption, credit or note (see paragraph_role)."""
    return paragraph_role(text, kind) != BODY


_KIND_NAMES = {
    "editor_note": "editor's note",
    "disclosure": "translation note",
    "artefact": "machine-translation leftover",
}


def describe(text: str, kind: str = "body") -> str:
    """What a paragraph that is not running text looks like, for a message: its kind when the document
    model gave one, else note, byline, caption or credit, headline, or short paragraph."""
    if kind not in BODY_KINDS:
        return _KIND_NAMES.get(kind, kind.replace("_", " "))
    stripped = text.strip()
    if _NOTE.search(stripped):
        return "note"
    if _BYLINE.match(stripped) or _EMAIL.search(stripped):
        return "byline"
    if _CREDIT.search(stripped):
        return "caption or credit"
    if paragraph_role(stripped, kind) != BODY:
        return "headline"
    return "short paragraph"


def looks_like_body_text(text: str, kind: str = "body") -> bool:
    """An article paragraph that reads as running prose: not apparatus, at least eight words, ending a
    sentence."""
    return not is_apparatus(text, kind) and len(text.split()) >= 8


QUOTATION_LENGTH = 6  # non-space characters: a shorter double-quoted span in a CJK source is a term
_SPEECH_PUNCT = frozenset(".!?…。！？，,;；")
_KO_SENTENCE_ENDINGS = ("다", "요", "까", "죠", "네")
_QUOTATIVE_AFTER = lazyre.compile(r"\s*(?:(?:이)?라고|고\s|며|라며|면서|하고|と|って|说|道|表示|称)")
_COLON_BEFORE = lazyre.compile(r"[:：]\s*$")


def source_quotations(text: str, min_length: int = QUOTATION_LENGTH) -> list[str]:
    """The speech quotations of a CJK source paragraph: double-quoted or corner-bracketed spans of at
    least `min_length` non-space characters that read as speech — a sentence or clause inside (。，.,),
    a Korean sentence ending (…다, …요), a quotative after them (…"고 말했다, …"라며, 「…」と, “…”说) or
    a colon before them (表示：“…”). Quoted terms, titles and slogans (“芯片战”, "칩4 동맹"이라는,
    “全面学习、全面把握”) are not quotations here."""
    out = []
    for m in _SOURCE_QUOTE.finditer(text):
        inner = next(g for g in m.groups() if g is not None).strip()
        if non_space_length(inner) < min_length:
            continue
        if (
            any(ch in _SPEECH_PUNCT for ch in inner)
            or inner.endswith(_KO_SENTENCE_ENDINGS)
            or _QUOTATIVE_AFTER.match(text, m.end())
            or _COLON_BEFORE.search(text[max(0, m.start() - 3) : m.start()])
        ):
            out.append(m.group())
    return out


def has_source_quote_marks(text: str) -> bool:
    return any(ch in _SOURCE_QUOTE_CHARS for ch in text)


@dataclass(frozen=True, slots=True)
class Features:
    """What the aligner knows of one paragraph."""

    index: int  # the Document's paragraph index
    kind: str
    length: int  # non-space characters of the visible text
    ascii: int  # of which ASCII (Latin letters, digits, punctuation): they carry over one for one
    role: int  # BODY, HEADLINE or APPARATUS
    anchors: frozenset[str]  # what this paragraph asserts the other side must have
    tokens: frozenset[str]  # what the other side's anchors can be found among
    quoted: bool  # holds a speech quotation
    quote_marks: bool  # has double quotation marks (or corner brackets) at all
    sentences: int
    names: str = ""  # source: its Hangul romanised (loosely); article: its capitalised words, loosely


@dataclass(frozen=True, slots=True)
class Bead:
    """One step of the alignment: source paragraphs and article paragraphs that translate each other
    (either side may be empty). Indices are the Documents' paragraph indices."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    cost: float

    @property
    def move(self) -> str:
        return f"{len(self.source)}-{len(self.target)}"


@dataclass(frozen=True, slots=True)
class Alignment:
    """The beads in text order, and what they were computed from."""

    beads: tuple[Bead, ...]
    profile: LengthProfile
    language: str | None  # the source's language (None: unknown, or the same language)
    source_features: dict[int, Features]
    target_features: dict[int, Features]

    def pairs(self) -> list[tuple[int, int]]:
        """(source index, target index) for every aligned pair, as the JSON report gives them."""
        return [(s, t) for b in self.beads for s in b.source for t in b.target]

    def bead_of_target(self, index: int) -> Bead | None:
        for b in self.beads:
            if index in b.target:
                return b
        return None

    def bead_of_source(self, index: int) -> Bead | None:
        for b in self.beads:
            if index in b.source:
                return b
        return None


# -- names: Hangul romanised, against the article's capitalised words ---------------------------------------

# Spellings that romanisations of Korean disagree on, mapped to one: Kim/Gim, Yoo/Yu, Choi/Choe, Park/Bak,
# Lee/I are not all met (the surname spellings are the names family's business), but most given names
# and places are: Deokjeok, Jawol, Jeong-bok, Incheon.
_LOOSE = lazyre.compile(r"eo|oo|ou|eu|ae|oe|wo|ee|ch|sh")
_LOOSE_TO = {
    "eo": "u", "oo": "u", "ou": "u", "eu": "u", "ae": "e", "oe": "e", "wo": "u", "ee": "i",
    "ch": "j", "sh": "s",
}  # fmt: skip
_LOOSE_CHARS = str.maketrans({"g": "k", "b": "p", "d": "t", "r": "l", "-": None, "'": None, "’": None})
_CAPITALISED = lazyre.compile(r"\b[A-Z][a-z]+(?:-[a-z]+)?\b")
_NAME_MIN = 4  # letters of a loose form: shorter ones would be found in any romanised paragraph
_NOT_NAMES = _wordset(
    "the this that these those there their they then when what where which while with from after before "
    "about also both but during however many more most some such than under until over into"
)


def _loose(word: str) -> str:
    word = word.lower()
    return _LOOSE.sub(lambda m: _LOOSE_TO[m.group()], word).translate(_LOOSE_CHARS)


def romanized(text: str) -> str:
    """The Hangul words of a text in Revised Romanization, syllable by syllable, loosely spelt (see
    _loose), one word per space; empty when the text has no Hangul."""
    return " ".join("".join(map(_syllable, word)) for word in _HANGUL_WORD.findall(text))


_HANGUL_WORD = lazyre.compile("[\uac00-\ud7a3]+")


@cache
def _syllable(ch: str) -> str:
    """One Hangul syllable, romanised and loosely spelt (the loose spellings never span two syllables in
    a way that matters here: 덕적 and Deokjeok both give tukjuk)."""
    return _loose(hangul.syllable(ch))


def _capitalised(text: str) -> set[str]:
    """Loose forms of the capitalised words of an English paragraph that could be romanised names."""
    out = set()
    for w in _CAPITALISED.findall(text):
        if w.lower() in _NOT_NAMES:
            continue
        form = _loose(w)
        if len(form) >= _NAME_MIN:
            out.add(form)
    return out


# -- features --------------------------------------------------------------------------------------------


def _numbers(text: str) -> set[str]:
    out = set()
    for m in _NUMBER.finditer(text):
        value = _THOUSANDS.sub("", m.group())
        if sum(ch.isdigit() for ch in value) >= 2:
            out.add("#" + value)
    return out


def _paragraph_text(doc: Document, p: Paragraph) -> str:
    return doc.visible[p.start : p.end]


def _raw_lines(doc: Document, p: Paragraph) -> str:
    """The paragraph's raw text to the end of its last line (a masked e-mail address at the end of a
    line lies outside the paragraph's span, which ends at its last visible character)."""
    end = p.end
    while end < len(doc.text) and doc.text[end] not in "\r\n":
        end += 1
    return doc.text[p.start : end]


def prose_paragraphs(doc: Document) -> list[Paragraph]:
    """The paragraphs that take part in alignment and scoring: prose (not code) with visible text."""
    return [p for p in doc.paragraphs if p.kind != "code" and doc.visible[p.start : p.end].strip()]


def _kind(p: Paragraph) -> str:
    return getattr(p, "kind", "body") or "body"


def _cjk_features(doc: Document) -> list[Features]:
    out = []
    for p in prose_paragraphs(doc):
        text = _paragraph_text(doc, p)
        raw = _raw_lines(doc, p)
        latin = {"@" + w.lower() for w in _LATIN_WORD.findall(text) if len(w) >= 2}
        emails = {"mail:" + e.lower() for e in _EMAIL.findall(raw)}
        anchors = frozenset(_numbers(text) | latin | emails)
        out.append(
            Features(
                p.index,
                _kind(p),
                non_space_length(text),
                _ascii_length(text),
                paragraph_role(text, _kind(p)),
                anchors,
                anchors,
                bool(source_quotations(text, QUOTATION_LENGTH)),
                any(ch in _DOUBLE_QUOTE_CHARS for ch in text),
                count_sentences(text),
                romanized(text),
            )
        )
    return out


def _english_features(doc: Document) -> list[Features]:
    """An English article's paragraphs, for alignment with a source in another language: its numbers and
    e-mail addresses are anchors; every word can be where a source's Latin-script name is found."""
    from tlqa.quotemarks import CLOSE, OPEN

    marks = [m for m in doc.quotations.marks if m.role in (OPEN, CLOSE)]
    quoted = {m.paragraph for m in marks}
    double = {m.paragraph for m in marks if m.kind == "double"}
    sentences = Counter(s.paragraph for s in doc.sentences)
    out = []
    for p in prose_paragraphs(doc):
        text = _paragraph_text(doc, p)
        raw = _raw_lines(doc, p)
        numbers = _numbers(text)
        emails = {"mail:" + e.lower() for e in _EMAIL.findall(raw)}
        words = {"@" + w.lower() for w in _LATIN_WORD.findall(text)}
        out.append(
            Features(
                p.index,
                _kind(p),
                non_space_length(text),
                _ascii_length(text),
                paragraph_role(text, _kind(p)),
                frozenset(numbers | emails),
                frozenset(numbers | emails | words),
                p.index in quoted,
                p.index in double,
                sentences.get(p.index, 1),
                " ".join(sorted(_capitalised(text))),
            )
        )
    return out


_STOP = _wordset(
    "the and for that with from this have has was were are its his her their they said says will would "
    "not but been had who which when also than into about after over more"
)


def _lexical_features(doc: Document) -> list[Features]:
    """Paragraphs of two texts in the same language: content words are both anchors and tokens."""
    sentences = Counter(s.paragraph for s in doc.sentences)
    return [
        _lexical_feature(doc, p.index, p.start, p.end, _kind(p), sentences.get(p.index, 1))
        for p in prose_paragraphs(doc)
    ]


def _lexical_feature(doc: Document, index: int, start: int, end: int, kind: str, sentences: int) -> Features:
    text = doc.visible[start:end]
    words = {w.lower() for w in _LATIN_WORD.findall(text) if len(w) >= 3} - _STOP
    return Features(
        index,
        kind,
        non_space_length(text),
        _ascii_length(text),
        paragraph_role(text, kind),
        frozenset(words | _numbers(text)),
        frozenset(),
        False,
        False,
        sentences,
    )


# -- the dynamic programme ---------------------------------------------------------------------------------


def _length_cost(l1: float, l2: float, profile: LengthProfile) -> float:
    """-log P(|z| >= observed): how unlikely a target length l2 is for a source length l1. Normal up to
    two spreads, then a linear (exponential-tailed) growth: real translations have more far-off
    paragraphs than a normal law allows, and a far-off length should not outweigh everything else."""
    return _z_cost(abs(profile.z(l1, l2)))


def _block_length_cost(s: _Block, t: _Block, profile: LengthProfile) -> float:
    """_length_cost of two blocks, from their precomputed logarithms and spread."""
    return _z_cost(abs(t.log_units - s.log_units - profile.log_ratio) / s.spread)


def _z_cost(z: float) -> float:
    if z <= _TAIL_FROM:
        return -math.log(math.erfc(z / math.sqrt(2)))
    return min(_LENGTH_CAP, _TAIL_BASE + _TAIL_SLOPE * (z - _TAIL_FROM))


@dataclass(frozen=True, slots=True)
class _Block:
    """One or two consecutive paragraphs of one side, combined."""

    indices: tuple[int, ...]
    length: int
    ascii: int
    role: int
    anchors: frozenset[str]
    tokens: frozenset[str]
    quote_marks: bool
    sentences: int
    names: str  # source: romanised Hangul
    name_list: tuple[str, ...]  # article: loose forms of its capitalised words
    units: float  # length in the units the length model compares (source units for a CJK source)
    log_units: float
    spread: float  # the profile's spread for this length (used on the source side)


def _block(feats: Sequence[Features], profile: LengthProfile, ratio: float | None = None) -> _Block:
    """One or two paragraphs combined; `ratio` converts a CJK source's ASCII to source units."""
    length, ascii = sum(f.length for f in feats), sum(f.ascii for f in feats)
    names = " ".join(f.names for f in feats)
    units = length - ascii + ascii / ratio if ratio else float(length)
    return _Block(
        tuple(f.index for f in feats),
        length,
        ascii,
        max(f.role for f in feats),
        frozenset().union(*(f.anchors for f in feats)),
        frozenset().union(*(f.tokens for f in feats)),
        any(f.quote_marks for f in feats),
        sum(f.sentences for f in feats),
        names,
        tuple(names.split()),
        units,
        math.log(max(units, 1.0)),
        profile.spread(units),
    )


def _cross_cost(s: _Block, t: _Block, profile: LengthProfile) -> float:
    cost = _block_length_cost(s, t, profile)
    shared = (s.anchors & t.tokens) | (t.anchors & s.tokens)
    unmatched = len(s.anchors - t.tokens) + len(t.anchors - s.tokens)
    if s.names and t.name_list:  # names romanised from the source's Hangul, found in the article
        shared |= {"name:" + n for n in t.name_list if n in s.names}
    cost -= min(sum(_anchor_weight(a) for a in shared), _ANCHOR_CAP)
    cost += _ANCHOR_UNMATCHED * min(unmatched, _ANCHOR_CAP)
    if s.quote_marks != t.quote_marks:
        cost += _QUOTE_MISMATCH
    return cost + _sentence_cost(s.sentences, t.sentences)


def _anchor_weight(anchor: str) -> float:
    """Two-digit numbers (days, ages) recur across an article; longer numbers and names rarely do."""
    if anchor.startswith("#"):
        return _ANCHOR_STRONG if sum(ch.isdigit() for ch in anchor) >= 3 else _ANCHOR_SHARED
    return _ANCHOR_STRONG if anchor.startswith(("name:", "mail:")) else _ANCHOR_SHARED


def _sentence_cost(source: int, target: int) -> float:
    """Translations keep their sentences (92% of WMT23 zh→en paragraphs have as many on both sides; the
    rest mostly gain one by splitting): sentences lost cost more than sentences gained."""
    if target >= source:
        return min(_SENTENCE_CAP, _SENTENCE_GAINED * (target - source))
    return min(_SENTENCE_CAP, _SENTENCE_LOST * (source - target))


def _lexical_cost(s: _Block, t: _Block, profile: LengthProfile) -> float:
    """Same language: the words the two share decide, lengths only a little (a paragraph translated in
    part is still the counterpart of the whole). Similarity is the Dice overlap of content words, or
    0.8 of the shorter side's share found in the longer when it has five words or more."""
    cost = _LEXICAL_LENGTH * min(_block_length_cost(s, t, profile), _LEXICAL_LENGTH_CAP)
    shared = len(s.anchors & t.anchors)
    total = len(s.anchors) + len(t.anchors)
    similarity = 2 * shared / total if total else 0.0
    smaller = min(len(s.anchors), len(t.anchors))
    if smaller >= 5:
        similarity = max(similarity, 0.8 * shared / smaller)
    cost += _LEXICAL * (_LEXICAL_EVEN - similarity)
    return cost + _sentence_cost(min(s.sentences, t.sentences), max(s.sentences, t.sentences)) / 2


_LEAST = {_cross_cost: -float(_ANCHOR_CAP), _lexical_cost: -_LEXICAL * (1 - _LEXICAL_EVEN)}


def _align(
    src: Sequence[Features],
    tgt: Sequence[Features],
    profile: LengthProfile,
    pair_cost: Callable[[_Block, _Block, LengthProfile], float],
    pair_cap: float = math.inf,
    source_ratio: float | None = None,
) -> tuple[Bead, ...]:
    n, m = len(src), len(tgt)
    inf = math.inf
    width = _BAND + abs(n - m)
    cost: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    moves = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2))
    s_one = [_block([f], profile, source_ratio) for f in src]
    t_one = [_block([f], profile) for f in tgt]
    s_two = [_block(src[i : i + 2], profile, source_ratio) for i in range(max(0, n - 1))]
    t_two = [_block(tgt[j : j + 2], profile) for j in range(max(0, m - 1))]
    least = _LEAST[pair_cost]  # the lowest a pair cost can be

    for i in range(n + 1):
        centre = i * m / n if n else 0
        lo, hi = max(0, math.floor(centre - width)), min(m, math.ceil(centre + width))
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            best, best_back = inf, None
            for di, dj in moves:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < 0:
                    continue
                prev = cost.get((pi, pj))
                if prev is None:
                    continue
                step = _PRIOR[(di, dj)]
                if dj == 0:
                    step += _SKIP[src[i - 1].role]
                elif di == 0:
                    step += _SKIP[tgt[j - 1].role]
                else:
                    s = s_one[i - 1] if di == 1 else s_two[i - 2]
                    t = t_one[j - 1] if dj == 1 else t_two[j - 2]
                    if di + dj == 3:
                        step += _MERGE[max(s.role, t.role)]
                    elif APPARATUS in (s.role, t.role) and BODY in (s.role, t.role):
                        step += _ROLE_MISMATCH
                    elif s.role == t.role == APPARATUS:
                        step += _ROLE_MATCH
                    if prev + step + least >= best:
                        continue  # cannot beat the best move found for this cell
                    pair = pair_cost(s, t, profile)
                    step += min(pair, pair_cap) if di == dj == 1 else pair
                if prev + step < best:
                    best, best_back = prev + step, (di, dj, step)
            if best_back is not None:
                cost[(i, j)] = best
                back[(i, j)] = best_back
    beads: list[Bead] = []
    i, j = n, m
    while (i, j) != (0, 0):
        di, dj, step = back[(i, j)]
        beads.append(
            Bead(tuple(f.index for f in src[i - di : i]), tuple(f.index for f in tgt[j - dj : j]), step)
        )
        i, j = i - di, j - dj
    return tuple(reversed(beads))


def align(source: Document, target: Document, language: str | None = None) -> Alignment:
    """Align a source text in another language (ko, zh, ja, or unknown) with an English article."""
    src = _cjk_features(source)
    tgt = _english_features(target)
    profile = PROFILES.get(language or "")
    if profile is None:
        profile = _estimated(src, tgt)
    beads = _align(src, tgt, profile, _cross_cost, _PAIR_CAP, profile.ratio)
    return Alignment(beads, profile, language, {f.index: f for f in src}, {f.index: f for f in tgt})


def align_same_language(reference: Document, target: Document) -> Alignment:
    """Align a reference translation with the article (both English): lengths and shared words."""
    ref = _lexical_features(reference)
    tgt = _lexical_features(target)
    profile = _estimated(ref, tgt, SAME_LANGUAGE, (0.5, 2.0))
    beads = _align(ref, tgt, profile, _lexical_cost)
    return Alignment(beads, profile, None, {f.index: f for f in ref}, {f.index: f for f in tgt})


def align_spans(
    reference: Document,
    reference_spans: Sequence[tuple[int, int]],
    target: Document,
    target_spans: Sequence[tuple[int, int]],
) -> tuple[Bead, ...]:
    """Align two lists of spans (sentences, say) of two texts in the same language; the beads' indices
    are positions in the lists."""
    ref = [_lexical_feature(reference, i, s, e, "body", 1) for i, (s, e) in enumerate(reference_spans)]
    tgt = [_lexical_feature(target, i, s, e, "body", 1) for i, (s, e) in enumerate(target_spans)]
    return _align(ref, tgt, _estimated(ref, tgt, SAME_LANGUAGE, (0.5, 2.0)), _lexical_cost)


def _estimated(
    src: Sequence[Features],
    tgt: Sequence[Features],
    spread: tuple[float, float] = UNKNOWN_PAIR,
    clamp: tuple[float, float] = (0.2, 8.0),
) -> LengthProfile:
    """A pair with no measured profile: the article's own overall ratio (of its body paragraphs)."""
    s = sum(f.length for f in src if f.role == BODY) or sum(f.length for f in src)
    t = sum(f.length for f in tgt if f.role == BODY) or sum(f.length for f in tgt)
    ratio = min(clamp[1], max(clamp[0], t / s)) if s and t else 1.0
    return LengthProfile(ratio, *spread, calibrated=False)


# -- per article, cached --------------------------------------------------------------------------------


def cached_for_pair(target: Document, key: str, other: Document, compute: Callable[[], Any]) -> Any:
    """A value cached on the target document for one partner document (the source or the reference):
    the memo keeps the partner alive, so an identity check is enough to tell partners apart."""
    memo: dict[int, tuple[Document, Any]] = target.derived(key, lambda _d: {})
    entry = memo.get(id(other))
    if entry is None or entry[0] is not other:
        entry = (other, compute())
        memo[id(other)] = entry
    return entry[1]


def for_article(article: Article) -> Alignment | None:
    """The article's alignment with its source (None without a source), computed once per article."""
    source = article.source
    if source is None or not prose_paragraphs(source):  # an empty source: nothing to align with
        return None
    language = article.source_language
    return cached_for_pair(
        article.target, "alignment:source", source, lambda: align(source, article.target, language)
    )


def reference_alignment(article: Article) -> Alignment | None:
    """The article's alignment with its reference translation (None without one), computed once."""
    reference = article.reference
    if reference is None:
        return None
    return cached_for_pair(
        article.target,
        "alignment:reference",
        reference,
        lambda: align_same_language(reference, article.target),
    )


def source_paragraphs_for(article: Article, target_offset: int) -> list[Paragraph]:
    """The source paragraphs that the article paragraph holding `target_offset` translates (two when
    it merges them; none when it has no source or there is no source)."""
    alignment = for_article(article)
    para = article.target.paragraph_at(target_offset)
    if alignment is None or para is None or article.source is None:
        return []
    bead = alignment.bead_of_target(para.index)
    return [article.source.paragraphs[i] for i in bead.source] if bead else []


def source_paragraph_for(article: Article, target_offset: int) -> Paragraph | None:
    """The source paragraph that the article paragraph holding `target_offset` translates, or None. When
    the article paragraph joins two source paragraphs: the one sharing more numbers, Latin-script words
    and romanised names with the sentence at `target_offset`, else the one at the same relative
    position (the first source paragraph for the first part of the article paragraph)."""
    paragraphs = source_paragraphs_for(article, target_offset)
    if len(paragraphs) <= 1:
        return paragraphs[0] if paragraphs else None
    alignment = for_article(article)
    para = article.target.paragraph_at(target_offset)
    assert alignment is not None and para is not None and article.source is not None
    doc = article.target
    sentence = next(
        (doc.visible[x.start : x.end] for x in doc.sentences if x.start <= target_offset < x.end),
        doc.visible[para.start : para.end],
    )
    numbers = _numbers(sentence)
    words = {"@" + w.lower() for w in _LATIN_WORD.findall(sentence)}
    names = _capitalised(sentence)
    scores = []
    for p in paragraphs:
        f = alignment.source_features[p.index]
        shared = len(f.anchors & (numbers | words)) + sum(1 for n in names if f.names and n in f.names)
        scores.append(shared)
    if max(scores) > min(scores):
        return paragraphs[scores.index(max(scores))]
    units = [alignment.source_features[p.index].length for p in paragraphs]
    share = (target_offset - para.start) / max(1, para.end - para.start)
    return paragraphs[0] if share < units[0] / max(1, sum(units)) else paragraphs[1]


def source_text_for(article: Article, target_offset: int) -> str | None:
    """The text of the source paragraph(s) behind `target_offset`, joined by a line break, or None."""
    paragraphs = source_paragraphs_for(article, target_offset)
    if not paragraphs or article.source is None:
        return None
    return "\n".join(article.source.text[p.start : p.end] for p in paragraphs)

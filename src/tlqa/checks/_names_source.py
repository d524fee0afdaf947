"""Pairing the article's Korean and Chinese names with the names of the source text.

A Hangul name of the source (a known surname and a one- or two-syllable given name) is romanised
(Revised Romanization, usual surname spellings) and meets an article name when the surnames agree and
the given names agree on `loose` (romanisation alternations merged). A Chinese name is found from the
article side: for an article name with a pinyin surname, the source is searched for that surname's
character followed by one or two characters read as the given name. The result maps each source name
to the article mentions that render it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tlqa.checks._names_core import NameIndex, index
from tlqa.checks._names_data import EA_SURNAMES, ZH_SURNAMES
from tlqa.checks._names_romanize import (
    chinese_name_at,
    korean_names,
    loose,
    pinyin_split,
    readings,
    romanize_korean_name,
)
from tlqa.engine import Article


@dataclass(frozen=True, slots=True)
class SourceName:
    form: str  # as written in the source: 이정화, 郑淯心
    offset: int  # first occurrence in the source
    romanised: str  # RR or pinyin, for the evidence: "Lee Jeong-hwa"
    mentions: tuple[int, ...]  # article mention indexes that render it


def east_asian_mentions(idx: NameIndex) -> list[tuple[int, str, str]]:
    """(mention index, surname, given name) of the article's two-word Korean or Chinese names."""
    out = []
    for m, mention in enumerate(idx.mentions):
        if len(mention.tokens) != 2:
            continue
        first, second = (idx.occurrences[t] for t in mention.tokens)
        if first.east_asian and first.norm in EA_SURNAMES:
            out.append((m, first.norm, second.surface))
    return out


def source_names(article: Article) -> list[SourceName]:
    """Source names rendered in the article (computed once per article)."""
    if article.source is None:
        return []
    return article.target.derived("names.source", lambda _doc: _pair(article))


def _pair(article: Article) -> list[SourceName]:
    assert article.source is not None
    idx = index(article.target)
    mentions = east_asian_mentions(idx)
    if not mentions:
        return []
    text = article.source.text
    language = article.source_language
    found: dict[str, tuple[int, str, list[int]]] = {}
    if language == "ko":
        names = [(form, offset, *romanize_korean_name(form)) for form, offset in korean_names(text).items()]
        for m, surname, given in mentions:
            # The closest source names: the same letters as the RR given name beat a loose match
            # (Min-jae pairs with 김민재, not with 김민제, though ae/e alternate).
            best: list[tuple[str, int, str]] = []
            best_score = 0
            for form, offset, surnames, given_rr in names:
                if surname not in surnames and loose(surname) not in {loose(x) for x in surnames}:
                    continue
                if loose(given) != loose(given_rr):
                    continue
                score = 2 if _letters(given) == _letters(given_rr) else 1
                romanised = f"{surnames[0].capitalize()} {given_rr.capitalize()}"  # RR
                if score > best_score:
                    best, best_score = [(form, offset, romanised)], score
                elif score == best_score:
                    best.append((form, offset, romanised))
            for form, offset, romanised in best:
                entry = found.setdefault(form, (offset, romanised, []))
                if m not in entry[2]:
                    entry[2].append(m)
    elif language == "zh":
        positions: dict[str, list[int]] = {}
        for i, ch in enumerate(text):
            if ch in ZH_SURNAMES:
                positions.setdefault(ch, []).append(i)
        for m, surname, given in mentions:
            for ch, starts in positions.items():
                if surname not in readings(ch):
                    continue
                for start in starts:
                    form = chinese_name_at(text, start, surname, given)
                    if form:
                        entry = found.setdefault(form, (start, f"{surname.capitalize()} {given}", []))
                        if m not in entry[2]:
                            entry[2].append(m)
                        break
    return [
        SourceName(form, offset, romanised, tuple(sorted(ms)))
        for form, (offset, romanised, ms) in sorted(found.items(), key=lambda kv: kv[1][0])
    ]


def _letters(s: str) -> str:
    return "".join(c for c in s.lower() if c.isalpha())


def source_sentence(article: Article, offset: int) -> tuple[str, int]:
    """The source sentence around `offset` and its line number."""
    assert article.source is not None
    doc = article.source
    for s in doc.sentences:
        if s.start <= offset < s.end:
            return " ".join(doc.text[s.start : s.end].split()), doc.position(s.start)[0]
    para = doc.paragraph_at(offset)
    start, end = (para.start, para.end) if para else (offset, min(len(doc.text), offset + 80))
    return " ".join(doc.text[start:end].split()), doc.position(start)[0]


@dataclass(frozen=True, slots=True)
class Mismatch:
    mention: int  # the article mention
    form: str  # the source name it half matches
    offset: int
    romanised: str  # that source name romanised


def mismatches(article: Article) -> list[Mismatch]:
    """Article names that agree with a source name in the surname and one syllable of the given name
    but not in the rest (Zheng Huixin for 郑淯心, Zheng Yuxin), and match no source name fully."""
    if article.source is None:
        return []
    return article.target.derived("names.source-mismatch", lambda _doc: _mismatches(article))


def _mismatches(article: Article) -> list[Mismatch]:
    assert article.source is not None
    idx = index(article.target)
    mentions = east_asian_mentions(idx)
    if not mentions:
        return []
    paired = {m for s in source_names(article) for m in s.mentions}
    text = article.source.text
    language = article.source_language
    out: list[Mismatch] = []
    if language == "ko":
        names = [(form, offset, *romanize_korean_name(form)) for form, offset in korean_names(text).items()]
        for m, surname, given in mentions:
            if m in paired:
                continue
            parts = [loose(p) for p in re.split(r"[-‐ ]", given) if p]
            if len(parts) != 2:
                continue
            for form, offset, surnames, given_rr in names:
                rr = [loose(p) for p in given_rr.split("-")]
                if surname in surnames and len(rr) == 2 and (parts[0] == rr[0]) != (parts[1] == rr[1]):
                    out.append(
                        Mismatch(m, form, offset, f"{surnames[0].capitalize()} {given_rr.capitalize()}")
                    )
                    break
    elif language == "zh":
        positions: dict[str, list[int]] = {}
        for i, ch in enumerate(text):
            if ch in ZH_SURNAMES:
                positions.setdefault(ch, []).append(i)
        for m, surname, given in mentions:
            syllables = pinyin_split(given)
            if m in paired or not syllables:
                continue
            letters = "".join(syllables)
            hit = _half_match(text, positions, surname, letters)
            if hit is not None:
                form, offset, reading = hit
                out.append(Mismatch(m, form, offset, f"{surname.capitalize()} {reading.capitalize()}"))
    return out


def _half_match(
    text: str, positions: dict[str, list[int]], surname: str, letters: str
) -> tuple[str, int, str] | None:
    for ch, starts in positions.items():
        if surname not in readings(ch):
            continue
        for start in starts:
            chars = text[start + 1 : start + 3]
            if len(chars) < 2 or not all("\u4e00" <= c <= "\u9fff" for c in chars):
                continue
            first, second = readings(chars[0])[:3], readings(chars[1])[:3]
            if any(letters == a + b for a in first for b in second):
                return None  # the full name is there after all
            for a in first:
                for b in second:
                    if letters.startswith(a) != letters.endswith(b) and len(letters) >= len(a + b) - 2:
                        return text[start : start + 3], start, a + b
    return None

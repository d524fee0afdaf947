"""Romanising source-script names so they can be paired with the article's names.

* Hangul: Revised Romanization, syllable by syllable as it is applied to personal names (no sound
  changes across syllables: 이재명 → I Jae-myeong), with the usual English spellings of surnames
  (Lee, Park, Choi) from the data module. Algorithmic: a syllable is decomposed into its jamo.
* Chinese: pinyin of each character from pypinyin's character table (every reading of a character,
  tones dropped), imported only when a Chinese source is checked; without pypinyin, Chinese names are
  not romanised.
* `loose` maps a romanised name to a key on which the common romanisation alternations agree
  (eo/u, oo/u, ae/e, g/k, b/p, d/t, ch/j, sh/s, r/l …), so "Kyung-jin" and RR "Gyeong-jin" meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from tlqa import hangul, lazyre
from tlqa.checks._names_data import KO_ENDINGS, KO_SURNAMES, ZH_SURNAMES


def hangul_syllable(ch: str) -> str:
    """Revised Romanization of one Hangul syllable on its own (재 → jae, 명 → myeong)."""
    return hangul.syllable(ch)


def is_hangul_syllable(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def romanize_korean_name(name: str) -> tuple[tuple[str, ...], str]:
    """(surname spellings, given name in RR with a hyphen between syllables) of a Hangul name."""
    for size in (2, 1):
        if len(name) > size and name[:size] in KO_SURNAMES:
            given = "-".join(hangul_syllable(c) for c in name[size:])
            return KO_SURNAMES[name[:size]], given
    return (), "-".join(hangul_syllable(c) for c in name)


_LOOSE_PAIRS = lazyre.compile(r"woo|sh|ch|ck|eo|ou|oo|eu|ae|oe|wo|ee|ui|ph")
_LOOSE_MAP = {"woo": "u", "sh": "s", "ch": "j", "ck": "k", "eo": "u", "ou": "u", "oo": "u", "eu": "u",
              "ae": "e", "oe": "e", "wo": "u", "ee": "i", "ui": "i", "ph": "p"}  # fmt: skip
_SILENT_H = lazyre.compile(r"([aeiou])h(?![aeiou])")
_LOOSE_CHARS = str.maketrans({"g": "k", "b": "p", "d": "t", "r": "l", "c": "k", "z": "s"})


@lru_cache(maxsize=4096)
def loose(name: str) -> str:
    """A key on which romanisations of one name agree: lower case, letters only, alternations merged."""
    s = "".join(c for c in name.lower() if "a" <= c <= "z")
    s = _SILENT_H.sub(r"\1", s)  # Kyung-ah, Noh: an h closing a syllable is not said
    s = _LOOSE_PAIRS.sub(lambda m: _LOOSE_MAP[m.group()], s)
    s = s.translate(_LOOSE_CHARS)
    return re.sub(r"(.)\1+", r"\1", s)


# -- names in a source text ------------------------------------------------------------------------------

_HANGUL_WORD = lazyre.compile(r"[\uac00-\ud7a3]+")
_HAN_RUN = lazyre.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")


def korean_names(text: str) -> dict[str, int]:
    """Hangul words that read as a personal name (a known surname and a one- or two-syllable given
    name, particles and a solid 씨 stripped), with the offset of their first occurrence."""
    found: dict[str, int] = {}
    for m in _HANGUL_WORD.finditer(text):
        word = m.group()
        if len(word) < 2:
            continue
        for stem in _stems(word):
            size = 2 if stem[:2] in KO_SURNAMES and len(stem) >= 4 else 1
            if stem[:size] in KO_SURNAMES and len(stem) - size in (1, 2) and len(stem) >= 3:
                found.setdefault(stem, m.start())
                break
    return found


def _stems(word: str) -> list[str]:
    out = [word]
    for ending in KO_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 2:
            out.append(word[: -len(ending)])
    return out


def chinese_name_at(text: str, start: int, surname: str, given: str) -> str | None:
    """The Chinese name at `start` (a surname character) whose pinyin reads `surname given`, if any:
    the surname character and the one or two characters after it."""
    if text[start] not in ZH_SURNAMES or surname not in readings(text[start]):
        return None
    target = loose(given)
    for size in (2, 1):
        chars = text[start + 1 : start + 1 + size]
        if len(chars) == size and all("\u4e00" <= c <= "\u9fff" for c in chars):
            for reading in _combinations(chars):
                if loose(reading) == target:
                    return text[start : start + 1 + size]
    return None


def _combinations(chars: str) -> list[str]:
    out = [""]
    for c in chars:
        out = [prefix + r for prefix in out for r in readings(c)[:3]]
    return out


_PINYIN: dict[int, str] | None = None


def pinyin_available() -> bool:
    global _PINYIN
    if _PINYIN is None:
        try:
            from pypinyin.pinyin_dict import pinyin_dict  # lazy: only for a Chinese source
        except ImportError:  # pragma: no cover - pypinyin is a declared dependency
            _PINYIN = {}
        else:
            _PINYIN = pinyin_dict
    return bool(_PINYIN)


@lru_cache(maxsize=8192)
def readings(ch: str) -> tuple[str, ...]:
    """Toneless pinyin readings of a Han character (several for a character read several ways)."""
    if not pinyin_available():
        return ()
    raw = _PINYIN.get(ord(ch), "") if _PINYIN else ""
    out: list[str] = []
    for r in raw.split(","):
        plain = "".join(c for c in unicodedata.normalize("NFD", r) if not unicodedata.combining(c))
        plain = plain.replace("ü", "v").lower()
        if plain and plain not in out:
            out.append(plain)
    return tuple(out)


def han_runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _HAN_RUN.finditer(text)]


@lru_cache(maxsize=2048)
def pinyin_split(word: str) -> tuple[str, ...] | None:
    """A pinyin given name cut into syllables ("huixin" -> ("hui", "xin")), or None if it is not
    pinyin. Longest syllables first, backtracking when the rest cannot be cut."""
    from tlqa.checks._names_data import PINYIN_SYLLABLES

    w = "".join(c for c in word.lower() if c.isalpha())

    def cut(i: int) -> tuple[str, ...] | None:
        if i == len(w):
            return ()
        for size in range(min(6, len(w) - i), 0, -1):
            piece = w[i : i + size]
            if piece in PINYIN_SYLLABLES:
                rest = cut(i + size)
                if rest is not None:
                    return (piece, *rest)
        return None

    return cut(0) if w else None

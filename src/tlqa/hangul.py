"""Revised Romanization of Hangul syllables: the one table the names and alignment code share."""

from __future__ import annotations

_INITIALS = (
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h",
)  # fmt: skip
_MEDIALS = (
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
    "yu", "eu", "ui", "i",
)  # fmt: skip
_FINALS = (
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p", "t",
    "t", "ng", "t", "t", "k", "t", "p", "t",
)  # fmt: skip


def syllable(ch: str) -> str:
    """Revised Romanization of one Hangul syllable on its own (재 → jae, 명 → myeong); '' otherwise."""
    o = ord(ch) - 0xAC00
    if not 0 <= o < 11172:
        return ""
    return _INITIALS[o // 588] + _MEDIALS[(o % 588) // 28] + _FINALS[o % 28]

"""Writing systems: which script a character belongs to, and a source text's language told from its
script (Hangul → ko, Kana → ja, Han alone → zh). Cheap, and exact for what it answers; languages
written in Latin script are for langdetect, called only where this cannot tell."""

from __future__ import annotations

from collections import Counter


def script_of(ch: str) -> str:
    """'hangul', 'kana', 'han', 'latin', 'cyrillic', 'arabic', 'thai', 'greek', 'hebrew', 'devanagari'
    or 'other' (digits, punctuation, symbols and spaces are 'other')."""
    o = ord(ch)
    if o < 0x80:
        return "latin" if ch.isalpha() else "other"
    if 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F or 0xA960 <= o <= 0xA97F:
        return "hangul"
    if 0x3040 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF or 0xFF66 <= o <= 0xFF9D:
        return "kana"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2FA1F or 0xF900 <= o <= 0xFAFF:
        return "han"
    if 0x0400 <= o <= 0x052F:
        return "cyrillic"
    if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F:
        return "arabic"
    if 0x0E00 <= o <= 0x0E7F:
        return "thai"
    if 0x0370 <= o <= 0x03FF:
        return "greek"
    if 0x0590 <= o <= 0x05FF:
        return "hebrew"
    if 0x0900 <= o <= 0x097F:
        return "devanagari"
    if (ch.isalpha() and o <= 0x024F) or 0x1E00 <= o <= 0x1EFF:
        return "latin"
    return "other"


def script_counts(text: str) -> Counter[str]:
    return Counter(s for s in map(script_of, text) if s != "other")


def language_from_script(text: str) -> str | None:
    """ISO 639-1 code of a CJK text from its script, or None when the script does not tell."""
    counts = script_counts(text)
    if not counts:
        return None
    if counts["hangul"] >= 0.2 * sum(counts.values()):
        return "ko"
    if counts["kana"] >= 0.05 * (counts["kana"] + counts["han"] + 1) and counts["kana"] >= 3:
        return "ja"
    if counts["han"] >= 0.2 * sum(counts.values()):
        return "zh"
    return None

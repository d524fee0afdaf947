"""Fast scans over a whole text, for the hot paths of the document model and the checks.

Python's `re` engine tries a pattern that starts with a character class at every position of the
text, at a cost of tens of nanoseconds a character: over a 4,000-character article that is a tenth of
a millisecond a scan, more than some whole checks. `str.find` runs at memory speed. So a check that
looks for a handful of characters finds them with `find_all`, and a check whose pattern needs a
character the text may not have asks `has_any` first.
"""

from __future__ import annotations

from functools import lru_cache


def find_all(text: str, chars: str, start: int = 0, end: int | None = None) -> list[int]:
    """The offsets of every occurrence of any of `chars` in text[start:end], in order."""
    stop = len(text) if end is None else end
    out: list[int] = []
    find = text.find
    for ch in chars:
        i = find(ch, start, stop)
        while i != -1:
            out.append(i)
            i = find(ch, i + 1, stop)
    out.sort()
    return out


def has_any(text: str, chars: str) -> bool:
    """True when text holds at least one of `chars`."""
    return any(ch in text for ch in chars)


def may_contain(text: str, ranges: tuple[tuple[int, int], ...]) -> bool:
    """False only when text has no code point in any of the inclusive `ranges` ((lo, hi) pairs of code
    points); True when it may have one. A conservative test at memory speed for a script or block an
    English text rarely holds (Hangul, CJK, full-width forms), to run before the character class that
    finds them: it looks for the UTF-8 lead bytes such code points would have. Curly quotation marks
    and dashes share a lead byte with the rest of U+2000-U+2FFF, so a range there always says True."""
    if text.isascii():
        return any(lo < 0x80 for lo, _hi in ranges)
    encoded = _utf8(text)
    return any(lead in encoded for lead in _leads(ranges))


def _utf8(text: str) -> bytes:
    # One encoding serves the several tests an article gets in a row.
    global _last
    last = _last  # (read once: another thread may replace it)
    if last[0] is text:
        return last[1]
    encoded = text.encode("utf-8", "surrogatepass")
    _last = (text, encoded)
    return encoded


_last: tuple[str | None, bytes] = (None, b"")


@lru_cache(maxsize=64)
def _leads(ranges: tuple[tuple[int, int], ...]) -> tuple[bytes, ...]:
    """The UTF-8 first bytes of every code point in the ranges."""
    leads: set[int] = set()
    for lo, hi in ranges:
        for first, last, lead_of in (
            (0, 0x7F, lambda cp: cp),
            (0x80, 0x7FF, lambda cp: 0xC0 | (cp >> 6)),
            (0x800, 0xFFFF, lambda cp: 0xE0 | (cp >> 12)),
            (0x10000, 0x10FFFF, lambda cp: 0xF0 | (cp >> 18)),
        ):
            a, b = max(lo, first), min(hi, last)
            if a <= b:
                leads.update(range(lead_of(a), lead_of(b) + 1))
    return tuple(bytes([b]) for b in sorted(leads))


def class_ranges(chars: str) -> tuple[tuple[int, int], ...]:
    """The code-point ranges of a character-class body made of plain characters and a-b ranges, as a
    regular expression's [...] would read it ("a-z0-9_" -> (97, 122), (48, 57), (95, 95)): so that a
    module states its class once and gives may_contain the same code points."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(chars):
        if i + 2 < len(chars) and chars[i + 1] == "-":
            out.append((ord(chars[i]), ord(chars[i + 2])))
            i += 3
        else:
            out.append((ord(chars[i]), ord(chars[i])))
            i += 1
    return tuple(out)

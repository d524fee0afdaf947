"""The fast scans agree with the regular expressions and membership tests they stand in for."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from tlqa.scan import class_ranges, find_all, has_any, may_contain

# Text drawn from the characters that matter here: ASCII, curly marks and dashes, Hangul, CJK, full-width
# digits, an astral character, and any other code point.
_TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from("ab .\n\"'“”‘’—…()[]{}가나漢字あ０９€\U00020000"),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=60,
)
_RANGES = st.lists(
    st.tuples(st.integers(0, 0x10FFFF), st.integers(0, 0x3000)).map(
        lambda t: (t[0], min(0x10FFFF, t[0] + t[1]))
    ),
    min_size=1,
    max_size=4,
).map(tuple)


@given(_TEXT, st.sampled_from(["\"'“”„‘’", "()[]{}", "\n", "가字"]), st.integers(0, 70), st.integers(0, 70))
def test_find_all_equals_a_character_class_scan(text: str, chars: str, start: int, end: int) -> None:
    pattern = re.compile("[" + re.escape(chars) + "]")
    assert find_all(text, chars, start, end) == [m.start() for m in pattern.finditer(text, start, end)]
    assert find_all(text, chars) == [m.start() for m in pattern.finditer(text)]
    assert has_any(text, chars) == bool(pattern.search(text))


@given(_TEXT, _RANGES)
def test_may_contain_never_misses_a_code_point_in_range(
    text: str, ranges: tuple[tuple[int, int], ...]
) -> None:
    if any(lo <= ord(ch) <= hi for ch in text for lo, hi in ranges):
        assert may_contain(text, ranges)


def test_may_contain_tells_english_from_hangul() -> None:
    hangul = ((0xAC00, 0xD7A3),)
    english = "“It’s a start,” she said — on May 1… (Yonhap)"
    assert not may_contain(english, hangul)
    assert may_contain(english + " 서울", hangul)
    assert not may_contain("plain ASCII", hangul)


@given(st.characters())
def test_class_ranges_reads_a_class_as_the_regex_does(ch: str) -> None:
    from tlqa.checks.untranslated import _FOREIGN_CLASS

    for body in (_FOREIGN_CLASS, "a-z0-9_", "\uff10-\uff19", "-ab", "ab-"):
        in_ranges = any(lo <= ord(ch) <= hi for lo, hi in class_ranges(body))
        assert in_ranges == bool(re.fullmatch(f"[{body}]", ch))

"""The number readers (tlqa.numtext) and the numbers family on its fixture pair.

Property tests: the readers never raise, keep their spans inside the text, and read back what English,
Korean and Chinese number writing makes of a value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES
from tlqa import api, numtext
from tlqa.config import Config

LANGUAGES = ["ko", "zh", "ja", None]
# Text that looks like what the readers meet: digits, separators, CJK units, currencies, words.
ALPHABET = st.sampled_from(
    [
        *"0123456789,.%$-~:/ ()",
        *["만", "억", "조", "천", "万", "亿", "億", "兆", "千", "百", "원", "元", "달러", "퍼센트"],
        *["百分之", "三", "十"],
        *["million", "billion", " won", " yuan", " percent", "th", " a.m.", "N", "Covid-", "５", "，"],
        *["세 명", "이틀", "\n", "“", "”", "Millionen", "тыс.", "3.40 Uhr"],
    ]
)
TEXTS = st.lists(ALPHABET, max_size=40).map("".join) | st.text(max_size=80)


def _spans_ok(text: str, numbers: list[numtext.Number]) -> None:
    norm = numtext.normalize(text)
    assert len(norm) == len(text)
    for n in numbers:
        assert 0 <= n.start < n.end <= len(text)
        assert norm[n.start : n.end] == n.text


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_english_reader_never_fails_and_keeps_spans(text):
    _spans_ok(text, numtext.read_english(text))
    for n in numtext.read_english_words(text) + numtext.read_confirming_words(text):
        assert text[n.start : n.end] == n.text
    for start, end, _kind, value in numtext.source_forms_in_english(text):
        assert 0 <= start < end <= len(text) and value == value  # not NaN


@settings(max_examples=100, deadline=None)
@given(TEXTS, st.sampled_from(LANGUAGES))
def test_source_reader_never_fails_and_keeps_spans(text, language):
    numbers = numtext.read_source(text, language)
    norm = numtext.normalize(text)
    for n in numbers:
        assert 0 <= n.start < n.end <= len(text)
        assert n.text == norm[n.start : n.end]
        assert all(v == v for v in n.values)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=0, max_value=10**15))
def test_english_round_trip_of_whole_numbers(value):
    written = numtext.english(float(value))
    (n,) = [n for n in numtext.read_english(written) if n.kind != "year"] or numtext.read_english(written)
    assert n.value == pytest.approx(value, rel=1e-12)
    assert n.end - n.start == len(written)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=999), st.sampled_from([1e6, 1e9, 1e12]), st.integers(0, 2))
def test_english_round_trip_with_scale_words(mantissa, scale, places):
    value = mantissa / 10**places * scale
    written = numtext.english(value)
    (n,) = numtext.read_english(written)
    assert n.value == pytest.approx(value, rel=1e-9)


def _korean(value: int) -> str:
    """A whole number the way Korean news writes it: 1조 2300억 4500만 1200."""
    parts = []
    for unit, name in ((10**12, "조"), (10**8, "억"), (10**4, "만")):
        if value >= unit:
            parts.append(f"{value // unit}{name}")
            value %= unit
    if value or not parts:
        parts.append(str(value))
    return " ".join(parts)


def _chinese(value: int) -> str:
    """The same in Chinese: 1万亿 / 2300亿 / 4500万 written without spaces."""
    parts = []
    for unit, name in ((10**8, "亿"), (10**4, "万")):
        if value >= unit:
            parts.append(f"{value // unit}{name}")
            value %= unit
    if value or not parts:
        parts.append(str(value))
    return "".join(parts)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=9_9999_9999_9999))
def test_korean_round_trip(value):
    written = _korean(value) + "명"
    found = [n for n in numtext.read_source(written, "ko") if not n.weak]
    assert len(found) == 1, (written, found)
    assert found[0].value == value


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=9_9999_9999_9999))
def test_chinese_round_trip(value):
    written = _chinese(value) + "人"
    found = [n for n in numtext.read_source(written, "zh") if not n.weak]
    assert len(found) == 1, (written, found)
    assert found[0].value == value


@pytest.mark.parametrize(
    ("text", "language", "value", "kind", "currency"),
    [
        ("3만 8천 명", "ko", 38_000, "count", None),
        ("3만8000명", "ko", 38_000, "count", None),
        ("1조 2300억 원", "ko", 1.23e12, "money", "KRW"),
        ("5천만 원", "ko", 5e7, "money", "KRW"),
        ("38억원", "ko", 3.8e9, "money", "KRW"),
        ("3800만 달러", "ko", 3.8e7, "money", "USD"),
        ("24.5퍼센트", "ko", 24.5, "percent", None),
        ("3.7万亿元", "zh", 3.7e12, "money", "CNY"),
        ("417.6万例", "zh", 4_176_000, "count", None),
        ("2亿元", "zh", 2e8, "money", "CNY"),
        ("百分之二十", "zh", 20, "percent", None),
        ("20%", "zh", 20, "percent", None),
        ("１万１０００店舗", "ja", 11_000, "count", None),
        ("13万円", "ja", 130_000, "money", "JPY"),
        ("2億5000万円", "ja", 2.5e8, "money", "JPY"),
        ("503 Millionen US-Dollar", None, 5.03e8, "count", None),
    ],
)
def test_source_forms(text, language, value, kind, currency):
    (n,) = [n for n in numtext.read_source(text, language) if not n.weak]
    assert n.value == pytest.approx(value)
    assert (n.kind, n.currency) == (kind, currency)


@pytest.mark.parametrize(
    ("text", "value", "kind", "currency", "precision"),
    [
        ("38,000", 38_000, "count", None, 1000),
        ("4.7 trillion yuan", 4.7e12, "money", "CNY", 1e11),
        ("$850 million", 8.5e8, "money", "USD", 1e7),
        ("3.8 billion won", 3.8e9, "money", "KRW", 1e8),
        ("20 percent", 20, "percent", None, 10),
        ("2:40 a.m.", 2, "time", None, 1),
        ("5 p.m.", 17, "time", None, 1),
        ("in 2025", 2025, "year", None, 1),
        ("the 5th", 5, "ordinal", None, 1),
        ("their 50s", 50, "decade", None, 10),
        ("Covid-19", 19, "code", None, 1),
    ],
)
def test_english_forms(text, value, kind, currency, precision):
    (n,) = numtext.read_english(text)
    assert n.value == pytest.approx(value)
    assert (n.kind, n.currency) == (kind, currency)
    assert n.precision == pytest.approx(precision)


def test_ambiguous_latin_separators_keep_both_readings():
    (n,) = numtext.read_source("3.500 Euro", None)
    assert set(n.values) == {3500.0, 3.5}


def test_english_formatting():
    assert numtext.english(4.7e12) == "4.7 trillion"
    assert numtext.english(1.23e12) == "1.23 trillion"
    assert numtext.english(38_000) == "38,000"
    assert numtext.english(12.5) == "12.5"


def test_source_sentence_and_metadata_lines():
    text = "입력 2025.05.07 10:32\n집회에는 3만 8천 명이 참가했다. 경찰은 해산을 요구했다."
    assert numtext.in_metadata_line(text, 5)
    assert not numtext.in_metadata_line(text, text.index("3만"))
    assert numtext.sentence_at(text, text.index("3만")) == "집회에는 3만 8천 명이 참가했다."


# -- the family on its fixture pair ------------------------------------------------------------------------


def test_fixture_pair_finds_each_planted_error_once():
    """numbers-article.txt against numbers-article.ko.txt: the planted errors, each once (see
    fixtures/README.md; the snapshot test keeps the whole output), and nothing from the traps."""
    report = api.check_file(
        str(FIXTURES / "numbers-article.txt"),
        source=str(FIXTURES / "numbers-article.ko.txt"),
        config=Config(),
    )
    found = {(f.rule, f.begin.line) for f in report.findings if f.family == "numbers"}
    assert found == {("M301", 3), ("M202", 4), ("M201", 5), ("M101", 6), ("M203", 7)}
    (wrong,) = [f for f in report.findings if f.rule == "M201"]
    assert wrong.message == "35,000 here; the source says 3만 8천 = 38,000"
    assert (
        wrong.evidence["source_sentence"] == "이날 시청 앞에서는 어민 3만 8천 명이 참여한 반대 집회가 열렸다."
    )
    (slip,) = [f for f in report.findings if f.rule == "M202"]
    assert slip.suggestion.text == "470 billion won"


def test_without_a_source_the_family_is_quiet_on_the_seed_example():
    example = FIXTURES.parent.parent / "shared" / "examples" / "cia-videos.en.txt"
    if not example.exists():
        pytest.skip("../shared/examples is not here")
    report = api.check_file(str(example), config=Config())
    assert [f for f in report.findings if f.family == "numbers"] == []

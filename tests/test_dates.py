"""The date readers (tlqa.datetext) and the dates family on its fixture and on the seed example.

Property tests: the readers never raise and keep their spans inside the text; a date written the way
English, Korean or Chinese news writes it is read back as the same date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import FIXTURES, SHARED
from tlqa import api, datetext
from tlqa.config import Config

EXAMPLE = SHARED / "examples" / "cia-videos.en.txt"
ALPHABET = st.sampled_from(
    [
        "May",
        "Sept.",
        "Sep",
        "June",
        "Monday",
        "Tue",
        "Mo",
        ", ",
        " ",
        "1",
        "3",
        "12",
        "31",
        "2025",
        "20014",
        "st",
        "rd",
        "th",
        "-",
        "–",
        "/",
        ".",
        "the ",
        "on ",
        "of ",
        "년",
        "월",
        "일",
        "年",
        "月",
        "日",
        "号",
        "１",
        "\n",
        "last ",
        "this month",
        "Published: ",
        "---\ndate: ",
    ]
)
TEXTS = st.lists(ALPHABET, max_size=30).map("".join) | st.text(max_size=60)
DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_readers_never_fail_and_keep_spans(text):
    for d in datetext.english_dates(text) + datetext.cjk_dates(datetext.normalize(text)):
        assert 0 <= d.start < d.end <= len(text)
        assert d.text == datetext.normalize(text)[d.start : d.end] or d.text == text[d.start : d.end]
        for span in (d.weekday_span, d.month_span, d.day_span, d.year_span):
            assert span is None or d.start <= span[0] < span[1] <= d.end
    for r in datetext.relative_dates(text):
        assert text[r.start : r.end] == r.text
    for language in ("ko", "zh", "ja", None):
        for d in datetext.source_dates(text, language):
            assert 0 <= d.start < d.end <= len(text)
    datetext.carried_publication_date(text)


@settings(max_examples=100, deadline=None)
@given(DATES, st.booleans())
def test_english_round_trip(date, ap):
    d = datetext.DateMention(0, 0, "", "mdy", date.year, date.month, date.day)
    written = f"on {datetext.weekday_name(date.weekday())}, {d.english(ap=ap)}."
    (read,) = datetext.english_dates(written)
    assert (read.year, read.month, read.day, read.weekday) == (
        date.year,
        date.month,
        date.day,
        date.weekday(),
    )


@settings(max_examples=100, deadline=None)
@given(DATES)
def test_day_first_round_trip(date):
    written = f"{date.day} {datetext.MONTHS[date.month - 1]} {date.year}"
    (read,) = datetext.english_dates(written)
    assert (read.form, read.year, read.month, read.day) == ("dmy", date.year, date.month, date.day)


@settings(max_examples=100, deadline=None)
@given(DATES, st.sampled_from(["{y}년 {m}월 {d}일", "{y}年{m}月{d}日", "{y}. {m}. {d}.", "{y}年{m}月{d}号"]))
def test_cjk_round_trip(date, pattern):
    written = "회의는 " + pattern.format(y=date.year, m=date.month, d=date.day) + " 열렸다"
    (read,) = datetext.cjk_dates(written)
    assert (read.year, read.month, read.day) == (date.year, date.month, date.day)


@settings(max_examples=100, deadline=None)
@given(DATES, st.integers(min_value=-150, max_value=150))
def test_nearest_date_is_the_written_day_near_the_anchor(date, shift):
    anchor = date + dt.timedelta(days=shift)
    found = datetext.nearest_date(date.month, date.day, anchor)
    assert found is not None and (found.month, found.day) == (date.month, date.day)
    assert abs((found - anchor).days) <= abs(shift)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\ntitle: x\ndate: 2025-05-07\n---\nBody.", dt.date(2025, 5, 7)),
        ("Headline\nPublished: May 7, 2025 10:32 KST\nBody text here.", dt.date(2025, 5, 7)),
        ("Headline\n2025. 5. 7.\nBody text here.", dt.date(2025, 5, 7)),
        ("Headline\nThe talks on May 7, 2025 went well, officials said on Monday.\n", None),
    ],
)
def test_carried_publication_date(text, expected):
    found = datetext.carried_publication_date(text)
    assert (found[0] if found else None) == expected


def test_weekday_year_never_comes_from_today():
    """Without a publication date or another dated mention, a weekday-date pair is not checked."""
    report = api.check_text("The court will rule on Tuesday, June 5.", config=Config(select=("D101",)))
    assert report.findings == []
    report = api.check_text(
        "The court will rule on Tuesday, June 5.",
        config=Config(select=("D101",)),
        published=dt.date(2025, 5, 30),
    )
    assert [f.evidence["year_from"] for f in report.findings] == [
        "the publication date (May 30, 2025, from --published)"
    ]


@pytest.mark.skipif(not EXAMPLE.exists(), reason="../shared/examples is not here")
def test_seed_example_reports_exactly_the_ordinal_date():
    report = api.check_file(str(EXAMPLE), config=Config())
    dates = [f for f in report.findings if f.family == "dates"]
    assert [(f.rule, f.excerpt) for f in dates] == [("D111", "May 1st")]
    (f,) = dates
    assert f.suggestion.text == "May 1"
    assert f.evidence["same_date_elsewhere"] == [{"text": "May 1", "line": 2}]


def test_sample_article_reports_exactly_the_planted_ordinal():
    report = api.check_file(str(FIXTURES / "sample-article.txt"), config=Config())
    dates = [f for f in report.findings if f.family == "dates"]
    assert [(f.rule, f.begin.line, f.excerpt) for f in dates] == [("D111", 4, "June 3rd")]


def test_dates_fixture_reports_each_planted_error_once():
    report = api.check_file(str(FIXTURES / "dates-article.txt"), config=Config())
    found = [(f.rule, f.begin.line) for f in report.findings if f.family == "dates"]
    assert found == [
        ("D201", 5),
        ("D101", 7),
        ("D102", 8),
        ("D112", 9),
        ("D111", 10),
        ("D131", 10),
        ("D122", 11),
    ]

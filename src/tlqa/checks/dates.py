"""Dates (family `dates`): calendar sense, AP date style, relative dates against the publication date,
and agreement with the source.

Dates are read once per document (`tlqa.datetext`). The publication date is `--published` (the
article's `published`); without it, a date the article carries itself: a front-matter field `date:` or
`published:` (Markdown), or a line near the top or bottom holding only a full date ("Published: May 7,
2025 10:32 KST"). A date written without a year takes the year from the publication date, else from the
other dates of the article; never from today's date, so an audit of back issues reads them as their
readers did.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tlqa import datetext, numtext
from tlqa.datetext import DateMention, RelativeMention
from tlqa.document import Document
from tlqa.engine import Article
from tlqa.findings import Applicability, Severity, Suggestion, Violation
from tlqa.months import MONTHS
from tlqa.rules import rule

# -- what every rule reads ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateAnalysis:
    dates: list[DateMention]
    relative: list[RelativeMention]  # weekdays and the like that are not part of a date
    carried: tuple[dt.date, int, int] | None  # the publication date the article carries, and its line
    source_forms: list[DateMention]  # Korean, Chinese and dotted dates left in the English text


def analyse_document(doc: Document) -> DateAnalysis:
    text = doc.visible
    dates = datetext.english_dates(text)
    relative = datetext.relative_dates(text)
    if dates and relative:
        # The dates are in order and do not overlap: the one a relative date may be inside is the last
        # one that starts at or before it.
        starts = [d.start for d in dates]
        ends = [d.end for d in dates]

        def inside(r: RelativeMention) -> bool:
            i = bisect.bisect_right(starts, r.start) - 1
            return i >= 0 and r.start < ends[i]

        relative = [r for r in relative if not inside(r)]
    carried = datetext.carried_publication_date(doc.text)
    source_forms = datetext.source_forms_in_english(text)
    if source_forms and not is_english(doc):
        source_forms = []  # a Korean or Chinese text checked as an article: its dates are its own
    return DateAnalysis(dates, relative, carried, source_forms)


def is_english(doc: Document) -> bool:
    """Whether the document reads as English rather than as Korean, Chinese or Japanese: at least as
    many Latin letters as Hangul, Han and Kana together."""

    def decide(d: Document) -> bool:
        from tlqa.scripts import script_counts

        counts = script_counts(d.visible)
        return counts["latin"] >= counts["hangul"] + counts["han"] + counts["kana"]

    return doc.derived("dates.is_english", decide)


def analysis(article: Article) -> DateAnalysis:
    return article.target.derived("dates.analysis", analyse_document)


def publication_date(article: Article) -> tuple[dt.date, str] | None:
    """The publication date and where it came from ('--published' or 'the article's date line')."""
    if article.published is not None:
        return article.published, "--published"
    carried = analysis(article).carried
    if carried is not None:
        line = article.target.position(carried[1])[0]
        return carried[0], f"the date line of the article (line {line})"
    return None


def _line(article: Article, offset: int) -> int:
    return article.target.position(offset)[0]


def _in_carried_line(a: DateAnalysis, d: DateMention | RelativeMention) -> bool:
    return a.carried is not None and a.carried[1] <= d.start < a.carried[2]


def _resolved_year(article: Article, d: DateMention) -> tuple[list[int], str] | None:
    """The years a date may belong to and where they come from: its own year; else the publication
    date (the year or two that put the date within 300 days of it); else the nearest date of the article
    that states a year."""
    if d.year is not None:
        return [d.year], "the date itself"
    if d.month is None or d.day is None:
        return None
    pub = publication_date(article)
    if pub is not None:
        years = [c.year for c in datetext.candidate_dates(d.month, d.day, pub[0])]
        return (years, f"the publication date ({datetext.fmt(pub[0])}, from {pub[1]})") if years else None
    with_year = [o for o in analysis(article).dates if o.year and o.month and 1000 <= o.year <= 9999]
    if not with_year:
        return None
    before = [o for o in with_year if o.start < d.start]
    other = before[-1] if before else with_year[0]
    return [other.year], f"'{other.text}' at line {_line(article, other.start)}"  # type: ignore[list-item]


# -- D1: calendar sense and house style --------------------------------------------------------------------


@rule("D101", "weekday-date-mismatch", "dates", Severity.ERROR)
def weekday_date_mismatch(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Weekday and date disagree.

    A weekday written with a date must be the date's weekday. The year is the date's own; for a date
    written without one, the publication date's (`--published`, or the date line the article carries:
    the year that puts the date within 300 days of it, so either year passes when two could); failing
    that, the year of the nearest date in the article that has one. Never today's date. A numeric date
    whose day and month cannot be told apart (10/09/2014) is not checked.

    Example:
        The summit opens Thursday, July 10, 2024.
    Write instead:
        The summit opens Wednesday, July 10, 2024.
    """
    for d in analysis(article).dates:
        if d.weekday is None or d.month is None or d.day is None or d.ambiguous:
            continue
        resolved = _resolved_year(article, d)
        if resolved is None:
            continue
        years, source = resolved
        actual = []
        for y in years:
            if 1 <= y <= 9999 and datetext.valid_day(y, d.month, d.day):
                actual.append(dt.date(y, d.month, d.day))
        if not actual or any(a.weekday() == d.weekday for a in actual):
            continue
        real = actual[0]
        right = datetext.weekday_name(real.weekday())
        written = article.target.text[d.weekday_span[0] : d.weekday_span[1]] if d.weekday_span else ""
        short = written.rstrip(".") != datetext.weekday_name(d.weekday) and len(written) <= 5
        suggestion = (
            right[: len(written.rstrip("."))] + ("." if written.endswith(".") else "") if short else right
        )
        yield Violation(
            d.weekday_span[0] if d.weekday_span else d.start,
            d.end,
            f"{datetext.fmt(real)} was a {right}, not a {datetext.weekday_name(d.weekday)}",
            suggestion=Suggestion(suggestion, Applicability.DISPLAY) if not short else None,
            evidence={"date": d.text, "year": real.year, "year_from": source, "weekday_of_date": right},
        )


@rule("D102", "impossible-date", "dates", Severity.ERROR)
def impossible_date(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Impossible date: a day the month does not have, or a year that cannot be meant.

    Sept. 31, Feb. 30, Feb. 29 in a year that is not a leap year, June 31, a day 32 or more, and a
    five-digit year after a month (May 20014). For Feb. 29 written without a year, the year comes from
    the publication date; without one the date is taken as possible.

    Example:
        The deadline is Sept. 31.
    Write instead:
        The deadline is Sept. 30 (or Oct. 1).
    """
    for d in analysis(article).dates:
        if d.month is None:
            continue
        if d.year is not None and d.year > 9999:
            yield Violation(
                d.year_span[0] if d.year_span else d.start,
                d.year_span[1] if d.year_span else d.end,
                f"Impossible year {d.year} in '{d.text}'",
                evidence={"date": d.text, "year": d.year},
            )
            continue
        if d.day is None:
            continue
        if d.day_end is None and 1 <= d.day <= 28 and 1 <= d.month <= 12:
            continue  # a day every month has
        year = d.year
        why = None
        if year is None and d.month == 2 and d.day == 29:
            pub = publication_date(article)
            if pub is None:
                continue
            cands = datetext.candidate_dates(2, 28, pub[0], within=200)
            if not cands:
                continue
            year = cands[0].year
            why = f"the year of the publication date ({pub[1]})"
        days = [d.day] + ([d.day_end] if d.day_end is not None and d.month_end is None else [])
        for day in days:
            if not datetext.valid_day(year, d.month, day):
                name = MONTHS[d.month - 1]
                in_year = f" {year}" if year and d.month == 2 and day == 29 else ""
                evidence: dict[str, Any] = {"date": d.text, "month": name, "day": day}
                if year is not None:
                    evidence["year"] = year
                if why:
                    evidence["year_from"] = why
                yield Violation(
                    d.start,
                    d.end,
                    f"{name}{in_year} has no day {day}",
                    evidence=evidence,
                )
                break


def _same_date_elsewhere(a: DateAnalysis, d: DateMention) -> list[DateMention]:
    return [o for o in a.dates if o is not d and o.ordinal is None and (o.month, o.day) == (d.month, d.day)]


@rule("D111", "ordinal-date", "dates", Severity.WARNING, fixable=True)
def ordinal_date(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Ordinal in a date (May 1st): news style writes the cardinal (May 1).

    AP writes dates with cardinal figures: May 1, June 3, Sept. 30. An ordinal day (1st, 2nd, 3rd, 4th)
    after or before a month is a translation habit, and when the same article also writes the cardinal
    (a caption saying May 1 over a story saying May 1st) it reads as two styles; the other forms are in
    the finding's evidence. The fix drops the suffix (and, for "1st of May", puts the month first). A day
    alone after a preposition ("on the 25th") is how English says it and passes.

    Example:
        The videos were released on May 1st.
    Write instead:
        The videos were released on May 1.
    """
    a = analysis(article)
    ordinals = [
        d for d in a.dates if d.ordinal is not None and d.form in ("mdy", "dmy") and d.day_span is not None
    ]
    if not ordinals:
        return
    text = article.target.text
    cardinal = sum(1 for o in a.dates if o.ordinal is None and o.day is not None and o.form in ("mdy", "dmy"))
    for d in ordinals:
        if d.form == "mdy":
            start, end = d.month_span[0] if d.month_span else d.start, d.day_span[1]
            fixed = text[start : d.day_span[0]] + str(d.day)
        else:  # "1st of May 2025" → "May 1, 2025"
            start, end = d.start, d.end
            if text.startswith("the ", start):
                start += 4
            fixed = (
                (d.english(ap=False) or "").replace(
                    MONTHS[d.month - 1], text[d.month_span[0] : d.month_span[1]]
                )
                if d.month and d.month_span
                else ""
            )
            if not fixed:
                continue
            if d.weekday_span:
                fixed = text[d.start : d.weekday_span[1]] + ", " + fixed
        others = _same_date_elsewhere(a, d)
        evidence: dict[str, Any] = {"date": text[start:end], "ordinal": f"{d.day}{d.ordinal}"}
        message = f"Ordinal date '{text[start:end]}'; news style writes '{fixed}'"
        if others:
            evidence["same_date_elsewhere"] = [
                {"text": o.text, "line": _line(article, o.start)} for o in others[:5]
            ]
            message += f", as this article does at line {_line(article, others[0].start)}"
        elif cardinal:
            evidence["cardinal_dates_in_article"] = cardinal
            message += f", the form of the article's {cardinal} other date{'s' if cardinal != 1 else ''}"
        yield Violation(
            start, end, message, suggestion=Suggestion(fixed, Applicability.SAFE), evidence=evidence
        )


_FORM_NAMES = {
    "mdy": "month first (May 1, 2025)",
    "dmy": "day first (1 May 2025)",
    "iso": "year-month-day (2025-05-01)",
    "numeric": "in figures (5/1/2025)",
}


@rule("D112", "mixed-date-formats", "dates", Severity.WARNING)
def mixed_date_formats(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """One article writes its dates in two formats.

    Month first (May 1, 2025), day first (1 May 2025), year-month-day (2025-05-01) and figures
    (5/1/2025) are different conventions; an article that mixes them reads as stitched together (and
    5/1 against 1 May leaves the reader guessing). The dates in the article's less used format are
    reported, with the majority format as evidence; at a tie, the ones that are not month first (the
    AP form). Ordinal days are the ordinal-date rule's (D111), and a date line the article carries is
    not counted.

    Example:
        The talks began on 1 May 2025 and ended on May 3, 2025.
    Write instead:
        The talks began on May 1, 2025, and ended on May 3, 2025.
    """
    a = analysis(article)
    counted = [
        d for d in a.dates if d.form in _FORM_NAMES and d.ordinal is None and not _in_carried_line(a, d)
    ]
    if len({d.form for d in counted}) < 2:
        return
    forms = Counter(d.form for d in counted)
    majority = max(forms, key=lambda f: (forms[f], f == "mdy"))
    for d in counted:
        if d.form == majority:
            continue
        example = next(o for o in counted if o.form == majority)
        example_line = _line(article, example.start)
        suggestion = None
        if majority == "mdy" and d.month and d.day and not d.ambiguous:
            fixed = d.english()
            if fixed and d.weekday_span:
                fixed = article.target.text[d.start : d.weekday_span[1]] + ", " + fixed
            suggestion = Suggestion(fixed, Applicability.UNSAFE) if fixed else None
        yield Violation(
            d.start,
            d.end,
            f"Date written {_FORM_NAMES[d.form].split(' (')[0]} ('{d.text}') where this article writes "
            f"{forms[majority]} date{'s' if forms[majority] != 1 else ''} "
            f"{_FORM_NAMES[majority].split(' (')[0]} ('{example.text}' at line {example_line})",
            suggestion=suggestion,
            evidence={
                "formats": dict(sorted(forms.items())),
                "majority": majority,
                "example": {"text": example.text, "line": _line(article, example.start)},
            },
        )


@rule("D122", "month-year-comma", "dates", Severity.WARNING, fixable=True)
def month_year_comma(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Comma between a month and a year with no day (October, 1958).

    A month and a year alone take no comma: "October 1958". (With a day the comma is right: Oct. 7,
    1958.) The fix removes it.

    Example:
        The store closed its doors in October, 1958.
    Write instead:
        The store closed its doors in October 1958.
    """
    text = article.target.text
    for d in analysis(article).dates:
        if (
            d.form == "my"
            and d.year_comma
            and d.month_span
            and d.year_span
            and d.year is not None
            and d.year <= 9999
        ):
            written = text[d.start : d.end]
            fixed = f"{text[d.month_span[0] : d.month_span[1]]} {d.year}"
            yield Violation(
                d.start,
                d.end,
                f"No comma between month and year: write '{fixed}'",
                suggestion=Suggestion(fixed, Applicability.SAFE),
                evidence={"date": written},
            )


@rule("D131", "source-format-date", "dates", Severity.ERROR, fixable=True)
def source_format_date(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Date left in the source language's format (2025년 6월 3일, 6月3日, 2025. 6. 3.).

    A Korean, Chinese or Japanese date, or the Korean dotted form, in an English article: the
    translation kept the source's date as it was. The fix writes it in AP form (June 3, 2025), and is
    safe where the date is complete; a day alone (14일) is shown as "the 14th" for an editor to place.

    Example:
        The ceasefire took effect on 2025년 6월 3일.
    Write instead:
        The ceasefire took effect on June 3, 2025.
    """
    for d in analysis(article).source_forms:
        if d.month is not None:
            fixed = d.english()
            applicability = Applicability.SAFE
        else:
            fixed = f"the {d.day}{_suffix(d.day)}" if d.day else None
            applicability = Applicability.DISPLAY
        if not fixed:
            continue
        yield Violation(
            d.start,
            d.end,
            f"Date in the source's format: '{d.text}'; write '{fixed}'",
            suggestion=Suggestion(fixed, applicability),
            evidence={"date": d.text, "form": d.form},
        )


def _suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


# -- D2: against the publication date ----------------------------------------------------------------------


@rule("D201", "weekday-outside-week", "dates", Severity.WARNING)
def weekday_outside_week(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Weekday named for a date more than a week from publication.

    News style names the weekday ("on Monday") only for the days within a week of publication, and
    gives the date beyond that. A weekday written with a date that lies further from the publication date
    (`--published`, or the date line the article carries) is either a stale weekday kept from an earlier
    draft or a wrong date. Without a publication date nothing is checked. The window is `[dates]
    weekday-window` days (7).

    Example:
        (published May 20, 2025) The board met on Thursday, May 1.
    Write instead:
        The board met on May 1.
    """
    pub = publication_date(article)
    if pub is None:
        return
    window = int(options.get("weekday-window", 7))
    a = analysis(article)
    for d in a.dates:
        if d.weekday is None or d.month is None or d.day is None or d.ambiguous or _in_carried_line(a, d):
            continue
        if d.year is not None:
            if not datetext.valid_day(d.year, d.month, d.day) or not 1 <= d.year <= 9999:
                continue
            date = dt.date(d.year, d.month, d.day)
        else:
            date = datetext.nearest_date(d.month, d.day, pub[0])
            if date is None:
                continue
        if date.weekday() != d.weekday:
            continue  # the weekday is wrong: D101's
        gap = (date - pub[0]).days
        if abs(gap) <= window:
            continue
        when = f"{abs(gap)} days {'before' if gap < 0 else 'after'} publication ({datetext.fmt(pub[0])})"
        yield Violation(
            d.weekday_span[0] if d.weekday_span else d.start,
            d.end,
            f"Weekday named for {datetext.fmt(date)}, {when}; give the date alone",
            evidence={
                "date": datetext.fmt(date),
                "published": pub[0].isoformat(),
                "published_from": pub[1],
                "days_from_publication": gap,
                "window": window,
            },
        )


@rule("D202", "date-line-disagrees", "dates", Severity.WARNING)
def date_line_disagrees(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """The article's own date line disagrees with `--published`.

    The date an article carries (a front-matter `date:` or `published:` field, or a date line at the top
    or bottom) should be its publication date. When `--published` says otherwise, one of them is wrong,
    and relative dates ("on Monday") are read against `--published`.

    Example:
        (checked with --published 2025-05-08) Published: May 7, 2025
    Write instead:
        Published: May 8, 2025
    """
    carried = analysis(article).carried
    if article.published is None or carried is None or carried[0] == article.published:
        return
    yield Violation(
        carried[1],
        carried[2],
        f"Date line says {datetext.fmt(carried[0])}, but --published is {datetext.fmt(article.published)}",
        evidence={"date_line": carried[0].isoformat(), "published": article.published.isoformat()},
    )


# -- D3: against the source --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _SourceDates:
    dates: list[DateMention]
    language: str | None


def _source_dates(article: Article) -> _SourceDates:
    src = article.source
    assert src is not None
    lang = article.source_language

    def make(doc: Document) -> list[DateMention]:
        out = []
        for d in datetext.source_dates(doc.text, lang):
            if numtext.in_metadata_line(doc.text, d.start):
                continue
            out.append(d)
        return out

    return _SourceDates(src.derived(f"dates.source.{lang}", make), lang)


def _source_date_text(d: DateMention) -> str:
    english = d.english(ap=True) if d.month else (f"the {d.day}{_suffix(d.day)}" if d.day else None)
    return f"{d.text} ({english})" if english and english != d.text else d.text


def _days(d: DateMention) -> set[int]:
    assert d.day is not None
    if d.day_end is None:
        return {d.day}
    if d.month_end is None and d.day <= d.day_end:
        return set(range(d.day, d.day_end + 1))
    return {d.day, d.day_end}


def _agrees(t: DateMention, s: DateMention) -> bool:
    if t.day is None or s.day is None:
        return False
    t_days = _days(t)
    s_days = _days(s)
    if not t_days & s_days:
        return False
    if t.month is not None and s.month is not None and t.month != s.month and t.month_end is None:
        return False
    return not (t.year is not None and s.year is not None and t.year != s.year)


def _weekday_dates(article: Article, r: RelativeMention, pub: dt.date) -> list[dt.date]:
    """The dates a weekday alone may mean, read against the publication date: the last such weekday on
    or before publication, and the next one after it."""
    assert r.weekday is not None
    back = (pub.weekday() - r.weekday) % 7
    ahead = (r.weekday - pub.weekday()) % 7 or 7
    return [pub - dt.timedelta(days=back), pub + dt.timedelta(days=ahead)]


@rule("D301", "date-not-in-source", "dates", Severity.ERROR, needs={"source"})
def date_not_in_source(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A date whose day the source does not have (March 4 against 14일).

    Every day of the month in the article must be one the source gives: "May 19" against 5월 19일 or
    5月19日, and "the 14th" against 14일 or 14日; a source day written without its month (14일) matches
    that day in any month, and a year is compared where both sides give one; a month and year
    (August 1986) needs its year in the source. With a publication date, a
    weekday alone ("on Wednesday") must also fall on a day the source names (the last such weekday before
    publication, or the next one). Nothing is checked when the source gives no day at all (the desk may
    have added a date the source leaves to its dateline). The nearest source date and its sentence are
    the evidence.

    Example:
        (source: 경찰은 14일 용의자를 체포했다.) Police arrested the suspect on March 4.
    Write instead:
        Police arrested the suspect on March 14.
    """
    src = _source_dates(article)
    source_days = [s for s in src.dates if s.day is not None]
    a = analysis(article)
    source_text = numtext.normalize(article.source.text)  # type: ignore[union-attr]
    for t in a.dates:
        if t.form == "my" and t.year is not None and t.month is not None and not _in_carried_line(a, t):
            yield from _month_year_not_in_source(article, t, src.dates, source_text)
    if not source_days:
        return
    for t in a.dates:
        if t.day is None or _in_carried_line(a, t) or t.ambiguous:
            continue
        if any(_agrees(t, s) for s in source_days):
            continue
        near = _nearest_source_date(article, t, source_days)
        said = _source_date_text(near)
        evidence = {
            "date": t.text,
            "source_date": near.text,
            "source_sentence": numtext.sentence_at(article.source.text, near.start),  # type: ignore[union-attr]
            "source_dates": sorted({s.text for s in source_days})[:10],
        }
        suggestion = None
        if (
            near.day is not None
            and t.day_span is not None
            and t.day_end is None
            and near.month in (None, t.month)
        ):
            fixed = (
                t.text[: t.day_span[0] - t.start] + str(near.day) + ((t.ordinal and _suffix(near.day)) or "")
            )
            suggestion = Suggestion(fixed + t.text[t.day_span[1] - t.start :], Applicability.DISPLAY)
        yield Violation(
            t.start, t.end, f"{t.text} here; the source says {said}", suggestion=suggestion, evidence=evidence
        )
    pub = publication_date(article)
    if pub is None:
        return
    for r in a.relative:
        if r.kind != "weekday" or r.weekday is None or _in_carried_line(a, r):
            continue
        candidates = _weekday_dates(article, r, pub[0])
        if any(s.day == c.day and s.month in (None, c.month) for s in source_days for c in candidates):
            continue
        near = min(source_days, key=lambda s: min(abs((s.day or 0) - c.day) for c in candidates))
        yield Violation(
            r.start,
            r.end,
            f"{r.text} ({' or '.join(datetext.fmt(c, year=False) for c in candidates)}, read against "
            f"publication on {datetext.fmt(pub[0])}) here; the source says {_source_date_text(near)}",
            evidence={
                "weekday": r.text,
                "published": pub[0].isoformat(),
                "published_from": pub[1],
                "source_date": near.text,
                "source_sentence": numtext.sentence_at(article.source.text, near.start),  # type: ignore[union-attr]
            },
        )


def _month_year_not_in_source(
    article: Article, t: DateMention, source: list[DateMention], source_text: str
) -> Iterator[Violation]:
    """A month and year (August 1986) whose year the source does not give."""
    assert t.year is not None
    if str(t.year) in source_text:
        return
    years = [s for s in source if s.year is not None]
    if not years and not re.search(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)", source_text):
        return  # the source gives no year at all: nothing to compare
    near = years[0] if years else None
    said = _source_date_text(near) if near else "no such year"
    evidence: dict[str, Any] = {"date": t.text, "year": t.year}
    if near is not None:
        evidence.update(
            source_date=near.text, source_sentence=numtext.sentence_at(article.source.text, near.start)
        )  # type: ignore[union-attr]
    yield Violation(t.start, t.end, f"{t.text} here; the source says {said}", evidence=evidence)


def _nearest_source_date(article: Article, t: DateMention, source: list[DateMention]) -> DateMention:
    tlen = max(len(article.target.text), 1)
    slen = max(len(article.source.text), 1)  # type: ignore[union-attr]

    def score(s: DateMention) -> tuple[float, int]:
        day_gap = abs((s.day or 0) - (t.day or 0))
        month_gap = 0 if s.month in (None, t.month) else 1
        pos = abs(t.start / tlen - s.start / slen)
        return (month_gap * 2 + min(day_gap, 10) / 10 + pos, s.start)

    return min(source, key=score)


@rule("D302", "source-date-missing", "dates", Severity.WARNING, needs={"source"})
def source_date_missing(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A date the source gives that the article does not.

    A day of the month in the source (5월 19일, 14일, 5月19日) that no date of the article has. A weekday
    alone in the article may stand for it (news style turns 14일 into "on Wednesday"): with a publication
    date the weekday must fall on that day; without one, any weekday or "yesterday"/"today" in the article
    is taken as standing for it. A source date that a D301 finding already cites is that finding's.
    Source lines that are metadata (입력, 기자, 来源, e-mail) are not read.
    Reported at the article paragraph that translates the source paragraph, when the alignment finds one,
    else at the start of the article.

    Example:
        (source: 회의는 14일과 16일에 열린다.) The meetings will be held on the 14th.
    Write instead:
        The meetings will be held on the 14th and 16th.
    """
    src = _source_dates(article)
    a = analysis(article)
    targets = [t for t in a.dates if t.day is not None and not t.ambiguous]
    source_days = [s for s in src.dates if s.day is not None]
    cited = {
        id(_nearest_source_date(article, t, source_days))
        for t in targets
        if not _in_carried_line(a, t) and source_days and not any(_agrees(t, s) for s in source_days)
    }
    pub = publication_date(article)
    weekday_days: list[dt.date] = []
    loose_weekdays = False
    for r in a.relative:
        if r.kind == "weekday" and r.weekday is not None:
            if pub is None:
                loose_weekdays = True
            else:
                weekday_days.extend(_weekday_dates(article, r, pub[0]))
        elif r.kind == "day":
            if pub is None:
                loose_weekdays = True
            else:
                shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}.get(r.qualifier, 0)
                weekday_days.append(pub[0] + dt.timedelta(days=shift))
    seen: set[tuple[int | None, int | None]] = set()
    for s in src.dates:
        if s.day is None:
            continue
        key = (s.month, s.day)
        if key in seen or id(s) in cited:
            continue
        if any(_agrees(t, s) for t in targets):
            continue
        if loose_weekdays or any(c.day == s.day and s.month in (None, c.month) for c in weekday_days):
            continue
        seen.add(key)
        start, end = target_span_for_source(article, s.start)
        yield Violation(
            start,
            end,
            f"The source's date {_source_date_text(s)} is not in the article",
            evidence={
                "source_date": s.text,
                "source_sentence": numtext.sentence_at(article.source.text, s.start),  # type: ignore[union-attr]
            },
        )


def target_span_for_source(article: Article, source_offset: int) -> tuple[int, int]:
    """Where to report something of the source that the article lacks: the article paragraph that
    translates the source paragraph holding `source_offset` (by the alignment), else the article
    paragraph at the same relative position, as a span of that paragraph's first line."""
    doc = article.target
    src = article.source
    index = None
    if src is not None:
        try:
            from tlqa import alignment

            al = alignment.for_article(article)
            para = src.paragraph_at(source_offset)
            if al is not None and para is not None:
                bead = al.bead_of_source(para.index)
                if bead is not None and bead.target:
                    index = bead.target[0]
        except Exception:  # the alignment is a convenience here: fall back on position
            index = None
    if index is None or not 0 <= index < len(doc.paragraphs):
        if not doc.paragraphs:
            return 0, 0
        rel = source_offset / max(len(src.text) if src else 1, 1)
        target = rel * len(doc.text)
        index = min(
            range(len(doc.paragraphs)),
            key=lambda i: (
                abs(doc.paragraphs[i].start - target)
                if doc.paragraphs[i].start <= target
                else abs(doc.paragraphs[i].start - target) + 1
            ),
        )
        for i, p in enumerate(doc.paragraphs):
            if p.start <= target:
                index = i
    p = doc.paragraphs[index]
    line_end = doc.text.find("\n", p.start, p.end)
    return p.start, line_end if line_end != -1 else p.end

"""Recognising dates: English news dates with their spans, relative dates, and source-language dates.

English, as news writes it: May 1; May 1, 2025; Tuesday, June 3, 2025; Sept. 30; Sep 30; 1 May 2025;
the 1st of May; May 2025; 2025-05-01; 10/31/2014; May 1-3; May 30-June 2; ordinals (May 1st); a day
alone after a preposition (on the 25th); weekdays with a date (Mon, 7 October 2014). Relative dates: a
weekday alone (on Wednesday, last Friday, by Wednesday), today, yesterday, tomorrow, this/last/next
week, month or year. Source-language dates: Korean (2025년 6월 3일, 6월 3일, 14일, 2025. 6. 3.) and
Chinese or Japanese (2025年6月3日, 6月3日, 14日, 3号), in full-width digits too.

Every mention carries its span and the spans of its parts (weekday, month name, day, ordinal suffix,
year), so rules can point at the exact text and fixes can replace just that part. Nothing here decides
whether a date is right; `resolve_year` and `nearest_date` infer what the text leaves out, from an
anchor date (the publication date, or another date of the article), never from today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import MISSING, dataclass, fields

from tlqa import lazyre
from tlqa.months import MONTHS, month_number
from tlqa.numtext import normalize

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_WEEKDAY_SHORT = {
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_WEEKDAY_TWO = {"mo": 0, "tu": 1, "we": 2, "th": 3, "fr": 4, "sa": 5, "su": 6}


_WEEKDAY_FULL = {name.lower(): i for i, name in enumerate(WEEKDAYS)}


def weekday_number(word: str) -> int | None:
    w = word.rstrip(".").lower()
    n = _WEEKDAY_FULL.get(w)
    return n if n is not None else _WEEKDAY_SHORT.get(w, _WEEKDAY_TWO.get(w))


# Month names as they open a date: full names, AP abbreviations, three-letter forms (with or without a
# period). Capitalised only: "may" and "march" in lower case are a verb.
_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
)
_MONTH = r"(?P<mon>" + _MONTH_NAMES + r")(?P<mdot>\.)?"
_MONTH2 = _MONTH.replace("?P<mon>", "?P<mon2>").replace("?P<mdot>", "?P<mdot2>")
_MONTH_NUMBERS = {name: month_number(name) for name in _MONTH_NAMES.split("|")}  # for the groups mon, mon2
_WEEKDAY = (
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Tues|Thurs|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo|Tu|We|Th|Fr|Sa|Su)\.?"
)
_ORD = r"(?P<ord>st|nd|rd|th)"
_DAY = r"(?P<day>\d{1,2})(?!\d)" + _ORD + r"?(?![\w])"

# May 1 / May 1st / May 1, 2025 / May 1-3 / May 30-June 2 / Tuesday, June 3, 2025
_MDY = lazyre.compile(
    r"(?<![\w.])(?:" + _WEEKDAY + r",?\s+(?:the\s+)?)?"
    r"\b"
    + _MONTH
    + r"\s+"
    + _DAY
    + r"(?:\s*(?P<dash>[-–—]|to|through|until)\s*(?:"
    + _MONTH2
    + r"\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)?(?![\w]))?"
    r"(?:(?P<ycomma>,)?\s+(?P<year>\d{4,5})(?![\d,]\d|\d|\.\d|\s?(?:percent|%|people|persons|won|yuan|dollars|cases|units|times|members|workers|students|visitors|votes|others|households|homes|deaths)\b))?"
)
# 1 May 2025 / 7 October 2014 / the 1st of May / Monday, 7 Oct 2014
_DMY = lazyre.compile(
    r"(?<![\w.,])(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?"
    r"(?P<day>\d{1,2})" + _ORD + r"?\s+(?:of\s+)?\b" + _MONTH + r"(?![\w])"
    r"(?:(?P<ycomma>,)?\s+(?P<year>\d{4})(?!\d))?"
)
# May 2025 / October, 1958 / May 20014 (a typo'd year)
_MY = lazyre.compile(r"\b" + _MONTH + r"(?P<ycomma>,)?\s+(?P<year>\d{4,5})(?![\d,]\d|\d)")
_ISO = lazyre.compile(r"(?<![\w.-])(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?![\w-])")
_NUMERIC = lazyre.compile(
    r"(?<![\w/.])(?:" + _WEEKDAY + r",?\s+)?(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<year>\d{4})(?![\w/])"
)
# A day alone: on the 25th, from the 21st, the 9th of this month, Tuesday, the 25th.
_DAY_ONLY = lazyre.compile(
    r"(?:(?P<prep>\b(?i:on|from|since|until|till|by|before|after|through|of|to|and)\s+)|"
    + _WEEKDAY
    + r",\s+)"
    r"the\s+(?P<day>\d{1,2})" + _ORD + r"(?![\w])"
    r"(?:\s*(?:and|to|through|or|-|–)\s*(?:the\s+)?(?P<day2>\d{1,2})(?:st|nd|rd|th)(?![\w]))?"
    r"(?!\s+(?:century|centuries|anniversary|floor|place|time|times|birthday|edition|round|minute|inning|"
    r"hole|amendment|annual|session|straight|consecutive|overall|percentile|grade|year|day|week|month|"
    r"member|person|president|congress|dynasty|division|army|infantry|street|avenue|district|precinct|ward|"
    r"term|game|match|race|stage|lap|seed|pick|season|generation|class|level|tier|spot|position|rank|"
    r"[a-z]+est)\b)"
)
# Korean: 2025년 6월 3일, 6월 3일, 3일 (a day alone), 2025. 6. 3.
_KO_DATE = lazyre.compile(
    r"(?<!\d)(?:(?P<year>\d{2,4})\s*년\s*)?(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일(?!\s*(?:간|동안|째))"
)
_KO_DAY = lazyre.compile(r"(?<![\d.월])(?P<day>\d{1,2})\s*일(?!\s*(?:간|동안|째|이상|이내|씩|분|치|만에|일))")
_KO_YM = lazyre.compile(r"(?<!\d)(?P<year>\d{4})\s*년\s*(?P<month>\d{1,2})\s*월(?!\s*\d{1,2}\s*일)")
_DOTTED = lazyre.compile(
    r"(?<![\w.])(?P<year>(?:19|20)\d{2})\.\s?(?P<month>\d{1,2})\.\s?(?P<day>\d{1,2})(?P<tail>\.)?(?![\d])"
)
# Chinese and Japanese: 2025年6月3日, 6月3日, 3日/3号.
_ZH_DATE = lazyre.compile(
    r"(?<!\d)(?:(?P<year>\d{2,4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})"
    r"(?:\s*[日号號](?![元圆圓本间間])|(?=\s*(?:和|至|到|、|及|与|與|-|–|~)\s*\d))"
)
_ZH_DAY = lazyre.compile(r"(?<![\d.月])(?P<day>\d{1,2})\s*[日号號](?![元圆圓本间間以内前後后连連])")
_ZH_YM = lazyre.compile(r"(?<!\d)(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月(?!\s*\d{1,2}\s*[日号號])")

# Candidates for the patterns above, found with patterns that open with a literal or a character set
# (which the regular expression engine scans for quickly); the full pattern is then tried there.
_MONTH_HIT = lazyre.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")
_WD_NAMES = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"Tues|Thurs|Thur|Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo|Tu|We|Th|Fr|Sa|Su)\.?"
)
_WD_ANY = lazyre.compile(r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Mo,|Tu,|We,|Th,|Fr,|Sa,|Su,)")
_WD_TAIL = lazyre.compile(r"(?<![\w.])" + _WD_NAMES + r",?\s+(?:the\s+)?$")
_WD_TAIL_LOOSE = lazyre.compile(r"(?<![\w.])" + _WD_NAMES + r",?\s+$")
_DMY_TAIL = lazyre.compile(
    r"(?<![\w.,])(?:" + _WD_NAMES + r",?\s+)?(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$"
)
_DIGIT_TAIL = lazyre.compile(r"(?<![\w.,])\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$")
# (Two patterns that each open with a literal: the engine finds a literal much faster than either of two
# characters. Most texts have no slash at all, which str.find tells faster still.)
_ISO_HINT = lazyre.compile(r"-[0-9]{2}-")
_NUMERIC_HINT = lazyre.compile(r"/[0-9]{1,2}/")
_NUMERIC_HIT = lazyre.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_DAY_HIT = lazyre.compile(r"the\s+\d{1,2}(?:st|nd|rd|th)")
_PREP_TAIL = lazyre.compile(
    r"(?:\b(?i:on|from|since|until|till|by|before|after|through|of|to|and)\s+|(?<![\w.])"
    + _WD_NAMES
    + r",\s+)$"
)
_WEEKDAY_HIT = lazyre.compile(
    r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
    r"(?:\s+(?:morning|afternoon|evening|night)\b)?"
)
_QUALIFIERS = frozenset(
    ("on", "by", "until", "till", "since", "from", "last", "next", "this", "early", "late", "earlier")
) | {"later", "before"}
_QUALIFIER_TAIL = lazyre.compile(
    r"\b(?i:on\s+or\s+before|on|by|until|till|since|from|last|next|this|early|late|earlier|later)\s+$"
)
# relative_dates looks for its words with str.find, which is much faster than a regular expression's scan
# for a set of first letters: weekday names from the "day" they end in and the stem before it; today and
# yesterday from their "day" too, tomorrow and tonight by name. (this/last/next week, month or year:
# _period_hits.)
_WD_STEMS = ("Mon", "Tues", "Wednes", "Thurs", "Fri", "Satur", "Sun")
_DAYWORD_HIT = lazyre.compile(r"[TtYy](?:oday|esterday|omorrow|onight)\b")
_PERIOD_TAILS = tuple(lazyre.compile(q + r"\s+(?P<unit>week|month|year)\b") for q in ("his", "ast", "ext"))
_EARLIER_TAIL = lazyre.compile(r"\b(?i:earlier|later)\s+$")

_RELATIVE = lazyre.compile(
    r"\b(?P<q>(?:(?:on|by|until|till|since|from|last|next|this|early|late|earlier|later|on\s+or\s+before)"
    r"\s+)?)(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b"
    r"(?P<part>\s+(?:morning|afternoon|evening|night))?"
    r"|\b(?P<word>today|yesterday|tomorrow|tonight)\b"
    r"|\b(?P<q2>this|last|next|earlier\s+this|later\s+this)\s+(?P<unit>week|month|year)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date as written. `form`: mdy (May 1, 2025), dmy (1 May 2025), my (May 2025), iso (2025-05-01),
    numeric (10/31/2014), day (the 25th), ko (2025년 6월 3일), zh (6月3日), dotted (2025. 6. 3.).

    Month, day and year are what the text says (None when it does not say). For numeric dates whose
    day and month cannot be told apart (10/09/2014), month and day are None and `ambiguous` is True."""

    start: int
    end: int
    text: str
    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    day_end: int | None = None  # the last day of a range (May 1-3)
    month_end: int | None = None  # May 30-June 2
    weekday: int | None = None  # 0 = Monday, as written
    weekday_span: tuple[int, int] | None = None
    month_span: tuple[int, int] | None = None  # the month name as written, with its period
    day_span: tuple[int, int] | None = None  # the day with its ordinal suffix
    ordinal: str | None = None  # "st", "nd", "rd" or "th" when the day is written as an ordinal
    year_span: tuple[int, int] | None = None
    year_comma: bool = False  # "October, 1958": a comma between month and year
    ambiguous: bool = False

    @property
    def month_text(self) -> str | None:
        return (
            None
            if self.month_span is None
            else self.text[self.month_span[0] - self.start : self.month_span[1] - self.start]
        )

    def english(self, *, with_year: bool = True, ap: bool = True) -> str | None:
        """The date as AP writes it (Sept. 30, 2025; June 3; September 2025), or None when incomplete."""
        from tlqa.months import ap_form

        if self.month is None or not 1 <= self.month <= 12:
            return None
        if self.day is None:
            month = MONTHS[self.month - 1]
            return f"{month} {self.year}" if self.year and with_year else month
        month = ap_form(self.month, with_day=True) if ap else MONTHS[self.month - 1]
        out = f"{month} {self.day}"
        if self.day_end is not None:
            out += f"-{self.day_end}"
        if self.year and with_year:
            out += f", {self.year}"
        return out


@dataclass(frozen=True, slots=True)
class RelativeMention:
    """A relative date: a weekday alone (on Wednesday, last Friday), today/yesterday/tomorrow, or this,
    last or next week/month/year. `qualifier` is the word before a weekday, lower case ('' when none)."""

    start: int
    end: int
    text: str
    kind: str  # weekday, day, week, month, year
    weekday: int | None = None
    qualifier: str = ""


# Building the mentions fast. The __init__ that dataclasses writes for a frozen class sets every field
# through object.__setattr__, which made building DateMentions the largest single cost of reading an
# article's dates. These constructors take the same arguments, fill in an instance of a plain class with
# the same slots, and then make it the frozen class (Python allows assigning __class__ between classes of
# the same layout, and checks it): the result is the same object DateMention(...) makes. Neither class
# has a __post_init__; one added would have to be called here.


class _DateMentionSlots:
    __slots__ = DateMention.__slots__


class _RelativeMentionSlots:
    __slots__ = RelativeMention.__slots__


def _date_mention(
    start: int,
    end: int,
    text: str,
    form: str,
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    day_end: int | None = None,
    month_end: int | None = None,
    weekday: int | None = None,
    weekday_span: tuple[int, int] | None = None,
    month_span: tuple[int, int] | None = None,
    day_span: tuple[int, int] | None = None,
    ordinal: str | None = None,
    year_span: tuple[int, int] | None = None,
    year_comma: bool = False,
    ambiguous: bool = False,
) -> DateMention:
    """DateMention(...), faster."""
    d = _DateMentionSlots()
    d.start = start
    d.end = end
    d.text = text
    d.form = form
    d.year = year
    d.month = month
    d.day = day
    d.day_end = day_end
    d.month_end = month_end
    d.weekday = weekday
    d.weekday_span = weekday_span
    d.month_span = month_span
    d.day_span = day_span
    d.ordinal = ordinal
    d.year_span = year_span
    d.year_comma = year_comma
    d.ambiguous = ambiguous
    d.__class__ = DateMention  # type: ignore[assignment]
    return d  # type: ignore[return-value]


def _relative_mention(
    start: int, end: int, text: str, kind: str, weekday: int | None = None, qualifier: str = ""
) -> RelativeMention:
    """RelativeMention(...), faster."""
    r = _RelativeMentionSlots()
    r.start = start
    r.end = end
    r.text = text
    r.kind = kind
    r.weekday = weekday
    r.qualifier = qualifier
    r.__class__ = RelativeMention  # type: ignore[assignment]
    return r  # type: ignore[return-value]


def _takes_the_fields_of(make: Callable[..., object], cls: type) -> bool:
    """Whether `make` takes the fields of the dataclass `cls`, in order and with the same defaults."""
    code = make.__code__
    return code.co_varnames[: code.co_argcount] == tuple(f.name for f in fields(cls)) and (
        make.__defaults__ == tuple(f.default for f in fields(cls) if f.default is not MISSING)
    )


# Fails at import when a field of either class changes and its constructor here does not follow.
assert _takes_the_fields_of(_date_mention, DateMention)
assert _takes_the_fields_of(_relative_mention, RelativeMention)


def _group_span(m: re.Match[str], name: str) -> tuple[int, int] | None:
    return m.span(name) if m.group(name) is not None else None


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _weekday_of(m: re.Match[str]) -> tuple[int | None, tuple[int, int] | None]:
    wd = m.group("wd")  # (every pattern read with this has the group)
    if not wd:
        return None, None
    n = weekday_number(wd)
    span = m.span("wd")
    end = span[1] + 1 if m.string[span[1] : span[1] + 1] == "." else span[1]
    return n, (span[0], end)


def english_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Dates in English text[start:end], in order, without overlaps (the longest reading wins)."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    months = [m.start() for m in _MONTH_HIT.finditer(text, start, end)]
    # Month first (May 1), tried at each month not inside the last one found, and from a weekday before
    # the month where there is one (Tuesday, June 3). The weekday is looked for only when the date
    # matches from the month: both readings share everything from the month on.
    mdy_months = set()  # where a month-first date has its month: no "May 2025" reading there
    last = -1
    for p in months:
        if p < last:
            continue
        m = _MDY.match(text, p, end)
        if m is None:
            continue
        if _WD_ANY.search(text, max(start, p - 16), p):
            tail = _WD_TAIL.search(text, max(start, p - 40), p)
            if tail and tail.start() >= last:
                m = _MDY.match(text, tail.start(), end) or m
        last = m.end()
        mdy_months.add(p)
        found.append(_mdy_mention(text, m))
    dmy_starts = []
    for p in months:
        lo = max(start, p - 40)
        if not _day_before(text, lo, p):
            continue
        tail = _DMY_TAIL.search(text, lo, p)
        if tail:
            digit = _DIGIT_TAIL.search(text, tail.start(), p)
            dmy_starts.append(
                [tail.start()] + ([digit.start()] if digit and digit.start() != tail.start() else [])
            )
    for m in _matches_at(_DMY, text, dmy_starts, end):
        wd, wd_span = _weekday_of(m)
        month = month_number(m.group("mon"))
        mspan = (m.start("mon"), m.end("mdot") if m.group("mdot") else m.end("mon"))
        day_span = (m.start("day"), m.end("ord") if m.group("ord") else m.end("day"))
        s = m.start() if wd_span else (m.start("day") if not m.group().startswith("the") else m.start())
        found.append(
            _date_mention(
                s,
                m.end(),
                text[s : m.end()],
                "dmy",
                _int(m.group("year")),
                month,
                int(m.group("day")),
                None,
                None,
                wd,
                wd_span,
                mspan,
                day_span,
                m.group("ord"),
                _group_span(m, "year"),
            )
        )
    for m in _matches_at(_MY, text, [[p] for p in months if p not in mdy_months], end):
        mspan = (m.start("mon"), m.end("mdot") if m.group("mdot") else m.end("mon"))
        found.append(
            _date_mention(
                m.start(),
                m.end(),
                m.group(),
                "my",
                int(m.group("year")),
                month_number(m.group("mon")),
                month_span=mspan,
                year_span=m.span("year"),
                year_comma=bool(m.group("ycomma")),
            )
        )
    slashed = _ISO_HINT.search(text, start, end) is not None or (
        text.find("/", start, end) != -1 and _NUMERIC_HINT.search(text, start, end) is not None
    )
    for m in _ISO.finditer(text, start, end) if slashed else ():
        found.append(
            _date_mention(
                m.start(),
                m.end(),
                m.group(),
                "iso",
                int(m.group("year")),
                int(m.group("month")),
                int(m.group("day")),
                year_span=m.span("year"),
            )
        )
    numeric_starts = []
    for h in _NUMERIC_HIT.finditer(text, start, end) if slashed else ():
        tail = _WD_TAIL_LOOSE.search(text, max(start, h.start() - 12), h.start())
        numeric_starts.append([tail.start(), h.start()] if tail else [h.start()])
    for m in _matches_at(_NUMERIC, text, numeric_starts, end):
        wd, wd_span = _weekday_of(m)
        a, b = int(m.group("a")), int(m.group("b"))
        month = day = None
        ambiguous = False
        if a > 12 >= b:
            day, month = a, b
        elif b > 12 >= a:
            month, day = a, b
        elif a == b:
            month = day = a
        else:
            ambiguous = True
        s = m.start() if wd_span else m.start("a")
        found.append(
            _date_mention(
                s,
                m.end(),
                text[s : m.end()],
                "numeric",
                int(m.group("year")),
                month,
                day,
                weekday=wd,
                weekday_span=wd_span,
                year_span=m.span("year"),
                ambiguous=ambiguous,
            )
        )
    day_starts = []
    for h in _DAY_HIT.finditer(text, start, end):
        tail = _PREP_TAIL.search(text, max(start, h.start() - 16), h.start())
        if tail:
            day_starts.append([tail.start()])
    for m in _matches_at(_DAY_ONLY, text, day_starts, end):
        wd, wd_span = _weekday_of(m)
        s = m.start() if wd_span else m.end("prep")
        found.append(
            _date_mention(
                s,
                m.end(),
                text[s : m.end()],
                "day",
                day=int(m.group("day")),
                day_end=_int(m.group("day2")),
                weekday=wd,
                weekday_span=wd_span,
                day_span=(m.start("day"), m.end("ord")),
                ordinal=m.group("ord"),
            )
        )
    return _without_overlaps(found)


def _mdy_mention(text: str, m: re.Match[str]) -> DateMention:
    wd_text, mon, mdot, day, ordinal, day2, mon2, year = m.group(
        "wd", "mon", "mdot", "day", "ord", "day2", "mon2", "year"
    )
    wd, wd_span = _weekday_of(m) if wd_text else (None, None)
    if wd_span is not None and len(wd_text) == 2 and not m.group().startswith(wd_text + ","):
        wd, wd_span = None, None
    mon_start, mon_end = m.span("mon")
    day_start, day_end = m.span("day")
    mstart = m.start() if wd_span else mon_start
    end = m.end()
    return _date_mention(
        mstart,
        end,
        text[mstart:end],
        "mdy",
        int(year) if year else None,
        _MONTH_NUMBERS[mon],
        int(day),
        int(day2) if day2 else None,
        _MONTH_NUMBERS[mon2] if mon2 else None,
        wd,
        wd_span,
        (mon_start, m.end("mdot") if mdot else mon_end),
        (day_start, m.end("ord") if ordinal else day_end),
        ordinal,
        m.span("year") if year is not None else None,
        False,
    )


def _day_before(text: str, lo: int, p: int) -> bool:
    """Whether a day (7, 7th, 7th of) may stand right before offset p: a cheap test before the regex."""
    if p - 2 >= lo and text[p - 1] == " ":
        # The usual case, a word and a space before the month ("on May"): what the space follows has
        # to end a day (a digit, or the t, d or h of 1st, 2nd, 3rd, 4th), the "of" of "1st of", or
        # be more space.
        c = text[p - 2]
        if c not in "tdhf" and not c.isdigit() and not c.isspace():
            return False
    b = text[lo:p].rstrip()
    if b.endswith(" of"):
        b = b[:-3].rstrip()
    if b[-2:] in ("st", "nd", "rd", "th"):
        b = b[:-2]
    return b[-1:].isdigit()


def _matches_at(
    pattern: re.Pattern[str], text: str, candidates: list[list[int]], end: int
) -> list[re.Match[str]]:
    """Matches of `pattern` tried only at candidate starts (each a list of starts to try in turn), not
    overlapping: the date patterns open with optional parts that make a plain scan slow."""
    out: list[re.Match[str]] = []
    last = -1
    for starts in candidates:
        for c in starts:
            if c < last:
                continue
            m = pattern.match(text, c, end)
            if m:
                out.append(m)
                last = m.end()
                break
    return out


def _without_overlaps(found: list[DateMention]) -> list[DateMention]:
    if all(a.end <= b.start for a, b in itertools.pairwise(found)):
        return found  # in order and apart already (the usual case: month-first dates only)
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            if d.end - d.start > out[-1].end - out[-1].start:
                out[-1] = d
            continue
        out.append(d)
    return out


def relative_dates(text: str, start: int = 0, end: int | None = None) -> list[RelativeMention]:
    """Relative dates in English text (spans): weekdays, today/yesterday/tomorrow, this/last/next week,
    month, year. A weekday that opens a full date (Tuesday, June 3) is found here too; callers drop the
    ones inside a DateMention."""
    end = len(text) if end is None else end
    out = []
    weekdays, daywords = _day_hits(text, start, end)
    for m in weekdays:
        ms, me = m.span()
        if ms > 0 and (text[ms - 1].isalnum()):
            continue
        lo = max(start, ms - 20)
        before = text[lo:ms].rstrip()
        words = before.rsplit(None, 1)
        word = words[-1].lower() if words else ""
        s0, qualifier = ms, ""
        if word == "before":  # "on or before"
            q = _QUALIFIER_TAIL.search(text, lo, ms)
            if q:
                s0, qualifier = q.start(), " ".join(q.group().lower().split())
        elif word in _QUALIFIERS:
            # What _QUALIFIER_TAIL finds when the word before the weekday is one of its single words: that
            # word, where a word boundary opens it (the word ends in space, the weekday being no part of it).
            w = lo + len(before) - len(word)
            if w == 0 or not (text[w - 1].isalnum() or text[w - 1] == "_"):
                s0, qualifier = w, word
        out.append(
            _relative_mention(s0, me, text[s0:me], "weekday", _WEEKDAY_FULL[m.group("wd").lower()], qualifier)
        )
    # today, yesterday, tomorrow, tonight: scanned for only when one of them may be there
    if daywords or text.find("omorrow", start, end) != -1 or text.find("onight", start, end) != -1:
        for m in _DAYWORD_HIT.finditer(text, start, end):
            if m.start() > 0 and text[m.start() - 1].isalnum():
                continue
            out.append(_relative_mention(m.start(), m.end(), m.group(), "day", qualifier=m.group().lower()))
    for s, m in _period_hits(text, start, end):
        if s > 0 and text[s - 1].isalnum():
            continue
        q = _EARLIER_TAIL.search(text, max(start, s - 10), s)
        s0 = q.start() if q else s
        e = m.end()
        qualifier = " ".join(text[s0 : m.start("unit")].lower().split())
        out.append(_relative_mention(s0, e, text[s0:e], m.group("unit"), qualifier=qualifier))
    out.sort(key=lambda r: r.start)
    return out


def _day_hits(text: str, start: int, end: int) -> tuple[list[re.Match[str]], bool]:
    """The matches of _WEEKDAY_HIT in text[start:end], in order, and whether "oday" or "esterday" is there
    (today, yesterday). Weekdays are tried only where a "day" follows one of the weekday stems: no two
    weekday names can overlap, so this finds all that a scan would."""
    out = []
    daywords = False
    p = text.find("day", start, end)
    while p != -1:
        nxt = p + 3
        if text.endswith(_WD_STEMS, start, p):
            for stem in _WD_STEMS:
                if text.endswith(stem, start, p):
                    m = _WEEKDAY_HIT.match(text, p - len(stem), end)
                    if m:
                        out.append(m)
                        nxt = max(nxt, m.end())
                    break
        elif not daywords and text.endswith(("o", "ester"), start, p):
            daywords = True
        p = text.find("day", nxt, end)
    return out, daywords


def _period_hits(text: str, start: int, end: int) -> list[tuple[int, re.Match[str]]]:
    """The matches of [TtLlNn](?:his|ast|ext)\\s+(?P<unit>week|month|year)\\b in text[start:end] as (start,
    match from the second letter on), in order: three scans for patterns that open with a literal, with
    the letter before checked apart (no two matches can overlap, so this finds all that one scan would)."""
    out = []
    for tail in _PERIOD_TAILS:
        for m in tail.finditer(text, start + 1, end):
            if text[m.start() - 1] in "TtLlNn":
                out.append((m.start() - 1, m))
    out.sort(key=lambda h: h[0])
    return out


def source_dates(
    text: str, language: str | None, start: int = 0, end: int | None = None
) -> list[DateMention]:
    """Dates in a source text: Korean or Chinese/Japanese forms (full-width digits read in place), and
    for other languages the English forms. Spans are offsets into `text`."""
    end = len(text) if end is None else end
    norm = normalize(text)
    if language not in ("ko", "zh", "ja"):
        found = english_dates(norm, start, end)
        for m in _GERMAN_DATE.finditer(norm, start, end):
            found.append(
                _date_mention(
                    m.start(),
                    m.end(),
                    m.group(),
                    "dmy",
                    _int(m.group("year")),
                    _GERMAN_MONTHS[m.group("mon").lower()],
                    int(m.group("day")),
                )
            )
        return _without_overlaps(found)
    return cjk_dates(norm, start, end, korean=language == "ko")


_GERMAN_MONTHS = {
    name: i
    for i, name in enumerate(
        (
            "januar",
            "februar",
            "märz",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "dezember",
        ),
        1,
    )
}
_GERMAN_DATE = lazyre.compile(
    r"(?<![\d.])(?P<day>\d{1,2})\.\s?(?P<mon>Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
    r"Oktober|November|Dezember)(?:\s+(?P<year>\d{4}))?\b"
)


def cjk_dates(
    text: str, start: int = 0, end: int | None = None, *, korean: bool | None = None
) -> list[DateMention]:
    """Korean, Chinese and Japanese dates in text[start:end] (give it normalised text). `korean` None
    reads both."""
    end = len(text) if end is None else end
    found: list[DateMention] = []
    pats = []
    if korean in (True, None):
        pats.append(("ko", _KO_DATE, _KO_DAY, _KO_YM))
    if korean in (False, None):
        pats.append(("zh", _ZH_DATE, _ZH_DAY, _ZH_YM))
    for form, full, day_only, ym in pats:
        for m in full.finditer(text, start, end):
            y = _int(m.group("year"))
            if y is not None and y < 100:
                y += 2000
            found.append(
                _date_mention(
                    m.start(),
                    m.end(),
                    m.group(),
                    form,
                    y,
                    int(m.group("month")),
                    int(m.group("day")),
                    year_span=_group_span(m, "year"),
                )
            )
        for m in ym.finditer(text, start, end):
            found.append(
                _date_mention(
                    m.start(),
                    m.end(),
                    m.group(),
                    form,
                    int(m.group("year")),
                    int(m.group("month")),
                    year_span=m.span("year"),
                )
            )
        for m in day_only.finditer(text, start, end):
            found.append(_date_mention(m.start(), m.end(), m.group(), form, day=int(m.group("day"))))
    for m in _DOTTED.finditer(text, start, end):
        found.append(
            _date_mention(
                m.start(),
                m.end(),
                m.group(),
                "dotted",
                int(m.group("year")),
                int(m.group("month")),
                int(m.group("day")),
                year_span=m.span("year"),
            )
        )
    return [
        d
        for d in _without_overlaps(found)
        if (d.day is None or 1 <= d.day <= 31) and (d.month is None or 1 <= d.month <= 12)
    ]


# -- calendar sense ----------------------------------------------------------------------------------------


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether `day` exists in `month` (of `year`; without a year February has 29 days)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else _MONTH_DAYS[month])
    if not 1 <= year <= 9999:
        return day <= 31
    # calendar.monthrange(year, month)[1], without the weekday it also works out
    return day <= _MONTH_DAYS[month] + (month == 2 and calendar.isleap(year))


def nearest_date(month: int | None, day: int, anchor: dt.date, *, year: int | None = None) -> dt.date | None:
    """The date with this day (and month, and year, where given) nearest to `anchor`: how a reader
    resolves "May 1" in an article published on May 7, 2025 (May 1, 2025), or "the 25th" (the month is
    the anchor's or a neighbour's)."""
    candidates: list[dt.date] = []
    years = [year] if year else [anchor.year - 1, anchor.year, anchor.year + 1]
    for y in years:
        months = [month] if month else list(range(1, 13))
        for mo in months:
            if 1 <= y <= 9999 and valid_day(y, mo, day):
                candidates.append(dt.date(y, mo, day))
    if not candidates:
        return None
    return min(candidates, key=lambda d: (abs((d - anchor).days), d))


def candidate_dates(month: int, day: int, anchor: dt.date, *, within: int = 300) -> list[dt.date]:
    """Dates with this month and day within `within` days of `anchor` (one or two of them): the years
    a date written without one may belong to."""
    out = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        if 1 <= y <= 9999 and valid_day(y, month, day):
            d = dt.date(y, month, day)
            if abs((d - anchor).days) <= within:
                out.append(d)
    return out


def weekday_name(n: int) -> str:
    return WEEKDAYS[n]


def fmt(d: dt.date, *, year: bool = True) -> str:
    """A date in AP form: Sept. 30, 2025 (or Sept. 30)."""
    from tlqa.months import ap_form

    out = f"{ap_form(d.month, with_day=True)} {d.day}"
    return f"{out}, {d.year}" if year else out


# -- the publication date an article carries ---------------------------------------------------------------

_FRONT_MATTER_DATE = lazyre.compile(
    r"^(?:date|published|pubdate|publish_date|published_at|dateline_date)\s*[:=]\s*[\"']?(?P<v>[^\"'\r\n]+)",
    re.IGNORECASE | re.MULTILINE,
)
_DATE_LINE = lazyre.compile(
    r"^\s*(?:(?:Published|Posted|Updated|Date|Dated|First published)\s*(?:on)?\s*:?\s*)?"
    r"(?:(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?P<v>[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}|"
    r"\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.?)"
    r"(?:[\sT,]+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|[+-]\d{2}:?\d{2}|Z))?)?\s*$",
    re.IGNORECASE,
)


def parse_date_value(value: str) -> dt.date | None:
    """A full date in one of the forms above (ISO, May 1, 2025, 1 May 2025, 2025. 5. 1.), else None."""
    v = normalize(value).strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", v)
    if m:
        return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DOTTED.match(v)
    if m:
        return _safe_date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
    for d in english_dates(v):
        if d.year and d.month and d.day and d.form in ("mdy", "dmy"):
            return _safe_date(d.year, d.month, d.day)
    return None


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


_LINE = lazyre.compile(r"[^\r\n]+")


def _line_spans(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the non-empty lines (runs of characters other than CR and LF), lazily, first to last."""
    if "\r" in text:
        for m in _LINE.finditer(text):
            yield m.span()
        return
    start, n = 0, len(text)
    while start < n:  # str.find is much faster than the regular expression on long lines
        end = text.find("\n", start)
        if end == -1:
            end = n
        if end > start:
            yield start, end
        start = end + 1


def _last_lines(text: str, count: int) -> list[tuple[int, int]]:
    """Spans of the last `count` lines with something in them, first to last."""
    out: list[tuple[int, int]] = []
    end = len(text)
    has_cr = "\r" in text
    while end > 0 and len(out) < count:
        start = (
            max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) if has_cr else text.rfind("\n", 0, end)
        ) + 1
        if text[start:end].strip():
            out.append((start, end))
        end = start - 1
        if end > 0 and text[end - 1 : end + 1] == "\r\n":
            end -= 1
    return out[::-1]


def carried_publication_date(text: str) -> tuple[dt.date, int, int] | None:
    """The publication date an article carries, with the span of its line: a front-matter field `date:`
    or `published:` (and the like) between leading '---' lines, or a line near the top or the bottom (the
    first five or last three non-empty lines) that holds nothing but a full date, optionally after
    'Published', 'Posted', 'Updated' or 'Date' and before a time ("Published: May 7, 2025 10:32 KST")."""
    # The first 40 non-empty lines, read lazily: without front matter only the first five with something
    # in them are needed.
    lines = itertools.islice(_line_spans(text), 40)
    first = next(lines, None)
    if first is None:
        return None
    lines = itertools.chain((first,), lines)
    if text[first[0] : first[1]].strip() == "---":
        lines = list(lines)
        for s, e in lines[1:40]:
            line = text[s:e]
            if line.strip() in ("---", "..."):
                break
            m = _FRONT_MATTER_DATE.match(line)
            if m:
                d = parse_date_value(m.group("v"))
                if d:
                    return d, s, e
    nonblank = list(itertools.islice(((s, e) for s, e in lines if text[s:e].strip()), 5))
    for s, e in nonblank + [x for x in _last_lines(text, 3) if x not in nonblank]:
        line = text[s:e]
        if len(line) > 80:
            continue
        m = _DATE_LINE.match(line)
        if m:
            d = parse_date_value(m.group("v"))
            if d:
                return d, s, e
    return None


# The dotted form's hint, [0-9]\.\s?[0-9]{1,2}\.\s?[0-9], written to open with its period (a literal: much
# faster to scan for than a digit), the digit before it checked by a lookbehind.
_DOTTED_HINT = lazyre.compile(r"\.(?<=[0-9]\.)\s?[0-9]{1,2}\.\s?[0-9]")


def source_forms_in_english(text: str) -> list[DateMention]:
    """Korean, Chinese and Japanese dates and the Korean dotted form (2025. 6. 3.) left in an English
    text. Cheap on text with none of their characters."""
    if not (
        any(c in text for c in "년월일年月日号號")
        or _DOTTED_HINT.search(text)
        or any(c in text for c in "０１２３４５６７８９")
    ):
        return []
    return cjk_dates(normalize(text))

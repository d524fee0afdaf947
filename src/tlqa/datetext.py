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
import re
from dataclasses import dataclass

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


def weekday_number(word: str) -> int | None:
    w = word.rstrip(".").lower()
    for i, name in enumerate(WEEKDAYS):
        if w == name.lower():
            return i
    return _WEEKDAY_SHORT.get(w, _WEEKDAY_TWO.get(w))


# Month names as they open a date: full names, AP abbreviations, three-letter forms (with or without a
# period). Capitalised only: "may" and "march" in lower case are a verb.
_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)(?P<mdot>\.)?"
)
_MONTH2 = _MONTH.replace("?P<mon>", "?P<mon2>").replace("?P<mdot>", "?P<mdot2>")
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
_ISO_OR_NUMERIC_HINT = lazyre.compile(r"-[0-9]{2}-|/[0-9]{1,2}/")
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
_DAYWORD_HIT = lazyre.compile(r"[TtYy](?:oday|esterday|omorrow|onight)\b")
_PERIOD_HIT = lazyre.compile(r"[TtLlNn](?:his|ast|ext)\s+(?P<unit>week|month|year)\b")
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


def _group_span(m: re.Match[str], name: str) -> tuple[int, int] | None:
    return m.span(name) if m.group(name) is not None else None


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _weekday_of(m: re.Match[str]) -> tuple[int | None, tuple[int, int] | None]:
    wd = m.groupdict().get("wd")
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
    mdy_starts = []
    dmy_starts = []
    for p in months:
        lo = max(start, p - 40)
        tail = _WD_TAIL.search(text, lo, p) if _WD_ANY.search(text, max(start, p - 16), p) else None
        mdy_starts.append([tail.start(), p] if tail else [p])
        if not _day_before(text, lo, p):
            continue
        tail = _DMY_TAIL.search(text, lo, p)
        if tail:
            digit = _DIGIT_TAIL.search(text, tail.start(), p)
            dmy_starts.append(
                [tail.start()] + ([digit.start()] if digit and digit.start() != tail.start() else [])
            )
    for m in _matches_at(_MDY, text, mdy_starts, end):
        wd, wd_span = _weekday_of(m)
        if wd_span is not None and len(m.group("wd")) == 2 and not m.group().startswith(m.group("wd") + ","):
            wd, wd_span = None, None
        month = month_number(m.group("mon"))
        mspan = (m.start("mon"), m.end("mdot") if m.group("mdot") else m.end("mon"))
        day_span = (m.start("day"), m.end("ord") if m.group("ord") else m.end("day"))
        mstart = m.start() if wd_span else mspan[0]
        found.append(
            DateMention(
                mstart,
                m.end(),
                text[mstart : m.end()],
                "mdy",
                _int(m.group("year")),
                month,
                int(m.group("day")),
                _int(m.group("day2")),
                month_number(m.group("mon2")) if m.group("mon2") else None,
                wd,
                wd_span,
                mspan,
                day_span,
                m.group("ord"),
                _group_span(m, "year"),
                False,
            )
        )
    for m in _matches_at(_DMY, text, dmy_starts, end):
        wd, wd_span = _weekday_of(m)
        month = month_number(m.group("mon"))
        mspan = (m.start("mon"), m.end("mdot") if m.group("mdot") else m.end("mon"))
        day_span = (m.start("day"), m.end("ord") if m.group("ord") else m.end("day"))
        s = m.start() if wd_span else (m.start("day") if not m.group().startswith("the") else m.start())
        found.append(
            DateMention(
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
    for m in _matches_at(_MY, text, [[p] for p in months], end):
        mspan = (m.start("mon"), m.end("mdot") if m.group("mdot") else m.end("mon"))
        found.append(
            DateMention(
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
    slashed = _ISO_OR_NUMERIC_HINT.search(text, start, end) is not None
    for m in _ISO.finditer(text, start, end) if slashed else ():
        found.append(
            DateMention(
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
            DateMention(
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
            DateMention(
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


def _day_before(text: str, lo: int, p: int) -> bool:
    """Whether a day (7, 7th, 7th of) may stand right before offset p: a cheap test before the regex."""
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
    for m in _WEEKDAY_HIT.finditer(text, start, end):
        if m.start() > 0 and (text[m.start() - 1].isalnum()):
            continue
        words = text[max(start, m.start() - 20) : m.start()].split()
        q = None
        if words and words[-1].lower() in _QUALIFIERS:
            q = _QUALIFIER_TAIL.search(text, max(start, m.start() - 20), m.start())
        s0 = q.start() if q else m.start()
        out.append(
            RelativeMention(
                s0,
                m.end(),
                text[s0 : m.end()],
                "weekday",
                weekday_number(m.group("wd")),
                " ".join(q.group().lower().split()) if q else "",
            )
        )
    for m in _DAYWORD_HIT.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        out.append(RelativeMention(m.start(), m.end(), m.group(), "day", qualifier=m.group().lower()))
    for m in _PERIOD_HIT.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        q = _EARLIER_TAIL.search(text, max(start, m.start() - 10), m.start())
        s0 = q.start() if q else m.start()
        out.append(
            RelativeMention(
                s0,
                m.end(),
                text[s0 : m.end()],
                m.group("unit").lower(),
                qualifier=" ".join(text[s0 : m.start("unit")].lower().split()),
            )
        )
    out.sort(key=lambda r: r.start)
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
                DateMention(
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
                DateMention(
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
                DateMention(
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
            found.append(DateMention(m.start(), m.end(), m.group(), form, day=int(m.group("day"))))
    for m in _DOTTED.finditer(text, start, end):
        found.append(
            DateMention(
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


def valid_day(year: int | None, month: int, day: int) -> bool:
    """Whether `day` exists in `month` (of `year`; without a year February has 29 days)."""
    if not 1 <= month <= 12 or day < 1:
        return False
    if year is None:
        return day <= (29 if month == 2 else calendar.monthrange(2001, month)[1])
    if not 1 <= year <= 9999:
        return day <= 31
    return day <= calendar.monthrange(year, month)[1]


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


def _edge_lines(text: str, count: int = 40) -> list[tuple[int, int]]:
    """Spans of the first `count` non-empty lines."""
    out = []
    for m in _LINE.finditer(text):
        out.append(m.span())
        if len(out) >= count:
            break
    return out


def _last_lines(text: str, count: int) -> list[tuple[int, int]]:
    """Spans of the last `count` lines with something in them, first to last."""
    out: list[tuple[int, int]] = []
    end = len(text)
    while end > 0 and len(out) < count:
        start = max(text.rfind("\n", 0, end), text.rfind("\r", 0, end)) + 1
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
    lines = _edge_lines(text)
    if not lines:
        return None
    if text[lines[0][0] : lines[0][1]].strip() == "---":
        for s, e in lines[1:40]:
            line = text[s:e]
            if line.strip() in ("---", "..."):
                break
            m = _FRONT_MATTER_DATE.match(line)
            if m:
                d = parse_date_value(m.group("v"))
                if d:
                    return d, s, e
    nonblank = [(s, e) for s, e in lines if text[s:e].strip()]
    for s, e in nonblank[:5] + [x for x in _last_lines(text, 3) if x not in nonblank[:5]]:
        line = text[s:e]
        if len(line) > 80:
            continue
        m = _DATE_LINE.match(line)
        if m:
            d = parse_date_value(m.group("v"))
            if d:
                return d, s, e
    return None


_DOTTED_HINT = lazyre.compile(r"[0-9]\.\s?[0-9]{1,2}\.\s?[0-9]")
_FULLWIDTH_DIGIT = lazyre.compile(r"[\uff10-\uff19]")


def source_forms_in_english(text: str) -> list[DateMention]:
    """Korean, Chinese and Japanese dates and the Korean dotted form (2025. 6. 3.) left in an English
    text. Cheap on text with none of their characters."""
    if not (
        any(c in text for c in "년월일年月日号號")
        or _DOTTED_HINT.search(text)
        or _FULLWIDTH_DIGIT.search(text)
    ):
        return []
    return cjk_dates(normalize(text))

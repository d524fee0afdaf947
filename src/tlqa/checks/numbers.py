"""Numbers (family `numbers`, codes M): numbers left in the source's form, and agreement with the source.

The article's numbers are read as English writes them and the source's with its language's rules
(`tlqa.numtext`: 3만 8천 = 38,000, 1조 2300억 = 1.23 trillion, 3.7万亿 = 3.7 trillion, full-width digits,
퍼센트, 百分之, 원/元/달러). Dates are the dates family's and are left out on both sides.

How two numbers agree: the article's number may round the source's to the precision it is written to
(38,000 stands for anything from 37,500 to 38,499; 4.7 trillion for 4.65 to 4.75 trillion; 35 for 35 only),
plus `[numbers] tolerance` (a share of the source's value, 0 by default). An identifier (N27, Covid-19,
a phone number) must appear with the same digits. A time (2:40 a.m.) needs its hour (either clock) and
its minutes among the source's numbers. The desk's own additions are not errors: an amount in
parentheses in another currency right after an amount ("1.2 trillion won ($850 million)"), an exchange
rate in parentheses, and an amount joined to another by "or about".
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from tlqa import datetext, lazyre, numtext
from tlqa.checks.dates import analysis as date_analysis
from tlqa.checks.dates import is_english, target_span_for_source
from tlqa.document import Document
from tlqa.engine import Article
from tlqa.findings import Applicability, Severity, Suggestion, Violation
from tlqa.numtext import Number, english
from tlqa.rules import rule
from tlqa.scan import may_contain

_CURRENCY_WORD = {
    "KRW": "won",
    "CNY": "yuan",
    "USD": "dollars",
    "JPY": "yen",
    "EUR": "euros",
    "GBP": "pounds",
}


# -- M1: in the article ------------------------------------------------------------------------------------


@rule("M101", "source-format-number", "numbers", Severity.ERROR, fixable=True)
def source_format_number(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """Number left in the source language's form (3만 8천, 4.7万亿, 百分之二十, full-width digits).

    Korean and Chinese count in ten-thousands (만, 万) and hundred-millions (억, 亿); a translation that
    keeps "3만 8천" or "4.7万亿" leaves the reader to do the arithmetic, and full-width digits (１２) are
    the source's typography. The fix writes the number as English does (38,000; 4.7 trillion; 20
    percent; 12) and is safe: the value is exact.

    Example:
        About 3만 8천 people joined the rally.
    Write instead:
        About 38,000 people joined the rally.
    """
    text = article.target.visible
    if not _maybe_source_form(text) or not is_english(article.target):
        return
    for start, end, kind, value in numtext.source_forms_in_english(text):
        if _inside_date(article, start):
            continue
        fixed = f"{english(value, words=False)} percent" if kind == "percent" else english(value)
        written = article.target.text[start:end]
        what = {
            "korean": "Korean",
            "chinese": "Chinese",
            "percent": "source-language",
            "fullwidth": "full-width",
        }[kind]
        yield Violation(
            start,
            end,
            f"Number in {what} form: '{written}' = {fixed}",
            suggestion=Suggestion(fixed, Applicability.SAFE),
            evidence={"number": written, "value": value, "form": kind},
        )


_SOURCE_FORM_HINT = lazyre.compile(r"[만억조천万萬亿億兆]|百分之|퍼센트|パーセント")
_FULLWIDTH = lazyre.compile(r"[\uff10-\uff19]")


def _maybe_source_form(text: str) -> bool:
    return (
        any(c in text for c in "만억조천万萬亿億兆百퍼パ") and _SOURCE_FORM_HINT.search(text) is not None
    ) or (may_contain(text, ((0xFF10, 0xFF19),)) and _FULLWIDTH.search(text) is not None)


def _inside_date(article: Article, offset: int) -> bool:
    a = date_analysis(article)
    return any(d.start <= offset < d.end for d in a.source_forms)


# -- reading both sides ------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Pairing:
    checked: list[Number]  # the article's numbers that must be backed by the source
    confirming: list[Number]  # every article number that can stand for a source number
    source: list[Number]  # the source's numbers (dates left out)
    source_digits: list[str]  # digit runs of the source, for identifiers
    source_letters: str  # the source's Latin letters, lower case, for identifiers
    matched_source: set[int]  # indices into `source` that some article number renders
    matches: dict[int, list[int]]  # article number (index into checked) -> source indices
    cited: set[int]  # source numbers that a finding on an article number cites as its counterpart


def _overlaps(n: Number, spans: list[tuple[int, int]]) -> bool:
    """Whether n overlaps one of `spans` (sorted by start, not overlapping each other)."""
    i = bisect.bisect_left(spans, (n.end,))
    return i > 0 and spans[i - 1][1] > n.start


def _spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, merged spans, as _overlaps wants them."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


_PAREN = lazyre.compile(r"\(([^()\r\n]{1,80})\)")
_JOINER = lazyre.compile(
    r"^[\s,(—–-]*(?:or\s+)?(?:about|around|roughly|some|approximately|nearly|almost|over|"
    r"more than|worth)?[\s(]*$",
    re.IGNORECASE,
)


def _desk_additions(text: str, numbers: list[Number], source_currencies: set[str]) -> set[int]:
    """Indices of numbers that are the desk's additions: an amount in another currency right after an
    amount (in parentheses, or after "or about"), and everything inside parentheses holding '='."""
    out: set[int] = set()
    for m in _PAREN.finditer(text):
        if "=" in m.group(1):
            out.update(i for i, n in enumerate(numbers) if m.start() < n.start < m.end())
    for i, n in enumerate(numbers):
        if n.kind != "money" or n.currency is None or i == 0:
            continue
        prev = numbers[i - 1]
        if (
            prev.kind == "money"
            and prev.currency not in (None, n.currency)
            and n.start - prev.end <= 30
            and _JOINER.match(text[prev.end : n.start])
        ):
            out.add(i)
            continue
        if n.currency == "USD" and source_currencies and "USD" not in source_currencies:
            before = text.rfind("(", max(0, n.start - 20), n.start)
            if before != -1 and _JOINER.match(text[before + 1 : n.start]):
                out.add(i)
    return out


def _pairing(article: Article, options: Mapping[str, Any]) -> _Pairing:
    tolerance = float(options.get("tolerance", 0.0))
    words = bool(options.get("words", True))
    key = f"numbers.pairing.{tolerance}.{words}"
    return article.target.derived(key, lambda _doc: _make_pairing(article, tolerance, words))


def _source_numbers(article: Article) -> list[Number]:
    src = article.source
    assert src is not None
    lang = article.source_language

    def make(doc: Document) -> list[Number]:
        text = doc.text
        found = datetext.source_dates(text, lang)
        dates = _spans([(d.start, d.end) for d in found])
        norm = numtext.normalize(text)
        out = []
        for d in found:  # a date's parts only confirm: the dates family checks the dates themselves
            for v in (d.day, d.month, d.year):
                if v is not None:
                    out.append(Number(d.start, d.end, d.text, float(v), "count", weak=True))
        for n in numtext.read_source(text, lang):
            if _overlaps(n, dates):
                continue
            if norm.startswith(("월", "月"), n.end) or re.match(r"\s?(?:월|月)", norm[n.end : n.end + 2]):
                continue  # a month: the dates family's
            out.append(n)
        return out

    return src.derived(f"numbers.source.{lang}", make)


def _make_pairing(article: Article, tolerance: float, check_words: bool) -> _Pairing:
    doc = article.target
    text = doc.visible
    dates = date_analysis(article)
    date_spans = [(d.start, d.end) for d in dates.dates] + [(d.start, d.end) for d in dates.source_forms]
    if dates.carried:
        date_spans.append((dates.carried[1], dates.carried[2]))
    date_spans = _spans(date_spans)
    forms = [
        Number(a, b, doc.text[a:b], v, "percent" if k == "percent" else "count")
        for a, b, k, v in (numtext.source_forms_in_english(text) if _maybe_source_form(text) else [])
    ]
    form_spans = _spans([(n.start, n.end) for n in forms])
    digits = [
        n for n in numtext.read_english(text) if not _overlaps(n, date_spans) and not _overlaps(n, form_spans)
    ]
    digits = sorted(digits + [n for n in forms if not _overlaps(n, date_spans)], key=lambda n: n.start)
    source = _source_numbers(article)
    source_currencies = {n.currency for n in source if n.currency}
    desk = _desk_additions(text, digits, source_currencies)
    spans = _spans([(n.start, n.end) for n in digits])
    words = [
        n
        for n in numtext.read_english_words(text)
        if not _overlaps(n, spans) and not _overlaps(n, date_spans)
    ]
    checked = [n for i, n in enumerate(digits) if i not in desk] + (words if check_words else [])
    checked.sort(key=lambda n: n.start)
    confirming = list(checked) + ([] if check_words else words)
    confirming += [n for i, n in enumerate(digits) if i in desk]
    confirming += numtext.read_confirming_words(text)
    for t in list(confirming):  # a time confirms its hour on either clock and its minutes
        if t.kind == "time":
            for v in {t.value, t.value % 12, t.value % 12 + 12, float(t.minutes or 0)}:
                confirming.append(Number(t.start, t.end, t.text, v, "count", weak=True))
    for d in dates.dates:  # the years and days of the article's dates confirm the source's numbers
        if d.year is not None:
            confirming.append(Number(d.start, d.end, str(d.year), float(d.year), "year"))
        if d.day is not None:
            confirming.append(Number(d.start, d.end, str(d.day), float(d.day), "count", weak=True))
    src_text = numtext.normalize(article.source.text) if article.source else ""
    source_digits = [re.sub(r"\D", "", r) for r in re.findall(r"\d[\d\-.\s()/]*\d|\d", src_text)]
    letters = " ".join(re.findall(r"[A-Za-z]+", src_text)).lower()
    pairing = _Pairing(checked, confirming, source, source_digits, letters, set(), {}, set())
    index = _ValueIndex(source)
    for i, t in enumerate(checked):
        pairing.matches[i] = [
            j for j in index.near(t, tolerance) if _matches(t, source[j], tolerance, pairing)
        ]
    for t in confirming:
        pairing.matched_source.update(
            j for j in index.near(t, tolerance) if _matches(t, source[j], tolerance)
        )
    position = {id(s): j for j, s in enumerate(source)}
    for i, t in enumerate(checked):
        if _is_backed(i, t, pairing):
            continue
        counterpart = _magnitude_source(t, pairing) or _nearest(article, t, pairing)
        if counterpart is not None:
            pairing.cited.add(position[id(counterpart)])
    return pairing


class _ValueIndex:
    """The source's numbers by value, so that each article number is compared only with those near it
    (the pairing stays about linear in the article's length instead of articles × source numbers)."""

    def __init__(self, source: list[Number]) -> None:
        self.source = source
        entries = sorted((v, j) for j, s in enumerate(source) for v in s.values)
        self.keys = [v for v, _j in entries]
        self.ids = [j for _v, j in entries]

    def _between(self, lo: float, hi: float) -> list[int]:
        out = []
        i = bisect.bisect_left(self.keys, lo)
        while i < len(self.keys) and self.keys[i] <= hi:
            out.append(self.ids[i])
            i += 1
        return out

    def near(self, t: Number, tolerance: float) -> list[int]:
        """Source numbers that may match `t` (to be confirmed with _matches), without repeats."""
        if t.kind == "code":
            return list(range(len(self.source)))  # identifiers are few: compared by digits
        found: list[int] = []
        if t.kind == "time":
            for h in {t.value, t.value % 24, t.value % 12, t.value % 12 + 12}:
                found += self._between(h, h)
        elif t.kind == "decade":
            found = self._between(t.value, t.value + 10)
        else:
            for tv in t.values:
                slack = t.precision / 2 + 1e-9 * max(1.0, abs(tv))
                lo, hi = tv - slack, tv + slack
                if tolerance:
                    lo = min(lo, tv / (1 + tolerance) if tv >= 0 else tv * (1 + tolerance))
                    hi = max(hi, tv / (1 - tolerance) if tv >= 0 else tv * (1 - tolerance))
                found += self._between(lo - 1e-9 * abs(lo), hi + 1e-9 * abs(hi))
        return list(dict.fromkeys(found))


def _close(tv: float, sv: float, precision: float, tolerance: float) -> bool:
    allowed = max(precision / 2, tolerance * abs(sv))
    return abs(tv - sv) <= allowed * (1 + 1e-9) + 1e-9 * max(1.0, abs(sv))


def _matches(t: Number, s: Number, tolerance: float, pairing: _Pairing | None = None) -> bool:
    if t.kind == "time":
        hours = {t.value, t.value % 24, t.value % 12, t.value % 12 + 12}
        return any(v in hours for v in s.values)  # the minutes are checked in _time_backed
    if t.kind == "code":  # an identifier renders the source numbers its digits contain
        if s.weak:
            return False
        s_digits = _digits(s.text)
        return bool(s_digits) and s_digits in _digits(t.text)
    if t.kind == "decade":
        return any(t.value <= sv < t.value + 10 for sv in s.values)
    return any(_close(tv, sv, t.precision, tolerance) for tv in t.values for sv in s.values)


@functools.lru_cache(maxsize=4096)
def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _code_checkable(t: Number, pairing: _Pairing) -> bool:
    """An identifier is checked only where the source writes it too (its letters are there): N27
    against 27번 국도, or Covid-19 against 新冠, have nothing to compare."""
    letters = re.sub(r"[^A-Za-z]", "", t.text).lower()
    return not letters or letters in pairing.source_letters


def _time_backed(t: Number, pairing: _Pairing) -> bool:
    if not t.minutes:
        return True
    return any(t.minutes in s.values for s in pairing.source)


def _is_backed(i: int, t: Number, pairing: _Pairing) -> bool:
    if t.kind == "code":
        digits = _digits(t.text)
        return not _code_checkable(t, pairing) or any(digits in run for run in pairing.source_digits)
    found = pairing.matches.get(i, [])
    if not found:
        return False
    return t.kind != "time" or _time_backed(t, pairing)


def _say(s: Number) -> str:
    """A source number as read: "3만 8천 = 38,000", "4.7万亿元 = 4.7 trillion yuan", "38,000"."""
    if s.kind == "percent":
        value = f"{english(s.value, words=False)}%"
    else:
        value = english(s.value)
        if s.currency:
            value += f" {_CURRENCY_WORD.get(s.currency, s.currency)}"
    written = " ".join(s.text.split())
    if written.replace(",", "") == value.replace(",", "") or written == value:
        return written
    if len(s.values) > 1:
        alts = " or ".join(english(v) for v in s.values)
        return f"{written} = {alts}"
    return f"{written} = {value}"


def _kind_group(n: Number) -> str:
    if n.kind == "money":
        return f"money:{n.currency}"
    if n.kind == "percent":
        return "percent"
    if n.kind in ("year",):
        return "year"
    if n.kind in ("time",):
        return "time"
    return "count"


def _aligned_source_spans(article: Article, offset: int) -> list[tuple[int, int]]:
    try:
        from tlqa import alignment

        return [(p.start, p.end) for p in alignment.source_paragraphs_for(article, offset)]
    except Exception:  # the alignment is a convenience here
        return []


def _nearest(article: Article, t: Number, pairing: _Pairing) -> Number | None:
    strong = [s for s in pairing.source if not s.weak and s.kind != "code"]
    if not strong:
        return None
    unpaired = [s for j, s in enumerate(pairing.source) if j not in pairing.matched_source and s in strong]
    pool = unpaired or strong
    tlen = max(len(article.target.text), 1)
    slen = max(len(article.source.text), 1) if article.source else 1
    aligned = _aligned_source_spans(article, t.start)
    group = _kind_group(t)

    def score(s: Number) -> tuple[float, int]:
        pos = abs(t.start / tlen - s.start / slen)
        gap = min(abs(math.log10(t.value / s.value)), 3.0) / 3 if t.value > 0 and s.value > 0 else 1.0
        same = 0.0 if _kind_group(s) == group else 0.6
        here = -0.5 if any(a <= s.start < b for a, b in aligned) else 0.0
        return (pos + gap + same + here, s.start)

    return min(pool, key=score)


def _power_of_ten(t: float, s: float) -> int | None:
    if t <= 0 or s <= 0:
        return None
    k = math.log10(t / s)
    n = round(k)
    if n != 0 and abs(k - n) < 1e-9 and abs(n) <= 8:
        return n
    return None


def _magnitude_source(t: Number, pairing: _Pairing) -> Number | None:
    if t.kind in ("code", "time", "year", "word", "decade", "ordinal"):
        return None
    for s in pairing.source:
        if s.weak or s.kind in ("code", "year"):
            continue
        k = _power_of_ten(t.value, s.value)
        if k is not None and (max(t.value, s.value) >= 1e4 or t.scale > 1 or s.scale > 1) and abs(k) >= 1:
            if (
                t.kind == "money"
                and s.kind == "money"
                and t.currency
                and s.currency
                and t.currency != s.currency
            ):
                continue
            return s
    return None


_CORE = lazyre.compile(
    r"^(?P<pre>US\$|\$|€|£|₩|¥|(?:USD|KRW|RMB|CNY|JPY)\s?)?(?P<num>[\d,.]+)"
    r"(?:[\s-]*(?:thousand|million|billion|trillion|mn|bn|tn|[kmb])\b)?"
)


def _rewrite(t: Number, value: float) -> str:
    m = _CORE.match(t.text)
    if not m:
        return english(value)
    pre = m.group("pre") or ""
    words = t.scale > 1 or value >= 1e6
    return f"{pre}{english(value, words=words)}{t.text[m.end() :]}"


def _source_sentence(article: Article, s: Number | None) -> str | None:
    if s is None or article.source is None:
        return None
    return numtext.sentence_at(article.source.text, s.start)


def _evidence(article: Article, t: Number, s: Number | None) -> dict[str, Any]:
    ev: dict[str, Any] = {"number": t.text, "value": t.value}
    if s is None:
        ev["source_numbers"] = 0
        return ev
    ev.update(
        source_number=s.text,
        source_value=s.value,
        source_sentence=_source_sentence(article, s),
        source_line=article.source.position(s.start)[0] if article.source else None,
    )
    return ev


# -- M2: the article's numbers against the source ----------------------------------------------------------


@rule("M201", "number-not-in-source", "numbers", Severity.ERROR, needs={"source"})
def number_not_in_source(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A number in the article that the source does not have (35,000 against 3만 8천).

    Every number of the article must be one the source gives, read with the source language's rules,
    allowing for the rounding the article's number is written to and the desk's own additions (see the
    family's notes: a conversion in parentheses, "($850 million)", is not an error). Number words (three,
    twenty-five) are checked too, against the source's figures and number words. The evidence is the
    source number most likely meant (same kind, nearest in the text, in the aligned paragraph when the
    alignment finds one) and its sentence. A number ten, a hundred or a thousand times a source number
    is the magnitude rule's (M202).

    Example:
        (source: 집회에는 3만 8천 명이 참가했다.) About 35,000 people joined the rally.
    Write instead:
        About 38,000 people joined the rally.

    Known false positives: numbers the desk derives (a sum, a difference, an age from a birth year) and
    conversions outside parentheses.
    """
    pairing = _pairing(article, options)
    for i, t in enumerate(pairing.checked):
        if _is_backed(i, t, pairing) or _currency_only_mismatch(i, t, pairing):
            continue
        if _magnitude_source(t, pairing) is not None:
            continue
        s = _nearest(article, t, pairing)
        if s is None:
            message = f"{t.text} here; the source has no number"
        else:
            message = f"{t.text} here; the source says {_say(s)}"
        suggestion = None
        if s is not None and t.kind not in ("code", "time", "word") and _kind_group(s) == _kind_group(t):
            suggestion = Suggestion(_rewrite(t, s.value), Applicability.DISPLAY)
        yield Violation(t.start, t.end, message, suggestion=suggestion, evidence=_evidence(article, t, s))


@rule("M202", "magnitude-slip", "numbers", Severity.ERROR, needs={"source"})
def magnitude_slip(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A number off from the source by a power of ten (4.7 billion against 4.7万亿 = 4.7 trillion).

    Korean and Chinese count in 만/万 (10,000) and 억/亿 (100 million): turning them into thousands,
    millions and billions is where translations slip by a factor of ten, a thousand or ten thousand. The
    article's number has the source's digits at another magnitude. The suggestion writes the source's
    value in the article's form.

    Example:
        (source: 투자 규모는 4.7万亿元이다.) The plan is worth 4.7 billion yuan.
    Write instead:
        The plan is worth 4.7 trillion yuan.
    """
    pairing = _pairing(article, options)
    for i, t in enumerate(pairing.checked):
        if _is_backed(i, t, pairing):
            continue
        s = _magnitude_source(t, pairing)
        if s is None:
            continue
        k = _power_of_ten(t.value, s.value) or 0
        factor = f"{10 ** abs(k):,}"
        fixed = _rewrite(t, s.value)
        yield Violation(
            t.start,
            t.end,
            f"{t.text} here; the source says {_say(s)} ({factor} times {'less' if k > 0 else 'more'})",
            suggestion=Suggestion(fixed, Applicability.UNSAFE),
            evidence={**_evidence(article, t, s), "factor": 10.0**k},
        )


def _currency_only_mismatch(i: int, t: Number, pairing: _Pairing) -> Number | None:
    """The source number with the same value in another currency, when that is the only match."""
    if t.kind != "money" or t.currency is None:
        return None
    found = [pairing.source[j] for j in pairing.matches.get(i, [])]
    if not found:
        return None
    if all(s.kind == "money" and s.currency and s.currency != t.currency for s in found):
        return found[0]
    return None


@rule("M203", "currency-differs", "numbers", Severity.ERROR, needs={"source"})
def currency_differs(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """An amount in another currency than the source's (38 million won against 3,800만 달러).

    The figure agrees with the source but the currency does not: 원 is won, 元 and 위안 yuan, 달러 and
    美元 dollars, 円 and 엔 yen. A conversion the desk adds in parentheses is not this.

    Example:
        (source: 수출액은 3800만 달러였다.) Exports were 38 million won.
    Write instead:
        Exports were $38 million.
    """
    pairing = _pairing(article, options)
    for i, t in enumerate(pairing.checked):
        s = _currency_only_mismatch(i, t, pairing)
        if s is None:
            continue
        yield Violation(
            t.start,
            t.end,
            f"{t.text} is in {_CURRENCY_WORD.get(t.currency or '', t.currency)}; the source says {_say(s)}",
            evidence={**_evidence(article, t, s), "currency": t.currency, "source_currency": s.currency},
        )


# -- M3: the source's numbers in the article ---------------------------------------------------------------


@rule("M301", "source-number-missing", "numbers", Severity.WARNING, needs={"source"})
def source_number_missing(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A number the source gives that the article does not (a dropped figure).

    Each figure of the source (3만 8천, 4.7万亿, 20%) should be in the article in some form: a figure, a
    number word (three, a dozen, twice, half), a year of a date. Han and Korean native numerals (三,
    세 명) only ever confirm: they are read too loosely to be reported. One and zero are often left
    implicit and are not reported, nor are numbers on the source's metadata lines (입력, 기자, 来源).
    A source number that a finding on an article number already cites (35,000 against 3만 8천) is that
    finding's, not reported again. Reported once per value, at the article paragraph that translates the
    source paragraph.

    Example:
        (source: 사망자는 12명, 부상자는 38명이다.) Twelve people died.
    Write instead:
        Twelve people died and 38 were injured.
    """
    pairing = _pairing(article, options)
    src = article.source
    assert src is not None
    seen: set[float] = set()
    for j, s in enumerate(pairing.source):
        if j in pairing.matched_source or j in pairing.cited or s.weak or s.kind == "code":
            continue
        if s.value in (0.0, 1.0) or s.value in seen:
            continue
        if numtext.in_metadata_line(src.text, s.start):
            continue
        seen.add(s.value)
        start, end = target_span_for_source(article, s.start)
        yield Violation(
            start,
            end,
            f"The source's {_say(s)} is not in the article",
            evidence={
                "source_number": s.text,
                "source_value": s.value,
                "source_sentence": _source_sentence(article, s),
                "source_line": src.position(s.start)[0],
            },
        )

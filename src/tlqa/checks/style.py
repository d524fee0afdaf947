"""The house style (family `style`): the bundled AP-based news style, and an editor's own rules.

The bundled style is S101-S199. Its declarative rules (S102 percent, S103 a.m./p.m., S106 doubled
spaces, S107 space before punctuation) are written in `data/default-style.toml`, in the very format an
editor uses, and become rules of this module when it is imported; the rules that need code are below
(S101 spell out one through nine, S104 month style, S105 U.S.). Every one of them is always registered,
so that `tlqa rules`, `tlqa explain` and `select = ["S1"]` know them, and each returns nothing when the
style file says `[style] default = false`.

An editor's own rules (`[[style.rules]]`, S500-S999, see tlqa.stylerules) reach the registry through
`config_rules(config)`: one rule per spec, all of them checked in one shared pass per article.

Precision comes before recall here: every bundled rule must stay quiet on legitimate news copy, so each
leaves alone what it cannot be sure of (headlines, all-capital lines, credits, figures AP keeps).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from tlqa import lazyre, months, stylerules
from tlqa.engine import Article
from tlqa.findings import Applicability, Severity, Suggestion, Violation
from tlqa.rules import Rule, rule

if TYPE_CHECKING:
    from tlqa.config import Config
    from tlqa.document import Document, Paragraph


def _on(options: Mapping[str, Any]) -> bool:
    """The bundled style applies unless the style file says `[style] default = false`."""
    return bool(options.get("default", True))


# Paragraph kinds (tlqa.structure) the bundled rules leave alone. Headlines keep their figures and write
# US, as AP headlines do; bylines, datelines, image placeholders and machine-translation leftovers are
# not running text.
_FURNITURE = frozenset({"code", "image", "artefact", "byline"})
_HEADLINES = frozenset({"headline", "heading", "subhead"})


_NOT_BODY = _HEADLINES | {"dateline"}  # left alone as well by the rules that leave headlines alone


def _prose_index(doc: Document, *, headlines: bool) -> tuple[list[Paragraph], list[int]]:
    """The paragraphs the bundled rules read (with or without headlines), and their starts for
    bisecting: found once per document, both at once."""
    both = doc.derived("tlqa.style.prose", _find_prose)
    return both[0] if headlines else both[1]


def _find_prose(doc: Document) -> tuple[tuple[list[Paragraph], list[int]], tuple[list[Paragraph], list[int]]]:
    visible = doc.visible
    prose: list[Paragraph] = []
    body: list[Paragraph] = []
    for p in doc.paragraphs:
        if p.kind in _FURNITURE or visible.startswith("|", p.start):  # nor a Markdown table row
            continue
        prose.append(p)
        if p.kind not in _NOT_BODY:
            body.append(p)
    return (prose, [p.start for p in prose]), (body, [p.start for p in body])


def _in_prose(
    doc: Document, pattern: Any, *, headlines: bool, unmasked: bool = False
) -> list[tuple[re.Match[str], Paragraph]]:
    """Matches of `pattern` inside the paragraphs the bundled rules read, each with its paragraph (and,
    if `unmasked`, only those clear of masked text).

    The text is scanned once, not paragraph by paragraph: the same matches for a pattern whose matches
    and look-arounds never reach over white space, since white space (or the text's end) surrounds
    every paragraph (tlqa.document trims it off)."""
    paragraphs, starts = _prose_index(doc, headlines=headlines)
    if not paragraphs:
        return []
    info = stylerules.DocInfo.of(doc) if unmasked and doc.masked else None
    found = []
    for m in pattern.finditer(doc.visible, paragraphs[0].start, paragraphs[-1].end):
        start, end = m.span()
        i = bisect.bisect_right(starts, start) - 1
        if i >= 0 and end <= paragraphs[i].end and not (info is not None and info.masked(start, end)):
            found.append((m, paragraphs[i]))
    return found


# -- S101: spell out one through nine ----------------------------------------------------------------

NUMBER_WORDS = {
    "1": "one",
    "2": "two",
    "3": "three",
    "4": "four",
    "5": "five",
    "6": "six",
    "7": "seven",
    "8": "eight",
    "9": "nine",
}


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# A lone figure 1-9: not part of a longer number, a decimal, a time (5:30), a fraction, an ordinal
# (5th), a word (5G, G7), a hyphenated compound (5-year-old, 3-2), an amount ($5), a percentage (5%),
# a measure (5°, 5'10") or "No.5".
_SMALL = lazyre.compile(r"[1-9](?<![\w$€£¥₩#№.,/:+\-–−][1-9])(?![\w%％°'’″′]|[.,:/]\d|[-–−]\w)")

# Words after a figure that make it one AP keeps as a figure: percentages, times, amounts of money,
# millions, measures and units, points and scores.
_UNITS_AFTER = _words(
    """percent per percentage pct % ％ a.m. a.m am p.m. p.m pm o'clock o’clock
    hundred thousand million billion trillion
    dollars dollar cents cent won yen yuan renminbi euros euro pounds pound pence pesos peso rupees rupee
    rubles roubles francs baht dong ringgit rupiah feet foot ft inches inch yards yard miles mile mi meters
    meter metres metre m km kilometers kilometres kilometer kilometre cm centimeters centimetres mm
    millimeters millimetres nm nanometers nanometer kg kilograms kilogram kilos kilo g grams gram mg lb lbs
    ounces ounce oz tons ton tonnes tonne liters liter litres litre l ml gallons gallon acres acre
    hectares hectare ha pyeong degrees degree ° °c °f celsius fahrenheit mph kph km/h knots knot square
    cubic sq gb mb tb kb gigabytes megabytes terabytes kw mw gw kwh mwh gwh twh volts volt watts watt hz
    ghz mhz megapixels points x ×"""
)
_CURRENCIES = _words("dollars dollar won yen yuan euros euro pounds pesos rupees francs")
# Words before a figure that make it a number of something, which AP writes as a figure: No. 5, Line 2,
# Article 3, Phase 3, Category 5, Route 1, Gate 4, magnitude 5 (any case).
_ID_BEFORE = _words(
    """no nos number page pages p pp chapter chapters article articles section sections clause paragraph
    line lines route routes highway interstate gate gates platform terminal exit pier room suite level
    levels category phase stage round game games episode season volume vol act scene district ward
    precinct zone sector unit reactor block building lane track channel version model type class step
    item row seat table week hole formula apollo magnitude size period inning vs vs. v. versus"""
)
_AGE_BEFORE = frozenset({"aged", "age", "ages"})
_AGE_UNITS = frozenset({"years", "year", "months", "month", "weeks", "week", "days", "day"})
_RANGE_WORDS = frozenset({"-", "–", "—", "to", "through", "or", "and", "x", "×", "by", ":"})
_TIME_UNIT = r"(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)"
_TIME_COMPOUND = lazyre.compile(
    rf"\b\d+\s+{_TIME_UNIT}\b,?\s+(?:and\s+)?\d+(?:\.\d+)?\s+{_TIME_UNIT}\b", re.IGNORECASE
)
_CLOSED = lazyre.compile(r"[,.]?[)”\"’']")
_A_WORD = lazyre.compile(r"[^\W\d_]{2}")
_NUMERIC_DATE_BEFORE = lazyre.compile(r"\d{2,4}\.\s?$")
_NUMERIC_DATE_AFTER = lazyre.compile(r"\.\s?\d{1,2}\.?(?!\d)")
_NEXT_TWO = lazyre.compile(r"\s*(\S+)(?:\s+(\S+))?")
_RANGE_BEFORE = lazyre.compile(r"\d\S*\s+(?:to|through|or|and|-|–|—|x|×|by)\s+$")
_SENTENCE_END = lazyre.compile(r"(?:^|[.!?][\"”’')\]]*)\s*[\"“‘'(\[]*\s*$")
_TRAILING = ",;:!?)]\"”’'"
_LEADING = "\"“‘'([«"


def _norm(token: str | None) -> str:
    return (token or "").lower().strip(_LEADING).rstrip(_TRAILING)


@functools.lru_cache(maxsize=4096)  # the words after figures repeat (percent, a.m., million)
def _unit(token: str) -> bool:
    t = _norm(token)
    return t in _UNITS_AFTER or t.rstrip(".") in _UNITS_AFTER or months.month_number(t) is not None


def _sentence_initial(before: str) -> bool:
    """The text before a word ends a sentence (or is the paragraph's start, quotes aside)."""
    return _SENTENCE_END.search(before[-12:]) is not None if before.strip() else True


_BEFORE_CURRENCY = frozenset({"u.s.", "us", "hong", "new", "australian", "canadian"})
_FRACTION = lazyre.compile(r"\d+/\d+")


def _keeps_figure(visible: str, start: int, p: Paragraph) -> bool:
    """True when AP keeps the figure at `start` (a lone digit 1-9) as a figure, for what stands next to
    it. (A figure in a time like "2 minutes and 27 seconds" is kept too: the caller looks for those.)"""
    before, after = visible[p.start : start], visible[start + 1 : p.end]
    stripped = before.rstrip()
    if before[-1:] and before[-1] in "(“\"‘'" and _CLOSED.match(after):
        return True  # (5): an age or a list mark; "3": the figure named, as a jersey number
    if stripped.endswith(",") and after.startswith(","):
        return True  # Kim, 5, and his sister: an age
    if not stripped and after[:1] in ".)":
        return True  # 1. or 1) opening a paragraph: a list mark
    if _NUMERIC_DATE_AFTER.match(after) and _NUMERIC_DATE_BEFORE.search(before):
        return True  # 2025. 5. 19.: a date written the Korean way (the dates family's business)
    nxt = _NEXT_TWO.match(after)
    if nxt is not None:
        t1, t2 = nxt.group(1, 2)
        n1 = _norm(t1)
        if _unit(t1) or (n1 in _BEFORE_CURRENCY and _norm(t2) in _CURRENCIES):
            return True  # 5 percent, 5 a.m., 5 million, 5 kilometers, 5 March, 5 U.S. dollars
        if n1 in _AGE_UNITS and _norm(t2).startswith("old"):
            return True  # 5 years old
        if n1 in _RANGE_WORDS and t2 is not None and t2[:1].isdigit():
            return True  # 5 to 10, 3-2 with spaces, 5 x 10: a range, a score, a dimension
        if _FRACTION.fullmatch(t1):
            return True  # 1 1/2
    if stripped:
        # The word before the figure: the last run of non-space characters (what `(\S+)\s*$` finds,
        # without trying the pattern at every position of the paragraph).
        p1 = stripped.rsplit(None, 1)[-1]
        word = _norm(p1).rstrip(".")
        if p1[-1:] in "$€£¥₩" or p1 in ("No.", "Nos.", "No", "#", "no."):
            return True
        if word in _ID_BEFORE or word in _AGE_BEFORE:
            return True
        bare = p1.strip(_LEADING).rstrip(_TRAILING)
        if bare[:1].isupper() and months.month_number(bare) is not None:
            return True  # Sept. 5, March 5: a date
        if _RANGE_BEFORE.search(before):
            return True  # 5 to 7 (the second figure), between 3 and 4
        named = bare[:1].isupper() or any(c.isupper() for c in bare[1:])
        if (
            named
            and bare[:1].isalpha()
            and p1[-1].isalnum()
            and not _sentence_initial(before[: len(stripped) - len(p1)])
        ):
            return True  # a name before a figure: Line 2, Galaxy 9, Windows 7, Pier 4, iPhone 5
    return False


@rule("S101", "spell-out-small-numbers", "style", Severity.WARNING)
def spell_out_small_numbers(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A figure from 1 to 9 where AP spells the number out.

    AP spells out whole numbers below 10 and uses figures from 10 up. It keeps figures below 10 for ages
    (a 5-year-old, Kim, 5,), percentages (5 percent), dates (Sept. 5), times (5 a.m., 2 minutes and 27
    seconds), money ($5, 5 million won), measures and units (5 kilometers, 5 nm), millions, scores and
    ranges (3-2, 5 to 10), decimals (2.5), numbered things (No. 5, Line 2, Article 3, Phase 3, Galaxy 9)
    and list marks. Headlines keep their figures, as AP headlines do. The suggestion is the word,
    capitalized at the start of a sentence (unsafe: read the sentence).

    Example:
        Police arrested 3 men on Sunday.
    Write instead:
        Police arrested three men on Sunday.

    Known false positives: a figure AP keeps for a reason this rule cannot see (a code, a vote count
    written without its other number).
    """
    if not _on(options):
        return
    doc = article.target
    visible = doc.visible
    para: Paragraph | None = None  # the paragraph of the figures before
    wordy = False
    compounds: list[tuple[int, int]] | None = None
    for m, p in _in_prose(doc, _SMALL, headlines=False):
        if p is not para:
            para, wordy, compounds = p, _A_WORD.search(visible, p.start, p.end) is not None, None
        if not wordy:
            continue  # no words around the figures: a page mark (- 2 -), a table cell
        start = m.start()
        if _keeps_figure(visible, start, p):
            continue
        if compounds is None:
            compounds = [c.span() for c in _TIME_COMPOUND.finditer(visible, p.start, p.end)]
        if any(a <= start < b for a, b in compounds):
            continue  # 2 minutes and 27 seconds: a time, as in sports
        digit = m.group()
        word = NUMBER_WORDS[digit]
        if _sentence_initial(visible[p.start : start]):
            word = word.capitalize()
        yield Violation(
            start,
            m.end(),
            f"Spell out '{digit}' as '{word}' (AP: figures from 10 up)",
            suggestion=Suggestion(word, Applicability.UNSAFE),
            evidence={"figure": digit},
        )


# -- S104: month style --------------------------------------------------------------------------------

_MONTH_NAMES = "|".join([*months.MONTHS, *sorted(months.SHORT_FORMS, key=len, reverse=True)])
_MONTH = lazyre.compile(rf"({_MONTH_NAMES})(\.)?(?!\w)")  # the word boundary before: checked after
# Each name _MONTH matches -> (its month, whether it is the full name).
_MONTH_NAMED: dict[str, tuple[int, bool]] = {
    name: (months.month_number(name) or 0, name in months.MONTHS) for name in _MONTH_NAMES.split("|")
}
# March to July: AP never abbreviates them, so written in full (without a period) they are right with a
# day or without one.
_NEVER_ABBREVIATED = frozenset(m for i, m in enumerate(months.MONTHS, 1) if not months.is_ap_abbreviated(i))
_WORD_CHAR = lazyre.compile(r"\w")
_DAY = lazyre.compile(r"[ \t\u00a0]+(\d{1,2})(?:st|nd|rd|th)?(?![\w:]|[.,]\d)")


def _day_after(visible: str, end: int, limit: int, month: int) -> str | None:
    m = _DAY.match(visible, end, limit)
    if m and 1 <= int(m.group(1)) <= months.DAYS[month]:
        return m.group(1)
    return None


def _ends_sentence(visible: str, after_dot: int, limit: int) -> bool:
    rest = visible[after_dot:limit]
    stripped = rest.lstrip()
    return not stripped or (rest[:1].isspace() and (stripped[0].isupper() or stripped[0] in "“\"‘'("))


@rule("S104", "month-style", "style", Severity.WARNING, fixable=True)
def month_style(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """A month written against AP style.

    AP abbreviates Jan., Feb., Aug., Sept., Oct., Nov. and Dec. before a day (Sept. 30, Sept. 30, 2024),
    never abbreviates March, April, May, June or July, and spells every month out when it stands alone
    or with a year only (September 2024). So: "September 30" → "Sept. 30"; "Sep." or "Sept" before a day
    → "Sept."; "Jan 5" → "Jan. 5"; "Mar. 5" or "Jun. 5" → "March 5", "June 5"; "in Sept." or "Oct.
    2024" → "September", "October 2024". When the abbreviation's period also ends the sentence, only the
    word is replaced and the period stays. Ordinal days (Sept. 30th) are the dates family's business.
    Short forms without a period and without a day (Jan, Jun, Mar) are left alone: they are names and
    words too. Safe fixes.

    Example:
        The festival opens on September 30.
    Write instead:
        The festival opens on Sept. 30.
    """
    if not _on(options):
        return
    doc = article.target
    visible = doc.visible
    for m, p in _in_prose(doc, _MONTH, headlines=True, unmasked=True):
        if m.start() > p.start and _WORD_CHAR.match(visible, m.start() - 1):
            continue  # inside a word (Summarch, 5Jan)
        name, dot = m.group(1, 2)
        if name in _NEVER_ABBREVIATED:
            continue  # March 5, in May, in May.: right
        month, full = _MONTH_NAMED[name]
        if full and dot:
            continue  # "in May." or "September.": the period is the sentence's
        day = _day_after(visible, m.end(), p.end, month)
        start, end = m.start(), m.end()
        if day is not None:
            expected = months.ap_form(month, with_day=True)
            written = name + (dot or "")
            if written == expected:
                continue
            message = f"AP writes '{expected} {day}', not '{written} {day}'"
        elif full or not dot:
            continue  # a full name alone is right; 'Jan' without a period or a day may be a name
        else:
            expected = months.full_name(month)
            if _ends_sentence(visible, m.end(), p.end):
                end -= 1  # keep the period: it ends the sentence too
            message = f"Spell out '{name}.' as '{expected}' without a day (AP)"
        yield Violation(
            start,
            end,
            message,
            suggestion=Suggestion(expected, Applicability.SAFE),
            evidence={"month": months.full_name(month), "day": day},
        )


# -- S105: U.S. ---------------------------------------------------------------------------------------

_US = lazyre.compile(r"US(?<![\w.$/&@]US)(?![\w$€£¥₩/]|\.\w)")
_CAPS_WORD = lazyre.compile(r"[A-Z]{4,}")


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.6 * len(letters)


def _inside_brackets(before: str) -> bool:
    return before.rfind("[") > before.rfind("]")


@rule("S105", "us-abbreviation", "style", Severity.WARNING, fixable=True)
def us_abbreviation(article: Article, options: Mapping[str, Any]) -> Iterator[Violation]:
    """ "US" in body text, where AP writes "U.S."

    AP uses U.S. (with periods) in text and US (without) only in headlines. Machine translation and
    copy from other styles write US. Left alone: headlines, lines in capitals (bylines, credits), photo
    credits in brackets ([US NAVY]), the currency US$ and a locale like en-US. At a sentence's end the
    sentence's period completes the abbreviation (the US. → the U.S.). Safe fix.

    Example:
        The US and South Korea began joint drills on Monday.
    Write instead:
        The U.S. and South Korea began joint drills on Monday.
    """
    if not _on(options):
        return
    doc = article.target
    visible = doc.visible
    for m, p in _in_prose(doc, _US, headlines=False, unmasked=True):
        para = visible[p.start : p.end]
        if _mostly_capitals(para):
            continue
        before = visible[p.start : m.start()]
        if _inside_brackets(before) or re.search(r"\b[a-z]{2}-$", before):
            continue
        around = visible[max(p.start, m.start() - 12) : m.end() + 12]
        if len(_CAPS_WORD.findall(around)) >= 1:
            continue  # a run of capitals (US ARMY, US NAVY): a credit or a shout
        sentence_end = visible[m.end() : m.end() + 1] == "."
        replacement = "U.S" if sentence_end else "U.S."
        yield Violation(
            m.start(),
            m.end(),
            "AP writes 'U.S.' in text ('US' only in headlines)",
            suggestion=Suggestion(replacement, Applicability.SAFE),
        )


# -- the bundled declarative rules ---------------------------------------------------------------------


def _bundled_rule(spec: stylerules.StyleRuleSpec) -> Any:
    code = spec.code

    def check(article: Article, options: Mapping[str, Any]) -> list[Violation]:
        if not _on(options):
            return []
        return stylerules.bundled_book().violations(article.target, code)

    check.__name__ = check.__qualname__ = spec.name.replace("-", "_")
    check.__doc__ = stylerules.rule_doc(spec)
    check.__tlqa_rule__ = Rule(  # type: ignore[attr-defined]
        code, spec.name, "style", spec.severity, check.__doc__, check, fixable=spec.fixable
    )
    return check


for _spec in stylerules.load_bundled():
    globals()[f"bundled_{_spec.code.lower()}"] = _bundled_rule(_spec)
del _spec


# -- an editor's own rules ----------------------------------------------------------------------------


def config_rules(config: Config) -> list[Rule]:
    """One rule per `[[style.rules]]` spec of the configuration, all checked in one shared pass."""
    specs = tuple(config.style_rules)
    if not specs:
        return []
    book = stylerules.book_for(specs)
    book.compile()  # once per run, before the first article
    return [_user_rule(book, spec) for spec in specs]


def _user_rule(book: stylerules.StyleBook, spec: stylerules.StyleRuleSpec) -> Rule:
    code = spec.code

    def check(article: Article, options: Mapping[str, Any]) -> list[Violation]:
        return book.violations(article.target, code)

    check.__name__ = check.__qualname__ = spec.name.replace("-", "_")
    return Rule(
        code, spec.name, "style", spec.severity, stylerules.rule_doc(spec), check, fixable=spec.fixable
    )

"""Reading numbers as news text writes them, in English and in the source languages.

English: 38,000; 4.7; 4.7 trillion; 3 million; $850 million; 3.8 billion won; 20%; 20 percent; 5th;
2:40 a.m.; 16-year-old; their 50s; number words (three, twenty-five, three million). Korean: 만, 억, 조
and 천 (3만 8천 = 38,000; 1조 2300억 = 1.23 trillion), 퍼센트, 원/달러/위안/엔, native numerals before a
counter (세 명). Chinese and Japanese: 万, 亿/億, 万亿 and 兆 (3.7万亿 = 3.7 trillion), 百分之, 元/美元/円,
Han numerals (三, 二十五, 一千). Full-width digits everywhere. Latin-script sources (German, English) by
their separators: an ambiguous "3.500" is read both ways.

Every number keeps its span (code-point offsets into the text it was read from), the value, the other
readings it may have, what kind of quantity it is, its currency, and the precision it is written to (the
unit of its last significant digit), which is what the rounding tolerance of the source checks rests on.
The readers never raise on any input.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field

from tlqa import lazyre

# -- normalisation -----------------------------------------------------------------------------------------

# One character for one character, so offsets into the normalised text are offsets into the original.
_FULLWIDTH = str.maketrans(
    {
        **{chr(0xFF10 + i): str(i) for i in range(10)},
        "，": ",",
        "．": ".",
        "％": "%",
        "－": "-",
        "～": "~",
        "：": ":",
        "＄": "$",
        "／": "/",
        "（": "(",
        "）": ")",
        "\u3000": " ",
    }
)


_WIDE = lazyre.compile(r"[\uff04\uff05\uff08\uff09\uff0c-\uff1a\uff5e\u3000]")


def normalize(text: str) -> str:
    """Full-width digits and the punctuation around numbers made ASCII, one character for one."""
    return text.translate(_FULLWIDTH) if _WIDE.search(text) else text


def has_fullwidth_digits(text: str) -> bool:
    return any("\uff10" <= ch <= "\uff19" for ch in text)


# -- the result --------------------------------------------------------------------------------------------

CURRENCY_NAMES = {
    "KRW": "won",
    "CNY": "yuan",
    "USD": "dollars",
    "JPY": "yen",
    "EUR": "euros",
    "GBP": "pounds",
}


@dataclass(frozen=True, slots=True)
class Number:
    """A number as read from a text.

    `kind` is one of: count, percent, money, year, ordinal, time, code, word (an English or CJK number
    word), decade. `precision` is the unit of the last significant digit as written (38,000 → 1000;
    4.7 trillion → 1e11; 35 → 1), the rounding the writer may have applied. `weak` numbers (Han and
    Korean native numerals, number words) only ever confirm another number: they are never reported as
    missing, because reading them is uncertain. `readings` holds every value the text may mean (an
    ambiguous "3.500" in a German or English source); `value` is the first.
    """

    start: int
    end: int
    text: str
    value: float
    kind: str = "count"
    currency: str | None = None
    precision: float = 1.0
    mantissa: str = ""  # the digits as written before a scale word ("4.7" of "4.7 trillion")
    scale: float = 1.0  # the scale word's value (1e12 for trillion, 1e4 for 万)
    weak: bool = False
    readings: tuple[float, ...] = field(default=())
    minutes: int | None = None  # times: minutes past the hour

    @property
    def values(self) -> tuple[float, ...]:
        return self.readings or (self.value,)


# -- formatting --------------------------------------------------------------------------------------------

_SCALES_EN = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def _trim(x: float, places: int = 3) -> str:
    s = f"{x:.{places}f}".rstrip("0").rstrip(".")
    return s or "0"


def english(value: float, *, words: bool = True) -> str:
    """A value as an English news text writes it: 38,000; 4.7 trillion; 1.23 trillion; 0.5; 12.5."""
    if not math.isfinite(value):
        return str(value)
    sign = "-" if value < 0 else ""
    v = abs(value)
    if words:
        for scale, name in _SCALES_EN:
            if v >= scale and _is_round(v / scale, 3):
                return f"{sign}{_trim(v / scale)} {name}"
    if v == int(v):
        return f"{sign}{int(v):,}"
    whole, frac = f"{v:.6f}".rstrip("0").split(".")
    return f"{sign}{int(whole):,}.{frac}"


def _is_round(x: float, places: int) -> bool:
    """Whether x has at most `places` decimals (to within float error)."""
    y = x * 10**places
    return abs(y - round(y)) < 1e-6


# -- English -----------------------------------------------------------------------------------------------

_SCALE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "bn": 1e9,
    "tn": 1e12,
    "k": 1e3,
    "m": 1e6,
    "b": 1e9,
}
_CURRENCY_AFTER = {
    "won": "KRW",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "dollar": "USD",
    "dollars": "USD",
    "yen": "JPY",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
}
_CURRENCY_BEFORE = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "€": "EUR",
    "£": "GBP",
    "₩": "KRW",
    "krw": "KRW",
    "rmb": "CNY",
    "cny": "CNY",
    "¥": "JPY",
    "jpy": "JPY",
}

_EN_NUMBER = lazyre.compile(
    r"(?<![\w/:])(?<!\w[.,])"
    r"(?P<cur>US\$|\$|€|£|₩|¥|(?:USD|KRW|RMB|CNY|JPY)\s?)?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
    r"(?:(?P<ord>st|nd|rd|th)\b|(?P<decade>s)\b|(?P<ampm>\s?[ap]\.m\.|\s?[AP]M\b))?"
    r"(?:(?P<colon>:\d{2})(?P<ampm2>\s?[ap]\.m\.|\s?[AP]M\b)?)?"
    r"(?:[\s-]*(?P<scale>thousand|million|billion|trillion|mn|bn|tn|[kmb](?![\w]))\b)?"
    r"(?:\s*(?P<pct>%|percent(?:age points?)?\b|per\s?cent\b|pct\b))?"
    r"(?:\s*(?P<cur2>won|yuan|renminbi|dollars?|yen|euros?|pounds?)\b)?",
)
# An identifier with digits: a letter and digits glued (N27, J3, A380, Covid-19, 3G), dotted versions.
_EN_CODE = lazyre.compile(
    r"(?<![\w.])(?:[A-Za-z]+-?\d[\w-]*|\d+[A-Za-z][A-Za-z\d-]*|\d+(?:\.\d+){2,})(?![\w])"
)
_EN_SKIP = lazyre.compile(r"&#x?[\dA-Fa-f]+;|(?<![\w/])\d{1,2}/\d{1,2}(?![\w/])")
_PHONE_HINT = lazyre.compile(r"[0-9]{3,4}[-.][0-9]{4}")


def _words(text: str) -> list[str]:
    return text.split()


# A figure that is part of a name: Line 2, Fortune 500, Formula 1, Apollo 11, No. 1 (a capitalised word,
# not one that opens a sentence or counts, right before a whole number of up to four digits).
_EN_NAMED = lazyre.compile(
    r"(?P<name>[A-Z][a-z]+\.?|No\.)\s(?P<n>\d{1,4})(?![\d,.]\d|\s?(?:%|percent|million|billion|"
    r"trillion|thousand)|[\w-])"
)
_NOT_NAMES = frozenset(
    _words(
        """In On At By About Nearly Some Over Around Than The For Of Only All Just Almost Roughly With To From
        Since Until After Before And But Or More Less Up Down Top Last Next First Under Between Among Within
        Per Each Every Those These Its Their His Her Our Your Another Other Further Additional Total
        Approximately Exactly Least Most Had Has Have Was Were Is Are Be Been Monday Tuesday Wednesday
        Thursday Friday Saturday Sunday January February March April May June July August September October
        November December Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec."""
    )
)
_EN_PHONE = lazyre.compile(r"(?<![\w+])\+?\(?\d{2,4}\)?[-\s.]\d{3,4}[-.]\d{4}(?!\d)")
# Commas, tens and so on as words.
_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Words that only confirm: never checked themselves (too idiomatic), but a source number they render is
# not missing.
_CONFIRM_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "once": 1,
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "triple": 3,
    "tripled": 3,
    "half": 0.5,
    "dozen": 12,
    "dozens": 12,
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
    "thousands": 1000,
    "single": 1,
    "a": 1,
    "an": 1,
    "quarter": 0.25,
    "noon": 12,
    "midnight": 0,
    "teens": 10,
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
    "both": 2,
    "pair": 2,
    "couple": 2,
}
_NUMBER_WORD = lazyre.compile(
    r"(?i)\b(?P<tens>"
    + "|".join(_TENS)
    + r")(?:[-\s](?P<unit1>"
    + "|".join(k for k in _UNITS if _UNITS[k] < 10)
    + r"))?\b|\b(?P<unit>"
    + "|".join(_UNITS)
    + r")\b"
)
_SCALE_AFTER_WORD = lazyre.compile(r"[\s-]+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)
_PER_WORD = lazyre.compile(r"\s+(decades?|dozens?)\b", re.IGNORECASE)
_CONFIRM = lazyre.compile(
    r"(?i)\b(" + "|".join(sorted((w for w in _CONFIRM_WORDS if len(w) > 2), key=len, reverse=True)) + r")\b"
)


def _precision(digits: str) -> float:
    """Unit of the last significant digit of a written number (no scale): 38,000 → 1000; 4.75 → 0.01."""
    d = digits.replace(",", "")
    if "." in d:
        return 10.0 ** -(len(d) - d.index(".") - 1)
    stripped = d.rstrip("0")
    if not stripped:
        return 1.0
    return 10.0 ** (len(d) - len(stripped))


def _to_float(digits: str) -> float | None:
    try:
        v = float(digits.replace(",", ""))
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def read_english(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Numbers written in digits in English text[start:end], with their kind, currency and precision.

    Identifiers (N27, Covid-19, 737-8's parts are numbers, but A380 is a code), phone numbers and dotted
    versions are kind `code` (compared by their digits); times (5 a.m., 14:50) kind `time`; years (a
    four-digit whole number from 1000 to 2100 with nothing after it that makes it an amount) kind `year`.
    """
    end = len(text) if end is None else end
    text = normalize(text)
    out: list[Number] = []
    taken: list[tuple[int, int]] = []
    if "&#" in text or "/" in text:
        for m in _EN_SKIP.finditer(text, start, end):  # HTML entities (&#8212;), fractions (1/3)
            _take(taken, m.span())
    if _PHONE_HINT.search(text, start, end):
        for m in _EN_PHONE.finditer(text, start, end):
            if not _overlaps(m.span(), taken):
                out.append(Number(m.start(), m.end(), m.group(), 0.0, "code"))
                _take(taken, m.span())
    for m in _EN_NAMED.finditer(text, start, end):
        i = m.start()
        if i < 2 or text[i - 1] != " " or not (text[i - 2].isalnum() or text[i - 2] in "_,;:("):
            continue  # a name inside a sentence, not the word that opens it
        if m.group("name") in _NOT_NAMES or _overlaps(m.span(), taken):
            continue
        out.append(Number(m.start(), m.end(), m.group(), float(m.group("n")), "code"))
        _take(taken, m.span())
    for m in _EN_CODE.finditer(text, start, end):
        if _overlaps(m.span(), taken):
            continue
        token = m.group()
        if re.fullmatch(r"\d+(?:st|nd|rd|th|s)", token) or re.fullmatch(
            r"\d+(?:k|m|b|bn|mn|tn|am|pm|AM|PM)", token
        ):
            continue  # 5th, 1990s, 5bn, 5pm: numbers, read below
        if re.fullmatch(
            r"\d+-(?:year|month|week|day|hour|minute|second|time|member|story|point|man|seat)s?"
            r"(?:-old)?",
            token,
            re.IGNORECASE,
        ):
            continue
        if "-" in token and re.fullmatch(r"\d+(?:-[a-z]+)+", token):
            continue  # 16-year-old, 40-meter: the number is read below
        if re.fullmatch(r"(?:[kcm]?m|ft|mi|sq)[23]", token):
            continue  # km2, m3: units, not identifiers
        digits = re.sub(r"\D", "", token)
        if not digits:
            continue
        out.append(Number(m.start(), m.end(), token, float(digits[:15]), "code"))
        _take(taken, m.span())
    for m in _EN_NUMBER.finditer(text, start, end):
        if _overlaps(m.span(), taken):
            continue
        num = _read_english_match(m)
        if num is not None:
            out.append(num)
    out.sort(key=lambda n: (n.start, n.end))
    return out


def _overlaps(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    """Whether `span` overlaps one of `spans` (kept sorted and disjoint by _take)."""
    i = bisect.bisect_left(spans, (span[1],))
    return i > 0 and spans[i - 1][1] > span[0]


def _take(spans: list[tuple[int, int]], span: tuple[int, int]) -> None:
    """Add a span that overlaps none of `spans`, keeping them sorted."""
    bisect.insort(spans, span)


def _read_english_match(m: re.Match[str]) -> Number | None:
    digits = m.group("num")
    base = _to_float(digits)
    if base is None:
        return None
    start, end = m.start(), m.end()
    text = m.group()
    # Trailing white space the optional groups may have swallowed is not part of the number.
    while end > start and m.string[end - 1].isspace():
        end -= 1
    text = m.string[start:end]
    if m.group("ampm") or m.group("colon"):
        hour = int(base) if base == int(base) else -1
        minutes = int(m.group("colon")[1:]) if m.group("colon") else 0
        if 0 <= hour <= 24 and minutes < 60:
            ampm = (m.group("ampm") or m.group("ampm2") or "").strip().lower()
            if ampm.startswith("p") and hour < 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
            return Number(start, end, text, float(hour), "time", minutes=minutes)
    if m.group("ord"):
        return Number(start, end, text, base, "ordinal", mantissa=digits)
    if m.group("decade"):
        return Number(start, end, text, base, "decade", precision=10.0, mantissa=digits)
    scale_word = (m.group("scale") or "").lower()
    scale = _SCALE_WORDS.get(scale_word, 1.0)
    if scale_word in ("k", "m", "b") and not (m.group("cur") or m.group("cur2")):
        scale = 1.0  # "5 m" is five metres, not five million, unless it is money
        end = m.start("num") + len(digits) + (m.group("ord") or "").__len__()
        text = m.string[start:end]
    currency = None
    if m.group("cur"):
        currency = _CURRENCY_BEFORE.get(m.group("cur").strip().lower())
    if m.group("cur2"):
        currency = _CURRENCY_AFTER.get(m.group("cur2").lower(), currency)
    value = base * scale
    precision = _precision(digits) * scale
    if m.group("pct"):
        return Number(start, end, text, value, "percent", None, precision, digits, scale)
    if currency:
        return Number(start, end, text, value, "money", currency, precision, digits, scale)
    kind = "count"
    if scale == 1.0 and "," not in digits and "." not in digits and len(digits) == 4 and 1000 <= base <= 2100:
        kind = "year"
        precision = 1.0
    return Number(start, end, text, value, kind, None, precision, digits, scale)


_WORD = lazyre.compile(r"[A-Za-z]+")


def read_english_words(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Number words: two to ninety-nine, and those before a scale word (three million). 'one' alone is
    too idiomatic to read ("one of the videos") and is read only before a scale word. Before
    'decades' or 'dozen' a word also reads as ten or twelve times itself (three decades = 30)."""
    end = len(text) if end is None else end
    out = []
    tokens = list(_WORD.finditer(text, start, end))
    skip_to = -1
    for k, m in enumerate(tokens):
        if m.start() < skip_to:
            continue
        w = m.group().lower()
        if w in _TENS:
            value = float(_TENS[w])
            stop = m.end()
            nxt = tokens[k + 1] if k + 1 < len(tokens) else None
            if nxt is not None and nxt.start() == m.end() + 1 and text[m.end()] in "- ":
                unit = _UNITS.get(nxt.group().lower())
                if unit is not None and unit < 10:
                    value += unit
                    stop = nxt.end()
        elif w in _UNITS:
            value = float(_UNITS[w])
            stop = m.end()
        else:
            continue
        first = m.start()
        per = _PER_WORD.match(text, stop, end)
        if per:  # three decades = 30 (years), two dozen = 24: both readings
            factor = 10.0 if per.group(1).lower().startswith("decade") else 12.0
            out.append(
                Number(
                    first, stop, text[first:stop], value, "word", weak=True, readings=(value, value * factor)
                )
            )
            skip_to = stop
            continue
        scale = _SCALE_AFTER_WORD.match(text, stop, end)
        if scale:
            value *= {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}[
                scale.group(1).lower()
            ]
            stop = scale.end()
        elif value == 1:
            continue
        skip_to = stop
        out.append(Number(first, stop, text[first:stop], value, "word", weak=True))
    return out


def read_confirming_words(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """English words that can render a number (first, twice, half, a dozen): they confirm only."""
    end = len(text) if end is None else end
    out = []
    for m in _WORD.finditer(text, start, end):
        v = _CONFIRM_WORDS.get(m.group().lower())
        if v is not None and len(m.group()) > 2:
            out.append(Number(m.start(), m.end(), m.group(), float(v), "word", weak=True))
    return out


# -- Korean, Chinese, Japanese -----------------------------------------------------------------------------

_CJK_UNITS = {
    "조": 1e12,
    "억": 1e8,
    "만": 1e4,
    "천": 1e3,
    "백": 1e2,
    "万亿": 1e12,
    "萬億": 1e12,
    "兆": 1e12,
    "亿": 1e8,
    "億": 1e8,
    "万": 1e4,
    "萬": 1e4,
    "千": 1e3,
    "百": 1e2,
}
_BIG = {1e12, 1e8, 1e4}
_UNIT_ALT = "万亿|萬億|조|억|만|천|백|兆|亿|億|万|萬|千|百"
_CJK_CHAIN = lazyre.compile(
    r"(?P<chain>(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?:" + _UNIT_ALT + r")?"
    r"(?:\s?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?)?(?:" + _UNIT_ALT + r"))*"
    r"(?:(?<=[조억만万萬亿億兆])\s?(?:\d{4}|\d{1,3}(?:,\d{3})?)(?![\d.,]\d|\d|\s?[년年월月일日]))?)"
)
_CHAIN_TOKEN = lazyre.compile(r"(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)?\s?(?P<u>" + _UNIT_ALT + r")?")
_CJK_PERCENT_AFTER = lazyre.compile(r"\s?(?:%|퍼센트|프로(?!그)|パーセント)")
_CJK_CURRENCY_AFTER = [
    (re.compile(r"\s?(?:달러|美元|美金|ドル)"), "USD"),
    (re.compile(r"\s?(?:원(?![가-힣])|원(?=[이을은의에으과와씩가도만대까로를씩])|韓元|韩元|ウォン)"), "KRW"),
    (re.compile(r"\s?(?:위안|元|人民币|人民幣)"), "CNY"),
    (re.compile(r"\s?(?:엔(?![가-힣])|日元|日圓|円)"), "JPY"),
    (re.compile(r"\s?(?:유로|欧元|歐元|ユーロ)"), "EUR"),
]
_HAN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "兩": 2,
    "両": 2,
    "双": 2,
    "雙": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_HAN_SMALL = {"十": 10, "百": 100, "千": 1000}
_HAN_BIG = {"万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8, "兆": 1e12}
_HAN_NUMERAL = lazyre.compile(r"[〇零一二两兩両双雙三四五六七八九十百千万萬亿億兆]+")
_HALF_HOUR = lazyre.compile(r"(?:点|點|時|时|시)\s?(?:半|반)")
_KO_BOTH = lazyre.compile(r"양(?=국|측|사|자|당|팀|정상|쪽|대|일|가|안)")
_KO_DAYS = {
    "하루": 1,
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "여드레": 8,
    "열흘": 10,
    "보름": 15,
}
_KO_DAYS_RE = lazyre.compile("|".join(_KO_DAYS))
_DOTTED_MONTH = lazyre.compile(r"(?<![\d.])((?:19|20)\d{2})\.(0?[1-9]|1[0-2])(?![\d])")
_CJK_DECADE = lazyre.compile(r"(?<![\d.])(\d{2,4})\s?(?:년대|年代)")
_BAIFENZHI = lazyre.compile(r"百分之(?P<n>\d+(?:\.\d+)?|[〇零一二两兩三四五六七八九十百千]+)")
_KO_NATIVE = {
    "한": 1,
    "두": 2,
    "세": 3,
    "네": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
    "열": 10,
    "스무": 20,
    "스물": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
}
_KO_COUNTERS = (
    "명|개|곳|번|차례|가지|살|마리|대|척|채|권|시간|달|해|군데|층|잔|병|장|벌|켤레|그루|사람|"
    "분|배|편|건|주|바퀴|팀"
)
_KO_NATIVE_RE = lazyre.compile(
    r"(?<![가-힣])(?P<w>열\s?(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)|다섯|여섯|일곱|여덟|아홉|스무|스물|서른|마흔|쉰|한|두|세|네|열)"
    r"\s?(?=(?:" + _KO_COUNTERS + r")(?![가-힣]{2}))"
)
_LATIN_SCALES = {
    "tausend": 1e3,
    "million": 1e6,
    "millionen": 1e6,
    "mio": 1e6,
    "milliarde": 1e9,
    "milliarden": 1e9,
    "mrd": 1e9,
    "billion": 1e9,  # read both ways below (German Billion is 1e12)
    "billionen": 1e12,
    "trillion": 1e12,
    "thousand": 1e3,
    "тыс": 1e3,
    "тысяч": 1e3,
    "тысячи": 1e3,
    "тыщи": 1e3,
    "млн": 1e6,
    "миллиона": 1e6,
    "миллионов": 1e6,
    "миллион": 1e6,
    "млрд": 1e9,
    "миллиарда": 1e9,
    "миллиардов": 1e9,
    "трлн": 1e12,
}
_LATIN_NUMBER = lazyre.compile(
    r"(?<!\w)(?<!\d[.,])(?P<num>\d{1,3}(?:[.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?:\s?(?P<scale>Tausend|Millionen|Million|Mio\.?|Milliarden|Milliarde|Mrd\.?|Billionen|Billion|"
    r"thousand|million|billion|trillion|тыс|тысяч[иа]?|тыщи|млн|млрд|трлн|миллион(?:а|ов)?|миллиард(?:а|ов)?)"
    r"(?![^\W\d_]))?"
    r"(?:\s?(?P<pct>%|Prozent\b|percent\b|por ciento\b|pour cent\b|процент\w*))?"
)
_GERMAN_WORDS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "sechzig": 60,
    "siebzig": 70,
    "achtzig": 80,
    "neunzig": 90,
    "hundert": 100,
    "tausend": 1000,
    "ersten": 1,
    "erste": 1,
    "zweiten": 2,
    "dritten": 3,
    "doppelt": 2,
    "halb": 0.5,
    "hälfte": 0.5,
    "dutzend": 12,
    "einem": 1,
    "einer": 1,
    "eine": 1,
    "ein": 1,
}
_LATIN_TIME = lazyre.compile(r"(?<![\d.,])(\d{1,2})[.:](\d{2})(?=\s?(?:Uhr|h\b)|(?<=:\d\d))")
_GERMAN_WORD_RE = lazyre.compile(r"(?i)\b(" + "|".join(sorted(_GERMAN_WORDS, key=len, reverse=True)) + r")\b")
# Ordinals, fractions and compounds built on a number (Sechste, Achtel, dreijährig, beiden): confirm only.
_GERMAN_STEMS = {
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieb": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "zwölf": 12,
    "beid": 2,
    "dopp": 2,
    "hundert": 100,
    "tausend": 1000,
}
_GERMAN_STEMS.update(
    {
        "одн": 1,
        "два": 2,
        "две": 2,
        "двух": 2,
        "двум": 2,
        "оба": 2,
        "обе": 2,
        "тр": 3,
        "четыр": 4,
        "пят": 5,
        "шест": 6,
        "сем": 7,
        "восем": 8,
        "девят": 9,
        "десят": 10,
        "сто": 100,
        "тысяч": 1000,
        "полов": 0.5,
        "пол": 0.5,
    }
)
_GERMAN_STEMS["тр"] = 3
_GERMAN_STEM_RE = lazyre.compile(
    r"(?i)\b(" + "|".join(sorted(_GERMAN_STEMS, key=len, reverse=True)) + r")\w*"
)


def _after_digit(text: str, i: int) -> bool:
    """Whether position i follows a digit, or a digit and a separator (the tail of 1,305 or 3.5)."""
    return i > 0 and (text[i - 1].isdigit() or (i > 1 and text[i - 1] in ".," and text[i - 2].isdigit()))


def _chain_value(chain: str) -> tuple[float, float, str, float] | None:
    """(value, precision, mantissa, scale) of a digit-and-unit chain such as "3만 8천", "1조 2300억",
    "3.7万亿", "5천만", "38,000". None when it has no digits."""
    total = 0.0
    small = 0.0  # the part below the current big unit
    last_unit = None
    mantissa = ""
    precision = 1.0
    first_scale = 1.0
    seen_digit = False
    for tok in _CHAIN_TOKEN.finditer(chain):
        n, u = tok.group("n"), tok.group("u")
        if not n and not u:
            continue
        unit = _CJK_UNITS.get(u or "", 1.0)
        if n:
            v = _to_float(n)
            if v is None:
                return None
            if not seen_digit:
                mantissa, first_scale = n.replace(",", ""), unit
            seen_digit = True
            if unit in _BIG:
                total += (small + v) * unit
                small = 0.0
                precision = _precision(n) * unit
            elif u:
                small += v * unit
                precision = _precision(n) * unit
            else:
                small += v
                precision = _precision(n)
            last_unit = unit
        else:  # a unit with no digits before it: 5천만 (5000 × 10,000), 3.7万亿
            if unit in _BIG:
                if small:
                    total += small * unit
                    precision *= unit
                    small = 0.0
                elif last_unit is not None and total:
                    total *= unit
                    precision *= unit
                if first_scale != 1.0 and mantissa and not small:
                    first_scale *= unit
            else:
                small = (small or 1.0) * unit
            last_unit = unit
    if not seen_digit:
        return None
    value = total + small
    return value, precision, mantissa, first_scale


def _han_value(s: str) -> float | None:
    """Value of a Han numeral run (三, 二十五, 一千, 三万五千, 两百); None when it is not a number."""
    total = 0.0
    section = 0.0
    digit: float | None = None
    for ch in s:
        if ch in _HAN_DIGITS:
            # 二〇二五 is read digit by digit
            digit = digit * 10 + _HAN_DIGITS[ch] if digit is not None else float(_HAN_DIGITS[ch])
        elif ch in _HAN_SMALL:
            section += (digit if digit is not None else 1.0) * _HAN_SMALL[ch]
            digit = None
        elif ch in _HAN_BIG:
            section += digit or 0.0
            total = (
                (total + section) * _HAN_BIG[ch] if total and section == 0 else total + section * _HAN_BIG[ch]
            )
            section, digit = 0.0, None
        else:
            return None
    return total + section + (digit or 0.0)


def _currency_after(text: str, pos: int) -> tuple[str | None, int]:
    for pattern, code in _CJK_CURRENCY_AFTER:
        m = pattern.match(text, pos)
        if m:
            return code, m.end()
    return None, pos


def read_source(text: str, language: str | None, start: int = 0, end: int | None = None) -> list[Number]:
    """Numbers of a source text in its language's way of writing them (see the module docstring).

    Spans are offsets into `text` (full-width digits are read in place). Han numerals, Korean native
    numerals and German number words come out `weak`."""
    end = len(text) if end is None else end
    norm = normalize(text)
    if language in ("ko", "zh", "ja"):
        return _read_cjk(norm, language, start, end)
    return _read_latin(norm, start, end)


def _read_cjk(text: str, language: str, start: int, end: int) -> list[Number]:
    out: list[Number] = []
    taken: list[tuple[int, int]] = []
    for m in _DOTTED_MONTH.finditer(text, start, end):  # 2007.10: a year and month, as on a date line
        out.append(Number(m.start(), m.end(), m.group(), float(m.group(1)), "year", weak=True))
        _take(taken, m.span())
    for m in _CJK_DECADE.finditer(text, start, end):  # 80년대, 80年代: the 1980s
        v = float(m.group(1))
        readings = (v, 1900 + v, 2000 + v) if v < 100 else (v,)
        out.append(Number(m.start(), m.end(), m.group(), v, "decade", weak=True, readings=readings))
        _take(taken, m.span())

    for m in _BAIFENZHI.finditer(text, start, end):
        n = m.group("n")
        v = _to_float(n) if n[0].isdigit() else _han_value(n)
        if v is not None:
            out.append(
                Number(
                    m.start(),
                    m.end(),
                    m.group(),
                    v,
                    "percent",
                    precision=_precision(n) if n[0].isdigit() else 1.0,
                )
            )
            _take(taken, m.span())
    for m in _CJK_CHAIN.finditer(text, start, end):
        if _overlaps(m.span(), taken) or _after_digit(text, m.start()):
            continue
        chain = m.group("chain").rstrip()
        parsed = _chain_value(chain)
        if parsed is None:
            continue
        value, precision, mantissa, scale = parsed
        stop = m.start() + len(chain)
        kind, currency = "count", None
        pct = _CJK_PERCENT_AFTER.match(text, stop, end)
        if pct:
            kind, stop = "percent", pct.end()
        else:
            currency, after = _currency_after(text, stop)
            if currency:
                kind, stop = "money", after
        # A chain glued to letters is an identifier (N27, A380): keep it as a code.
        before = text[m.start() - 1] if m.start() > 0 else ""
        if before.isascii() and before.isalpha():
            kind = "code"
        if (
            kind == "count"
            and mantissa.isdigit()
            and len(mantissa) == 4
            and scale == 1.0
            and 1000 <= value <= 2100
            and (text.startswith(("년", "年"), stop) or not text.startswith(tuple(_CJK_UNITS), stop))
        ):
            kind = "year"
        out.append(
            Number(m.start(), stop, text[m.start() : stop], value, kind, currency, precision, mantissa, scale)
        )
        _take(taken, (m.start(), stop))
    if language in ("zh", "ja"):
        for m in _HAN_NUMERAL.finditer(text, start, end):
            if _overlaps(m.span(), taken):
                continue
            v = _han_value(m.group())
            if v is None or (len(m.group()) == 1 and m.group() in _HAN_BIG):
                continue
            out.append(Number(m.start(), m.end(), m.group(), v, "word", weak=True))
    for m in _HALF_HOUR.finditer(text, start, end):  # 9点半, 9시 반: half past
        out.append(Number(m.start(), m.end(), m.group(), 30.0, "count", weak=True))
    if language == "ko":
        for m in _KO_DAYS_RE.finditer(text, start, end):  # 이틀 = two days
            out.append(Number(m.start(), m.end(), m.group(), float(_KO_DAYS[m.group()]), "word", weak=True))
        for m in _KO_BOTH.finditer(text, start, end):  # 양국, 양측: both
            out.append(Number(m.start(), m.end(), m.group(), 2.0, "word", weak=True))
        for m in _KO_NATIVE_RE.finditer(text, start, end):
            w = re.sub(r"\s", "", m.group("w"))
            v = _KO_NATIVE.get(w)
            if v is None and w.startswith("열"):
                v = 10 + _KO_NATIVE.get(w[1:], 0)
            if v:
                out.append(Number(m.start(), m.end("w"), m.group("w"), float(v), "word", weak=True))
    out.sort(key=lambda n: (n.start, n.end))
    return out


def _read_latin(text: str, start: int, end: int) -> list[Number]:
    """A Latin-script source (German, English, …): separators tell thousands from decimals where they
    can (272.000 and 272,000 are thousands; 3,5 and 3.5 decimals); "3.500" keeps both readings."""
    out: list[Number] = []
    times = [m.span() for m in _LATIN_TIME.finditer(text, start, end)]
    for m in _LATIN_NUMBER.finditer(text, start, end):
        if any(a <= m.start() < b for a, b in times):
            continue
        num = m.group("num")
        readings = _latin_readings(num)
        if not readings:
            continue
        scale_word = (m.group("scale") or "").rstrip(".").lower()
        scale = _LATIN_SCALES.get(scale_word, 1.0)
        values = tuple(r * scale for r in readings)
        if scale_word == "billion":
            values = values + tuple(r * 1e12 for r in readings)
        stop = m.end()
        while stop > m.start() and text[stop - 1].isspace():
            stop -= 1
        digits = num.replace(".", "").replace(",", "")
        kind = "percent" if m.group("pct") else "count"
        if kind == "count" and len(num) == 4 and num.isdigit() and 1000 <= int(num) <= 2100 and scale == 1.0:
            kind = "year"
        precision = (
            _precision(digits) * scale if len(readings) == 1 and readings[0] == int(readings[0]) else 1.0
        )
        out.append(
            Number(
                m.start(),
                stop,
                text[m.start() : stop],
                values[0],
                kind,
                None,
                precision,
                num,
                scale,
                readings=values,
            )
        )
    for m in _LATIN_TIME.finditer(text, start, end):  # 3.40 Uhr, 14:50: the hour and the minutes
        out.append(Number(m.start(1), m.end(1), m.group(1), float(m.group(1)), "count", weak=True))
        out.append(Number(m.start(2), m.end(2), m.group(2), float(m.group(2)), "count", weak=True))
    for m in _GERMAN_WORD_RE.finditer(text, start, end):
        out.append(
            Number(m.start(), m.end(), m.group(), float(_GERMAN_WORDS[m.group().lower()]), "word", weak=True)
        )
    for m in _GERMAN_STEM_RE.finditer(text, start, end):
        out.append(
            Number(m.start(), m.end(), m.group(), float(_GERMAN_STEMS[m.group(1).lower()]), "word", weak=True)
        )
    for m in _NUMBER_WORD.finditer(text, start, end):
        v = float(
            _TENS.get((m.group("tens") or "").lower(), 0)
            + _UNITS.get((m.group("unit1") or m.group("unit") or "").lower(), 0)
        )
        if v:
            out.append(Number(m.start(), m.end(), m.group(), v, "word", weak=True))
    out.sort(key=lambda n: (n.start, n.end))
    return out


def _latin_readings(num: str) -> tuple[float, ...]:
    seps = [c for c in num if c in ".,"]
    if not seps:
        v = _to_float(num)
        return (v,) if v is not None else ()
    if len(set(seps)) == 2:  # 1.234,5 or 1,234.5: the last one is the decimal mark
        dec = seps[-1]
        thousands = "." if dec == "," else ","
        v = _to_float(num.replace(thousands, "").replace(dec, "."))
        return (v,) if v is not None else ()
    sep = seps[0]
    groups = num.split(sep)
    if len(groups) > 2:  # 1.234.567: thousands
        v = _to_float("".join(groups))
        return (v,) if v is not None else ()
    head, tail = groups
    as_decimal = _to_float(f"{head}.{tail}")
    if len(tail) == 3 and head != "0":  # 3.500 / 3,500: both readings
        as_thousands = _to_float(head + tail)
        return tuple(v for v in (as_thousands, as_decimal) if v is not None)
    return (as_decimal,) if as_decimal is not None else ()


# -- English forms of source-language numbers, for the article side ----------------------------------------

_SOURCE_FORM_IN_ENGLISH = lazyre.compile(
    r"(?<!\w)(?<!\d[.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(?:万亿|萬億|조|억|만|천|兆|亿|億|万|萬)"
    r"(?:\s?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s?(?:조|억|만|천|亿|億|万|萬|千))*"
    r"|百分之(?:\d+(?:\.\d+)?|[〇零一二两兩三四五六七八九十百千]+)"
    r"|(?:\d+(?:\.\d+)?)\s?(?:퍼센트|パーセント)"
)


def source_forms_in_english(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, str, float]]:
    """Source-language number forms left in an English text: 3만 8천, 4.7万亿, 百分之二十, 20퍼센트, and
    numbers in full-width digits. (start, end, kind, value) with kind 'korean', 'chinese', 'percent' or
    'fullwidth'."""
    end = len(text) if end is None else end
    norm = normalize(text)
    out: list[tuple[int, int, str, float]] = []
    for m in _SOURCE_FORM_IN_ENGLISH.finditer(norm, start, end):
        s = m.group()
        if s.startswith("百分之"):
            n = s[3:]
            v = _to_float(n) if n[0].isdigit() else _han_value(n)
            if v is not None:
                out.append((m.start(), m.end(), "percent", v))
            continue
        if s.endswith(("퍼센트", "パーセント")):
            v = _to_float(re.sub(r"[^\d.]", "", s))
            if v is not None:
                out.append((m.start(), m.end(), "percent", v))
            continue
        parsed = _chain_value(s)
        if parsed is None:
            continue
        lang = "korean" if re.search(r"[조억만천]", s) else "chinese"
        out.append((m.start(), m.end(), lang, parsed[0]))
    taken = [(a, b) for a, b, _k, _v in out]
    for m in re.finditer(r"[\uff10-\uff19][\uff10-\uff19，．,.]*", text[start:end]):
        a, b = start + m.start(), start + m.end()
        while b > a and text[b - 1] in "，．,.":
            b -= 1
        if _overlaps((a, b), taken):
            continue
        v = _to_float(normalize(text[a:b]))
        if v is not None:
            out.append((a, b, "fullwidth", v))
    out.sort()
    return out


# -- source text helpers (shared by the numbers and dates families) ----------------------------------------

_SENTENCE_END = lazyre.compile(r"[。！？!?]+[」』”’\"')）]*|\.(?=\s)|\.$|\r?\n|\r")
_METADATA = lazyre.compile(
    r"입력|수정|기자|발행|승인|작성|송고|무단|재배포|저작권|Copyright|©|编辑|記者|记者|来源|來源|日期|时间|時間|"
    r"配信|更新|掲載|\w+@\w+"
)


def sentence_at(text: str, offset: int, limit: int = 240) -> str:
    """The sentence of `text` around `offset` (split at 。！？!? a full stop before a space, or a line
    break), white space collapsed, cut to `limit` characters around the offset."""
    offset = max(0, min(offset, len(text)))
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, offset):
        start = m.end()
    m = _SENTENCE_END.search(text, offset)
    end = m.end() if m and not m.group().isspace() else (m.start() if m else len(text))
    sentence = " ".join(text[start:end].split())
    if len(sentence) <= limit:
        return sentence
    rel = offset - start
    lo = max(0, rel - limit // 2)
    return ("…" if lo else "") + sentence[lo : lo + limit] + "…"


def line_at(text: str, offset: int) -> tuple[int, int]:
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    m = re.compile(r"[\r\n]").search(text, offset)
    return start, m.start() if m else len(text)


def in_metadata_line(text: str, offset: int) -> bool:
    """Whether `offset` is on a short line of a source that is metadata rather than story: a time
    stamp, a byline, a copyright or source line (입력 2025.05.07, 기자, 来源, an e-mail address)."""
    s, e = line_at(text, offset)
    line = text[s:e]
    return len(line) < 120 and _METADATA.search(line) is not None

"""Month names and their AP abbreviations, shared by the style rules and the dates family.

AP style abbreviates seven months when they stand with a specific date (Jan., Feb., Aug., Sept., Oct.,
Nov., Dec.), never abbreviates March, April, May, June or July, and spells every month out when it stands
alone or with a year only: "Sept. 30", "Sept. 30, 2024", but "September 2024" and "in September".

    >>> ap_form(9, with_day=True), ap_form(9, with_day=False), ap_form(3, with_day=True)
    ('Sept.', 'September', 'March')
    >>> month_number("Sep"), month_number("Sept."), month_number("july"), month_number("Jun")
    (9, 9, 7, 6)
"""

from __future__ import annotations

MONTHS: tuple[str, ...] = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Month number -> AP abbreviation before a day; None where AP never abbreviates (March-July).
AP_ABBREVIATIONS: dict[int, str | None] = {
    1: "Jan.",
    2: "Feb.",
    3: None,
    4: None,
    5: None,
    6: None,
    7: None,
    8: "Aug.",
    9: "Sept.",
    10: "Oct.",
    11: "Nov.",
    12: "Dec.",
}

# Every short form seen in copy (without its period) -> month number: the AP ones, and the three-letter
# forms other styles and machine translation use ("Sep", "Mar", "Jun").
SHORT_FORMS: dict[str, int] = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}

# Days in each month (February with its leap day): a number after a month is a day only up to these.
DAYS: dict[int, int] = {1: 31, 2: 29, 3: 31, 4: 30, 5: 31, 6: 30, 7: 31, 8: 31, 9: 30, 10: 31, 11: 30, 12: 31}

_BY_NAME: dict[str, int] = {
    **{name.lower(): i for i, name in enumerate(MONTHS, 1)},
    **{short.lower(): n for short, n in SHORT_FORMS.items()},
}


def month_number(word: str) -> int | None:
    """The month a full name or short form names (any case, with or without its period), else None."""
    return _BY_NAME.get(word.rstrip(".").lower())


def full_name(month: int) -> str:
    return MONTHS[month - 1]


def ap_form(month: int, *, with_day: bool) -> str:
    """How AP writes the month: abbreviated before a day where it abbreviates at all, else in full."""
    if with_day:
        return AP_ABBREVIATIONS[month] or MONTHS[month - 1]
    return MONTHS[month - 1]


def is_ap_abbreviated(month: int) -> bool:
    """True for the seven months AP abbreviates before a day."""
    return AP_ABBREVIATIONS[month] is not None

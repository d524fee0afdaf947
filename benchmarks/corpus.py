"""A deterministic corpus of invented English news articles, for benchmarks.

Every word comes from the lists below (written for this file); no real article is copied. An article is
one paragraph per line: a headline, a byline, a dateline paragraph, body paragraphs with curly quotes
(including quotations running over several paragraphs, and single quotes inside double ones),
apostrophes (possessives, contractions, the '90s), abbreviations (U.S., a.m., Gen., No.), dates,
numbers and amounts, and a photo caption ending in [YONHAP].

    >>> from corpus import make_corpus
    >>> texts = make_corpus(3, seed=7)
    >>> len(texts), all(t.endswith("\\n") for t in texts)
    (3, True)

With `defect_rate` > 0 a share of the articles get one typical defect (a quotation left open, a straight
mark among curly ones, a mark facing the wrong way), so the checks also take their reporting paths.
"""

from __future__ import annotations

import random

from tlqa import months

FAMILY_NAMES = ["Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Oh"]
GIVEN_NAMES = [
    "Min-jun",
    "Seo-yeon",
    "Ji-ho",
    "Ha-eun",
    "Do-yun",
    "Su-bin",
    "Jae-won",
    "Eun-ji",
    "Tae-hoon",
    "Ye-jin",
    "Hyun-woo",
    "Na-rae",
    "Sung-min",
    "Bo-ra",
]
WESTERN_FIRST = [
    "Margaret",
    "Daniel",
    "Priya",
    "Thomas",
    "Elena",
    "Marcus",
    "Ingrid",
    "Owen",
    "Fatima",
    "Victor",
    "Claire",
    "Rafael",
]
WESTERN_LAST = [
    "Hollander",
    "Okafor",
    "Brennan",
    "Castillo",
    "Whitfield",
    "Novak",
    "Lindqvist",
    "Ashby",
    "Moreau",
    "Delgado",
    "Pryce",
    "Tanaka",
]
TITLES = [
    "President",
    "Prime Minister",
    "Finance Minister",
    "Foreign Minister",
    "Gov.",
    "Sen.",
    "Rep.",
    "Gen.",
    "Dr.",
    "Mayor",
    "chief executive",
    "spokesperson",
    "Professor",
]
CITIES = [
    "SEOUL",
    "BUSAN",
    "INCHEON",
    "DAEJEON",
    "WASHINGTON",
    "TOKYO",
    "BEIJING",
    "GENEVA",
    "SEJONG",
    "GWANGJU",
]
PLACES = [
    "Seoul",
    "Busan",
    "Incheon",
    "Daegu",
    "Ulsan",
    "Jeju Island",
    "Gangwon Province",
    "Washington",
    "Tokyo",
    "Brussels",
    "Hanoi",
    "Jakarta",
]
ORGS = [
    "the Ministry of Economy and Finance",
    "the Bank of Korea",
    "the National Assembly",
    "the U.S. Department of Commerce",
    "the U.N. Security Council",
    "Hanbit Electronics",
    "Daeryun Shipbuilding",
    "the Korea Meteorological Administration",
    "the Seoul Metropolitan Government",
    "the Korea Development Institute",
    "Mirae Motors Co.",
    "the Fair Trade Commission",
]
TOPICS = [
    "exports",
    "semiconductor sales",
    "household debt",
    "consumer prices",
    "the housing market",
    "youth unemployment",
    "the birth rate",
    "shipbuilding orders",
    "tourism",
    "fine dust",
    "the regional economy",
    "battery production",
    "defense spending",
    "rice prices",
]
NOUNS = [
    "plan",
    "proposal",
    "measure",
    "budget",
    "agreement",
    "report",
    "survey",
    "investigation",
    "policy",
    "package",
    "forecast",
    "reform",
    "project",
    "deal",
]
VERBS_SAY = [
    "said",
    "told reporters",
    "said in a statement",
    "said during a briefing",
    "told a parliamentary hearing",
    "wrote on social media",
    "said in an interview",
]
ADJECTIVES = [
    "sharp",
    "modest",
    "steady",
    "unexpected",
    "record",
    "gradual",
    "significant",
    "slight",
    "prolonged",
    "temporary",
]
CHANGE = ["rose", "fell", "climbed", "dropped", "edged up", "slipped", "jumped", "declined"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# Month names and AP forms from tlqa's own table (the style and dates families read the same one).
MONTHS = list(months.MONTHS)
MONTHS_AP = [months.ap_form(m, with_day=True) for m in range(1, 13)]
DAYS_IN = [28 if m == 2 else months.DAYS[m] for m in range(1, 13)]  # no Feb. 29: any year will do
FILLER = [
    "officials",
    "analysts",
    "residents",
    "lawmakers",
    "economists",
    "experts",
    "business owners",
    "local authorities",
    "market watchers",
    "civic groups",
]
QUOTES = [
    "We will not back down from the commitments we made to the public",
    "It has been a difficult year for families who rely on small businesses",
    "We must move faster if we want to keep pace with our competitors",
    "I don’t think the numbers tell the whole story",
    "We can’t afford another year of delays on the {noun}",
    "We are watching the situation closely and will respond if needed",
    "This is a turning point for {org} and for the country",
    "It won’t solve every problem, but it’s a start",
    "Nobody here has seen anything like this since the ’90s",
    "We expect the {topic} figures to improve in the second half",
    "The {noun} isn’t perfect, and we’ve said so from the start",
    "Our members’ patience is running out",
]
CAPTION_SUBJECTS = [
    "Pedestrians",
    "Commuters",
    "Workers",
    "Visitors",
    "Students",
    "Shoppers",
    "Fishermen",
    "Firefighters",
]
CAPTION_ACTIONS = [
    "walk past a construction site",
    "wait for a bus",
    "inspect containers at a port",
    "line up outside a market",
    "clear snow from a road",
    "attend a ceremony",
    "gather at a public square",
    "unload boxes from a truck",
]


def _name(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.choice(FAMILY_NAMES)} {rng.choice(GIVEN_NAMES)}"
    return f"{rng.choice(WESTERN_FIRST)} {rng.choice(WESTERN_LAST)}"


def _who(speaker: tuple[str, str], first: bool) -> str:
    """`speaker` is (title, full name): the title and full name first, then the surname alone."""
    title, full = speaker
    if first:
        return f"{title} {full}"
    parts = full.split()
    return parts[0] if "-" in parts[-1] else parts[-1]


def _date(rng: random.Random, year: bool = False) -> str:
    m = rng.randrange(12)
    d = rng.randint(1, DAYS_IN[m])
    return f"{MONTHS_AP[m]} {d}, {rng.randint(2019, 2025)}" if year else f"{MONTHS_AP[m]} {d}"


def _percent(rng: random.Random) -> str:
    return f"{rng.uniform(0.1, 9.9):.1f} percent"


def _money(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"${rng.uniform(1, 99):.1f} billion"
    return f"{rng.randint(1, 80)} trillion won (${rng.uniform(1, 60):.1f} billion)"


def _count(rng: random.Random) -> str:
    return f"{rng.randint(1_000, 999_999):,} {rng.choice(['people', 'households', 'workers', 'companies'])}"


def _quote(rng: random.Random) -> str:
    return rng.choice(QUOTES).format(noun=rng.choice(NOUNS), org=rng.choice(ORGS), topic=rng.choice(TOPICS))


def _fact_sentence(rng: random.Random) -> str:
    pick = rng.randrange(7)
    topic = rng.choice(TOPICS)
    if pick == 0:
        return (
            f"According to {rng.choice(ORGS)}, {topic} {rng.choice(CHANGE)} {_percent(rng)} "
            f"in {rng.choice(MONTHS)} from a year earlier."
        )
    if pick == 1:
        return (
            f"The {rng.choice(ADJECTIVES)} change in {topic} came after {rng.choice(ORGS)} "
            f"announced a new {rng.choice(NOUNS)} on {rng.choice(WEEKDAYS)}."
        )
    if pick == 2:
        return f"About {_count(rng)} were affected in {rng.choice(PLACES)} alone, {rng.choice(FILLER)} said."
    if pick == 3:
        return (
            f"The {rng.choice(NOUNS)}, first proposed on {_date(rng, year=True)}, would cost "
            f"{_money(rng)} over five years."
        )
    if pick == 4:
        return (
            f"{rng.choice(FILLER).capitalize()} expect the U.S. and South Korea to discuss "
            f"{topic} at a meeting scheduled for {_date(rng)} at {rng.randint(1, 11)} a.m."
        )
    if pick == 5:
        org = rng.choice(ORGS)
        return (
            f"{org[0].upper()}{org[1:]}’s latest {rng.choice(NOUNS)} "
            f"ranked the country No. {rng.randint(2, 12)} among {rng.randint(20, 40)} economies."
        )
    return (
        f"The {rng.randint(30, 79)}-year-old {rng.choice(['official', 'executive', 'lawmaker'])} "
        f"had led the {rng.choice(NOUNS)} since {rng.randint(2009, 2022)}."
    )


def _attributed(rng: random.Random, speaker: tuple[str, str], first: bool) -> str:
    who = _who(speaker, first)
    verb = rng.choice(VERBS_SAY)
    style = rng.randrange(5)
    if style == 0:
        return f"“{_quote(rng)},” {who} {verb}."
    if style == 1:
        return f"{who} {verb}, “{_quote(rng)}.”"
    if style == 2:
        return f"“{_quote(rng)},” {who} {verb}. “{_quote(rng)}.”"
    if style == 3:
        return (
            f"“{_quote(rng)},” {who} {verb}, calling the {rng.choice(NOUNS)} "
            f"‘{rng.choice(ADJECTIVES)} but necessary.’"
        )
    return (
        f"“People call it ‘a {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)},’ and they’re right,” {who} {verb}."
    )


def _body_paragraph(rng: random.Random) -> str:
    return " ".join(_fact_sentence(rng) for _ in range(rng.randint(1, 3)))


def make_article(rng: random.Random, words: int = 600) -> str:
    """One invented article of about `words` words, one paragraph per line."""
    city = rng.choice(CITIES)
    date = _date(rng)
    topic = rng.choice(TOPICS)
    speaker = (rng.choice(TITLES), _name(rng))
    reporter = _name(rng)
    paras = [
        f"{topic.capitalize()} {rng.choice(CHANGE)} for third month as {rng.choice(NOUNS)} stalls",
        f"By {reporter}",
        f"{city}, {date} (Yonhap) -- {topic.capitalize()} {rng.choice(CHANGE)} {_percent(rng)} "
        f"on-year last month, {rng.choice(ORGS)} said {rng.choice(WEEKDAYS)}, "
        f"the largest change since {rng.randint(2009, 2022)}.",
    ]
    spoke = False
    count = sum(len(p.split()) for p in paras)
    caption_at = rng.randint(4, 8)
    while count < words:
        roll = rng.random()
        if roll < 0.35:
            para = _attributed(rng, speaker, first=not spoke)
            spoke = True
        elif roll < 0.45:
            # A quotation over two or three paragraphs: open, no close, reopen, close at the end.
            parts = [f"“{_quote(rng)}. {_quote(rng)}." for _ in range(rng.randint(1, 2))]
            parts.append(f"“{_quote(rng)},” {_who(speaker, not spoke)} {rng.choice(VERBS_SAY)}.")
            spoke = True
            paras.extend(parts[:-1])
            count += sum(len(p.split()) for p in parts[:-1])
            para = parts[-1]
        else:
            para = _body_paragraph(rng)
        paras.append(para)
        count += len(para.split())
        if len(paras) == caption_at:
            paras.append(
                f"{rng.choice(CAPTION_SUBJECTS)} {rng.choice(CAPTION_ACTIONS)} in "
                f"{rng.choice(PLACES)} on {_date(rng, year=True)}. [YONHAP]"
            )
    paras.append(f"{reporter.split()[0].lower()}@yna.example.kr (END)")
    return "\n".join(paras) + "\n"


def _defect(rng: random.Random, text: str) -> str:
    """One typical machine-translation defect, at a random place."""
    kind = rng.randrange(3)
    if kind == 0 and "”" in text:  # a quotation left open
        spots = [i for i, ch in enumerate(text) if ch == "”"]
        i = rng.choice(spots)
        return text[:i] + text[i + 1 :]
    if kind == 1 and "“" in text:  # a straight mark among curly ones
        spots = [i for i, ch in enumerate(text) if ch == "“"]
        i = rng.choice(spots)
        return text[:i] + '"' + text[i + 1 :]
    spots = [i for i, ch in enumerate(text) if ch == "’"]  # an apostrophe facing the wrong way
    if not spots:
        return text
    i = rng.choice(spots)
    return text[:i] + "‘" + text[i + 1 :]


def make_corpus(n: int, *, seed: int = 20240303, words: int = 600, defect_rate: float = 0.1) -> list[str]:
    """`n` invented articles; the same arguments give the same texts on every machine."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        text = make_article(rng, words)
        if rng.random() < defect_rate:
            text = _defect(rng, text)
        out.append(text)
    return out


if __name__ == "__main__":
    import sys

    print(make_corpus(1, seed=int(sys.argv[1]) if len(sys.argv) > 1 else 20240303)[0], end="")

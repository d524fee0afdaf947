"""An article's names against a reference translation (and the Latin-script words of the source).

A name is supported when each of its words, or one of them, is found among the reference's (or the
source's) words: the same letters (accents, hyphens and case aside), one inside the other, a shared
stem (Greece and Greek, Australia and Australian, Bangladesh and Bangladesch), a spelling within the
names distance, or a multi-word name's initials (United Nations and U.N.). Generic words of names
(Ministry, Republic, Ltd, River) say nothing either way and are left out.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from tlqa.checks._names_core import NameIndex, Occurrence, edit_kind
from tlqa.checks._names_data import words
from tlqa.checks._names_romanize import loose

_WORD = re.compile(r"[^\W\d_]+")
_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}|\b[A-Z]{2,6}\b")
_WORDLIKE = re.compile(
    r"(?:ly|ed|ing|ive|ent|ant|al|ous|ful|less|ness|tion|sion|ment|ity|ance|ence|ism|ist|ize|ise|ies)$"
)
_NAME_RUN = re.compile(r"[A-Z][\w-]*(?:\s+(?:(?:of|and|the|for|de|du|des|der|für)\s+)*[A-Z][\w-]*)+")

GENERIC = words(
    """
    ltd inc co corp plc llc gmbh group holdings company corporation republic kingdom empire federation
    union united nations states state province county district city town village prefecture region
    internet web online navy army air force forces police government parliament congress assembly
    senate court ministry department agency office bureau committee council commission party
    university college school institute academy hospital bank fund foundation association society
    center centre museum station airport port river mountain mount lake island islands sea ocean bay
    gulf street road avenue bridge park square hall church temple palace tower building team club
    league cup games olympics war day festival award prize news network times daily post journal
    channel radio television tv media press service services national international global world
    new old great upper lower greater metropolitan capital
    """
)


@dataclass(frozen=True, slots=True)
class Unsupported:
    start: int
    end: int
    name: str  # the name as written in the article (the misspelled word when `closest` is set)
    closest: str | None  # the reference word it is spelled close to; None: the name is absent


def fold(text: str) -> str:
    """Lower case, accents dropped, ß as ss."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _words(*texts: str | None) -> tuple[dict[str, str], set[str]]:
    """Folded words -> as written, and the acronyms (U.N., BFU) of the texts."""
    words: dict[str, str] = {}
    initials: set[str] = set()
    for t in texts:
        if not t:
            continue
        for m in _WORD.finditer(t):
            words.setdefault(fold(m.group()), m.group())
        initials.update(fold(m.group()).replace(".", "") for m in _ACRONYM.finditer(t))
    return words, initials


def _stem(a: str, b: str) -> bool:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= max(4, -(-3 * min(len(a), len(b)) // 5))


_ALTERNATIONS = ({"s", "z"}, {"g", "k"}, {"c", "k"})


def _supported(norm: str, words: dict[str, str]) -> tuple[bool, str | None]:
    """(found, None), or (not found, the reference word it looks misspelled from)."""
    if norm in words:
        return True, None
    near = None
    key = loose(norm)
    for w in words:
        if len(w) >= 3 and (norm in w or (len(w) >= 4 and w in norm) or _stem(norm, w)):
            return True, None
        if w[:1] != norm[:1] or abs(len(w) - len(norm)) > 2:
            continue
        if len(w) == len(norm):
            diff = [(x, y) for x, y in zip(w, norm, strict=True) if x != y]
            if len(diff) == 1 and set(diff[0]) in _ALTERNATIONS:
                return True, None  # Organization/Organisation, Asanogawa/Asanokawa
        if near is None and abs(len(w) - len(norm)) <= 1 and edit_kind(norm, w):
            near = words[w]
        elif loose(w) == key and near is None:
            return True, None  # another romanisation
    return False, near


_SAME_PLACE = (
    frozenset({"us", "usa", "america", "american", "americans", "united", "washington"}),
    frozenset({"uk", "britain", "british", "england", "english", "united", "london"}),
    frozenset({"un", "united", "nations"}),
    frozenset({"eu", "europe", "european", "union", "brussels"}),
)


def _acronym_supported(acronym: str, words: dict[str, str], initials: set[str]) -> bool:
    if acronym in words or acronym in initials:
        return True
    return any(acronym in group and words.keys() & group for group in _SAME_PLACE)


def unsupported(idx: NameIndex, target: str, reference: str | None, source: str | None) -> list[Unsupported]:
    words, initials = _words(reference, source)
    initials |= _reference_initials(reference, source)
    out: list[Unsupported] = []
    for mention in idx.mentions:
        occs: list[Occurrence] = [idx.occurrences[t] for t in mention.tokens]
        if any(o.protected or o.caps for o in occs):
            continue
        if len(occs) == 1 and occs[0].initial and _WORDLIKE.search(occs[0].norm):
            continue  # "Currently, ...", "Affected by ...": an English word opening the sentence
        parts = [p for o in occs for p in fold(o.surface).replace("‐", "-").replace(" ", "-").split("-") if p]
        core = [p for p in parts if p not in GENERIC and len(p) >= 3]
        if not core:
            continue
        acronym = "".join(p[0] for p in parts)
        if len(parts) >= 2 and (acronym in initials or any(w.startswith(acronym) for w in initials)):
            continue  # United Nations / U.N., United States / USA
        verdicts = [(p, *_supported(p, words)) for p in core]
        near = next(((p, w) for p, ok, w in verdicts if not ok and w), None)
        if near is not None:
            o = next(o for o in occs if near[0] in fold(o.surface))
            out.append(Unsupported(o.start, o.end, o.surface, near[1]))
        elif not any(ok for _p, ok, _w in verdicts):
            out.append(Unsupported(mention.start, mention.end, mention.text, None))
    for a in _ACRONYM.finditer(target):
        key = a.group().replace(".", "").lower()
        if len(key) >= 3 and not idx.is_protected(a.start()) and not _acronym_supported(key, words, initials):
            out.append(Unsupported(a.start(), a.end(), a.group(), None))
    out.sort(key=lambda u: u.start)
    return out


def _reference_initials(*texts: str | None) -> set[str]:
    """Initials of the capitalised names of the texts (Ministry of Economics -> me, moe)."""
    out: set[str] = set()
    for t in texts:
        if not t:
            continue
        for m in _NAME_RUN.finditer(t):
            words = m.group().split()
            out.add("".join(w[0] for w in words if w[0].isupper()).lower())
            out.add("".join(w[0] for w in words).lower())
    return out

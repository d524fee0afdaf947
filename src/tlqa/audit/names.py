"""Cross-article names: one person spelled differently in different articles of an archive.

Per article (in the worker, and only when the names family's rules run on it: `--ignore N` switches
cross-article names off too), the name words of the article are listed with `article_names`, from the
names family's extraction (`tlqa.checks._names_core.index`, shared with the names rules through the
document's cache, so it costs nothing when those rules ran). A name word counts only when it is written
as a name at least once (not only capitalised at the start of a sentence or in a title-case line) and
not in capitals. If that module is missing, a simple extractor of capitalised words in mid-sentence
stands in (see `_simple_names`).

Across the archive (`variants`), a spelling found in few articles is reported against one found in at
least `MIN_ARTICLES` articles and `RATIO` times as many, when the names family's `relation` says they
are spellings of one name (one dropped, added, changed or swapped letter inside a word of five letters
or more; a romanisation alternation in a Korean or Chinese name). Two spellings that are both common are
two names (or a house choice) and are left alone. Memory: one small record per distinct name word of the
archive; the article lists are read again only for the spellings reported.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tlqa.document import Document

MIN_ARTICLES = 3  # the established spelling is in at least this many articles ...
RATIO = 4  # ... and in at least this many times as many articles as the variant
MAX_LISTED = 20  # articles listed per spelling in a report


@dataclass(frozen=True, slots=True)
class NameVariant:
    """A rare spelling of a name word, the established one, and the articles holding each."""

    variant: str
    variant_articles: int
    variant_paths: tuple[str, ...]
    established: str
    established_articles: int
    established_paths: tuple[str, ...]  # the first MAX_LISTED, sorted
    relation: str  # spelling | romanisation

    @property
    def message(self) -> str:
        return (
            f"Name spelled '{self.variant}' in {_articles(self.variant_articles)} but "
            f"'{self.established}' in {_articles(self.established_articles)}"
        )

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> NameVariant:
        return cls(
            d["variant"],
            d["variant_articles"],
            tuple(d["variant_paths"]),
            d["established"],
            d["established_articles"],
            tuple(d["established_paths"]),
            d["relation"],
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "variant": self.variant,
            "variant_articles": self.variant_articles,
            "variant_paths": list(self.variant_paths),
            "established": self.established,
            "established_articles": self.established_articles,
            "established_paths": list(self.established_paths),
            "relation": self.relation,
            "message": self.message,
        }


def _articles(n: int) -> str:
    return f"{n} article" + ("" if n == 1 else "s")


# -- per article ----------------------------------------------------------------------------------------


def article_names(doc: Document) -> str:
    """The article's name words as text, one per line: `surface<TAB>norm<TAB>count<TAB>east_asian`,
    sorted (what the store keeps)."""
    try:
        rows = _family_names(doc)
    except (ImportError, AttributeError):  # the names family is not there (or changed shape)
        rows = _simple_names(doc)
    return "\n".join(f"{s}\t{n}\t{c}\t{int(e)}" for s, n, c, e in sorted(rows))


def _family_names(doc: Document) -> list[tuple[str, str, int, bool]]:
    from tlqa.checks import _names_core as core

    idx = core.index(doc)
    rows = []
    for norm, occs in idx.groups.items():
        mine = [idx.occurrences[n] for n in occs]
        if not any(not o.initial for o in mine) or all(o.caps for o in mine):
            continue
        surfaces = Counter(o.surface for o in mine if not o.caps)
        surface = min(surfaces, key=lambda s: (-surfaces[s], s))
        rows.append((surface, norm, len(mine), any(o.east_asian for o in mine)))
    return rows


_WORD = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*")


def _simple_names(doc: Document) -> list[tuple[str, str, int, bool]]:
    """Stand-in extractor: capitalised words (not all capitals) that do not open a sentence, a possessive
    dropped."""
    text = doc.visible
    starts = {s.start for s in doc.sentences}
    counts: Counter[str] = Counter()
    for sentence in doc.sentences:
        first = True
        for m in _WORD.finditer(text, sentence.start, sentence.end):
            word = re.sub(r"['’]s?$", "", m.group())
            if first or m.start() in starts:
                first = False
                continue
            if len(word) > 1 and word[0].isupper() and not word.isupper():
                counts[word] += 1
    return [(w, _norm(w), c, False) for w, c in counts.items()]


def _norm(text: str) -> str:
    return re.sub(r"[-‐'’. ]", "", text.lower())


# -- across the archive ---------------------------------------------------------------------------------


def parse(blob: str | None) -> Iterator[tuple[str, str, int, bool]]:
    for line in (blob or "").splitlines():
        surface, norm, count, east = line.split("\t")
        yield surface, norm, int(count), east == "1"


def variants(rows: Callable[[], Iterable[tuple[str, str | None]]]) -> list[NameVariant]:
    """Rare spellings against established ones. `rows()` yields (path, names blob) for every article
    in scope, in path order; it is called twice (once to count, once for the paths of what is
    reported)."""
    relation = _relation()
    # norm -> [articles, surface counts, east_asian]
    seen: dict[str, list] = {}
    for _path, blob in rows():
        for surface, norm, _count, east in parse(blob):
            entry = seen.get(norm)
            if entry is None:
                seen[norm] = [1, {surface: 1}, east]
            else:
                entry[0] += 1
                entry[1][surface] = entry[1].get(surface, 0) + 1
                entry[2] = entry[2] or east
    established = {n: e for n, e in seen.items() if e[0] >= MIN_ARTICLES}
    keys: dict[str, list[str]] = {}
    for norm in established:
        for key in _keys(norm):
            keys.setdefault(key, []).append(norm)
    found: dict[str, tuple[str, str]] = {}  # variant norm -> (established norm, relation)
    for norm, entry in seen.items():
        best: tuple[int, str, str] | None = None
        for key in _keys(norm):
            for other in keys.get(key, ()):
                if other == norm:
                    continue
                theirs = established[other]
                if theirs[0] < RATIO * entry[0]:
                    continue
                rel = relation(_display(entry), _display(theirs), norm, other, entry[2] or theirs[2])
                if rel not in ("spelling", "romanisation"):
                    continue
                if best is None or (-theirs[0], other) < (-best[0], best[1]):
                    best = (theirs[0], other, rel)
        if best is not None:
            found[norm] = (best[1], best[2])
    if not found:
        return []
    wanted = set(found) | {e for e, _ in found.values()}
    paths: dict[str, list[str]] = {n: [] for n in wanted}
    for path, blob in rows():
        for _surface, norm, _count, _east in parse(blob):
            listed = paths.get(norm)
            if listed is not None and len(listed) < MAX_LISTED:
                listed.append(path)
    out = [
        NameVariant(
            _display(seen[v]),
            seen[v][0],
            tuple(paths[v]),
            _display(seen[e]),
            seen[e][0],
            tuple(paths[e]),
            rel,
        )
        for v, (e, rel) in found.items()
    ]
    out.sort(key=lambda x: (-x.established_articles, x.established, x.variant))
    return out


def _display(entry: list) -> str:
    surfaces: dict[str, int] = entry[1]
    return min(surfaces, key=lambda s: (-surfaces[s], s))


def _keys(norm: str) -> Iterator[str]:
    """Candidate keys: the word, the word less any one letter (one edit apart share a key), and its
    romanisation skeleton."""
    yield norm
    for i in range(len(norm)):
        yield norm[:i] + norm[i + 1 :]
    yield "~" + _phon(norm)


def _phon(norm: str) -> str:
    try:
        from tlqa.checks._names_core import phon

        return phon(norm)
    except (ImportError, AttributeError):
        return norm


def _relation() -> Callable[[str, str, str, str, bool], str | None]:
    try:
        from tlqa.checks._names_core import relation

        return relation
    except (ImportError, AttributeError):
        return _simple_relation


def _simple_relation(a: str, b: str, a_norm: str, b_norm: str, east_asian: bool) -> str | None:
    """Stand-in: one letter dropped, added or changed inside a word of five letters or more, the first
    letter and the last two kept."""
    x, y = sorted((a_norm, b_norm), key=len)
    if len(x) < 5 or x[0] != y[0] or x[-2:] != y[-2:] or len(y) - len(x) > 1:
        return None
    if len(x) == len(y):
        return "spelling" if sum(1 for p, q in zip(x, y, strict=True) if p != q) == 1 else None
    return "spelling" if any(y[:i] + y[i + 1 :] == x for i in range(len(y))) else None

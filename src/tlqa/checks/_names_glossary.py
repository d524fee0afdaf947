"""The names glossary against an article: where a glossary name is written right, in a known wrong
form, or nearly right (a misspelling, another romanisation, other hyphens, spaces or capitals)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from tlqa.checks._names_core import index, norm_of, relation
from tlqa.document import Document
from tlqa.glossary import GlossaryEntry

_SEP = re.compile(r"[\s\-‐]+")


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # accepted | variant | near
    start: int
    end: int
    found: str
    entry: GlossaryEntry
    expected: str  # the right form for this span
    relation: str = ""  # for near: spelling | romanisation | formatting
    safe: bool = True


@dataclass(frozen=True, slots=True)
class _Compiled:
    pattern: re.Pattern[str] | None
    exact: dict[str, tuple[GlossaryEntry, str, str]]  # form as written -> (entry, form, accepted|variant)
    by_norm: dict[str, list[tuple[GlossaryEntry, str, str]]]  # letters only
    forms: tuple[tuple[GlossaryEntry, str, tuple[tuple[str, str], ...]], ...]  # accepted forms' tokens
    buckets: dict[tuple[str, str], tuple[int, ...]]  # (first, last letter) of a token -> form indexes
    token_norms: frozenset[str]


@lru_cache(maxsize=32)
def compile_glossary(entries: tuple[GlossaryEntry, ...]) -> _Compiled:
    exact: dict[str, tuple[GlossaryEntry, str, str]] = {}
    by_norm: dict[str, list[tuple[GlossaryEntry, str, str]]] = {}
    alternatives: list[str] = []
    forms = []
    buckets: dict[tuple[str, str], list[int]] = {}
    token_norms: set[str] = set()
    for e in entries:
        for form, kind in [(f, "accepted") for f in e.accepted] + [(v, "variant") for v in e.variants]:
            pieces = [p for p in _SEP.split(form) if p]
            alternatives.append(r"[\s\-‐]*".join(re.escape(p) for p in pieces))
            exact.setdefault(" ".join(form.split()), (e, form, kind))
            by_norm.setdefault(norm_of(form), []).append((e, form, kind))
            token_norms.update(norm_of(t) for t in form.split())
        for form in e.accepted:
            tokens = tuple((t, norm_of(t)) for t in form.split())
            for _t, n in tokens:
                if n:
                    buckets.setdefault((n[0], n[-1]), []).append(len(forms))
            forms.append((e, form, tokens))
    alternatives.sort(key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![\w\-‐])(?:" + "|".join(alternatives) + r")(?![\w\-‐])", re.IGNORECASE)
        if alternatives
        else None
    )
    return _Compiled(
        pattern,
        exact,
        by_norm,
        tuple(forms),
        {k: tuple(dict.fromkeys(v)) for k, v in buckets.items()},
        frozenset(token_norms),
    )


def hits(doc: Document, entries: tuple[GlossaryEntry, ...]) -> list[Hit]:
    if not entries:
        return []
    return doc.derived(f"names.glossary.{hash(entries)}", lambda d: _hits(d, entries))


def _hits(doc: Document, entries: tuple[GlossaryEntry, ...]) -> list[Hit]:
    compiled = compile_glossary(entries)
    idx = index(doc)
    text = doc.visible
    out: list[Hit] = []
    taken: list[tuple[int, int]] = []
    if compiled.pattern is not None:
        for m in compiled.pattern.finditer(text):
            if not m.group()[0].isupper() or idx.is_protected(m.start()):
                continue
            found = _classify(compiled, m.group())
            if found is None:
                continue  # an accepted form with other capitals or hyphens: the near check below
            entry, form, kind = found
            taken.append(m.span())
            out.append(
                Hit(kind, m.start(), m.end(), m.group(), entry, entry.name if kind == "variant" else form)
            )
    for mention in idx.mentions:
        if any(s < mention.end and mention.start < e for s, e in taken):
            continue
        occs = [idx.occurrences[t] for t in mention.tokens]
        if any(o.protected for o in occs):
            continue
        candidates: dict[int, None] = {}
        for o in occs:
            if o.norm:
                for f in compiled.buckets.get((o.norm[0], o.norm[-1]), ()):
                    candidates[f] = None
        for f in candidates:
            hit = _near(mention.text, occs, compiled.forms[f])
            if hit is not None:
                out.append(hit)
                break
    out.sort(key=lambda h: (h.start, h.end))
    return out


def _classify(compiled: _Compiled, written: str) -> tuple[GlossaryEntry, str, str] | None:
    """Which glossary form a match is: exactly a form, or a variant with other spaces or hyphens (or in
    capitals); None for an accepted form written otherwise."""
    exact = compiled.exact.get(" ".join(written.split()))
    if exact is not None:
        return exact
    candidates = compiled.by_norm.get(norm_of(written), [])
    accepted = [c for c in candidates if c[2] == "accepted"]
    variants = [c for c in candidates if c[2] == "variant"]
    if written.isupper():
        return (accepted or variants or [None])[0]
    if variants and not accepted:
        return variants[0]
    return None


def _near(text: str, occs: list, form: tuple[GlossaryEntry, str, tuple[tuple[str, str], ...]]) -> Hit | None:
    entry, name, tokens = form
    if len(occs) == len(tokens):
        differing = 0
        kinds = []
        for o, (t, n) in zip(occs, tokens, strict=True):
            if o.surface == t or (o.caps and o.norm == n):
                continue
            rel = relation(o.surface, t, o.norm, n, o.east_asian or len(tokens) > 1)
            if rel is None:
                return None
            differing += rel != "formatting"
            kinds.append(rel)
        if not kinds:
            return None
        rel = (
            "spelling" if "spelling" in kinds else "romanisation" if "romanisation" in kinds else "formatting"
        )
        start, end = occs[0].start, occs[-1].end
        return Hit("near", start, end, text, entry, name, rel, safe=differing <= 1)
    if len(occs) == 1 and len(tokens) >= 2 and not occs[0].caps:
        o = occs[0]
        for t, n in tokens:
            if len(n) >= 5 and n != o.norm:
                rel = relation(o.surface, t, o.norm, n, o.east_asian)
                if rel in ("spelling", "romanisation"):
                    return Hit("near", o.start, o.end, o.surface, entry, t, rel, safe=False)
    return None


def token_norms(entries: tuple[GlossaryEntry, ...]) -> frozenset[str]:
    return compile_glossary(entries).token_norms if entries else frozenset()

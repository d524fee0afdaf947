"""Rule cases as data: each rule's flagged and clean examples, in `data/cases/CODE.toml`.

    [[fail]]
    text = "He said “yes."
    excerpt = "“yes."        # optional: the span the finding must cover
    count = 1                # optional: how many findings of this rule
    source = "..."           # optional: the source text (rules that need one)
    reference = "..."        # optional: a reference translation
    published = 2025-05-20   # optional: the publication date (a TOML date), as --published gives it

    [[pass]]
    text = "It’s the drivers’ union."
    style = "curly"          # optional family options for this case

The tests run every case; `tlqa explain` prints a few.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any


@dataclass(frozen=True, slots=True)
class Case:
    text: str
    excerpt: str | None = None
    count: int | None = None
    options: dict[str, Any] = field(default_factory=dict)
    format: str = "text"
    source: str | None = None  # the source-language text the article is checked against
    reference: str | None = None  # a reference translation
    published: Any = None  # the publication date (datetime.date), as --published gives it


@dataclass(frozen=True, slots=True)
class RuleCases:
    code: str
    failing: list[Case]
    passing: list[Case]


def _case(raw: dict[str, Any]) -> Case:
    raw = dict(raw)
    text = raw.pop("text")
    excerpt = raw.pop("excerpt", None)
    count = raw.pop("count", None)
    fmt = raw.pop("format", "text")
    source = raw.pop("source", None)
    reference = raw.pop("reference", None)
    published = raw.pop("published", None)
    return Case(text, excerpt, count, raw, fmt, source=source, reference=reference, published=published)


def load(code: str) -> RuleCases:
    path = resources.files("tlqa") / "data" / "cases" / f"{code.upper()}.toml"
    if not path.is_file():
        return RuleCases(code, [], [])
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return RuleCases(
        code.upper(),
        [_case(c) for c in data.get("fail", [])],
        [_case(c) for c in data.get("pass", [])],
    )

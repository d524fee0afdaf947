"""The house names glossary: `[[names.glossary]]` entries of the style file, validated on load.

    [[names.glossary]]
    name = "Lee Jae-myung"                       # the canonical English form (required)
    aliases = ["Lee Jae Myung"]                  # other forms the house accepts
    variants = ["Lee Jae-myeong", "Yi Jae-myung"]  # known wrong forms: flagged, `name` offered as the fix
    source = ["이재명", "李在明"]                  # the name in the source script (Hangul, Hanzi, Kana)

Entries are counted from 0 in error messages (`names.glossary[2].variants`). Unknown keys (with a
did-you-mean), wrong types, a source form without Hangul, Han or Kana, a variant that is also the name
or an alias, and a form or source form given by two entries are configuration errors.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any

from tlqa.errors import ConfigError

KEYS = ("name", "aliases", "variants", "source")


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """One name of the glossary. `key` (the canonical form) identifies it across inherited files."""

    name: str
    aliases: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    source: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return self.name

    @property
    def summary(self) -> str:
        """One line for `tlqa config --show`."""
        parts = [
            f"{label}: {', '.join(values)}"
            for label, values in (
                ("aliases", self.aliases),
                ("variants", self.variants),
                ("source", self.source),
            )
            if values
        ]
        return "; ".join(parts) or self.name

    @property
    def accepted(self) -> tuple[str, ...]:
        """The forms that are right: the name and its aliases."""
        return (self.name, *self.aliases)


def _fold(form: str) -> str:
    return " ".join(form.split()).casefold()


def _is_source_script(text: str) -> bool:
    from tlqa.scripts import script_of

    return any(script_of(c) in ("hangul", "han", "kana") for c in text)


def parse_glossary(raw: Any, where: str | None) -> tuple[GlossaryEntry, ...]:
    """Validate `[[names.glossary]]` (a list of tables) into entries; raise ConfigError naming the key."""
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list):
        raise ConfigError("names.glossary: must be an array of tables ([[names.glossary]])", where)
    entries: list[GlossaryEntry] = []
    forms: dict[str, tuple[int, str]] = {}  # folded form -> (entry, "names.glossary[i].key") that gave it
    sources: dict[str, str] = {}
    for i, item in enumerate(raw):
        at = f"names.glossary[{i}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{at}: must be a table with a 'name'", where)
        for key in item:
            if key not in KEYS:
                close = difflib.get_close_matches(key, KEYS, n=1)
                hint = f"; did you mean '{close[0]}'?" if close else f" (expected {', '.join(KEYS)})"
                raise ConfigError(f"{at}.{key}: unknown key{hint}", where)
        name = item.get("name")
        if name is None:
            raise ConfigError(f"{at}: 'name' is required (the canonical English form)", where)
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{at}.name: must be a non-empty string", where)
        if not any(c.isalpha() for c in name):
            raise ConfigError(f"{at}.name: {name!r} has no letters", where)
        name = " ".join(name.split())
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("aliases", "variants", "source"):
            value = item.get(key, [])
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{at}.{key}: must be a list of non-empty strings", where)
            cleaned = tuple(" ".join(v.split()) for v in value)
            seen: set[str] = set()
            for v in cleaned:
                if v in seen:
                    raise ConfigError(f"{at}.{key}: {v!r} is listed twice", where)
                seen.add(v)
            lists[key] = cleaned
        for v in lists["source"]:
            if not _is_source_script(v):
                raise ConfigError(f"{at}.source: {v!r} is not written in Hangul, Hanzi or Kana", where)
        for v in (*lists["aliases"], *lists["variants"]):
            if _is_source_script(v):
                raise ConfigError(f"{at}: {v!r} is in a source script; list it under 'source'", where)
        accepted = {name, *lists["aliases"]}  # a variant may differ from them in capitals only
        for v in lists["variants"]:
            if v in accepted:
                raise ConfigError(f"{at}.variants: {v!r} is also the name or an alias", where)
        for key, values in (
            ("name", (name,)),
            ("aliases", lists["aliases"]),
            ("variants", lists["variants"]),
        ):
            for v in values:
                other = forms.get(_fold(v))
                if other is not None and other[0] != i:
                    what = (
                        "duplicate entry"
                        if key == "name" and other[1].endswith(".name")
                        else "duplicate form"
                    )
                    raise ConfigError(f"{at}.{key}: {what} {v!r} (also in {other[1]})", where)
                forms.setdefault(_fold(v), (i, f"{at}.{key}"))
        for v in lists["source"]:
            other = sources.get(v)
            if other is not None:
                raise ConfigError(f"{at}.source: duplicate source form {v!r} (also in {other})", where)
            sources[v] = f"{at}.source"
        entries.append(GlossaryEntry(name, lists["aliases"], lists["variants"], lists["source"]))
    return tuple(entries)


def entries_of(options: Any) -> tuple[GlossaryEntry, ...]:
    """The glossary a rule is given: entries from the style file, or raw tables (a rule case's
    options) validated here."""
    raw = options.get("glossary", ()) if hasattr(options, "get") else ()
    if not raw:
        return ()
    if all(isinstance(e, GlossaryEntry) for e in raw):
        return tuple(raw)
    return parse_glossary(list(raw), None)

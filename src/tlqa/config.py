"""Configuration: the style file, found once and passed down.

`tlqa.toml`, or `[tool.tlqa]` in `pyproject.toml`, found from the article's folder upward; `--config`
overrides discovery; inheritance only through an explicit `extend = "other.toml"`. Every key is
validated on load: unknown keys (with a did-you-mean), wrong types and bad values are configuration
errors naming the file and the key. Each effective setting remembers where it came from.
"""

from __future__ import annotations

import difflib
import fnmatch
import importlib
import os
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tlqa.errors import ConfigError
from tlqa.findings import Severity

CONFIG_NAMES = ("tlqa.toml", ".tlqa.toml")
_CODE = re.compile(r"^[A-Za-z]{1,2}\d{3}$")
_SELECTOR = re.compile(r"^(?:ALL|[A-Za-z]{1,2}\d{0,3})$", re.IGNORECASE)
DEFAULT_ORIGIN = "default"
CLI_ORIGIN = "command line"


@dataclass(frozen=True, slots=True)
class Option:
    """One setting: its type, its default, and a check of its value (returns an error or None)."""

    kind: type | tuple[type, ...]
    default: Any
    validate: Callable[[Any], str | None] | None = None
    doc: str = ""


def _one_of(*choices: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value in choices else f"must be one of {', '.join(map(repr, choices))}"

    return check


def _severity_or_never(value: Any) -> str | None:
    return None if value in ("error", "warning", "info", "never") else "must be error, warning, info or never"


def _strings(value: Any) -> str | None:
    if not all(isinstance(v, str) for v in value):
        return "must be a list of strings"
    dupes = sorted({v for v in value if value.count(v) > 1})
    return f"has duplicate entries: {', '.join(dupes)}" if dupes else None


def _selectors(value: Any) -> str | None:
    problem = _strings(value)
    if problem:
        return problem
    bad = [v for v in value if not _SELECTOR.match(v)]
    return f"not a rule code or prefix: {bad[0]!r}" if bad else None


def _subset_of(*choices: str) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        problem = _strings(value)
        bad = [v for v in value if v not in choices] if not problem else []
        return problem or (f"{bad[0]!r} is not one of {', '.join(map(repr, choices))}" if bad else None)

    return check


def _at_least(low: int) -> Callable[[Any], str | None]:
    def check(value: Any) -> str | None:
        return None if value >= low else f"must be at least {low}"

    return check


def _positive(value: Any) -> str | None:
    return None if value >= 1 else "must be at least 1"


def _ratio_range(value: Any) -> str | None:
    if len(value) != 2 or not all(isinstance(v, int | float) and not isinstance(v, bool) for v in value):
        return "must be two numbers, [low, high]"
    low, high = value
    return None if 0 < low < 1 < high else "must be [low, high] with 0 < low < 1 < high"


def _chrf_points(value: Any) -> str | None:
    return None if 0 < value <= 100 else "must be more than 0 and at most 100"


# Top-level settings.
GENERAL: dict[str, Option] = {
    "select": Option(list, ["ALL"], _selectors, "rule codes or prefixes to enable ('ALL' for every rule)"),
    "ignore": Option(list, [], _selectors, "rule codes or prefixes to disable; the longest prefix wins"),
    "fail-on": Option(str, "error", _severity_or_never, "lowest severity that makes the exit code 1"),
}

# Options of each check family, one table per family.
FAMILY_OPTIONS: dict[str, dict[str, Option]] = {
    "quotes": {
        "style": Option(
            str,
            "auto",
            _one_of("auto", "curly", "straight"),
            "quotation marks and apostrophes the house uses; 'auto' takes each article's majority",
        ),
    },
    "style": {
        "default": Option(bool, True, None, "apply the bundled AP-based news style (rules S101-S199)"),
    },
    "dates": {
        "weekday-window": Option(
            int,
            7,
            lambda v: None if 0 <= v <= 366 else "must be from 0 to 366",
            "days before or after publication within which a weekday may name a date (D201)",
        ),
    },
    "numbers": {
        "tolerance": Option(
            (int, float),
            0.0,
            lambda v: None if 0 <= v < 1 else "must be at least 0 and below 1",
            "share of the source's value an article number may differ by, beyond the rounding its own "
            "written precision allows (0.01 = 1%)",
        ),
        "words": Option(
            bool,
            True,
            None,
            "check number words (three, twenty-five) against the source too, not only figures (M201)",
        ),
    },
    "names": {},  # only [[names.glossary]] entries (see _FAMILY_EXTRAS)
    "fragments": {
        "caption-credits": Option(
            list,
            [],
            _strings,
            "more photo credits that end a caption, matched in brackets or parentheses ('HARBOR CITY DAILY')",
        ),
        "caption-places": Option(
            list,
            ["head", "image"],
            _subset_of("head", "image", "end"),
            "where a caption may stand: head (under the headline, before the body), image (under an "
            "image), end (after the last body paragraph)",
        ),
        "duplicate-min-words": Option(
            int, 8, _at_least(3), "shortest sentence, in words, reported as repeated"
        ),
    },
    "untranslated": {
        "allow": Option(
            list,
            [],
            _strings,
            "words and phrases never reported: romanised terms, names, foreign-script forms the house keeps",
        ),
        "glosses": Option(
            bool,
            False,
            None,
            "allow a foreign-script gloss in parentheses after its English or romanised form: hanbok (한복)",
        ),
        "detect-latin": Option(
            bool, True, None, "identify sentences in another Latin-script language (langdetect, seeded)"
        ),
    },
    "alignment": {
        "length-ratio": Option(
            list,
            [0.5, 2.0],
            _ratio_range,
            "a paragraph's length against what its source usually gives (1.0): outside this range it is "
            "reported (A121)",
        ),
        "min-length": Option(
            int, 30, _positive, "source characters below which a length ratio is not judged"
        ),
        "quotation-length": Option(
            int,
            6,
            _positive,
            "characters a quoted passage of the source needs, besides reading as speech, to count as a "
            "quotation (A201)",
        ),
    },
    "reference": {
        "chrf-drop": Option(
            (int, float),
            25.0,
            _chrf_points,
            "chrF points below the article's at which a paragraph is reported (R101)",
        ),
        "min-words": Option(
            int, 8, _positive, "reference words below which a paragraph's chrF is not judged"
        ),
    },
}


# Keys of a family table that hold structured entries rather than plain options, and the function
# ("module:function") that validates them: f(raw_value, style_file_path) -> tuple of entries, raising
# ConfigError. Each entry's `code` (or `key`) identifies it: a child file's entry replaces its parent's.
_FAMILY_EXTRAS: dict[str, dict[str, str]] = {
    "style": {"rules": "tlqa.stylerules:parse_rules"},  # [[style.rules]]: an editor's own rules
    "names": {"glossary": "tlqa.glossary:parse_glossary"},  # [[names.glossary]]: the house's names
}


def _stem_patterns(value: Any) -> str | None:
    problem = _strings(value)
    if problem:
        return problem
    bad = [v for v in value if v.count("{stem}") != 1 or v.replace("{stem}", "").count("{") > 0]
    return f"{bad[0]!r} must hold '{{stem}}' once (like '{{stem}}.ko.txt')" if bad else None


def _file_patterns(value: Any) -> str | None:
    problem = _stem_patterns(value)
    if problem:
        return problem
    bad = [v for v in value if "/" in v or "\\" in v]
    return f"{bad[0]!r}: article patterns name files, not folders" if bad else None


# `tlqa audit`: how articles are found and paired with their source and reference, by file name. The
# stem is what an article pattern's {stem} matched; sources and references are looked up beside the
# article (a pattern may name another folder: '../ko/{stem}.txt').
AUDIT_OPTIONS: dict[str, Option] = {
    "articles": Option(
        list,
        ["{stem}.en.txt", "{stem}.en.md", "{stem}.txt", "{stem}.md"],
        _file_patterns,
        "article file names; the first pattern that matches gives the stem",
    ),
    "sources": Option(
        list,
        ["{stem}.ko.txt", "{stem}.zh.txt", "{stem}.ja.txt", "{stem}.ko.md", "{stem}.zh.md", "{stem}.ja.md"],
        _stem_patterns,
        "source-language texts, the first that exists is paired (never themselves articles)",
    ),
    "references": Option(
        list,
        ["{stem}.ref.en.txt", "{stem}.ref.en.md", "{stem}.ref.txt", "{stem}.ref.md"],
        _stem_patterns,
        "reference translations, the first that exists is paired (never themselves articles)",
    ),
    "exclude": Option(list, [], _strings, "globs of paths (relative to the audited folder) to leave out"),
}

_TABLES = {"severity", "per-file-ignores", "audit", *FAMILY_OPTIONS}
_TOP_KEYS = {"extend", *GENERAL, *_TABLES}


@dataclass(frozen=True, slots=True)
class Config:
    """Effective settings for a run (or for the articles under one style file)."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: Severity | None = Severity.ERROR
    severity: Mapping[str, Severity] = field(default_factory=dict)
    families: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    origins: Mapping[str, str] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    extras: Mapping[str, tuple[Any, ...]] = field(default_factory=dict)  # "style.rules" -> entries

    @property
    def style_rules(self) -> tuple[Any, ...]:
        """An editor's own rules ([[style.rules]]: tlqa.stylerules.StyleRuleSpec)."""
        return self.extras.get("style.rules", ())

    def entries(self, family: str, key: str) -> tuple[Any, ...]:
        """Structured entries of a family table, e.g. entries("names", "glossary")."""
        return self.extras.get(f"{family}.{key}", ())

    per_file_ignores: tuple[tuple[str, str, tuple[str, ...]], ...] = ()  # (glob, base folder, codes)
    audit: Mapping[str, Any] = field(default_factory=dict)  # [audit] settings given in the style file

    def audit_options(self) -> Mapping[str, Any]:
        """The [audit] settings, defaults filled in."""
        return {**{k: o.default for k, o in AUDIT_OPTIONS.items()}, **self.audit}

    def ignored_for(self, path: str) -> tuple[str, ...]:
        """Rule codes or prefixes that per-file-ignores switch off for this article path. A glob is
        matched against the path relative to the folder of the style file that declared it, and a glob
        without a '/' also against the file name alone."""
        if not self.per_file_ignores or path == "-":
            return ()
        absolute = Path(path).resolve()
        out: list[str] = []
        for pattern, base, codes in self.per_file_ignores:
            try:
                relative = absolute.relative_to(base).as_posix()
            except ValueError:
                relative = absolute.as_posix()
            if fnmatch.fnmatchcase(relative, pattern) or (
                "/" not in pattern and fnmatch.fnmatchcase(absolute.name, pattern)
            ):
                out.extend(codes)
        return tuple(out)

    def options(self, family: str) -> Mapping[str, Any]:
        defaults = {k: o.default for k, o in FAMILY_OPTIONS.get(family, {}).items()}
        # Structured entries reach the family's rules under their key (options["glossary"]).
        entries = {
            k: self.entries(family, k) for k in _FAMILY_EXTRAS.get(family, {}) if self.entries(family, k)
        }
        return {**defaults, **entries, **self.families.get(family, {})}

    def settings(self) -> list[tuple[str, Any, str]]:
        """Every effective setting as (key, value, origin), for `tlqa config --show`."""
        rows: list[tuple[str, Any, str]] = [
            ("select", list(self.select), self.origins.get("select", DEFAULT_ORIGIN)),
            ("ignore", list(self.ignore), self.origins.get("ignore", DEFAULT_ORIGIN)),
            (
                "fail-on",
                self.fail_on.label if self.fail_on else "never",
                self.origins.get("fail-on", DEFAULT_ORIGIN),
            ),
        ]
        for code, sev in sorted(self.severity.items()):
            rows.append((f"severity.{code}", sev.label, self.origins.get(f"severity.{code}", DEFAULT_ORIGIN)))
        for family in sorted(FAMILY_OPTIONS):
            for key, value in sorted(self.options(family).items()):
                if key in _FAMILY_EXTRAS.get(family, {}):
                    continue  # entries are listed one by one below
                rows.append((f"{family}.{key}", value, self.origins.get(f"{family}.{key}", DEFAULT_ORIGIN)))
        for table, table_entries in sorted(self.extras.items()):
            if table == "style.rules":
                continue
            for entry in table_entries:
                key = f"{table}.{_entry_key(entry)}"
                rows.append((key, getattr(entry, "summary", _entry_key(entry)), self.origins.get(key, "")))
        for spec in self.style_rules:
            code = getattr(spec, "code", "?")
            rows.append(
                (
                    f"style.rules.{code}",
                    getattr(spec, "name", ""),
                    self.origins.get(f"style.rules.{code}", ""),
                )
            )
        for key, value in sorted(self.audit_options().items()):
            rows.append((f"audit.{key}", value, self.origins.get(f"audit.{key}", DEFAULT_ORIGIN)))
        for pattern, _base, codes in self.per_file_ignores:
            key = f"per-file-ignores.{pattern}"
            rows.append((key, list(codes), self.origins.get(key, DEFAULT_ORIGIN)))
        return rows


def _did_you_mean(key: str, known: set[str] | list[str]) -> str:
    close = difflib.get_close_matches(key, sorted(known), n=1)
    return f"; did you mean '{close[0]}'?" if close else ""


def _type_name(kind: type | tuple[type, ...]) -> str:
    names = {list: "a list", str: "a string", int: "an integer", bool: "true or false", dict: "a table"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(k, k.__name__) for k in kinds)


def _check_value(path: str, key: str, value: Any, option: Option) -> None:
    if isinstance(value, bool) and option.kind is not bool:
        raise ConfigError(f"{key}: must be {_type_name(option.kind)}, not {value!r}", path)
    if not isinstance(value, option.kind):
        raise ConfigError(f"{key}: must be {_type_name(option.kind)}, not {type(value).__name__}", path)
    if option.validate:
        problem = option.validate(value)
        if problem:
            raise ConfigError(f"{key}: {problem}", path)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError("configuration file not found", str(path)) from None
    except IsADirectoryError:
        raise ConfigError("is a directory, not a configuration file", str(path)) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML ({exc})", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read ({exc})", str(path)) from None
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        section = tool.get("tlqa") if isinstance(tool, dict) else None
        if not isinstance(section, dict):
            raise ConfigError("has no [tool.tlqa] table", str(path))
        return section
    return data


def _layer(path: Path, data: Mapping[str, Any], into: dict[str, Any], origins: dict[str, str]) -> None:
    """Validate one file's settings and lay them over `into`."""
    where = str(path)
    for key, value in data.items():
        if key not in _TOP_KEYS:
            raise ConfigError(f"{key}: unknown key{_did_you_mean(key, _TOP_KEYS)}", where)
        if key == "extend":
            continue
        if key in GENERAL:
            _check_value(where, key, value, GENERAL[key])
            into[key] = value
            origins[key] = where
            continue
        if not isinstance(value, dict):
            raise ConfigError(f"{key}: must be a table ([{key}])", where)
        if key == "severity":
            for code, sev in value.items():
                if not _CODE.match(code):
                    raise ConfigError(f"severity.{code}: not a rule code (like Q101)", where)
                if sev not in ("error", "warning", "info"):
                    raise ConfigError(f"severity.{code}: must be error, warning or info, not {sev!r}", where)
                into.setdefault("severity", {})[code.upper()] = Severity.parse(sev)
                origins[f"severity.{code.upper()}"] = where
            continue
        if key == "audit":
            for opt, opt_value in value.items():
                if opt not in AUDIT_OPTIONS:
                    hint = _did_you_mean(opt, set(AUDIT_OPTIONS))
                    raise ConfigError(f"audit.{opt}: unknown key{hint}", where)
                _check_value(where, f"audit.{opt}", opt_value, AUDIT_OPTIONS[opt])
                into.setdefault("audit", {})[opt] = opt_value
                origins[f"audit.{opt}"] = where
            continue
        if key == "per-file-ignores":
            base = str(path.parent.resolve())
            for pattern, codes in value.items():
                _check_value(where, f"per-file-ignores.{pattern}", codes, Option(list, [], _strings))
                bad = [c for c in codes if not _SELECTOR.match(c)]
                if bad:
                    raise ConfigError(
                        f"per-file-ignores.{pattern}: not a rule code or prefix: {bad[0]!r}", where
                    )
                into.setdefault("per-file-ignores", {})[pattern] = (
                    pattern,
                    base,
                    tuple(c.upper() for c in codes),
                )
                origins[f"per-file-ignores.{pattern}"] = where
            continue
        options = FAMILY_OPTIONS[key]
        extras = set(_FAMILY_EXTRAS.get(key, {}))
        for opt, opt_value in value.items():
            if opt in extras:
                continue
            if opt not in options:
                known = set(options) | extras
                raise ConfigError(f"{key}.{opt}: unknown key{_did_you_mean(opt, known)}", where)
            _check_value(where, f"{key}.{opt}", opt_value, options[opt])
            into.setdefault("families", {}).setdefault(key, {})[opt] = opt_value
            origins[f"{key}.{opt}"] = where
        for extra, factory in _FAMILY_EXTRAS.get(key, {}).items():
            if extra not in value:
                continue
            module_name, func_name = factory.split(":")
            parse = getattr(importlib.import_module(module_name), func_name)  # only when used
            table = into.setdefault("extras", {}).setdefault(f"{key}.{extra}", {})
            for entry in parse(value[extra], where):
                table[_entry_key(entry)] = entry  # a child file's entry replaces its parent's
                origins[f"{key}.{extra}.{_entry_key(entry)}"] = where


def _entry_key(entry: Any) -> str:
    return str(getattr(entry, "code", None) or getattr(entry, "key", None) or entry)


def load(path: str | os.PathLike[str] | None = None, *, overrides: Mapping[str, Any] | None = None) -> Config:
    """Load a style file (and what it extends), then lay command-line overrides on top."""
    settings: dict[str, Any] = {}
    origins: dict[str, str] = {}
    files: list[str] = []
    if path is not None:
        chain: list[tuple[Path, dict[str, Any]]] = []
        current: Path | None = Path(path)
        seen: set[Path] = set()
        while current is not None:
            resolved = current.resolve()
            if resolved in seen:
                raise ConfigError("extend: circular inheritance", str(current))
            seen.add(resolved)
            data = _read_toml(current)
            chain.append((current, data))
            parent = data.get("extend")
            if parent is not None and not isinstance(parent, str):
                raise ConfigError("extend: must be a string (a path)", str(current))
            current = (current.parent / parent) if parent else None
        for file_path, data in reversed(chain):
            _layer(file_path, data, settings, origins)
            files.append(str(file_path))
    for key, value in (overrides or {}).items():
        if value is None:
            continue
        if key == "extend-ignore":
            settings["ignore"] = [*settings.get("ignore", []), *value]
            origins["ignore"] = CLI_ORIGIN
            continue
        settings[key] = value
        origins[key] = CLI_ORIGIN
    fail_on = settings.get("fail-on", GENERAL["fail-on"].default)
    return Config(
        select=tuple(settings.get("select", GENERAL["select"].default)),
        ignore=tuple(settings.get("ignore", GENERAL["ignore"].default)),
        fail_on=None if fail_on == "never" else Severity.parse(fail_on),
        severity=settings.get("severity", {}),
        families=settings.get("families", {}),
        origins=origins,
        files=tuple(files),
        extras={table: tuple(entries.values()) for table, entries in settings.get("extras", {}).items()},
        per_file_ignores=tuple(settings.get("per-file-ignores", {}).values()),
        audit=settings.get("audit", {}),
    )


def discover(start: str | os.PathLike[str]) -> Path | None:
    """The nearest style file from `start` (a folder) upward: tlqa.toml, or a pyproject.toml with a
    [tool.tlqa] table."""
    folder = Path(start).resolve()
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file():
            try:
                with pyproject.open("rb") as fh:
                    if isinstance(tomllib.load(fh).get("tool", {}).get("tlqa"), dict):
                        return pyproject
            except (OSError, tomllib.TOMLDecodeError, AttributeError):
                continue
    return None

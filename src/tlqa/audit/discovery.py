"""Finding the articles of an audit and pairing each with its source and reference.

By naming convention (the style file's `[audit]` table; see tlqa.config.AUDIT_OPTIONS): in a folder,
`story.en.txt` is an article whose stem is `story`; `story.ko.txt` (or .zh/.ja) is its source and
`story.ref.en.txt` its reference. Files that match a source or reference pattern are never articles.
Hidden folders (.git, .tlqa) are skipped, and so are paths matching an `exclude` glob.

By manifest (CSV with a header row, or JSONL): one article per row, with the columns `article`
(required), `source`, `reference`, `published` (YYYY-MM-DD), `desk`, and `translator` (or `engine`).
Paths are relative to the manifest's folder. Unknown columns are ignored, except one that looks like a
misspelt known column, which is an error.

The publication date is the manifest's, else a date in the article's path (2024-05-01 or 2024/05/01).
Everything is sorted: the same tree gives the same list.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import fnmatch
import glob
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from tlqa.errors import UsageError


@dataclass(frozen=True, slots=True)
class ArticleSpec:
    """One article to audit, with what travels with it."""

    path: str
    source: str | None = None
    reference: str | None = None
    published: str | None = None  # YYYY-MM-DD
    desk: str | None = None
    translator: str | None = None


@dataclass(frozen=True)
class Patterns:
    """Naming patterns, each with one '{stem}'."""

    articles: tuple[str, ...]
    sources: tuple[str, ...]
    references: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    _article_res: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _companion_re: re.Pattern[str] | None = field(init=False, repr=False, compare=False)

    @classmethod
    def from_options(cls, options: Mapping[str, Any]) -> Patterns:
        return cls(
            tuple(options["articles"]),
            tuple(options["sources"]),
            tuple(options["references"]),
            tuple(options.get("exclude", ())),
        )

    def __post_init__(self) -> None:
        object.__setattr__(self, "_article_res", tuple(_pattern_re(p) for p in self.articles))
        companions = [_pattern_re(p).pattern for p in (*self.sources, *self.references) if "/" not in p]
        either = (
            re.compile("|".join(f"(?:{c.replace('?P<stem>', '')})" for c in companions))
            if companions
            else None
        )
        object.__setattr__(self, "_companion_re", either)

    def stem(self, name: str) -> str | None:
        """The stem of an article file name, or None when no article pattern matches it."""
        for rx in self._article_res:
            m = rx.fullmatch(name)
            if m:
                return m.group("stem")
        return None

    def is_companion(self, name: str) -> bool:
        """Does the name look like a source or a reference (so that it is never an article)?"""
        return self._companion_re is not None and self._companion_re.fullmatch(name) is not None


def _pattern_re(pattern: str) -> re.Pattern[str]:
    head, tail = pattern.split("{stem}")
    return re.compile(re.escape(head) + r"(?P<stem>.+?)" + re.escape(tail))


_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/_])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_path(path: str) -> str | None:
    m = _PATH_DATE.search(path.replace(os.sep, "/"))
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(4))).isoformat()
    except ValueError:
        return None


def _companion(folder: str, names: set[str] | None, stem: str, patterns: Iterable[str]) -> str | None:
    for pattern in patterns:
        relative = pattern.replace("{stem}", stem)
        if "/" not in relative and names is not None:
            if relative in names:
                return os.path.join(folder, relative)
            continue
        candidate = os.path.normpath(os.path.join(folder, relative))
        if os.path.isfile(candidate):
            return candidate
    return None


def _pair(path: str, patterns: Patterns, names: set[str] | None = None) -> ArticleSpec:
    folder, name = os.path.split(path)
    stem = patterns.stem(name) or os.path.splitext(name)[0]
    if names is None:
        try:
            names = set(os.listdir(folder or "."))
        except OSError:
            names = set()
    source = _companion(folder, names, stem, patterns.sources)
    reference = _companion(folder, names, stem, patterns.references)
    return ArticleSpec(
        os.path.normpath(path),
        os.path.normpath(source) if source else None,
        os.path.normpath(reference) if reference else None,
        date_in_path(path),
    )


def _walk(root: str, patterns: Patterns) -> Iterable[ArticleSpec]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(
            d for d in dirs if not d.startswith(".") and not _excluded(root, folder, d, patterns)
        )
        names = set(files)
        claimed: set[str] = set()
        found: list[ArticleSpec] = []
        for name in sorted(files):
            if name.startswith(".") or patterns.stem(name) is None or patterns.is_companion(name):
                continue
            if _excluded(root, folder, name, patterns):
                continue
            spec = _pair(os.path.join(folder, name), patterns, names)
            found.append(spec)
            claimed.update(p for p in (spec.source, spec.reference) if p)
        # A file that another article took as its source or reference is not an article itself.
        yield from (spec for spec in found if spec.path not in claimed)


def _excluded(root: str, folder: str, name: str, patterns: Patterns) -> bool:
    if not patterns.exclude:
        return False
    relative = os.path.relpath(os.path.join(folder, name), root).replace(os.sep, "/")
    return any(fnmatch.fnmatchcase(relative, g) or fnmatch.fnmatchcase(name, g) for g in patterns.exclude)


def discover(paths: Iterable[str], patterns_for: Callable[[str], Patterns]) -> list[ArticleSpec]:
    """The articles under `paths` (folders, files, or globs), sorted by path, each once.
    `patterns_for(root)` gives the naming patterns for a path given on the command line."""
    specs: dict[str, ArticleSpec] = {}
    for raw in paths:
        matches = [raw]
        if not os.path.exists(raw) and any(ch in raw for ch in "*?["):
            matches = sorted(glob.glob(raw, recursive=True))
            if not matches:
                raise UsageError(f"{raw}: no file or folder matches this pattern")
        for path in matches:
            if os.path.isdir(path):
                patterns = patterns_for(path)
                for spec in _walk(path, patterns):
                    specs.setdefault(spec.path, spec)
            elif os.path.exists(path):  # a file named explicitly is an article, whatever its name
                spec = _pair(path, patterns_for(os.path.dirname(path) or "."))
                specs.setdefault(spec.path, spec)
            else:
                raise UsageError(f"{path}: no such file or folder")
    return [specs[k] for k in sorted(specs)]


# -- manifests ------------------------------------------------------------------------------------------

_COLUMNS = {
    "article": "article",
    "path": "article",
    "file": "article",
    "source": "source",
    "reference": "reference",
    "published": "published",
    "date": "published",
    "desk": "desk",
    "translator": "translator",
    "engine": "translator",
}


def read_manifest(path: str) -> list[ArticleSpec]:
    """The articles a manifest lists (CSV with a header, or JSONL), in its order."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            text = fh.read()
    except FileNotFoundError:
        raise UsageError(f"{path}: no such manifest") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read the manifest ({exc})") from None
    rows: list[tuple[int, dict[str, Any]]] = []
    if path.lower().endswith((".jsonl", ".ndjson", ".json")):
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path}:{n}: not valid JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise UsageError(f"{path}:{n}: expected an object per line")
            rows.append((n, row))
    else:
        reader = csv.DictReader(text.splitlines())
        if not reader.fieldnames:
            raise UsageError(f"{path}: empty manifest (a CSV needs a header row: article,source,...)")
        rows = [(n + 2, dict(row)) for n, row in enumerate(reader)]
    folder = os.path.dirname(path)
    out = [_manifest_row(path, folder, n, row) for n, row in rows]
    if not out:
        raise UsageError(f"{path}: the manifest lists no article")
    return out


def _manifest_row(manifest: str, folder: str, n: int, row: Mapping[str, Any]) -> ArticleSpec:
    values: dict[str, str | None] = {}
    for key, value in row.items():
        if key is None:
            continue
        name = str(key).strip().lower().replace("-", "_").replace(" ", "_")
        column = _COLUMNS.get(name)
        if column is None:
            close = difflib.get_close_matches(name, list(_COLUMNS), n=1, cutoff=0.8)
            if close:
                raise UsageError(f"{manifest}: unknown column {key!r}; did you mean {close[0]!r}?")
            continue
        text = None if value is None else str(value).strip()
        values[column] = text or None
    where = f"{manifest}:{n}"
    article = values.get("article")
    if not article:
        raise UsageError(f"{where}: no article path (column 'article')")

    def resolve(p: str | None) -> str | None:
        return os.path.normpath(os.path.join(folder, p)) if p else None

    published = values.get("published")
    if published:
        try:
            published = dt.date.fromisoformat(published[:10]).isoformat()
        except ValueError:
            raise UsageError(
                f"{where}: published: expected a date as YYYY-MM-DD, not {published!r}"
            ) from None
    article_path = resolve(article)
    assert article_path is not None
    return ArticleSpec(
        article_path,
        resolve(values.get("source")),
        resolve(values.get("reference")),
        published or date_in_path(article_path),
        values.get("desk"),
        values.get("translator"),
    )


def merge(found: list[ArticleSpec], listed: list[ArticleSpec]) -> list[ArticleSpec]:
    """Articles found by naming convention and listed in a manifest, each once (the manifest's row wins,
    its missing companions filled in from the convention), sorted by path."""
    by_path = {s.path: s for s in found}
    for spec in listed:
        old = by_path.get(spec.path)
        if old is not None:
            spec = replace(
                spec,
                source=spec.source or old.source,
                reference=spec.reference or old.reference,
                published=spec.published or old.published,
            )
        by_path[spec.path] = spec
    return [by_path[k] for k in sorted(by_path)]

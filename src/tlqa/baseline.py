"""Baselines: today's findings recorded by fingerprint, so that a later run reports only new ones.

    tlqa check articles/*.md --baseline tlqa-baseline.json --update-baseline   # record today's findings
    tlqa check articles/*.md --baseline tlqa-baseline.json                     # report only new ones

A fingerprint survives edits elsewhere in the article: it is made of the article's path (relative to
the baseline file's folder), the rule code, the finding's *anchor* and the anchor's occurrence index
among the article's findings with the same rule and anchor — never of offsets or line numbers. The
anchor is the excerpt with its whitespace collapsed; an excerpt shorter than 12 characters (a lone
quotation mark, a short name) is widened to the whole words around it and one more word on each side,
within its line, so that two identical marks in different sentences tell apart. Editing the words right
next to a finding makes it new again, which is what a reviewer wants.

Entries that no finding matches any more (fixed, or edited beyond recognition) are *unused*: the CLI
reports them so the baseline can be refreshed with `--update-baseline`.

The file is JSON, sorted and stable, meant to be committed and reviewed:

    {"tool": "tlqa", "format": 1, "entries": [
        {"path": "a.md", "rule": "Q101", "anchor": "…", "occurrence": 0, "message": "…",
         "fingerprint": "…"}]}
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TextIO

from tlqa.errors import ConfigError
from tlqa.findings import FileReport, Finding, RunReport

FORMAT = 1
_SHORT = 12  # excerpts shorter than this are widened to the words around them


@dataclass(frozen=True, slots=True)
class Entry:
    path: str
    rule: str
    anchor: str
    occurrence: int
    message: str
    fingerprint: str

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "rule": self.rule,
            "anchor": self.anchor,
            "occurrence": self.occurrence,
            "message": self.message,
            "fingerprint": self.fingerprint,
        }


@dataclass(frozen=True, slots=True)
class Outcome:
    """What applying a baseline did: the run with only the new findings, how many were known, and the
    entries that matched nothing."""

    run: RunReport
    known: int
    unused: list[Entry]


def _normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def anchor(text: str, finding: Finding) -> str:
    """The finding's excerpt, widened to its surrounding words when it is short (see the module doc)."""
    start, end = finding.start, finding.end
    if not (0 <= start <= end <= len(text)):
        return _normalise(finding.excerpt)
    if end - start >= _SHORT:
        return _normalise(text[start:end])
    line_start = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    line_end = min((i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0), default=len(text))
    left = start
    for _ in range(2):  # the rest of the word the excerpt starts in, then one more word
        while left > line_start and text[left - 1].isspace():
            left -= 1
        while left > line_start and not text[left - 1].isspace():
            left -= 1
    right = end
    for _ in range(2):
        while right < line_end and text[right].isspace():
            right += 1
        while right < line_end and not text[right].isspace():
            right += 1
    return _normalise(text[left:right])


def path_key(path: str, folder: Path) -> str:
    """An article's path as the baseline records it: relative to the baseline's folder, with '/'
    separators; '-' (standard input) as it is."""
    if path == "-":
        return path
    absolute = Path(path).resolve()
    try:
        return Path(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:  # another drive (Windows)
        return absolute.as_posix()


def _fingerprint(path: str, rule: str, anchor_text: str, occurrence: int) -> str:
    key = "\x1f".join((path, rule, anchor_text, str(occurrence)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


def entries(report: FileReport, folder: Path) -> list[Entry]:
    """One entry per finding of the report, in the report's order."""
    path = path_key(report.path, folder)
    seen: Counter[tuple[str, str]] = Counter()
    out = []
    for f in report.findings:
        a = anchor(report.text, f)
        n = seen[(f.rule, a)]
        seen[(f.rule, a)] += 1
        out.append(Entry(path, f.rule, a, n, f.message, _fingerprint(path, f.rule, a, n)))
    return out


def build(run: RunReport, baseline_path: str | os.PathLike[str]) -> dict[str, object]:
    folder = Path(baseline_path).resolve().parent
    rows = [e for report in run.files for e in entries(report, folder)]
    rows.sort(key=lambda e: (e.path, e.rule, e.anchor, e.occurrence))
    return {"tool": "tlqa", "format": FORMAT, "entries": [e.as_dict() for e in rows]}


def write(run: RunReport, baseline_path: str | os.PathLike[str]) -> int:
    """Record the run's findings as the baseline (atomically); returns how many."""
    data = build(run, baseline_path)
    target = Path(baseline_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    os.replace(tmp, target)
    return len(data["entries"])  # type: ignore[arg-type]


def load(baseline_path: str | os.PathLike[str]) -> list[Entry]:
    where = str(baseline_path)
    try:
        data = json.loads(Path(baseline_path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("no such baseline file (record one with --update-baseline)", where) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read the baseline ({exc})", where) from None
    except json.JSONDecodeError as exc:
        raise ConfigError(
            f"not a tlqa baseline: not valid JSON ({exc.msg}, line {exc.lineno})", where
        ) from None
    if not isinstance(data, dict) or data.get("tool") != "tlqa" or not isinstance(data.get("entries"), list):
        raise ConfigError('not a tlqa baseline (expected {"tool": "tlqa", "entries": [...]})', where)
    if data.get("format") != FORMAT:
        raise ConfigError(f"baseline format {data.get('format')!r} is not {FORMAT}; record it again", where)
    out = []
    for i, raw in enumerate(data["entries"]):
        try:
            out.append(
                Entry(
                    str(raw["path"]),
                    str(raw["rule"]),
                    str(raw["anchor"]),
                    int(raw["occurrence"]),
                    str(raw.get("message", "")),
                    str(raw["fingerprint"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            raise ConfigError(f"entry {i + 1} is not a baseline entry", where) from None
    return out


def apply(run: RunReport, known: list[Entry], baseline_path: str | os.PathLike[str]) -> Outcome:
    """Drop the findings the baseline knows. Unused entries are those of the run's files that matched no
    finding; entries for files outside this run are left alone (a run over a few files says nothing about
    the others)."""
    folder = Path(baseline_path).resolve().parent
    remaining = {e.fingerprint: e for e in known}
    checked_paths: set[str] = set()
    files: list[FileReport] = []
    matched = 0
    for report in run.files:
        checked_paths.add(path_key(report.path, folder))
        new: list[Finding] = []
        for f, e in zip(report.findings, entries(report, folder), strict=True):
            if remaining.pop(e.fingerprint, None) is not None:
                matched += 1
            else:
                new.append(f)
        files.append(replace(report, findings=new))
    unused = sorted(
        (e for e in remaining.values() if e.path in checked_paths),
        key=lambda e: (e.path, e.rule, e.anchor, e.occurrence),
    )
    return Outcome(RunReport(files=files, version=run.version), matched, unused)


def record(run: RunReport, baseline_path: str, err: TextIO) -> None:
    """`--update-baseline`: write the run's findings and say so."""
    print(f"tlqa: recorded {write(run, baseline_path)} findings in {baseline_path}", file=err)


def gate(run: RunReport, baseline_path: str, err: TextIO) -> RunReport:
    """`--baseline`: the run without the findings the baseline knows; unused entries listed on `err`."""
    outcome = apply(run, load(baseline_path), baseline_path)
    for e in outcome.unused:
        print(f"tlqa: {baseline_path}: unused entry {e.path}: {e.rule} {e.anchor!r}", file=err)
    if outcome.unused:
        print(
            f"tlqa: {len(outcome.unused)} baseline entries matched nothing (fixed or edited); "
            "refresh with --update-baseline",
            file=err,
        )
    return outcome.run

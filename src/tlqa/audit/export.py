"""Exports of an audit, streamed from the store (articles in path order).

* `json` — the report contract of `tlqa check --format json` (tlqa/data/report.schema.json): `tool`,
  `files` (one per article that was checked, with exactly the keys and values `tlqa check` gives it),
  `summary`. Beyond the contract, a top-level `audit` object holds what only an audit has: the articles
  that could not be read or checked, the worst articles, counts by rule, desk and translator, and the
  cross-article names.
* `jsonl` — one object per article: the `files` entry above plus `status`, `error`, `published`,
  `desk` and `translator` (an unreadable article has `status` and `error` and no findings).
* `csv` — one row per finding (and one per unreadable or failed article, with its reason as the
  message): path, status, published, desk, translator, rule, family, severity, line, column,
  end_line, end_column, message, excerpt, suggestion, applicability.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, TextIO

from tlqa.audit.worker import FINDING_KEYS

if TYPE_CHECKING:
    from tlqa.audit.store import Store
    from tlqa.audit.summary import Summary

FORMATS = ("json", "jsonl", "csv")
CSV_COLUMNS = (
    "path",
    "status",
    "published",
    "desk",
    "translator",
    "rule",
    "family",
    "severity",
    "line",
    "column",
    "end_line",
    "end_column",
    "message",
    "excerpt",
    "suggestion",
    "applicability",
)
_ARTICLE = "path, report, status, error, published, desk, translator, source, reference"


def _finding(row: tuple[Any, ...]) -> dict[str, Any]:
    out = dict(zip(FINDING_KEYS, row, strict=True))
    if out["evidence"] is not None:
        out["evidence"] = json.loads(out["evidence"])
    return out


def _articles(store: Store, where: str = "") -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(file entry as `tlqa check --format json` has it, the article's audit fields), by path."""
    for path, report, status, error, published, desk, translator, source, reference in store.iterate(
        f"SELECT {_ARTICLE} FROM a {where} ORDER BY path"
    ):
        if report:
            entry = json.loads(report)
            entry["findings"] = [_finding(f) for f in store.findings_of(path)]
        else:  # not read or not checked: what is known of it
            entry = {"path": path, "source": source, "reference": reference, "findings": []}
        yield (
            entry,
            {
                "status": status,
                "error": error,
                "published": published,
                "desk": desk,
                "translator": translator,
            },
        )


def write_json(store: Store, summary: Summary, out: TextIO, version: str) -> None:
    from tlqa.audit.summary import as_dict

    out.write('{\n  "tool": ' + json.dumps({"name": "tlqa", "version": version}) + ',\n  "files": [')
    first = True
    for entry, _audit in _articles(store, "WHERE status = 'ok'"):
        text = json.dumps(entry, ensure_ascii=False, indent=2, allow_nan=False)
        out.write(("\n" if first else ",\n") + "\n".join("    " + line for line in text.splitlines()))
        first = False
    out.write("\n  ],\n" if not first else "],\n")
    files = summary.checked_ok
    contract = {
        "files": files,
        "findings": summary.findings,
        "by_severity": summary.by_severity,
        "by_family": {family: sum(c.values()) for family, c in sorted(summary.by_family.items())},
    }
    tail = {"summary": contract, "audit": as_dict(summary)}
    text = json.dumps(tail, ensure_ascii=False, indent=2, allow_nan=False)
    out.write(text[2:])  # the object's members, after the '{\n' that the document already opened
    out.write("\n")


def write_jsonl(store: Store, out: TextIO) -> None:
    for entry, extra in _articles(store):
        record = {**entry, **extra}
        out.write(json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False) + "\n")


def write_csv(store: Store, out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    cols = ", ".join(f'f."{k}"' for k in FINDING_KEYS)
    sql = (
        f"SELECT a.path, a.status, a.published, a.desk, a.translator, a.error, {cols} "
        "FROM a LEFT JOIN f ON f.path = a.path "
        "WHERE a.status != 'ok' OR f.rule IS NOT NULL ORDER BY a.path, f.seq"
    )
    for row in store.iterate(sql):
        path, status, published, desk, translator, error = row[:6]
        f = dict(zip(FINDING_KEYS, row[6:], strict=True))
        if status != "ok":
            writer.writerow([path, status, published, desk, translator, *[""] * 7, error, "", "", ""])
            continue
        writer.writerow(
            [
                path,
                status,
                published,
                desk,
                translator,
                f["rule"],
                f["family"],
                f["severity"],
                f["line"],
                f["column"],
                f["end_line"],
                f["end_column"],
                f["message"],
                f["excerpt"],
                f["suggestion"],
                f["applicability"],
            ]
        )


def write(fmt: str, store: Store, summary: Summary, out: TextIO, version: str) -> None:
    if fmt == "json":
        write_json(store, summary, out, version)
    elif fmt == "jsonl":
        write_jsonl(store, out)
    elif fmt == "csv":
        write_csv(store, out)
    else:
        raise ValueError(f"unknown export format {fmt!r}")

"""The audit database (SQLite): one row per article and one per finding.

An article's row carries the key its result was computed under: a hash of its content, its source's
and reference's, its publication date, the tlqa version and the effective configuration. A re-run
computes the key again and skips the article when it has not changed. Each article's rows are written
in one transaction (delete its old findings, replace its row, insert its findings), so an audit stopped
at any point (Ctrl-C, a kill, a power cut after WAL's last sync) leaves each article either entirely
old or entirely new: resuming neither loses nor duplicates a finished result.

Tables:

    articles(path PK, source, reference, published, desk, translator, key, tlqa_version, config_hash,
             stamp, status, error, encoding, language, format, findings, errors, warnings, infos, crashed,
             report, names, checked_at)
    findings(path, seq, rule, family, severity, line, column, end_line, end_column, start, end,
             excerpt, message, suggestion, applicability, evidence, paragraph; PK (path, seq))
    meta(key PK, value)            schema version; derived values kept between runs (cache.*)

`stamp` hashes the files' paths, sizes and modification times with the other inputs: while it matches,
a re-run does not even read the article (as git and make judge a file; `--force` checks everything).
`report` is the article's entry in `tlqa check --format json` without its findings (JSON); `names` its
name words (tlqa.audit.names). `checked_at` is the only column that depends on when the article was
checked. Queries for reports are limited to the articles of the current audit (a temporary `scope`
table), so one database can hold several archives.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from tlqa.audit.worker import FINDING_KEYS, Outcome
from tlqa.errors import UsageError

SCHEMA_VERSION = "1"
DEFAULT_PATH = os.path.join(".tlqa", "audit.sqlite")

_ARTICLE_COLUMNS = (
    "path",
    "source",
    "reference",
    "published",
    "desk",
    "translator",
    "key",
    "tlqa_version",
    "config_hash",
    "stamp",
    "status",
    "error",
    "encoding",
    "language",
    "format",
    "findings",
    "errors",
    "warnings",
    "infos",
    "crashed",
    "report",
    "names",
    "checked_at",
)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    path TEXT PRIMARY KEY,
    source TEXT, reference TEXT, published TEXT, desk TEXT, translator TEXT,
    key TEXT, tlqa_version TEXT NOT NULL, config_hash TEXT, stamp TEXT,
    status TEXT NOT NULL, error TEXT,
    encoding TEXT, language TEXT, format TEXT,
    findings INTEGER NOT NULL DEFAULT 0, errors INTEGER NOT NULL DEFAULT 0,
    warnings INTEGER NOT NULL DEFAULT 0, infos INTEGER NOT NULL DEFAULT 0,
    crashed INTEGER NOT NULL DEFAULT 0,
    report TEXT, names TEXT,
    checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS findings (
    path TEXT NOT NULL, seq INTEGER NOT NULL,
    {", ".join(f'"{k}"' for k in FINDING_KEYS)},
    PRIMARY KEY (path, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS findings_rule ON findings (rule);
"""


class Stored(NamedTuple):
    key: str | None
    stamp: str | None
    status: str
    desk: str | None
    translator: str | None


class Store:
    """The audit database, opened for one audit (or one report)."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True) -> None:
        self.path = str(path)
        if not create and not os.path.isfile(self.path):
            raise UsageError(f"{self.path}: no audit database here (run 'tlqa audit' first)")
        if create:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._schema()
        except sqlite3.DatabaseError as exc:
            raise UsageError(f"{self.path}: not a tlqa audit database ({exc})") from None
        self._scoped = False

    def _schema(self) -> None:
        tables = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "meta" in tables:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema'").fetchone()
            if row is None or row[0] != SCHEMA_VERSION:
                found = row[0] if row else "none"
                raise UsageError(
                    f"{self.path}: audit database of schema {found}, this tlqa uses {SCHEMA_VERSION} "
                    "(remove it or name another with --db)"
                )
        elif tables:
            raise UsageError(f"{self.path}: an SQLite database, but not tlqa's (name another with --db)")
        self.db.executescript(_SCHEMA)
        self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def close(self) -> None:
        self.db.close()

    # -- writing --------------------------------------------------------------------------------------

    def lookup(self, path: str) -> Stored | None:
        """What is stored for `path` (to tell whether it changed), or None."""
        row = self.db.execute(
            "SELECT key, stamp, status, desk, translator FROM articles WHERE path = ?", (path,)
        ).fetchone()
        return Stored(*row) if row else None

    def update_stamp(self, path: str, stamp: str | None) -> None:
        """The files were touched but not changed: remember how they look now."""
        self.db.execute("UPDATE articles SET stamp = ? WHERE path = ?", (stamp, path))

    def save(self, outcome: Outcome, meta: dict[str, Any]) -> None:
        """Replace the article's result with `outcome`, in one transaction. `meta`: source, reference,
        published, desk, translator, tlqa_version, config_hash, format."""
        counts = outcome.counts()
        row = {
            **meta,
            "path": outcome.path,
            "key": outcome.key,
            "status": outcome.status,
            "error": outcome.error,
            "encoding": outcome.encoding,
            "language": outcome.language,
            "findings": len(outcome.findings),
            "errors": counts["error"],
            "warnings": counts["warning"],
            "infos": counts["info"],
            "crashed": outcome.crashed,
            "report": outcome.report,
            "names": outcome.names or None,
            "checked_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        columns = ", ".join(_ARTICLE_COLUMNS)
        marks = ", ".join("?" for _ in _ARTICLE_COLUMNS)
        finding_marks = ", ".join("?" for _ in range(len(FINDING_KEYS) + 2))
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM findings WHERE path = ?", (outcome.path,))
            db.execute(
                f"INSERT OR REPLACE INTO articles ({columns}) VALUES ({marks})",
                [row.get(c) for c in _ARTICLE_COLUMNS],
            )
            if outcome.findings:
                db.executemany(
                    f"INSERT INTO findings VALUES ({finding_marks})",
                    [(outcome.path, seq, *values) for seq, values in enumerate(outcome.findings)],
                )
            db.execute("COMMIT")
        except BaseException:
            # An interrupt can land after the COMMIT went through: roll back only what is still open.
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise

    def update_labels(self, path: str, desk: str | None, translator: str | None) -> None:
        """A manifest's desk or translator changed for an article whose result still holds."""
        self.db.execute(
            "UPDATE articles SET desk = ?, translator = ? WHERE path = ?", (desk, translator, path)
        )

    # -- scope ------------------------------------------------------------------------------------------

    def set_scope(self, paths: Iterable[str]) -> None:
        """Limit the reading queries to these articles (the current audit)."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS scope (path TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM scope")
        self.db.execute("BEGIN")
        self.db.executemany("INSERT OR IGNORE INTO scope VALUES (?)", ((p,) for p in paths))
        self.db.execute("COMMIT")
        self._scoped = True

    def scope_all(self) -> None:
        """Every article in the database (a report without a new audit)."""
        self.set_scope(r[0] for r in self.db.execute("SELECT path FROM articles").fetchall())

    # -- reading ----------------------------------------------------------------------------------------

    def query(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """A query over the scoped articles: `sql` may name `a` (articles in scope) and `f` (their
        findings) through the views below."""
        return self.db.execute(self._scoped_sql(sql), tuple(params)).fetchall()

    def iterate(self, sql: str, params: Iterable[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """As `query`, streaming rows."""
        cursor = self.db.execute(self._scoped_sql(sql), tuple(params))
        while True:
            rows = cursor.fetchmany(256)
            if not rows:
                return
            yield from rows

    def _scoped_sql(self, sql: str) -> str:
        if not self._scoped:
            raise RuntimeError("set_scope() first")
        return (
            "WITH a AS (SELECT articles.* FROM articles JOIN scope USING (path)), "
            "f AS (SELECT findings.* FROM findings JOIN scope USING (path)) " + sql
        )

    def cached(self, name: str, token: str) -> str | None:
        """A value derived from the results (e.g. the cross-article names), if it was computed for the
        same `token` (a hash of what it was derived from)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (f"cache.{name}.{token}",)).fetchone()
        return row[0] if row else None

    def cache(self, name: str, token: str, value: str) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self.db.execute("DELETE FROM meta WHERE key LIKE ?", (f"cache.{name}.%",))
        self.db.execute("INSERT INTO meta VALUES (?, ?)", (f"cache.{name}.{token}", value))
        self.db.execute("COMMIT")

    def findings_of(self, path: str) -> list[tuple[Any, ...]]:
        cols = ", ".join(f'"{k}"' for k in FINDING_KEYS)
        return self.db.execute(f"SELECT {cols} FROM findings WHERE path = ? ORDER BY seq", (path,)).fetchall()

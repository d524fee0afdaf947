"""The audit's summary, read from the store: counts by family and rule, the worst articles, the share
that passed clean, articles that could not be read or checked, and cross-article names. SQL does the
counting, so the summary of 100,000 articles costs no more memory than that of ten.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from tlqa.audit import names as names_module
from tlqa.findings import Severity

if TYPE_CHECKING:
    from tlqa.audit.names import NameVariant
    from tlqa.audit.store import Store

SEVERITIES = ("error", "warning", "info")


@dataclass(frozen=True, slots=True)
class RuleCount:
    rule: str
    family: str
    findings: int
    articles: int


@dataclass(frozen=True, slots=True)
class ArticleCount:
    path: str
    errors: int
    warnings: int
    infos: int

    @property
    def findings(self) -> int:
        return self.errors + self.warnings + self.infos


@dataclass(frozen=True, slots=True)
class GroupCount:
    """Articles of one desk or one translator/engine (or one month)."""

    group: str
    articles: int
    clean: int
    findings: int
    errors: int

    @property
    def per_article(self) -> float:
        return self.findings / self.articles if self.articles else 0.0


@dataclass
class Summary:
    articles: int = 0
    checked_ok: int = 0  # articles with a result (status ok)
    clean: int = 0
    unreadable: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)
    crashed_articles: int = 0  # articles on which at least one rule crashed
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_family: dict[str, dict[str, int]] = field(default_factory=dict)  # family -> severity -> count
    by_rule: list[RuleCount] = field(default_factory=list)
    worst: list[ArticleCount] = field(default_factory=list)
    months: dict[str, dict[str, int]] = field(default_factory=dict)  # YYYY-MM or 'undated' -> family -> n
    desks: list[GroupCount] = field(default_factory=list)
    translators: list[GroupCount] = field(default_factory=list)
    names: list[NameVariant] = field(default_factory=list)
    checked_now: int | None = None  # this run: checked, and found unchanged
    cached_now: int | None = None
    elapsed: float | None = None

    @property
    def clean_share(self) -> float:
        return self.clean / self.checked_ok if self.checked_ok else 0.0

    def worst_severity(self) -> Severity | None:
        for label in SEVERITIES:
            if self.by_severity.get(label):
                return Severity.parse(label)
        return None


def build(store: Store, *, top: int = 10) -> Summary:
    s = Summary()
    row = store.query(
        "SELECT count(*), sum(status = 'ok'), sum(status = 'ok' AND findings = 0), sum(crashed > 0) FROM a"
    )[0]
    s.articles, s.checked_ok, s.clean, s.crashed_articles = (int(v or 0) for v in row)
    for path, status, error in store.query(
        "SELECT path, status, error FROM a WHERE status != 'ok' ORDER BY path"
    ):
        (s.unreadable if status == "unreadable" else s.failed).append((path, error or ""))
    s.by_severity = dict.fromkeys(SEVERITIES, 0)
    for family, severity, n in store.query(
        "SELECT family, severity, count(*) FROM f GROUP BY family, severity ORDER BY family"
    ):
        s.by_family.setdefault(family, dict.fromkeys(SEVERITIES, 0))[severity] = n
        s.by_severity[severity] += n
    s.findings = sum(s.by_severity.values())
    s.by_rule = [
        RuleCount(*r)
        for r in store.query(
            "SELECT rule, family, count(*) AS n, count(DISTINCT path) FROM f "
            "GROUP BY rule, family ORDER BY n DESC, rule"
        )
    ]
    s.worst = [
        ArticleCount(*r)
        for r in store.query(
            "SELECT path, errors, warnings, infos FROM a WHERE findings > 0 "
            "ORDER BY errors DESC, warnings DESC, infos DESC, path LIMIT ?",
            (top,),
        )
    ]
    for month, family, n in store.query(
        "SELECT coalesce(substr(a.published, 1, 7), 'undated') AS m, f.family, count(*) "
        "FROM f JOIN a USING (path) GROUP BY m, f.family ORDER BY m, f.family"
    ):
        s.months.setdefault(month, {})[family] = n
    s.desks = _groups(store, "desk")
    s.translators = _groups(store, "translator")
    s.names = _names(store)
    return s


def _names(store: Store) -> list[NameVariant]:
    """Cross-article names, kept in the store between runs: an unchanged archive does not read every
    article's names again."""
    import hashlib
    import json

    where = "FROM a WHERE status = 'ok' AND names IS NOT NULL ORDER BY path"
    digest = hashlib.sha256(
        f"{names_module.MIN_ARTICLES}/{names_module.RATIO}/{names_module.MAX_LISTED}".encode()
    )
    for path, key in store.iterate(f"SELECT path, key {where}"):
        digest.update(f"{path}\t{key}\n".encode())
    token = digest.hexdigest()[:32]
    cached = store.cached("names", token)
    if cached is not None:
        return [names_module.NameVariant.from_dict(d) for d in json.loads(cached)]
    found = names_module.variants(lambda: store.iterate(f"SELECT path, names {where}"))
    store.cache("names", token, json.dumps([v.as_dict() for v in found], ensure_ascii=False))
    return found


def _groups(store: Store, column: str) -> list[GroupCount]:
    rows = store.query(
        f"SELECT {column}, count(*), sum(findings = 0), sum(findings), sum(errors) FROM a "
        f"WHERE status = 'ok' AND {column} IS NOT NULL GROUP BY {column} ORDER BY {column}"
    )
    return [GroupCount(g, n, int(c or 0), int(f or 0), int(e or 0)) for g, n, c, f, e in rows]


def as_dict(s: Summary) -> dict[str, object]:
    """The summary as JSON data (for exports)."""
    return {
        "articles": s.articles,
        "checked": s.checked_ok,
        "clean": s.clean,
        "clean_share": round(s.clean_share, 4),
        "unreadable": [{"path": p, "reason": r} for p, r in s.unreadable],
        "failed": [{"path": p, "reason": r} for p, r in s.failed],
        "articles_with_crashed_rules": s.crashed_articles,
        "by_rule": [
            {"rule": r.rule, "family": r.family, "findings": r.findings, "articles": r.articles}
            for r in s.by_rule
        ],
        "worst": [
            {"path": w.path, "errors": w.errors, "warnings": w.warnings, "info": w.infos} for w in s.worst
        ],
        "by_desk": [_group_dict(g) for g in s.desks],
        "by_translator": [_group_dict(g) for g in s.translators],
        "cross_article": {"names": [v.as_dict() for v in s.names]},
    }


def _group_dict(g: GroupCount) -> dict[str, object]:
    return {
        "group": g.group,
        "articles": g.articles,
        "clean": g.clean,
        "findings": g.findings,
        "errors": g.errors,
    }


def render_text(s: Summary, out: TextIO, *, db: str | None = None) -> None:
    """The summary as a person reads it at the end of `tlqa audit`."""
    w = out.write
    run = ""
    if s.checked_now is not None:
        rate = f", {s.checked_now / s.elapsed:.0f} articles/s" if s.elapsed and s.checked_now >= 10 else ""
        run = f" ({s.checked_now} checked now, {s.cached_now} unchanged since the last audit{rate})"
    w(f"Audit of {s.articles} article{'s' if s.articles != 1 else ''}{run}\n")
    pct = f"{100 * s.clean_share:.1f}%"
    w(f"  clean: {s.clean} of {s.checked_ok} checked ({pct})\n")
    sev = ", ".join(
        f"{n} {label}{'s' if n != 1 and label != 'info' else ''}" for label, n in s.by_severity.items()
    )
    w(f"  findings: {s.findings} ({sev})\n")
    if s.unreadable:
        w(f"  unreadable: {len(s.unreadable)}\n")
    if s.failed:
        w(f"  failed (tlqa could not check them): {len(s.failed)}\n")
    if s.crashed_articles:
        w(f"  articles on which a rule crashed: {s.crashed_articles}\n")
    if s.by_family:
        w("\nBy family            errors  warnings      info\n")
        for family, counts in sorted(s.by_family.items()):
            w(f"  {family:<16}{counts['error']:>9}{counts['warning']:>10}{counts['info']:>10}\n")
    if s.by_rule:
        w("\nBy rule              findings  articles\n")
        for r in s.by_rule:
            w(f"  {r.rule:<6} {r.family:<12}{r.findings:>9}{r.articles:>10}\n")
    if s.worst:
        w("\nWorst articles       errors  warnings      info\n")
        for a in s.worst:
            w(f"  {a.errors:>5} {a.warnings:>9} {a.infos:>9}  {a.path}\n")
    for title, groups in (("desk", s.desks), ("translator/engine", s.translators)):
        if groups:
            w(f"\nBy {title:<17} articles  clean  findings/article\n")
            for g in groups:
                w(f"  {g.group:<20}{g.articles:>8}{g.clean:>7}{g.per_article:>18.2f}\n")
    if s.names:
        w("\nCross-article names (a spelling in few articles against one in many)\n")
        for v in s.names:
            w(f"  {v.message}\n")
            w(
                f"      '{v.variant}': {', '.join(v.variant_paths)}"
                f"{_more(v.variant_articles, v.variant_paths)}\n"
            )
    for title, rows in (("Unreadable", s.unreadable), ("Failed", s.failed)):
        if rows:
            w(f"\n{title}\n")
            for path, reason in rows[:20]:
                w(f"  {path}: {reason}\n")
            if len(rows) > 20:
                w(f"  ... and {len(rows) - 20} more (see the database)\n")
    if db:
        w(f"\nResults: {db}\n")


def _more(total: int, listed: tuple[str, ...]) -> str:
    return f" and {total - len(listed)} more" if total > len(listed) else ""

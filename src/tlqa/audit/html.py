"""The audit's HTML report: one self-contained file (inline CSS and SVG, no script, no network) that
opens in any browser, and prints.

Charts, drawn here as SVG: findings by family over publication months (stacked bars), the rules that
fire most, the worst articles (stacked by severity), and, when the manifest says, findings per article
by desk and by translator or engine. Then tables: findings by family and severity, cross-article names,
and the articles that could not be read or checked. Every bar has a tooltip (an SVG <title>) with its
numbers. The same summary gives the same bytes.
"""

from __future__ import annotations

import math
from html import escape
from typing import TYPE_CHECKING

from tlqa.rules import FAMILIES

if TYPE_CHECKING:
    from tlqa.audit.summary import GroupCount, Summary

FAMILY_COLORS = {
    "quotes": "#4e79a7",
    "names": "#f28e2b",
    "dates": "#e15759",
    "numbers": "#76b7b2",
    "fragments": "#59a14f",
    "untranslated": "#edc948",
    "style": "#b07aa1",
    "reference": "#ff9da7",
    "alignment": "#9c755f",
}
SEVERITY_COLORS = {"error": "#c0392b", "warning": "#e69f00", "info": "#3b7dd8"}
GROUP_COLOR = "#52616b"  # desks and translators: no family's colour
_OTHER = "#8c8c8c"

_CSS = """
:root { --ink: #1d2330; --muted: #5b6475; --line: #d9dee7; --bg: #f6f7f9; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 20px 48px; }
h1 { font-size: 24px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 8px; }
.sub { color: var(--muted); margin: 0 0 20px; }
.tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; }
.tile { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
.tile .n { font-size: 26px; font-weight: 650; }
.tile .l { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
figure.chart { background: #fff; border: 1px solid var(--line); border-radius: 8px; margin: 12px 0;
  padding: 12px 14px; }
figure.chart figcaption { font-weight: 600; margin-bottom: 6px; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #3a4150; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-top: 6px; color: var(--muted);
  font-size: 12px; }
.legend i { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { text-align: left; padding: 6px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #eef1f5; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
code, .path { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.empty { color: var(--muted); font-style: italic; }
footer { color: var(--muted); margin-top: 36px; font-size: 12px; }
@media print { body { background: #fff; } figure.chart, .tile, table { break-inside: avoid; } }
"""


def _family_color(family: str) -> str:
    return FAMILY_COLORS.get(family, _OTHER)


def _nice_max(value: float) -> float:
    """The axis maximum: 1, 2 or 5 times a power of ten, at least `value`."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _fmt(n: float) -> str:
    return f"{n:,.0f}" if float(n).is_integer() else f"{n:g}"


def _legend(items: list[tuple[str, str]]) -> str:
    return (
        '<div class="legend">'
        + "".join(f'<span><i style="background:{c}"></i>{escape(label)}</span>' for label, c in items)
        + "</div>"
    )


def _figure(chart_id: str, caption: str, svg: str, legend: str = "") -> str:
    head = f'<figure class="chart" id="{chart_id}"><figcaption>{escape(caption)}</figcaption>'
    return f"{head}{svg}{legend}</figure>"


def _empty_svg(message: str) -> str:
    return (
        f'<svg class="chart-svg" viewBox="0 0 900 60" width="900" height="60" role="img" '
        f'aria-label="{escape(message)}"><text x="8" y="34" class="empty">{escape(message)}</text></svg>'
    )


def months_chart(months: dict[str, dict[str, int]]) -> str:
    """Findings by family over publication months: one stacked bar per month."""
    if not months:
        return _figure(
            "chart-months", "Findings by family over publication months", _empty_svg("No findings")
        )
    keys = sorted(k for k in months if k != "undated") + (["undated"] if "undated" in months else [])
    families = [f for f in FAMILIES if any(f in months[k] for k in keys)]
    families += sorted({f for k in keys for f in months[k]} - set(families))
    width, height, left, bottom, top = 900, 300, 48, 44, 12
    plot_w, plot_h = width - left - 12, height - bottom - top
    peak = _nice_max(max(sum(months[k].values()) for k in keys))
    slot = plot_w / len(keys)
    bar = max(2.0, min(48.0, slot * 0.72))
    parts = [_axis(left, top, plot_w, plot_h, peak)]
    label_every = max(1, math.ceil(len(keys) / 18))
    for i, key in enumerate(keys):
        x = left + i * slot + (slot - bar) / 2
        y = top + plot_h
        for family in families:
            n = months[key].get(family, 0)
            if not n:
                continue
            h = plot_h * n / peak
            y -= h
            parts.append(
                f'<rect class="mark" data-family="{escape(family)}" data-month="{escape(key)}" '
                f'data-count="{n}" '
                f'x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{_family_color(family)}">'
                f"<title>{escape(key)}: {escape(family)} {n}</title></rect>"
            )
        if i % label_every == 0:
            cx = left + i * slot + slot / 2
            parts.append(
                f'<text x="{cx:.1f}" y="{top + plot_h + 16}" text-anchor="middle">{escape(key)}</text>'
            )
    svg = _svg("chart-months", width, height, "Findings by family over publication months", parts)
    legend = _legend([(f, _family_color(f)) for f in families])
    return _figure("chart-months", "Findings by family over publication months", svg, legend)


def _axis(left: float, top: float, plot_w: float, plot_h: float, peak: float) -> str:
    out = []
    steps = 4 if f"{peak:e}".startswith("2") else 5  # whole steps: 0-20 by 5, 0-10 by 2, 0-50 by 10
    for k in range(steps + 1):
        value = peak * k / steps
        y = top + plot_h - plot_h * k / steps
        out.append(f'<line x1="{left}" x2="{left + plot_w:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ee"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{_fmt(value)}</text>')
    return "".join(out)


def _svg(chart_id: str, width: int, height: int, label: str, parts: list[str]) -> str:
    return (
        f'<svg class="chart-svg" id="{chart_id}-svg" viewBox="0 0 {width} {height}" width="{width}" '
        f'height="{height}" role="img" aria-label="{escape(label)}" xmlns="http://www.w3.org/2000/svg">'
        + "".join(parts)
        + "</svg>"
    )


def _hbars(
    chart_id: str,
    caption: str,
    rows: list[tuple[str, list[tuple[float, str, str]], str]],
    *,
    label_width: int = 260,
    right: int = 110,
    empty: str = "Nothing to show",
) -> str:
    """Horizontal (stacked) bars: rows of (label, [(value, colour, tooltip)], text after the bar)."""
    if not rows:
        return _figure(chart_id, caption, _empty_svg(empty))
    width, row_h, top = 900, 24, 6
    height = top * 2 + row_h * len(rows)
    plot_w = width - label_width - right  # room on the right for the text after the longest bar
    peak = _nice_max(max(sum(v for v, _c, _t in segs) for _l, segs, _a in rows))
    parts = []
    for i, (label, segments, after) in enumerate(rows):
        y = top + i * row_h
        shown = label if len(label) <= 42 else "…" + label[-41:]
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end"><title>{escape(label)}</title>'
            f"{escape(shown)}</text>"
        )
        x = float(label_width)
        for value, color, tip in segments:
            if value <= 0:
                continue
            w = max(1.5, plot_w * value / peak)
            parts.append(
                f'<rect class="mark" data-count="{_fmt(value)}" x="{x:.1f}" y="{y + 4}" width="{w:.1f}" '
                f'height="{row_h - 8}" rx="2" fill="{color}"><title>{escape(tip)}</title></rect>'
            )
            x += w
        parts.append(f'<text x="{x + 6:.1f}" y="{y + 16}">{escape(after)}</text>')
    return _figure(chart_id, caption, _svg(chart_id, width, height, caption, parts))


def rules_chart(s: Summary, top: int = 15) -> str:
    rows = [
        (
            f"{r.rule} ({r.family})",
            [
                (
                    float(r.findings),
                    _family_color(r.family),
                    f"{r.rule}: {_count(r.findings, 'finding')} in {_count(r.articles, 'article')}",
                )
            ],
            f"{r.findings:,} in {_count(r.articles, 'article')}",
        )
        for r in s.by_rule[:top]
    ]
    families = sorted({r.family for r in s.by_rule[:top]})
    figure = _hbars(
        "chart-rules", "Rules that fire most", rows, label_width=180, right=170, empty="No findings"
    )
    if rows:
        figure = figure.replace("</figure>", _legend([(f, _family_color(f)) for f in families]) + "</figure>")
    return figure


def worst_chart(s: Summary) -> str:
    rows = [
        (
            a.path,
            [
                (float(a.errors), SEVERITY_COLORS["error"], f"{a.errors} errors"),
                (float(a.warnings), SEVERITY_COLORS["warning"], f"{a.warnings} warnings"),
                (float(a.infos), SEVERITY_COLORS["info"], f"{a.infos} info"),
            ],
            f"{a.errors} / {a.warnings} / {a.infos}",
        )
        for a in s.worst
    ]
    figure = _hbars("chart-worst", "Worst articles (errors / warnings / info)", rows, empty="No findings")
    if rows:
        legend = _legend([(label, c) for label, c in SEVERITY_COLORS.items()])
        figure = figure.replace("</figure>", legend + "</figure>")
    return figure


def groups_chart(chart_id: str, caption: str, groups: list[GroupCount]) -> str:
    rows = [
        (
            g.group,
            [
                (
                    g.per_article,
                    "#4e79a7",
                    f"{g.group}: {_count(g.findings, 'finding')} in {_count(g.articles, 'article')}",
                )
            ],
            f"{g.per_article:.2f} per article, {100 * g.clean / g.articles:.0f}% clean "
            f"({_count(g.articles, 'article')})",
        )
        for g in groups
    ]
    return _hbars(chart_id, caption, rows, label_width=200, right=300)


def _tiles(s: Summary) -> str:
    sev = s.by_severity
    tiles = [
        ("Articles", f"{s.articles:,}"),
        ("Passed clean", f"{100 * s.clean_share:.1f}%"),
        ("Findings", f"{s.findings:,}"),
        (
            "Errors / warnings / info",
            f"{sev.get('error', 0):,} / {sev.get('warning', 0):,} / {sev.get('info', 0):,}",
        ),
        ("Unreadable or failed", f"{len(s.unreadable) + len(s.failed):,}"),
        ("Articles with a rule crash", f"{s.crashed_articles:,}"),
    ]
    return (
        '<section class="tiles">'
        + "".join(
            f'<div class="tile"><div class="n">{escape(v)}</div><div class="l">{escape(k)}</div></div>'
            for k, v in tiles
        )
        + "</section>"
    )


def _family_table(s: Summary) -> str:
    if not s.by_family:
        return '<p class="empty">No findings.</p>'
    rows = "".join(
        f'<tr><td><i style="display:inline-block;width:10px;height:10px;border-radius:2px;'
        f'background:{_family_color(f)};margin-right:6px"></i>{escape(f)}</td>'
        f'<td class="n">{c["error"]:,}</td><td class="n">{c["warning"]:,}</td>'
        f'<td class="n">{c["info"]:,}</td>'
        f'<td class="n">{sum(c.values()):,}</td></tr>'
        for f, c in sorted(s.by_family.items())
    )
    head = "<tr><th>family</th>" + "".join(
        f'<th class="n">{h}</th>' for h in ("errors", "warnings", "info", "total")
    )
    head += "</tr>"
    return f"<table>{head}{rows}</table>"


def _names_table(s: Summary) -> str:
    if not s.names:
        return '<p class="empty">No name is spelled differently across articles.</p>'
    rows = []
    for v in s.names:
        more = (
            f" and {v.variant_articles - len(v.variant_paths)} more"
            if v.variant_articles > len(v.variant_paths)
            else ""
        )
        rows.append(
            f"<tr><td><b>{escape(v.variant)}</b></td><td class='n'>{v.variant_articles:,}</td>"
            f"<td><b>{escape(v.established)}</b></td><td class='n'>{v.established_articles:,}</td>"
            f"<td class='path'>{'<br>'.join(escape(p) for p in v.variant_paths)}{escape(more)}</td></tr>"
        )
    head = (
        "<tr><th>spelling</th><th class='n'>articles</th><th>established</th><th class='n'>articles</th>"
        "<th>articles with the spelling</th></tr>"
    )
    return f"<table>{head}{''.join(rows)}</table>"


def _problems_table(s: Summary) -> str:
    rows = [("unreadable", p, r) for p, r in s.unreadable] + [("failed", p, r) for p, r in s.failed]
    if not rows:
        return '<p class="empty">Every article was read and checked.</p>'
    body = "".join(
        f"<tr><td>{escape(k)}</td><td class='path'>{escape(p)}</td><td>{escape(r)}</td></tr>"
        for k, p, r in rows[:500]
    )
    more = f"<p>… and {len(rows) - 500} more in the database.</p>" if len(rows) > 500 else ""
    return f"<table><tr><th>status</th><th>article</th><th>reason</th></tr>{body}</table>{more}"


def render(s: Summary, *, version: str, db: str | None = None) -> str:
    sections = [
        "<h2>Overview</h2>",
        _tiles(s),
        "<h2>Over time</h2>",
        months_chart(s.months),
        "<h2>Rules and articles</h2>",
        rules_chart(s),
        worst_chart(s),
    ]
    if s.desks or s.translators:
        sections.append("<h2>Desks and translators</h2>")
        if s.desks:
            sections.append(groups_chart("chart-desks", "Findings per article by desk", s.desks))
        if s.translators:
            sections.append(
                groups_chart(
                    "chart-translators", "Findings per article by translator or engine", s.translators
                )
            )
    sections += [
        "<h2>By family and severity</h2>",
        _family_table(s),
        "<h2>Cross-article names</h2>",
        _names_table(s),
        "<h2>Articles not checked</h2>",
        _problems_table(s),
    ]
    source = f" from <code>{escape(db)}</code>" if db else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>tlqa audit: {s.articles:,} articles</title><style>{_CSS}</style></head><body><main>"
        f"<h1>Translation QA audit</h1><p class='sub'>{s.articles:,} articles, "
        f"{s.findings:,} findings{source}</p>"
        + "".join(sections)
        + f"<footer>tlqa {escape(version)}</footer>"
        "</main></body></html>\n"
    )


def write(path: str, s: Summary, *, version: str, db: str | None = None) -> None:
    import os
    from pathlib import Path

    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp{os.getpid()}")
    tmp.write_text(render(s, version=version, db=db), encoding="utf-8")
    os.replace(tmp, target)

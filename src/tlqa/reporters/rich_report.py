"""Rich format: the desk editor's report, the default on a terminal.

Per file: a header (path, encoding, language, counts; source, reference and metrics when known). Per
paragraph with findings: its text with each finding's span highlighted by severity (long paragraphs are
cut to windows around the spans, joined by an ellipsis), then each finding as

    line:col  CODE  severity  message
                              suggestion: ⟦replacement⟧ (safe)
                              key: value          (evidence, dimmed)

At the end, a table by family and severity and a one-line summary, or "No findings in N files".

Without colour (color=False, or output that is not a terminal) there are no ANSI escapes at all, so the
spans are marked in the text instead: ⟦ and ⟧ around a span, ‸ for an empty one (an insertion point).
Article text is made safe to print: control characters, bidirectional controls and invisible spaces are
shown as visible stand-ins, so an article cannot drive the terminal or hide what a finding points at.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from tlqa.findings import Applicability, Severity
from tlqa.reporters._common import SEVERITIES, excerpt, plain, plural, summary_line
from tlqa.rules import FAMILIES

if TYPE_CHECKING:
    from tlqa.findings import FileReport, Finding, ParagraphInfo, RunReport
    from tlqa.rules import Registry

SPAN_STYLES = {
    Severity.ERROR: "bold underline red",
    Severity.WARNING: "underline yellow",
    Severity.INFO: "underline cyan",
}
LABEL_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
OPEN, CLOSE, CARET, ELLIPSIS = "⟦", "⟧", "‸", "…"

SHORTEN_OVER = 480  # code points: a longer paragraph is shown as windows around its findings' spans
CONTEXT = 80  # code points kept on each side of a span in a shortened paragraph
SNAP = 16  # how far a window's edge may move to fall on a space rather than inside a word

# Characters that would act on the terminal or not show: C0/C1 controls, bidirectional controls,
# zero-width and line/paragraph separators. Tab and line feed are handled apart, and CR before.
_INVISIBLE = [
    *range(0x00, 0x09),
    *range(0x0B, 0x20),
    *range(0x7F, 0xA0),
    0x061C,
    0x200B,
    0x200E,
    0x200F,
    *range(0x2028, 0x202F),
    0x2060,
    *range(0x2066, 0x206A),
    0xFEFF,
]
_VISIBLE = {c: (chr(0x2400 + c) if c < 0x20 else f"⟨U+{c:04X}⟩") for c in _INVISIBLE}
_VISIBLE[0x7F] = "␡"
_NEEDS_CARE = re.compile("[" + "".join(re.escape(chr(c)) for c in [*_INVISIBLE, 0x09, 0x0D]) + "]")


def visible(text: str) -> str:
    """`text` safe to print: line breaks as LF, a tab as a space (rich would misplace it), invisible and
    control characters as visible stand-ins."""
    if not _NEEDS_CARE.search(text):
        return text
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_VISIBLE).replace("\t", " ")


# ---------------------------------------------------------------------------------------------------
# Choosing what to show of a paragraph


def windows(
    text: str,
    spans: Sequence[tuple[int, int]],
    *,
    limit: int = SHORTEN_OVER,
    context: int = CONTEXT,
) -> list[tuple[int, int]]:
    """Ranges of `text` to show, sorted and disjoint, together covering every span (offsets into text).

    Leading and trailing whitespace is dropped unless a span covers it. A text longer than `limit` is cut
    to `context` characters around each span, each cut moved to a nearby space when there is one."""
    n = len(text)
    lo = min([n - len(text.lstrip()), *(s for s, _ in spans)])
    hi = max([len(text.rstrip()), *(e for _, e in spans)])
    if hi - lo <= limit or not spans:
        return [(lo, max(lo, hi))]
    ranges = []
    for s, e in sorted(spans):
        a, b = max(lo, s - context), min(hi, e + context)
        space = text.rfind(" ", max(lo, a - SNAP), a + 1)
        if a > lo and space >= 0:
            a = min(space + 1, s)
        space = text.find(" ", b, min(hi, b + SNAP))
        if b < hi and space >= 0:
            b = max(space, e)
        ranges.append((a, b))
    merged: list[tuple[int, int]] = []
    for a, b in ranges:
        if merged and a <= merged[-1][1] + len(f" {ELLIPSIS} "):
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


@dataclass
class _Mark:
    start: int  # relative to the block
    end: int
    severity: Severity


def _highlight(text: str, marks: Sequence[_Mark], a: int, b: int, *, markers: bool) -> Text:
    """text[a:b] with the marks that lie inside it styled (and bracketed when `markers`), in one sweep
    over the marks' edges, so that a paragraph with many findings stays cheap."""
    opens: dict[int, list[Severity]] = defaultdict(list)
    closes: dict[int, list[Severity]] = defaultdict(list)
    carets: dict[int, list[Severity]] = defaultdict(list)
    for m in marks:
        if not (a <= m.start <= m.end <= b):
            continue  # shown in another window
        if m.start == m.end:
            carets[m.start].append(m.severity)
        else:
            opens[m.start].append(m.severity)
            closes[m.end].append(m.severity)
    ordered = sorted({a, b, *opens, *closes, *carets})
    active: Counter[Severity] = Counter()
    out = Text()
    for p, q in itertools.pairwise([*ordered, None]):
        active.subtract(closes[p])
        if markers:
            out.append(CLOSE * len(closes[p]))
        for severity in carets[p]:
            out.append(CARET, style=SPAN_STYLES[severity])
        active.update(opens[p])
        if markers:
            out.append(OPEN * len(opens[p]))
        if q is not None:
            worst = max((severity for severity, n in active.items() if n > 0), default=None)
            out.append(visible(text[p:q]), style=SPAN_STYLES[worst] if worst is not None else "")
    return out


def paragraph_text(text: str, marks: Sequence[_Mark], *, markers: bool) -> Text:
    """The block's text as shown: whole, or windows around the marks joined by an ellipsis."""
    shown = windows(text, [(m.start, m.end) for m in marks])
    out = Text()
    if text[: shown[0][0]].strip():
        out.append(ELLIPSIS + " ", style="dim")
    for i, (a, b) in enumerate(shown):
        if i:
            out.append(f" {ELLIPSIS} ", style="dim")
        out.append_text(_highlight(text, marks, a, b, markers=markers))
    if text[shown[-1][1] :].strip():
        out.append(" " + ELLIPSIS, style="dim")
    return out


# ---------------------------------------------------------------------------------------------------
# Grouping findings by paragraph


@dataclass
class _Block:
    start: int
    end: int
    title: str
    findings: list[Finding] = field(default_factory=list)


def _blocks(report: FileReport) -> list[_Block]:
    """The file's findings grouped by the paragraph they are in (by index, else by offset), or by line
    when no paragraph holds them; each block spans its paragraph or lines and all its findings."""
    text = report.text
    n = len(text)
    by_index = {p.index: p for p in report.paragraphs}
    ordered = sorted(report.paragraphs, key=lambda p: p.start)
    starts = [p.start for p in ordered]
    chrf = _paragraph_chrf(report)  # shown where a paragraph has findings: is it also far from the reference?
    blocks: dict[tuple[str, int], _Block] = {}
    for f in report.findings:
        s, e = min(max(f.start, 0), n), min(max(f.end, f.start, 0), n)
        para: ParagraphInfo | None = by_index.get(f.paragraph) if f.paragraph is not None else None
        if para is None and ordered:
            i = bisect.bisect_right(starts, s) - 1
            if i >= 0 and ordered[i].start <= s < max(ordered[i].end, ordered[i].start + 1):
                para = ordered[i]
        if para is not None:
            key = ("p", para.index)
            start, end = min(para.start, s), max(para.end, e)
            title = f"paragraph {para.index + 1} · {para.kind} · line {para.line}"
            if para.index in chrf:
                title += f" · chrF {chrf[para.index]:.1f}"
        else:
            start = text.rfind("\n", 0, s) + 1
            end = text.find("\n", e)
            end = n if end < 0 else end
            key = ("l", start)
            title = f"line {f.begin.line}"
        block = blocks.get(key)
        if block is None:
            block = blocks[key] = _Block(start, end, title)
        block.start, block.end = min(block.start, start), max(block.end, end)
        block.findings.append(f)
    return sorted(blocks.values(), key=lambda b: (b.start, b.end))


# ---------------------------------------------------------------------------------------------------
# Rendering


def _counts(findings: Iterable[Finding]) -> str:
    counts = dict.fromkeys(SEVERITIES, 0)
    total = 0
    for f in findings:
        counts[f.severity] += 1
        total += 1
    if not total:
        return "no findings"
    parts = ", ".join(plural(n, s.label) for s, n in counts.items() if n)
    return f"{plural(total, 'finding')} ({parts})"


def _header(report: FileReport) -> Text:
    head = Text()
    head.append(visible(report.path), style="bold")
    details = [report.encoding]
    if report.language:
        details.append(report.language)
    details.append(_counts(report.findings))
    head.append("  " + " · ".join(details), style="dim")
    extra = []
    if report.source:
        extra.append(f"source: {visible(report.source)}")
    if report.reference:
        extra.append(f"reference: {visible(report.reference)}")
    if extra:
        head.append("\n" + " · ".join(extra), style="dim")
    return head


_METRICS = (("bleu", "BLEU"), ("chrf", "chrF"), ("ter", "TER"))


def _metrics_panel(report: FileReport) -> Text | None:
    """Scores against the reference (tlqa.metrics): one line of figures, then sacrebleu's signatures."""
    metrics = report.metrics or {}
    scores = [(label, metrics.get(key)) for key, label in _METRICS]
    if not any(isinstance(v, int | float) for _, v in scores):
        if "error" not in metrics:
            return None
        return Text(f"  reference metrics: {visible(str(metrics['error']))}", style="dim")
    panel = Text("  ")
    for i, (label, value) in enumerate(scores):
        if isinstance(value, int | float):
            panel.append(("   " if i else "") + f"{label} ")
            panel.append(f"{value:.1f}", style="bold")
    segments, pairing = metrics.get("segments"), metrics.get("pairing")
    if isinstance(segments, int):
        how = "paragraphs paired one to one" if pairing == "one-to-one" else "aligned paragraphs"
        panel.append(f"   over {plural(segments, 'segment')} ({how})", style="dim")
    signatures = metrics.get("signature")
    if isinstance(signatures, dict):
        for key, label in _METRICS:
            if key in signatures:
                panel.append(f"\n    {label:<5} {visible(str(signatures[key]))}", style="dim")
    return panel


def _paragraph_chrf(report: FileReport) -> dict[int, float]:
    """chrF of each article paragraph against its reference paragraph(s), from the metrics."""
    out: dict[int, float] = {}
    for item in (report.metrics or {}).get("paragraph_chrf") or ():
        if (
            isinstance(item, dict)
            and isinstance(item.get("chrf"), int | float)
            and item.get("reference_paragraphs")
        ):
            for index in item.get("paragraphs") or ():
                out[index] = item["chrf"]
    return out


def _evidence_value(value: Any) -> str:
    value = plain(value)
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return ", ".join(_evidence_value(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{visible(k)}={_evidence_value(v)}" for k, v in value.items())
    return json.dumps(value)


def _details(report: FileReport, finding: Finding) -> list[Text]:
    """The finding's message, then its suggestion and its evidence (dimmed), one Text each."""
    details = [Text(visible(finding.message))]
    suggestion = finding.suggestion
    if suggestion is not None:
        line = Text("suggestion: ")
        if suggestion.text:
            line.append(OPEN + visible(suggestion.text) + CLOSE, style="green")
        else:
            line.append(f"delete {OPEN}{visible(excerpt(report, finding))}{CLOSE}", style="green")
        line.append(f" ({suggestion.applicability.label})", style="dim")
        details.append(line)
    for key, value in (finding.evidence or {}).items():
        details.append(Text(f"{visible(str(key))}: {_evidence_value(value)}", style="dim"))
    return details


def _indented(console: Console, text: Text, indent: int, first: Text | None = None) -> list[Text]:
    """`text` wrapped to the console's width less `indent`, each line after `first` (or spaces)."""
    lines = text.wrap(console, max(console.width - indent, 20), overflow="fold")
    return [
        Text.assemble(first if i == 0 and first is not None else " " * indent, line)
        for i, line in enumerate(lines)
    ]


def _finding_lines(console: Console, report: FileReport, findings: Sequence[Finding]) -> list[Text]:
    """`line:col  CODE  severity  message` in aligned columns, details hanging under the message.
    (Laid out by hand: a rich Table costs about a millisecond a row, too much for a large audit.)"""
    positions = [f"{f.begin.line}:{f.begin.column}" for f in findings]
    pos_w = max(map(len, positions))
    code_w = max(len(f.rule) for f in findings)
    sev_w = max(len(f.severity.label) for f in findings)
    indent = 2 + pos_w + 2 + code_w + 2 + sev_w + 2
    out: list[Text] = []
    for finding, pos in zip(findings, positions, strict=True):
        head = Text(f"  {pos:>{pos_w}}  {finding.rule:<{code_w}}  ")
        head.append(f"{finding.severity.label:<{sev_w}}", style=LABEL_STYLES[finding.severity])
        head.append("  ")
        for i, detail in enumerate(_details(report, finding)):
            out += _indented(console, detail, indent, head if i == 0 else None)
    return out


def _render_file(console: Console, report: FileReport, *, markers: bool) -> None:
    console.rule(style="dim")
    console.print(_header(report))
    panel = _metrics_panel(report)
    if panel is not None:
        console.print(panel, overflow="fold")
    for block in _blocks(report):
        lines = [Text(""), Text("  " + block.title, style="dim")]
        text = report.text[block.start : block.end]
        if text.strip() or any(f.start == f.end for f in block.findings):
            marks = [
                _Mark(
                    min(max(f.start - block.start, 0), len(text)),
                    min(max(f.end - block.start, 0), len(text)),
                    f.severity,
                )
                for f in block.findings
            ]
            lines += _indented(console, paragraph_text(text, marks, markers=markers), 4)
        lines += _finding_lines(console, report, block.findings)
        console.print(Text("\n").join(lines), overflow="fold")
    console.print()


def _family_order(family: str) -> tuple[int, str]:
    known = list(FAMILIES)
    return (known.index(family), family) if family in known else (len(known), family)


def _summary_table(run: RunReport) -> Table:
    table = Table(
        box=box.SIMPLE,
        title="Summary",
        title_justify="left",
        show_footer=True,
        show_edge=False,
        pad_edge=False,
    )
    counts: dict[str, dict[Severity, int]] = {}
    for f in run.findings:
        row = counts.setdefault(f.family, dict.fromkeys(SEVERITIES, 0))
        row[f.severity] += 1
    totals = {s: sum(row[s] for row in counts.values()) for s in SEVERITIES}
    table.add_column("family", footer="total")
    for s in SEVERITIES:
        table.add_column(s.label, justify="right", footer=str(totals[s]), style=LABEL_STYLES[s])
    table.add_column("total", justify="right", footer=str(sum(totals.values())))
    for family in sorted(counts, key=_family_order):
        row = counts[family]
        table.add_row(family, *(str(row[s]) for s in SEVERITIES), str(sum(row.values())))
    return table


class _PlainLines:
    """The console's file: passes text through to `out`, dropping the spaces rich pads lines with when
    the output is plain (with colour they may be styled, and a terminal does not show them anyway)."""

    def __init__(self, out: TextIO) -> None:
        self._out = out
        self._pending = ""
        self.trim = False

    @property
    def encoding(self) -> str:
        return getattr(self._out, "encoding", None) or "utf-8"

    def isatty(self) -> bool:
        isatty = getattr(self._out, "isatty", None)
        return bool(isatty()) if callable(isatty) else False

    def fileno(self) -> int:
        return self._out.fileno()

    def write(self, text: str) -> int:
        if not self.trim:
            return self._out.write(text)
        lines = (self._pending + text).split("\n")
        self._pending = lines.pop()
        for line in lines:
            self._out.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        self._out.flush()

    def close(self) -> None:
        """Write what is left of an unfinished line (rich ends its output with a line break)."""
        if self._pending:
            self._out.write(self._pending.rstrip(" "))
            self._pending = ""


def make_console(out: TextIO | _PlainLines, *, color: bool | None, width: int | None) -> Console:
    options: dict[str, Any] = {
        "file": out,
        "width": width,
        "highlight": False,
        "markup": False,
        "emoji": False,
        "force_jupyter": False,
        "force_interactive": False,
    }
    if color is False:
        options.update(color_system=None, force_terminal=False, no_color=True)
    elif color is True:
        options.update(force_terminal=True, no_color=False)
    console = Console(**options)
    if color is True and console.color_system is None:  # asked for colour on a terminal rich thinks dumb
        console = Console(**options, color_system="standard")
    # Fix the size for the whole report: rich otherwise asks the terminal for it at every line.
    width_, height = console.size
    console.size = (width_ + console.legacy_windows, height)  # the getter takes legacy_windows off again
    return console


def render(
    run: RunReport,
    registry: Registry,
    out: TextIO,
    *,
    color: bool | None = None,
    width: int | None = None,
) -> None:
    file = _PlainLines(out)
    console = make_console(file, color=color, width=width)
    markers = file.trim = console.color_system is None
    for report in run.files:
        _render_file(console, report, markers=markers)
    if run.findings:
        console.print(_summary_table(run))
    console.print(Text(summary_line(run), style="bold"))
    fixable = sum(
        1 for f in run.findings if f.suggestion and f.suggestion.applicability is Applicability.SAFE
    )
    if fixable:
        console.print(Text(f"{plural(fixable, 'finding')} with a safe fix", style="dim"))
    file.close()

"""JSON format: the report contract (tlqa/data/report.schema.json), one document per run.

Beyond the contract's fields, each finding carries `applicability` (how safe its suggestion is to apply:
safe, unsafe, display-only; null without a suggestion) and `paragraph` (index into the file's
`paragraphs`), and each file its `paragraphs` ({index, kind, start, end, line}) and `alignment` (null
without a source, else the [source paragraph index, article paragraph index] pairs the aligner found,
tlqa.alignment). Order is stable: files and findings as the run holds them, keys in the order written
here. `excerpt` is cut from the file's text by [start, end), so it is that span exactly. Evidence and
metrics are made plain JSON (sets become sorted lists, other objects strings); a metric that is not a
finite number is left out.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from tlqa.reporters._common import excerpt, plain, tool_version

if TYPE_CHECKING:
    from tlqa.findings import FileReport, Finding, ParagraphInfo, RunReport
    from tlqa.rules import Registry


def finding_dict(report: FileReport, finding: Finding) -> dict[str, Any]:
    suggestion = finding.suggestion
    return {
        "rule": finding.rule,
        "family": finding.family,
        "severity": finding.severity.label,
        "line": finding.begin.line,
        "column": finding.begin.column,
        "end_line": finding.finish.line,
        "end_column": finding.finish.column,
        "start": finding.start,
        "end": finding.end,
        "excerpt": excerpt(report, finding),
        "message": finding.message,
        "suggestion": suggestion.text if suggestion is not None else None,
        "applicability": suggestion.applicability.label if suggestion is not None else None,
        "evidence": plain(finding.evidence),
        "paragraph": finding.paragraph,
    }


def paragraph_dict(paragraph: ParagraphInfo) -> dict[str, Any]:
    return {
        "index": paragraph.index,
        "kind": paragraph.kind,
        "start": paragraph.start,
        "end": paragraph.end,
        "line": paragraph.line,
    }


def _metrics(metrics: dict[str, Any] | None) -> dict[str, Any] | None:
    """Metrics as JSON data; one that is not a finite number (NaN, infinity) is left out, as the
    contract types scores as numbers."""
    if metrics is None:
        return None
    return {key: value for key, value in plain(metrics).items() if value is not None}


def file_dict(report: FileReport) -> dict[str, Any]:
    return {
        "path": report.path,
        "source": report.source,
        "reference": report.reference,
        "encoding": report.encoding,
        "language": report.language,
        "metrics": _metrics(report.metrics),
        "alignment": [list(pair) for pair in report.alignment] if report.alignment is not None else None,
        "paragraphs": [paragraph_dict(p) for p in report.paragraphs],
        "findings": [finding_dict(report, f) for f in report.findings],
    }


def to_dict(run: RunReport) -> dict[str, Any]:
    """The report as JSON data (what `render` writes)."""
    return {
        "tool": {"name": "tlqa", "version": tool_version(run)},
        "files": [file_dict(report) for report in run.files],
        "summary": {
            "files": len(run.files),
            "findings": len(run.findings),
            "by_severity": run.by_severity(),
            "by_family": run.by_family(),
        },
    }


def render(
    run: RunReport,
    registry: Registry,
    out: TextIO,
    *,
    color: bool | None = None,
    width: int | None = None,
) -> None:
    out.write(json.dumps(to_dict(run), ensure_ascii=False, indent=2, allow_nan=False))
    out.write("\n")

"""Helpers shared by the reporters: standard library and the findings model only."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from enum import Enum
from typing import Any, TextIO

from tlqa import __version__
from tlqa.findings import FileReport, Finding, RunReport, Severity

SEVERITIES = tuple(sorted(Severity, reverse=True))  # error, warning, info: the order reports use


def tool_version(run: RunReport) -> str:
    return run.version or __version__


def excerpt(report: FileReport, finding: Finding) -> str:
    """The text of [start, end) exactly, as the contract defines `excerpt`; the finding's own excerpt
    when the report carries no text covering the span."""
    if 0 <= finding.start <= finding.end <= len(report.text):
        return report.text[finding.start : finding.end]
    return finding.excerpt


def plain(value: Any) -> Any:
    """`value` as JSON data, deterministically: tuples and sets become lists (sets sorted), mapping keys
    strings, enums their label or name, non-finite floats null, anything else its str()."""
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, Enum):
        label = getattr(value, "label", None)
        return label if isinstance(label, str) else value.name.lower()
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((plain(v) for v in value), key=lambda v: (type(v).__name__, str(v)))
    return str(value)


def one_line(text: str) -> str:
    """A message on one line: line breaks become spaces."""
    return " ".join(text.splitlines()) if ("\n" in text or "\r" in text) else text


def plural(count: int, noun: str) -> str:
    if noun == "info" or count == 1:
        return f"{count} {noun}"
    return f"{count} {noun}s"


def summary_line(run: RunReport) -> str:
    """One sentence for the end of a report: `3 findings in 2 files (1 error, 2 warnings)`."""
    files = plural(len(run.files), "file")
    total = len(run.findings)
    if total == 0:
        return f"No findings in {files}"
    parts = [plural(n, label) for label, n in run.by_severity().items() if n]
    return f"{plural(total, 'finding')} in {files} ({', '.join(parts)})"


def write_lines(run: RunReport, out: TextIO, line: Callable[[str, Finding], str]) -> None:
    """One line per finding, file by file: the shape of the concise and github formats."""
    for report in run.files:
        for finding in report.findings:
            out.write(line(report.path, finding) + "\n")

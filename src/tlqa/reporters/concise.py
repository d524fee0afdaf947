"""Concise format: one line per finding, `path:line:col: CODE severity message`, and nothing else.

Made for grep, editors' quickfix lists and pipes, so no summary is written: an empty output means a clean
run. (A caller that wants a summary can print `tlqa.reporters.summary_line(run)` to standard error.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tlqa.reporters._common import one_line, write_lines

if TYPE_CHECKING:
    from tlqa.findings import Finding, RunReport
    from tlqa.rules import Registry


def format_finding(path: str, finding: Finding) -> str:
    return (
        f"{path}:{finding.begin.line}:{finding.begin.column}: "
        f"{finding.rule} {finding.severity.label} {one_line(finding.message)}"
    )


def render(
    run: RunReport,
    registry: Registry,
    out: TextIO,
    *,
    color: bool | None = None,
    width: int | None = None,
) -> None:
    write_lines(run, out, format_finding)

"""GitHub Actions format: one workflow command per finding, which GitHub shows as an annotation.

    ::error file=PATH,line=L,col=C,endLine=L2,endColumn=C2,title=CODE::message

error for error findings, warning for warnings, notice for info. Values are escaped as GitHub's runner
expects: `%`, CR and LF in the message; those and `:` and `,` in properties. Columns are given only for
a span on one line (GitHub's annotations accept columns only when start and end line agree). A finding in
standard input ('-') has no file property. A suggestion, when there is one, is a second message line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from tlqa.findings import Severity
from tlqa.reporters._common import write_lines

if TYPE_CHECKING:
    from tlqa.findings import Finding, RunReport
    from tlqa.rules import Registry

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(value: str) -> str:
    """Escape a command's message (the text after `::`)."""
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a property value (`key=value` before the `::`)."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_finding(path: str, finding: Finding) -> str:
    props: list[tuple[str, str]] = []
    if path != "-":
        props.append(("file", path))
    one_line = finding.begin.line == finding.finish.line
    props.append(("line", str(finding.begin.line)))
    if one_line:
        props.append(("col", str(finding.begin.column)))
    props.append(("endLine", str(finding.finish.line)))
    if one_line:
        props.append(("endColumn", str(finding.finish.column)))
    props.append(("title", finding.rule))
    message = finding.message
    if finding.suggestion is not None:
        message += f"\nsuggestion ({finding.suggestion.applicability.label}): {finding.suggestion.text}"
    prop_text = ",".join(f"{key}={escape_property(value)}" for key, value in props)
    return f"::{COMMANDS[finding.severity]} {prop_text}::{escape_data(message)}"


def render(
    run: RunReport,
    registry: Registry,
    out: TextIO,
    *,
    color: bool | None = None,
    width: int | None = None,
) -> None:
    write_lines(run, out, format_finding)

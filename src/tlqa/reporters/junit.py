"""JUnit XML format, for CI systems that show test results (GitLab, Jenkins, Azure, GitHub test
reporters).

One `<testsuite>` per article (named by its path); each finding is a `<testcase>` that fails
(`<failure type="CODE">`, or `<error>` for a rule that crashed), named `CODE line:column` with the
family as its class name; an article without findings has one passing test case, so that every checked
article shows up. The failure's message is the finding's message; its text holds the location,
severity, excerpt, suggestion and evidence. No timestamps or durations: the same run gives the same
bytes.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, TextIO

from tlqa.reporters._common import excerpt, one_line, plain, tool_version

if TYPE_CHECKING:
    from tlqa.findings import FileReport, Finding, RunReport
    from tlqa.rules import Registry

_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _details(report: FileReport, finding: Finding) -> str:
    lines = [
        f"{report.path}:{finding.begin.line}:{finding.begin.column}: {finding.rule} "
        f"{finding.severity.label} {one_line(finding.message)}",
        f"excerpt: {one_line(excerpt(report, finding))}",
    ]
    if finding.suggestion is not None:
        label = finding.suggestion.applicability.label
        lines.append(f"suggestion ({label}): {one_line(finding.suggestion.text)}")
    if finding.evidence:
        lines.append(f"evidence: {json.dumps(plain(finding.evidence), ensure_ascii=False, sort_keys=True)}")
    return "\n".join(lines)


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot carry (controls other than tab and line breaks) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def to_element(run: RunReport) -> ET.Element:
    total = sum(max(1, len(r.findings)) for r in run.files)
    failures = errors = 0
    root = ET.Element("testsuites", name="tlqa")
    for report in run.files:
        suite = ET.SubElement(root, "testsuite", name=_clean(report.path))
        suite_failures = suite_errors = 0
        if not report.findings:
            ET.SubElement(suite, "testcase", classname="tlqa", name="no findings", file=_clean(report.path))
        for finding in report.findings:
            case = ET.SubElement(
                suite,
                "testcase",
                classname=f"tlqa.{finding.family}",
                name=f"{finding.rule} {finding.begin.line}:{finding.begin.column}",
                file=_clean(report.path),
                line=str(finding.begin.line),
            )
            crashed = bool(finding.evidence and finding.evidence.get("crashed"))
            tag = "error" if crashed else "failure"
            node = ET.SubElement(
                case,
                tag,
                message=_clean(one_line(finding.message)),
                type=f"{finding.rule} {finding.severity.label}",
            )
            node.text = _clean(_details(report, finding))
            if crashed:
                suite_errors += 1
            else:
                suite_failures += 1
        suite.set("tests", str(max(1, len(report.findings))))
        suite.set("failures", str(suite_failures))
        suite.set("errors", str(suite_errors))
        suite.set("skipped", "0")
        failures += suite_failures
        errors += suite_errors
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.set("version", tool_version(run))
    return root


def render(
    run: RunReport,
    registry: Registry,
    out: TextIO,
    *,
    color: bool | None = None,
    width: int | None = None,
) -> None:
    root = to_element(run)
    ET.indent(root)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(ET.tostring(root, encoding="unicode"))
    out.write("\n")
